import { describe, expect, it } from 'vitest';
import { quote } from '../../src/extract/source/script-syntax.js';

describe('quoting code in a message', () => {
  it('collapses whitespace runs and shortens as before', () => {
    const old = (code: string, max = 48) => {
      const flat = code.replace(/\s+/g, ' ');
      return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
    };
    for (const code of ['', ' ', 'a', '  a \n\t b  ', 'x'.repeat(48), 'x'.repeat(49), ' '.repeat(100) + 'y'.repeat(60), 'a\u00a0\u2003b', `env('PORT',\n    3001)`])
      for (const max of [1, 5, 48]) expect(quote(code, max), JSON.stringify([code, max])).toBe(old(code, max));
  });

  it('reads only the start of a long node (quoted per node: whole-file nodes made a 32 KB file take seconds)', () => {
    const code = '`\n'.repeat(500_000);
    const started = performance.now();
    for (let i = 0; i < 5_000; i++) quote(code);
    expect(performance.now() - started).toBeLessThan(2_000); // the whole-text version: minutes
  });
});
