import { describe, expect, it } from 'vitest';
import { parseRegistry } from '../../src/extract/registry/index.js';

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
