import { describe, expect, it } from 'vitest';
import { parseRegistry } from '../../../src/extract/registry/index.js';

/** Deterministic pseudo-random bytes (a tiny LCG), so a failure reproduces. */
function garbage(seed: number, length: number): string {
  let x = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out += String.fromCharCode(x % 256);
  }
  return out;
}

describe('parseRegistry on hostile input', () => {
  it('returns an empty document for an empty string', () => {
    const { doc, problems } = parseRegistry('docs/PORT_SCHEMA.md', '');
    expect(problems).toEqual([]);
    expect(doc).toEqual({ path: 'docs/PORT_SCHEMA.md', aspirational: false, sections: [], plan: [], actual: [], hosts: [], dates: [] });
  });

  it('never throws on binary-ish garbage', () => {
    for (let seed = 1; seed <= 20; seed++) {
      expect(() => parseRegistry('docs/PORT_SCHEMA.md', garbage(seed, 4000))).not.toThrow();
    }
    expect(() => parseRegistry('x.md', '\u0000\u0001\uFFFD|||\n|-|\n|\u0000|\n> ### Real ports today (\n> **:**\n> - `99999999999999999999`')).not.toThrow();
  });

  it('survives garbage dressed as registry syntax', () => {
    const text = [
      '## 99999-1: ',
      '| Port | Port | Service |',
      '|---|---|---|',
      '| | | |',
      '| 1-99999999 | x | *(reserved* |',
      '| 3001,,3002 | y | `` |',
      '> ### Real ports today ((((',
      '> **:**',
      '> - `3001` `3002` ((( `3003`',
      '> **Not deployed:** (port `3004`',
    ].join('\n');
    const { doc, problems } = parseRegistry('docs/PORT_SCHEMA.md', text);
    expect(doc.sections).toHaveLength(1);
    expect(doc.sections[0]!.range).toBeUndefined();
    expect(problems.map((p) => p.ruleId)).toContain('input/invalid-port');
    expect(problems.map((p) => p.ruleId)).toContain('input/malformed-table');
    expect(doc.actual).toEqual([]);
  });
});

/** Parses and times one registry text. */
function timed(text: string) {
  const started = performance.now();
  const result = parseRegistry('docs/PORT_SCHEMA.md', text);
  return { ...result, ms: performance.now() - started };
}

// Generous bounds: these only catch a hang (before the limits these took seconds to minutes or
// overflowed the stack); the measured figures are in bench/README.md (npm run fuzz).
const HANG_MS = 5_000;

describe('parseRegistry on hostile shapes, refused with the line that crossed a limit', () => {
  it('4,000 `>` on one line: input/markdown-too-deep at line 1 (the parser overflowed its stack)', () => {
    const r = timed('# Ports\n' + '>'.repeat(4000));
    expect(r.problems).toEqual([expect.objectContaining({ ruleId: 'input/markdown-too-deep', location: expect.objectContaining({ file: 'docs/PORT_SCHEMA.md', line: 2, column: 1 }) })]);
    expect(r.problems[0]!.message).toContain('expected at most 32');
    expect(r.doc.plan).toEqual([]);
    expect(r.ms).toBeLessThan(HANG_MS);
  });

  it('2,000 nested `- ` on one line, and `- - x` lines nesting one deeper each', () => {
    const one = timed('- '.repeat(2000) + 'x');
    expect(one.problems.map((p) => [p.ruleId, p.location.line])).toEqual([['input/markdown-too-deep', 1]]);
    const stair = timed(Array.from({ length: 300 }, (_, i) => '- '.repeat(i + 1) + 'x').join('\n'));
    expect(stair.problems.map((p) => [p.ruleId, p.location.line])).toEqual([['input/markdown-too-deep', 33]]);
    expect(one.ms + stair.ms).toBeLessThan(HANG_MS);
  });

  it('20,000 `[`: input/too-complex naming the run', () => {
    const r = timed('## 3000-3009: Core\n\n' + '['.repeat(20000));
    expect(r.problems).toEqual([expect.objectContaining({ ruleId: 'input/too-complex', location: expect.objectContaining({ line: 3 }) })]);
    expect(r.problems[0]!.message).toMatch(/run of 20000 `\[`.*expected at most 64/);
    expect(r.ms).toBeLessThan(HANG_MS);
  });

  it('blockquotes closed over and over: refused at the 501st closing', () => {
    const r = timed('> a\n\nb\n\n'.repeat(600));
    expect(r.problems).toEqual([expect.objectContaining({ ruleId: 'input/too-complex', location: expect.objectContaining({ line: 501 * 4 - 1 }) })]);
    expect(r.problems[0]!.message).toContain('closes more than 500 blockquotes or lists');
    expect(r.ms).toBeLessThan(HANG_MS);
  });

  it('thousands of link definitions, wide and long tables, emphasis runs', () => {
    const defs = timed(Array.from({ length: 1200 }, (_, i) => `[l${i}]: http://x:${3000 + (i % 100)}`).join('\n'));
    expect(defs.problems.map((p) => [p.ruleId, p.location.line])).toEqual([['input/too-complex', 1001]]);
    const wide = timed('|a'.repeat(200) + '|\n' + '|-'.repeat(200) + '|\n');
    expect(wide.problems.map((p) => [p.ruleId, p.location.line])).toEqual([['input/too-complex', 2]]);
    const long = timed('| Port | Service |\n|---|---|\n' + '| 3001 | a |\n'.repeat(12000));
    expect(long.problems.map((p) => [p.ruleId, p.location.line])).toEqual([['input/too-complex', 2001]]);
    const cells = timed('|a'.repeat(100) + '|\n' + '|-'.repeat(100) + '|\n' + ('|1'.repeat(100) + '|\n').repeat(300));
    expect(cells.problems.map((p) => [p.ruleId, p.location.line])).toEqual([['input/too-complex', 201]]);
    const comments = timed('- **Run' + '`'.repeat(60) + '<!--'.repeat(10_000));
    expect(comments.problems.map((p) => p.ruleId)).toEqual(['input/too-complex']);
    const stars = timed('*'.repeat(5000) + 'a' + '*'.repeat(5000));
    expect(stars.problems.map((p) => p.ruleId)).toEqual(['input/too-complex']);
    expect(defs.ms + wide.ms + long.ms + cells.ms + comments.ms + stars.ms).toBeLessThan(HANG_MS);
  });

  it('reads a registry that stays within every limit as before', () => {
    const ok = timed('## 3000-3009: Core\n\n| Port | Service |\n|---|---|\n' + Array.from({ length: 9 }, (_, i) => `| 300${i} | svc-${i} |`).join('\n') + '\n\n---\n\n***\n\n> - **Mac Mini:** a `3001`\n');
    expect(ok.problems).toEqual([]);
    expect(ok.doc.plan).toHaveLength(9);
  });
});
