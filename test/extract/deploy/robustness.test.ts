import { describe, expect, it } from 'vitest';
import { deployExtractors } from '../../../src/extract/deploy/index.js';
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
  ['deploy/k8s/emailservice.yaml', 'k8s/emailservice.yaml'],
  ['src/Identity.API/Properties/launchSettings.json', 'dotnet/Properties/launchSettings.json'],
  ['orders/src/main/resources/application.yml', 'spring/application.yml'],
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

describe('deploy readers on hostile shapes', () => {
  const find = (id: string) => deployExtractors.find((e) => e.id === id)!;
  const chain = (n: number) => ['x-a0: &a0 {p: 1}', ...Array.from({ length: n }, (_, i) => `x-a${i + 1}: &a${i + 1} {<<: *a${i}}`)].join('\n') + '\nservices:\n  web:\n    ports: ["3001:3001"]\n';

  it('a compose file whose anchors chain 50,000 times is refused before parsing at the 1,001st alias token, quickly', async () => {
    const started = performance.now();
    const x = await run(find('compose'), 'docker-compose.macmini.yml', chain(50_000));
    expect(performance.now() - started).toBeLessThan(10_000); // hang guard; figures in bench/README.md
    expect(x.bindings).toEqual([]);
    expect(x.problems).toEqual([expect.objectContaining({ ruleId: 'input/too-complex', location: expect.objectContaining({ file: 'docker-compose.macmini.yml', line: 1002 }) })]);
    expect(x.problems[0]!.message).toContain('expected at most 100');
    // 500 aliases parse quickly and are still refused, at the 101st.
    const parsed = await run(find('compose'), 'docker-compose.macmini.yml', chain(500));
    expect(parsed.problems.map((p) => [p.ruleId, p.location.line])).toEqual([['input/too-complex', 102]]);
  });

  it('a compose file with a few anchors is read as before', async () => {
    const x = await run(find('compose'), 'docker-compose.macmini.yml', chain(5));
    const plain = await run(find('compose'), 'docker-compose.macmini.yml', 'services:\n  web:\n    ports: ["3001:3001"]\n');
    expect(x.problems).toEqual([]);
    expect(x.bindings.map((b) => b.port)).toEqual(plain.bindings.map((b) => b.port));
    expect(x.bindings.length).toBeGreaterThan(0);
  });

  it('`${` repeated over a megabyte-long env line, and a 100,000-line Dockerfile continuation, neither throw nor stall', async () => {
    let started = performance.now();
    const env = await run(find('env'), 'services/s/.env', 'A=' + '${A:-'.repeat(200_000) + '\nPORT=3001\n', { service: 's' });
    expect(env.bindings.map((b) => [b.port, b.location.line])).toEqual([[3001, 2]]);
    expect(performance.now() - started).toBeLessThan(10_000);
    started = performance.now();
    const docker = await run(find('dockerfile'), 'services/s/Dockerfile', 'FROM a\nRUN x \\\n' + '  -  \\\n'.repeat(100_000) + '  y\nEXPOSE 3001\n', { service: 's' });
    expect(docker.bindings.map((b) => [b.port, b.location.line])).toEqual([[3001, 100_004]]);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('interpolation that would grow without bound', () => {
  it('`ENV P=${P}${P}` repeated stays bounded: the expansion past the cap stands unresolved', async () => {
    const docker = deployExtractors.find((e) => e.id === 'dockerfile')!;
    const started = performance.now();
    const x = await run(docker, 'services/s/Dockerfile', 'FROM a\nARG P=3001\n' + 'ENV P=${P}${P}\n'.repeat(60) + 'EXPOSE 3002\n', { service: 's' });
    expect(performance.now() - started).toBeLessThan(10_000); // before the cap: out of memory
    expect(x.bindings.map((b) => b.port)).toContain(3002);
  });

  it('`ENV P=${P}${P}` read as shell words (the key=value form), and a long value named on every line, stay bounded', async () => {
    const docker = deployExtractors.find((e) => e.id === 'dockerfile')!;
    let started = performance.now();
    // Doubling through the shell-word path (before its cap: out of memory within a minute).
    let x = await run(docker, 'services/s/Dockerfile', 'FROM a\nARG P=3001\nENV Q=1 P=${P}${P}\n' + 'ENV P=${P}${P} Q=2\n'.repeat(60) + 'EXPOSE 3002\n', { service: 's' });
    expect(x.bindings.map((b) => b.port)).toContain(3002);
    expect(performance.now() - started).toBeLessThan(10_000);
    // A 60,000-character value named by 20,000 variables: past the file's budget they stand unresolved.
    started = performance.now();
    const names = Array.from({ length: 20_000 }, (_, i) => `A${i}=\${P}`).join(' ');
    x = await run(docker, 'services/s/Dockerfile', `FROM a\nENV P=${'9'.repeat(60_000)}\nENV ${names}\nEXPOSE 3002\n`, { service: 's' });
    expect(x.bindings.map((b) => [b.port, b.location.line])).toEqual([[3002, 4]]);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('`P=$P$P` repeated in a CMD shell stays bounded', async () => {
    const docker = deployExtractors.find((e) => e.id === 'dockerfile')!;
    const started = performance.now();
    const x = await run(docker, 'services/s/Dockerfile', 'FROM a\nCMD P=3001; ' + 'P=$P$P; '.repeat(80) + 'serve --port 3003\n', { service: 's' });
    expect(x.bindings.map((b) => b.port)).toContain(3003);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
