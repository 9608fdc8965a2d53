import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeNumber, describeValue, readPort, valueKey, variable } from '../../src/extract/value-text.js';

describe('ports in text are ASCII decimal digits, 1..65535', () => {
  it.each([
    ['3000', 3000],
    ['03000', 3000],
    ['65535', 65535],
    ['1', 1],
  ])('%s is port %d', (text, port) => expect(readPort(text)).toBe(port));

  it.each(['0', '65536', '3_000', '３０００', '3000.5', '+3000', '-1', '0x0BB8', '3e3', ' 3000', '3000 ', ''])('%j is no port', (text) => expect(readPort(text)).toBeUndefined());
});

describe('a value that is not a port is described, never shown', () => {
  it.each([
    ['', 'is empty'],
    ['   ', 'is 3 whitespace characters'],
    ['0', 'is zero'],
    ['70000', 'is a 5-digit number above 65535'],
    ['-1', 'is a negative number'],
    ['3_000', 'is a number with `_` separators, which text does not allow'],
    ['3000.5', 'is a number with a fraction, not a whole number'],
    ['３０００', 'is 4 digits that are not ASCII 0-9'],
    ['AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46Z2hzX3h4eA==', 'is 53 characters, not a port'],
    ['p🔑ss', 'is 4 characters, not a port'],
  ])('%j %s', (text, said) => expect(describeValue(text)).toBe(said));

  it('a valid port may be said as itself', () => {
    expect(describeValue('3001')).toBe('is `3001`');
    expect(describeNumber(3001)).toBe('is `3001`');
    expect([describeNumber(0.5), describeNumber(-3), describeNumber(70000), describeNumber(Number.NaN)]).toEqual([
      'is a number with a fraction, not a whole number',
      'is a negative number',
      'is a number above 65535',
      'is not a number',
    ]);
  });

  it('never contains six characters of the value in a row (property: tokens, base64)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z0-9+/=_]{6,80}$/), (secret) => {
        const said = describeValue(secret) + valueKey(secret);
        // A port has at most five digits, so no window of six can come from a port shown.
        for (let i = 0; i + 6 <= secret.length; i++) if (said.includes(secret.slice(i, i + 6))) return false;
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('shows variable names only when they are identifiers', () => {
    expect(variable('extraheader')).toBe('`${extraheader}`');
    expect(variable('a b')).toBeUndefined();
    expect(variable('x`y')).toBeUndefined();
  });

  it('keys a fingerprint by what the value is, so a secret is not even hashed into it', () => {
    expect(valueKey('3001')).toBe('3001');
    expect(valueKey('s3cretPass')).toBe('is 10 characters, not a port');
  });
});
