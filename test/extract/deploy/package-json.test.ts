import { describe, expect, it } from 'vitest';
import { packageJsonExtractor } from '../../../src/extract/deploy/package-json.js';
import { covered, fixture, run, summary } from './helpers.js';

describe('package.json extractor', () => {
  it('reads --port, PORT= prefixes, cross-env and next -p, not mkdir -p or versions', async () => {
    const text = fixture('package.json');
    const x = await run(packageJsonExtractor, 'services/mana-web/package.json', text, { service: 'mana-web' });
    expect(summary(x)).toEqual([
      'mana-web:5010@dev/host --port',
      'mana-web:3030@dev/host PORT=',
      'mana-web:3000@dev/host -p',
      'mana-web:5012@dev/host --port',
      'mana-web:3031@dev/host PORT=',
    ]);
    expect(x.bindings.every((b) => b.source === 'package-json')).toBe(true);
  });

  it('positions ports inside escaped JSON strings exactly', async () => {
    const text = fixture('package.json');
    const x = await run(packageJsonExtractor, 'services/mana-web/package.json', text, { service: 'mana-web' });
    const escaped = x.bindings[3]!;
    expect(escaped.location).toMatchObject({ line: 8, column: 41, endLine: 8, endColumn: 45 });
    expect(covered(text, escaped.location)).toBe('5012');
    expect(x.bindings[0]!.location).toMatchObject({ line: 5, column: 25, endColumn: 29 });
  });

  it('does not read scripts that run tests: their ports are the test run\'s', async () => {
    const text = JSON.stringify({ scripts: { start: 'node src/index.js', dev: 'PORT=3000 nodemon', test: 'cross-env NODE_ENV=test PORT=8081 mocha', 'test-wait': 'PORT=8082 mocha', 'e2e:ci': 'vite --port 5999', 'latest': 'PORT=3001 node .' } }, null, 2);
    const x = await run(packageJsonExtractor, 'backend/package.json', text, { service: 'backend' });
    expect(x.bindings.map((b) => b.port)).toEqual([3000, 3001]);
  });

  it('reports broken JSON as input/invalid-json without throwing', async () => {
    const x = await run(packageJsonExtractor, 'package.json', '{\n  "scripts": { "dev": "vite --port 1" \n', { service: 'a' });
    expect(x.bindings).toEqual([]);
    expect(x.problems.map((p) => p.ruleId)).toEqual(['input/invalid-json']);
    expect(x.problems[0]!.location.line).toBe(3);
  });

  it('says so when valid JSON nests too deeply to read, instead of dropping its scripts silently', async () => {
    const text = `{"scripts": {"start": "node x --port 3001"}, "x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(() => JSON.parse(text)).not.toThrow();
    const x = await run(packageJsonExtractor, 'services/a/package.json', text, { service: 'a' });
    expect(x.bindings).toEqual([]);
    expect(x.problems.map((p) => [p.ruleId, p.location.file, p.location.line])).toEqual([['input/too-complex', 'services/a/package.json', 1]]);
    expect(x.problems[0]!.message).toContain('expected');
  });
});
