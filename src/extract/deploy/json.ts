/**
 * JSON read by jsonc-parser, whose tree keeps every node's offset and length. What it does not
 * keep is where each character of a decoded string came from, so {@link stringOf} maps a
 * string node back onto its source, escapes included: a port inside
 * `"dev": "vite --port 5010"` (or a Dockerfile exec form `["--port", "3025"]`) points at its
 * exact digits. Two dialects: `json` is what `JSON.parse`, npm and Docker accept; `jsonc` adds
 * the comments and trailing commas that .NET's configuration reader skips.
 */
// The ES module build: the package's main entry is a UMD wrapper whose `require` calls a bundler cannot follow.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import type { Mapped } from '../../core/mapped.js';
import { appendChar, emptyMapped } from '../../core/mapped.js';

/** A node of the tree (jsonc-parser's), with `offset`/`length` in the parsed text. */
export type JsonNode = Node;

/** `json`: strict JSON. `jsonc`: JSON with `//` and `/* *\/` comments and trailing commas. */
export type JsonDialect = 'json' | 'jsonc';

/** Malformed JSON at character `index` of the parsed text; the message says what was expected. */
export class JsonError extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
  }
}

/** What each jsonc-parser error code expected, for messages. */
const EXPECTED: Record<string, string> = {
  InvalidSymbol: 'a JSON value',
  InvalidNumberFormat: 'a valid number',
  PropertyNameExpected: 'a property name in double quotes',
  ValueExpected: 'a JSON value',
  ColonExpected: '`:`',
  CommaExpected: '`,`',
  CloseBraceExpected: '`,` or `}`',
  CloseBracketExpected: '`,` or `]`',
  EndOfFileExpected: 'the end of the input',
  InvalidCommentToken: 'no comment',
  UnexpectedEndOfComment: 'the comment closed by `*/`',
  UnexpectedEndOfString: 'a closing quote',
  UnexpectedEndOfNumber: 'a complete number',
  InvalidUnicode: 'four hex digits after `\\u`',
  InvalidEscapeCharacter: 'a valid escape',
  InvalidCharacter: 'no control character inside a string',
};

/**
 * Parses the whole of `m.value` as one JSON value; throws {@link JsonError} at the first error
 * (jsonc-parser recovers and goes on; a half-read file is not read here). Nesting deep enough to
 * exhaust the stack is an error too, at the start.
 */
export function parseJson(m: Mapped, dialect: JsonDialect = 'json'): JsonNode {
  const errors: ParseError[] = [];
  let root: JsonNode | undefined;
  try {
    root = parseTree(m.value, errors, { disallowComments: dialect === 'json', allowTrailingComma: dialect === 'jsonc', allowEmptyContent: false });
  } catch (error) {
    if (error instanceof RangeError) throw new JsonError('expected nesting shallow enough to read', 0);
    throw error;
  }
  const first = errors[0];
  if (first) throw new JsonError(`expected ${EXPECTED[printParseErrorCode(first.error)] ?? 'valid JSON'}`, first.offset);
  if (!root) throw new JsonError('expected a JSON value', 0);
  return root;
}

/** The properties of an object node, key decoded, in source order (duplicates kept). */
export function members(node: JsonNode | undefined): { key: string; value: JsonNode }[] {
  if (node?.type !== 'object') return [];
  const out: { key: string; value: JsonNode }[] = [];
  for (const property of node.children ?? []) {
    const [key, value] = property.children ?? [];
    if (key && value) out.push({ key: String(key.value), value });
  }
  return out;
}

/** The member `key` of an object node (the last one, as JSON.parse keeps). */
export function member(node: JsonNode | undefined, key: string): JsonNode | undefined {
  return members(node).findLast((m) => m.key === key)?.value;
}

/** The items of an array node. */
export function items(node: JsonNode | undefined): JsonNode[] {
  return node?.type === 'array' ? (node.children ?? []) : [];
}

const SIMPLE: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * The decoded value of a string node parsed from `m`, each character with the source span of
 * what encodes it (a `\u0033` maps to its six characters); undefined for any other node.
 */
export function stringOf(m: Mapped, node: JsonNode | undefined): Mapped | undefined {
  if (node?.type !== 'string') return undefined;
  const s = m.value;
  const out = emptyMapped();
  const end = node.offset + node.length - 1; // the closing quote
  for (let i = node.offset + 1; i < end; ) {
    const from = i;
    let ch = s[i] as string;
    if (ch === '\\') {
      const e = s[i + 1] ?? '';
      if (e === 'u') {
        ch = String.fromCharCode(parseInt(s.slice(i + 2, i + 6), 16));
        i += 6;
      } else {
        ch = SIMPLE[e] ?? e;
        i += 2;
      }
    } else i++;
    appendChar(out, ch, m.starts[from] ?? 0, m.ends[i - 1] ?? 0);
  }
  return out;
}
