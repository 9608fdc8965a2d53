import { describe, expect, it } from 'vitest';
import { shellExtractor } from '../../../src/extract/deploy/shell.js';
import { shellCommands } from '../../../src/extract/deploy/shell-words.js';
import { identity } from '../../../src/core/mapped.js';
import { covered, fixture, run, summary } from './helpers.js';

const SCRIPT = 'scripts/mac-mini/start-media.sh';

describe('shell extractor', () => {
  it('reads export PORT=${PORT:-3015}, PORT=3016 prefixes and --port=, skipping comments, quotes and here-documents', async () => {
    const text = fixture(SCRIPT);
    const x = await run(shellExtractor, SCRIPT, text, { host: 'mac-mini', known: ['mana-media', 'mana-media-worker'] });
    expect(summary(x)).toEqual([
      'mana-media:3015@mac-mini/host PORT=',
      'mana-media-worker:3016@mac-mini/host PORT=',
      'mana-media:3026@mac-mini/host --port',
    ]);
    expect(x.problems).toEqual([]);
  });

  it('points the default of ${PORT:-3015} at its digits and keeps "$PORT" from duplicating it', async () => {
    const text = fixture(SCRIPT);
    const x = await run(shellExtractor, SCRIPT, text, { host: 'mac-mini', known: ['mana-media', 'mana-media-worker'] });
    expect(x.bindings[0]!.location).toMatchObject({ line: 5, column: 21, endLine: 5, endColumn: 25 });
    expect(covered(text, x.bindings[0]!.location)).toBe('3015');
  });

  it('binds the owning service on the developer machine when the path names no host', async () => {
    const x = await run(shellExtractor, 'services/api/run.sh', 'bun run dev --port 3030\n', { service: 'api' });
    expect(summary(x)).toEqual(['api:3030@dev/host --port']);
  });

  it('skips bindings when no service is known, and reports --port 70000', async () => {
    const text = 'exec serve --port 70000\n';
    const x = await run(shellExtractor, 'bin/serve', `#!/bin/sh\n${text}`, {});
    expect(x.bindings).toEqual([]);
    expect(x.problems.map((p) => p.ruleId)).toEqual(['input/invalid-port']);
    expect(x.problems[0]!.location).toMatchObject({ line: 2, column: 19, endColumn: 24 });
  });

  it('ignores extension-less files without a shell shebang', async () => {
    const x = await run(shellExtractor, 'scripts/run', '#!/usr/bin/env python3\nPORT=3000\n', { service: 's' });
    expect(x.bindings).toEqual([]);
    expect(shellExtractor.accepts('scripts/run')).toBe(true);
    expect(shellExtractor.accepts('src/run')).toBe(false);
  });

  it('tokenizes quotes, continuations and expansions with mapped positions', () => {
    const text = 'A="x y"\\\n b\'c\' ${N:-7} $(date +%s) # comment --port 1\nnext';
    const cmds = [...shellCommands(identity(text, 0, text.length), () => undefined)];
    expect(cmds.map((c) => c.words.map((w) => w.value.value))).toEqual([['A=x y', "bc", '7', '\u0000'], ['next']]);
    expect(cmds[0]!.words[2]!.value.starts).toEqual([text.indexOf('7')]);
  });
});

describe('shell commands inside control flow', () => {
  it('reads PORT= after then/do, and assignments in functions', async () => {
    const text = 'start() {\n  local PORT=3101\n}\nif true; then PORT=3102 node a.js; fi\nwhile x; do\n  PORT=3103 node b.js\ndone\n';
    const x = await run(shellExtractor, 'services/s/run.sh', text, { service: 's' });
    expect(x.bindings.map((b) => b.port)).toEqual([3101, 3102, 3103]);
  });

  it('does not read REDIS_PORT, docker -p or mkdir -p as the service port', async () => {
    const text = 'REDIS_PORT=6379\ndocker run -p 3041:3000 img\nmkdir -p 3000\n';
    const x = await run(shellExtractor, 'services/s/run.sh', text, { service: 's' });
    expect(x.bindings).toEqual([]);
    expect(x.problems).toEqual([]);
  });
});
