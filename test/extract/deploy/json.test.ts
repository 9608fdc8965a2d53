import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { items, JsonError, member, members, parseJson, stringOf, type JsonNode } from '../../../src/extract/deploy/json.js';
import { identity, type Mapped } from '../../../src/core/mapped.js';

const whole = (text: string): Mapped => identity(text, 0, text.length);

/** The plain value of a node, as JSON.parse would give it, strings decoded by stringOf. */
function plain(m: Mapped, node: JsonNode): unknown {
  if (node.type === 'object') return Object.fromEntries(members(node).map(({ key, value }) => [key, plain(m, value)]));
  if (node.type === 'array') return items(node).map((n) => plain(m, n));
  if (node.type === 'string') return stringOf(m, node)!.value;
  return node.value;
}

describe('parseJson and stringOf', () => {
  it('read what JSON.parse reads, strings decoded the same, written with and without escapes', () => {
    const value = fc.jsonValue({ stringUnit: 'binary', maxDepth: 4 });
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 2 }), (v, indent) => {
        // JSON.stringify escapes only what it must; \u-escaping every non-ASCII character covers the \u form too.
        for (const text of [JSON.stringify(v, null, indent), JSON.stringify(v).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)]) {
          const m = whole(text);
          expect(plain(m, parseJson(m))).toEqual(JSON.parse(text));
        }
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('map each decoded character to the source characters that encode it', () => {
    const text = '{"dev": "a\\u0033\\"\\n5"}';
    const m = whole(text);
    const dev = stringOf(m, member(parseJson(m), 'dev'))!;
    expect(dev.value).toBe('a3"\n5');
    expect(dev.value.split('').map((_, i) => text.slice(dev.starts[i], dev.ends[i]))).toEqual(['a', '\\u0033', '\\"', '\\n', '5']);
  });

  it('map through a mapped input, so a string in a continued Dockerfile line points into the file', () => {
    const file = 'CMD ["--port", \\\n  "3025"]';
    // The instruction's arguments as the Dockerfile reader hands them over: the continuation removed, offsets kept.
    const args = identity(file, 4, 15);
    const rest = identity(file, 19, file.length);
    const m: Mapped = { value: args.value + rest.value, starts: [...args.starts, ...rest.starts], ends: [...args.ends, ...rest.ends] };
    const port = stringOf(m, items(parseJson(m))[1])!;
    expect(port.value).toBe('3025');
    expect(file.slice(port.starts[0], port.ends[3])).toBe('3025');
  });

  it('keep the last of duplicate keys for member() and every one for members()', () => {
    const m = whole('{"a": "1", "a": "2"}');
    const root = parseJson(m);
    expect(stringOf(m, member(root, 'a'))!.value).toBe('2');
    expect(members(root).map((x) => x.key)).toEqual(['a', 'a']);
    expect(member(parseJson(whole('["a"]')), 'a')).toBeUndefined();
    expect(stringOf(m, undefined)).toBeUndefined();
  });

  it('reject comments and trailing commas in strict JSON and accept them in the jsonc dialect', () => {
    for (const text of ['{"a": 1, // c\n "b": 2}', '{"a": [1, 2,], /* c */ "b": 2,}']) {
      expect(() => parseJson(whole(text))).toThrow(JsonError);
      expect(members(parseJson(whole(text), 'jsonc')).map((x) => x.key)).toEqual(['a', 'b']);
    }
  });

  it('throw JsonError at the offending character with what was expected', () => {
    const cases: [string, number, string][] = [
      ['{"a": 1 "b": 2}', 8, 'expected `,`'],
      ['{"a": tru}', 6, 'expected a JSON value'],
      ['{\n  "scripts": { "dev": "x" \n', 29, 'expected `,` or `}`'],
      ['{"a": "\\q"}', 6, 'expected a valid escape'],
      ['{"a": "x\ty"}', 6, 'expected no control character inside a string'],
      ['{"a": 1}}', 8, 'expected the end of the input'],
      ["{'a': 1}", 1, 'expected a JSON value'],
      ['', 0, 'expected a JSON value'],
    ];
    for (const [text, index, message] of cases) {
      let error: unknown;
      try {
        parseJson(whole(text));
      } catch (e) {
        error = e;
      }
      expect(error, text).toBeInstanceOf(JsonError);
      expect([(error as JsonError).index, (error as JsonError).message], text).toEqual([index, message]);
    }
  });

  it('turn nesting deeper than the stack into a JsonError, not a crash', () => {
    const text = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(() => parseJson(whole(text))).toThrow(JsonError);
  });
});
