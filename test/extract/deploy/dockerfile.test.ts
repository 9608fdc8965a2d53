import { describe, expect, it } from 'vitest';
import { dockerfileExtractor } from '../../../src/extract/deploy/dockerfile.js';
import { dockerInstructions } from '../../../src/extract/deploy/dockerfile-instructions.js';
import { covered, fixture, refs, run, summary } from './helpers.js';

const STT = 'services/mana-stt/Dockerfile';

describe('dockerfile extractor', () => {
  it('reads EXPOSE, ENV PORT from an ARG, and the exec-form CMD --port as container bindings', async () => {
    const text = fixture(STT);
    const x = await run(dockerfileExtractor, STT, text, { service: 'mana-stt' });
    expect(summary(x)).toEqual([
      'mana-stt:3025@dev/container ENV PORT',
      'mana-stt:3025@dev/container EXPOSE',
      'mana-stt:9100@dev/container EXPOSE',
      'mana-stt:3025@dev/container --port',
    ]);
    expect(x.problems).toEqual([]);
    expect(x.bindings.every((b) => b.kind === 'deploy' && b.strength === 'declaration' && b.source === 'dockerfile')).toBe(true);
  });

  it('points ENV PORT=${APP_PORT} at the digits of the ARG default', async () => {
    const text = fixture(STT);
    const x = await run(dockerfileExtractor, STT, text, { service: 'mana-stt' });
    const env = x.bindings[0]!;
    expect(env.location).toMatchObject({ line: 4, column: 14, endLine: 4, endColumn: 18 });
    expect(covered(text, env.location)).toBe('3025');
  });

  it('reads a HEALTHCHECK URL continued over lines, past a comment line, at its exact digits', async () => {
    const text = fixture(STT);
    const x = await run(dockerfileExtractor, STT, text, { service: 'mana-stt' });
    expect(refs(x)).toEqual(['healthcheck localhost:3025 (container)']);
    expect(x.references[0]).toMatchObject({ fromService: 'mana-stt', host: 'dev', source: 'dockerfile' });
    expect(x.references[0]!.location).toMatchObject({ line: 12, column: 24, endLine: 12, endColumn: 28 });
  });

  it('reads legacy ENV, shell-form CMD --port=, and reports EXPOSE 70000 at its digits', async () => {
    const path = 'services/mana-web/Dockerfile.prod';
    const text = fixture(path);
    const x = await run(dockerfileExtractor, path, text, { service: 'mana-web', host: 'mac-mini' });
    expect(summary(x)).toEqual(['mana-web:5010@mac-mini/container ENV PORT', 'mana-web:5011@mac-mini/container --port']);
    expect(x.problems).toHaveLength(1);
    expect(x.problems[0]).toMatchObject({ ruleId: 'input/invalid-port', location: { line: 4, column: 8, endColumn: 13 } });
    // The fingerprint holds no line number: the same problem a line lower keeps it.
    const lower = await run(dockerfileExtractor, path, `\n${text}`, { service: 'mana-web', host: 'mac-mini' });
    expect(lower.problems.map((p) => [p.location.line, p.fingerprint])).toEqual([[5, x.problems[0]!.fingerprint]]);
  });

  it('names the service from a known file name when the path has no services/<name>/', async () => {
    const x = await run(dockerfileExtractor, 'docker/mana-media.Dockerfile', 'FROM x\nEXPOSE 3015\n', { known: ['mana-media'] });
    expect(summary(x)).toEqual(['mana-media:3015@dev/container EXPOSE']);
  });

  it('expands EXPOSE ranges and resolves variables only within a stage', async () => {
    const text = 'FROM a AS build\nARG PORT=4000\nFROM b\nEXPOSE ${PORT} 9000-9002/udp\n';
    const x = await run(dockerfileExtractor, 'services/s/Dockerfile', text, { service: 's' });
    expect(summary(x)).toEqual(['s:9000@dev/container EXPOSE', 's:9001@dev/container EXPOSE', 's:9002@dev/container EXPOSE']);
    expect(covered(text, x.bindings[1]!.location)).toBe('9000-9002');
  });

  it('does not read $PORT in an exec-form CMD as a port, but follows sh -c', async () => {
    const text = 'FROM a\nENV PORT=3001\nCMD ["node", "x.js", "--port", "$PORT"]\nENTRYPOINT ["/bin/sh", "-c", "serve --port 3002"]\n';
    const x = await run(dockerfileExtractor, 'services/s/Dockerfile', text, { service: 's' });
    expect(summary(x)).toEqual(['s:3001@dev/container ENV PORT', 's:3002@dev/container --port']);
    expect(x.problems).toEqual([]);
  });

  it('tokenizes instructions with the escape directive', () => {
    const ins = dockerInstructions('# escape=`\nRUN a `\n  b\nEXPOSE 1\n');
    expect(ins.map((i) => [i.keyword, i.args.value])).toEqual([
      ['RUN', 'a   b'],
      ['EXPOSE', '1'],
    ]);
  });
});
