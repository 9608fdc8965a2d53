/**
 * A small JSON parser that keeps positions: every string it returns is {@link Mapped}, so a
 * port inside `"dev": "vite --port 5010"` (or a Dockerfile exec form `["--port", "3025"]`)
 * points at its exact digits, escapes included. Validity is JSON.parse's job where the whole
 * file is JSON; this parser throws {@link JsonScanError} on what it cannot read.
 */
import type { Mapped } from './mapped.js';
import { appendChar, emptyMapped } from './mapped.js';

/** A JSON value with mapped strings. */
export type JsonNode =
  | { type: 'string'; value: Mapped }
  | { type: 'array'; items: JsonNode[] }
  | { type: 'object'; members: { key: Mapped; value: JsonNode }[] }
  | { type: 'literal'; text: string };

/** Malformed JSON at character `index` of the input. */
export class JsonScanError extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
  }
}

const SIMPLE: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Parses the whole of `m` as one JSON value. */
export function parseJson(m: Mapped): JsonNode {
  const s = m.value;
  let i = 0;
  const ws = () => {
    while (i < s.length && ' \t\r\n'.includes(s[i] as string)) i++;
  };
  const fail = (what: string): never => {
    throw new JsonScanError(`expected ${what}`, i);
  };
  const string = (): Mapped => {
    if (s[i] !== '"') fail('a string');
    const out = emptyMapped();
    i++;
    while (i < s.length && s[i] !== '"') {
      const from = i;
      let ch = s[i] as string;
      if (ch === '\\') {
        const e = s[i + 1] ?? '';
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) {
          ch = String.fromCharCode(parseInt(s.slice(i + 2, i + 6), 16));
          i += 6;
        } else if (SIMPLE[e] !== undefined) {
          ch = SIMPLE[e] as string;
          i += 2;
        } else fail('a valid escape');
      } else i++;
      appendChar(out, ch, m.starts[from] ?? 0, m.ends[i - 1] ?? 0);
    }
    if (s[i] !== '"') fail('a closing quote');
    i++;
    return out;
  };
  const value = (): JsonNode => {
    ws();
    const c = s[i];
    if (c === '"') return { type: 'string', value: string() };
    if (c === '[') {
      i++;
      const items: JsonNode[] = [];
      ws();
      if (s[i] === ']') return i++, { type: 'array', items };
      for (;;) {
        items.push(value());
        ws();
        if (s[i] === ',') i++;
        else if (s[i] === ']') return i++, { type: 'array', items };
        else fail('`,` or `]`');
      }
    }
    if (c === '{') {
      i++;
      const members: { key: Mapped; value: JsonNode }[] = [];
      ws();
      if (s[i] === '}') return i++, { type: 'object', members };
      for (;;) {
        ws();
        const key = string();
        ws();
        if (s[i] !== ':') fail('`:`');
        i++;
        members.push({ key, value: value() });
        ws();
        if (s[i] === ',') i++;
        else if (s[i] === '}') return i++, { type: 'object', members };
        else fail('`,` or `}`');
      }
    }
    const lit = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(s.slice(i))?.[0];
    if (!lit) return fail('a JSON value');
    i += lit.length;
    return { type: 'literal', text: lit };
  };
  const node = value();
  ws();
  if (i < s.length) fail('the end of the input');
  return node;
}

/** The member `key` of an object node (the last one, as JSON.parse keeps). */
export function member(node: JsonNode | undefined, key: string): JsonNode | undefined {
  return node?.type === 'object' ? node.members.findLast((m) => m.key.value === key)?.value : undefined;
}
