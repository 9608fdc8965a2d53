import { describe, expect, it } from 'vitest';
import { interpolate, UNRESOLVED } from '../../../src/extract/deploy/interpolate.js';
import { identity } from '../../../src/core/mapped.js';

const run = (text: string, env: Record<string, string>, dollarEscape = true) => interpolate(identity(text, 0, text.length), (n) => env[n], { dollarEscape });

describe('interpolate', () => {
  it('prefers the value, then the default, and maps a default to its own digits', () => {
    expect(run('${P:-3001}', { P: '4000' }).value.value).toBe('4000');
    const d = run('x ${P:-3001}', {});
    expect(d.value.value).toBe('x 3001');
    expect(d.value.starts.slice(2)).toEqual([7, 8, 9, 10]);
  });

  it('spans a substituted value over the whole expression', () => {
    const r = run('a:$P', { P: '12' });
    expect(r.value.value).toBe('a:12');
    expect([r.value.starts[2], r.value.ends[3]]).toEqual([2, 4]);
  });

  it('distinguishes :- from - for empty values, and handles nested defaults', () => {
    expect(run('${P:-1}', { P: '' }).value.value).toBe('1');
    expect(run('${P-1}', { P: '' }).value.value).toBe('');
    expect(run('${A:-${B:-7}}', {}).value.value).toBe('7');
    expect(run('${A:+on}', { A: 'x' }).value.value).toBe('on');
  });

  it('reports unresolved variables and ${P:?} errors, and keeps $$ literal in compose', () => {
    const r = run('${P}-${Q:?need Q}', {});
    expect(r.value.value).toBe(`${UNRESOLVED}-${UNRESOLVED}`);
    expect(r.unresolved.map((u) => [u.name, u.start, u.end])).toEqual([
      ['P', 0, 4],
      ['Q', 5, 17],
    ]);
    expect(run('$$HOME', {}).value.value).toBe('$HOME');
  });
});
