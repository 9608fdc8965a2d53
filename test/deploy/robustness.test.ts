import { describe, expect, it } from 'vitest';
import { deployExtractors } from '../../src/extract/deploy/index.js';
import { fixture, run } from './helpers.js';

const FIXTURES: [string, string][] = [
  ['services/mana-stt/Dockerfile', 'services/mana-stt/Dockerfile'],
  ['docker-compose.macmini.yml', 'docker-compose.macmini.yml'],
  ['services/mana-core/.env.example', '.env.example'],
  ['scripts/mac-mini/start-media.sh', 'scripts/mac-mini/start-media.sh'],
  ['services/mana-web/package.json', 'package.json'],
  ['launchd/com.mana.mana-media.plist', 'launchd/com.mana.mana-media.plist'],
  ['deploy/cloudflared/config.yml', 'deploy/cloudflared/config.yml'],
  ['docker/prometheus/prometheus.yml', 'docker/prometheus/prometheus.yml'],
];

describe('deploy extractors on bad input', () => {
  it('each fixture path is read by exactly one extractor', () => {
    for (const [path] of FIXTURES) expect(deployExtractors.filter((e) => e.accepts(path)).map((e) => e.id)).toHaveLength(1);
  });

  it('never throw on any truncation of their fixtures, and keep positions inside the text', async () => {
    for (const [path, name] of FIXTURES) {
      const text = fixture(name);
      const extractor = deployExtractors.find((e) => e.accepts(path))!;
      for (let cut = 0; cut <= text.length; cut += 5) {
        const part = text.slice(0, cut);
        const x = await run(extractor, path, part, { service: 'svc', known: ['mana-media'] });
        const lines = part.split('\n').length;
        for (const item of [...x.bindings, ...x.references, ...x.problems]) expect(item.location.endLine).toBeLessThanOrEqual(lines);
      }
    }
  });

  it('never throw on binary-looking or hostile text', async () => {
    const junk = ['\u0000\u0001\uFFFD<<<', '${${${', '"\\', '<plist><dict><key>', '[{', 'PORT=99999999999999999999', '\t- :\n  ? ]', '`$((1+`'];
    for (const [path] of FIXTURES) {
      const extractor = deployExtractors.find((e) => e.accepts(path))!;
      for (const text of junk) await expect(Promise.resolve(run(extractor, path, text, { service: 'svc' }))).resolves.toBeDefined();
    }
  });
});

describe('deploy extractors on CRLF files', () => {
  it('read continuations and values the same with Windows line endings', async () => {
    const docker = deployExtractors.find((e) => e.id === 'dockerfile')!;
    const dotenv = deployExtractors.find((e) => e.id === 'env')!;
    const text = 'FROM a\r\nHEALTHCHECK CMD curl \\\r\n  http://localhost:3025/h\r\nENV PORT=3025\r\n';
    const x = await run(docker, 'services/s/Dockerfile', text, { service: 's' });
    expect(x.references.map((r) => [r.port, r.location.line, r.location.column])).toEqual([[3025, 3, 20]]);
    expect(x.bindings.map((b) => [b.port, b.location.line, b.location.column])).toEqual([[3025, 4, 10]]);
    const env = await run(dotenv, 'services/s/.env', 'PORT=3024\r\nA=1\r\n', { service: 's' });
    expect(env.bindings.map((b) => [b.port, b.location.endColumn])).toEqual([[3024, 10]]);
    expect(env.problems).toEqual([]);
  });
});
