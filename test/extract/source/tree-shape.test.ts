/**
 * Trees the readers would walk in quadratic time (web-tree-sitter finds a node's parent by
 * descending from the root) are refused with a finding that names the line; ordinary code,
 * big or small, is read as before.
 */
import { describe, expect, test } from 'vitest';
import { goExtractor, pythonExtractor, typescriptExtractor } from '../../../src/extract/source/index.js';
import { ports, run } from './support.js';

const place = (path: string) => ({ path: `services/api/${path}`, service: 'api' });
const timed = async <T>(work: () => Promise<T>) => {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
};

describe('syntax trees too deep or too wide to walk', () => {
  test('Python: an unclosed parenthesis that swallows thousands of calls is one finding naming where the error starts, in well under the 40 s it took', async () => {
    const text = 'import os\n' + 'os.getenv("PORT"#x, "3001")\n'.repeat(6_800);
    const { result, ms } = await timed(() => run(pythonExtractor, text, place('main.py')));
    expect(result.problems.map((p) => [p.ruleId, p.location.line])).toEqual([['input/too-complex', 1]]);
    expect(result.problems[0]!.message).toContain('does not parse from here on');
    expect(ms).toBeLessThan(5_000);
  });

  test('Go: the same shape', async () => {
    const text = 'package main\nimport "os"\nfunc main() {\n' + '\tos.Getenv("PORT"(, "3001")\n'.repeat(6_000) + '}\n';
    const { result, ms } = await timed(() => run(goExtractor, text, place('main.go')));
    expect(result.problems.map((p) => p.ruleId)).toEqual(['input/too-complex']);
    expect(ms).toBeLessThan(5_000);
  });

  test('TypeScript: 13,000 nested unary minuses are too deep', async () => {
    const text = 'export const port = ' + '- '.repeat(13_000) + '"3001:3001";\n';
    const { result, ms } = await timed(() => run(typescriptExtractor, text, place('config.ts')));
    expect(result.problems.map((p) => [p.ruleId, p.location.line])).toEqual([['input/too-complex', 1]]);
    expect(result.problems[0]!.message).toContain('levels deep');
    expect(ms).toBeLessThan(5_000);
  });

  test('text the parser recovers from in quadratic time is cancelled after its CPU budget (45 KB of `<!--` took 100 s as Python)', async () => {
    const text = 'PORT = 3001\n' + 'http://'.repeat(100) + '<!--'.repeat(11_000);
    const { result, ms } = await timed(() => run(pythonExtractor, text, place('main.py')));
    expect(result.problems.map((p) => [p.ruleId, p.location.line])).toEqual([['input/too-complex', 1]]);
    expect(result.problems[0]!.message).toContain('s of CPU to parse as python');
    expect(ms).toBeLessThan(15_000);
  });

  test('the same text without a port name or a URL with a port is not parsed at all: nothing to read, at once', async () => {
    const text = 'http://'.repeat(100) + '<!--'.repeat(11_000);
    const { result, ms } = await timed(() => run(pythonExtractor, text, place('main.py')));
    expect(result).toEqual({ bindings: [], references: [], problems: [] });
    expect(ms).toBeLessThan(1_000);
  });

  test('a large ordinary file is still read', async () => {
    const text = "const port = process.env.PORT || '3001';\n" + 'export function f(a: number) {\n  return [a, { b: [a + 1] }];\n}\n'.repeat(2_000);
    const result = await run(typescriptExtractor, text, place('server.ts'));
    expect(result.problems).toEqual([]);
    expect(ports(result)).toEqual([3001]);
  });
});
