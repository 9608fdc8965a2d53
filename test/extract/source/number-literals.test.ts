/**
 * A source value is a port only when the language evaluates it to an integer 1..65535: each
 * language's own literal rules, not a digits-only pattern. A string default is a port when it
 * holds ASCII decimal digits.
 */
import { describe, expect, test } from 'vitest';
import { goExtractor, pythonExtractor, typescriptExtractor } from '../../../src/extract/source/index.js';
import { goInt, jsNumber, pythonInt } from '../../../src/extract/source/literal.js';
import type { Extraction } from '../../../src/core/statements.js';
import { run } from './support.js';

/** `[port, covered text]` of each binding and `[covered text, message tail]` of each problem. */
function read(x: Extraction, text: string) {
  const lines = text.split('\n');
  const cover = (l: { line: number; column: number; endColumn: number }) => lines[l.line - 1]!.slice(l.column - 1, l.endColumn - 1);
  return {
    ports: x.bindings.map((b) => [b.port, cover(b.location)]),
    problems: x.problems.map((p) => [cover(p.location), p.message.replace(/^.*: it /, '').replace(/; expected.*$/, '')]),
  };
}

describe('TypeScript numbers evaluate as Number does', () => {
  test.each([
    ['0x0BB8', 3000],
    ['3_000', 3000],
    ['3e3', 3000],
    ['1e3', 1000],
    ['0o5670', 3000],
    ['0b101110111000', 3000],
    ['3000.0', 3000],
  ])('%s is port %d', async (literal, port) => {
    const text = `const PORT = process.env.PORT || ${literal};\n`;
    const x = await run(typescriptExtractor, text, { path: 'services/api/src/main.ts', service: 'api' });
    expect(read(x, text)).toEqual({ ports: [[port, literal]], problems: [] });
  });

  test.each([
    ['3000.5', 'is a number with a fraction, not a whole number'],
    ['0x10000', 'is a number above 65535'],
    ['1e100', 'is a number above 65535'],
    ['3000n', 'is not an integer literal'],
    ["'3_000'", 'is a number with `_` separators, which text does not allow'],
    ["'３０００'", 'is 4 digits that are not ASCII 0-9'],
    ["'0x0BB8'", 'is 6 characters, not a port'],
  ])('%s is no port: it %s', async (literal, what) => {
    const text = `const PORT = process.env.PORT || ${literal};\n`;
    const x = await run(typescriptExtractor, text, { path: 'services/api/src/main.ts', service: 'api' });
    const r = read(x, text);
    expect(r.ports).toEqual([]);
    expect(r.problems.map(([, m]) => m)).toEqual([what]);
  });

  test("a string default '3000' is a port; its digits are the span", async () => {
    const text = "const PORT = process.env.PORT || '3000';\n";
    const x = await run(typescriptExtractor, text, { path: 'services/api/src/main.ts', service: 'api' });
    expect(read(x, text)).toEqual({ ports: [[3000, '3000']], problems: [] });
  });

  test('jsNumber follows Number, with numeric separators dropped', () => {
    expect([jsNumber('0x0BB8'), jsNumber('3_000'), jsNumber('3e3'), jsNumber('.5')]).toEqual([3000, 3000, 3000, 0.5]);
    expect([jsNumber('03000'), jsNumber('3000n')].every(Number.isNaN)).toBe(true);
  });
});

describe('Python integers by Python rules; floats are no port', () => {
  test.each([
    ['3_000', 3000],
    ['0xBB8', 3000],
    ['0o5670', 3000],
    ['0b101110111000', 3000],
  ])('%s is port %d', async (literal, port) => {
    const text = `import os\nPORT = int(os.getenv("PORT", ${literal}))\n`;
    const x = await run(pythonExtractor, text, { path: 'services/api/app/main.py', service: 'api' });
    expect(read(x, text)).toEqual({ ports: [[port, literal]], problems: [] });
  });

  test.each([
    ['3e3', 'is a floating-point number, not an integer'],
    ['3000.0', 'is a floating-point number, not an integer'],
    ['0x10000', 'is a number above 65535'],
    ['"3_000"', 'is a number with `_` separators, which text does not allow'],
  ])('%s is no port: it %s', async (literal, what) => {
    const text = `import os\nPORT = int(os.getenv("PORT", ${literal}))\n`;
    const x = await run(pythonExtractor, text, { path: 'services/api/app/main.py', service: 'api' });
    const r = read(x, text);
    expect(r.ports).toEqual([]);
    expect(r.problems.map(([, m]) => m)).toEqual([what]);
  });

  test('pythonInt', () => {
    expect([pythonInt('3_000'), pythonInt('0xBB8'), pythonInt('0O5670'), pythonInt('0')]).toEqual([3000, 3000, 3000, 0]);
    // A leading zero is a syntax error in Python 3; `3j` is imaginary.
    expect([pythonInt('03000'), pythonInt('3j')].every(Number.isNaN)).toBe(true);
  });
});

describe('Go integers by Go rules', () => {
  test.each([
    ['3_000', 3000],
    ['0xBB8', 3000],
    ['0o5670', 3000],
    ['05670', 3000],
    ['0b1011_1011_1000', 3000],
  ])('%s is port %d', async (literal, port) => {
    const text = `package main\n\nimport "flag"\n\nvar p = flag.Int("port", ${literal}, "listen port")\n`;
    const x = await run(goExtractor, text, { path: 'services/api/main.go', service: 'api' });
    expect(read(x, text)).toEqual({ ports: [[port, literal]], problems: [] });
  });

  test('a float is no port', async () => {
    const text = 'package main\n\nimport "flag"\n\nvar p = flag.Int("port", 3e3, "listen port")\n';
    const x = await run(goExtractor, text, { path: 'services/api/main.go', service: 'api' });
    expect(read(x, text)).toEqual({ ports: [], problems: [['3e3', 'is a floating-point number, not an integer']] });
  });

  test('goInt: a leading 0 is octal', () => {
    expect([goInt('05670'), goInt('0o5670'), goInt('3_000'), goInt('0XBB8')]).toEqual([3000, 3000, 3000, 3000]);
    expect(Number.isNaN(goInt('089'))).toBe(true);
  });
});
