import { describe, expect, it } from 'vitest';
import { serviceDocExtractor } from '../../../src/extract/service-doc/index.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractFixture, extractText } from './helpers.js';

const at = (l: { line: number; column: number; endLine: number; endColumn: number }) => `${l.line}:${l.column}-${l.endLine}:${l.endColumn}`;

describe('service-doc noise and bad input', () => {
  it('reads no port from prose numbers, dates, versions, version tables, image tags or times', () => {
    const e = extractFixture('noise', 'mana-analytics');
    expect(e).toEqual({ bindings: [], references: [], problems: [] });
  });

  it('reads nothing from a doc with no port at all', () => {
    const e = extractFixture('no-port', 'shared-types');
    expect(e.bindings).toEqual([]);
    expect(e.references).toEqual([]);
    expect(e.problems).toEqual([]);
  });

  it('reports 70000, abc and PORT=99999 as input/invalid-port at the token, and accepts "none"', () => {
    const { bindings, problems } = extractFixture('invalid-port', 'mana-broken');
    expect(bindings).toEqual([]);
    expect(problems.map((p) => [p.ruleId, at(p.location)])).toEqual([
      ['input/invalid-port', '3:13-3:18'],
      ['input/invalid-port', '5:11-5:14'],
      ['input/invalid-port', '10:6-10:11'],
    ]);
    expect(problems[0]?.message).toBe('`**Port:**` in services/mana-broken/CLAUDE.md gives a port that is a 5-digit number above 65535; expected an integer from 1 to 65535.');
    expect(problems[1]?.message).toContain('is 3 characters, not a port');
    expect(problems.map((p) => p.message).join('\n')).not.toMatch(/70000|abc|99999/);
    // Keys hold no line numbers, so moving the line keeps the fingerprint.
    const text = readFileSync(fileURLToPath(new URL('../../fixtures/service-doc/invalid-port/CLAUDE.md', import.meta.url)), 'utf8');
    const lower = extractText(`\n${text}`, 'mana-broken');
    expect(lower.problems.map((p) => [p.location.line, p.fingerprint])).toEqual(problems.map((p) => [p.location.line + 1, p.fingerprint]));
    expect(new Set(problems.map((p) => p.fingerprint)).size).toBe(3);
  });

  it('keeps reading after a bad port: the next declaration still binds', () => {
    const { bindings, problems } = extractText('**Port:** 0\n\n## Port: 3024\n');
    expect(problems).toHaveLength(1);
    expect(bindings.map((b) => b.port)).toEqual([3024]);
  });

  it('reports an out-of-range URL port instead of a reference', () => {
    const { references, problems } = extractText('Calls http://mana-sync:305000/ws.\n');
    expect(references).toEqual([]);
    expect(problems.map((p) => [p.ruleId, at(p.location)])).toEqual([['input/invalid-port', '1:24-1:30']]);
  });

  it('never throws on odd input', () => {
    for (const text of ['', '\u0000\u0001\u0002', '**Port:**', '## Port:', '| PORT |\n|---|\n', '```\n┌ :', 'Port:\n'.repeat(1000), '**Port:** 3024\r\n']) {
      expect(() => extractText(text)).not.toThrow();
    }
    expect(extractText('**Port:** 3024\r\n').bindings.map((b) => at(b.location))).toEqual(['1:11-1:15']);
  });

  it('prefilter skips docs that cannot mention a port', () => {
    expect(serviceDocExtractor.prefilter?.('# shared-types\n\nNo server.\n')).toBe(false);
    expect(serviceDocExtractor.prefilter?.('**Port:** 3024')).toBe(true);
    expect(serviceDocExtractor.prefilter?.('see http://mana-sync:3050')).toBe(true);
  });
});
