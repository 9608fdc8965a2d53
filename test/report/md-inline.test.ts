import { describe, expect, it } from 'vitest';
import { code } from '../../src/report/md-inline.js';

describe('code spans in table cells', () => {
  it('keep names as written: no backslash escapes or entities, only the cell-ending pipe escaped', () => {
    expect(code('svc_a')).toBe('`svc_a`');
    expect(code('a<b>&*[x]')).toBe('`a<b>&*[x]`');
    expect(code('a|b')).toBe('`a\\|b`');
  });

  it('fence a name holding backticks with a longer run', () => {
    expect(code('a`b')).toBe('``a`b``');
    expect(code('`x`')).toBe('`` `x` ``');
  });
});
