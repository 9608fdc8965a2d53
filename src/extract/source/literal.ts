/**
 * Reading literals out of syntax trees: the content span of a plain string (no interpolation)
 * and a port written as a number (by each language's own integer literal rules) or a string
 * of ASCII digits.
 */
import type { Node } from 'web-tree-sitter';
import { isValidPort } from '../../core/statements.js';
import { DECIMAL, describeNumber, describeValue } from '../value-text.js';

const STRINGS = new Set(['string', 'template_string', 'interpreted_string_literal', 'raw_string_literal']);
const INTERPOLATIONS = new Set(['template_substitution', 'interpolation']);
const OPENERS = new Set(["'", '"', '`', 'string_start']);
const CLOSERS = new Set(["'", '"', '`', 'string_end']);

/** A half-open offset range into the file text (UTF-16 code units). */
export interface Span {
  start: number;
  end: number;
}

/**
 * The span between the quotes of a plain string literal, or undefined for anything else
 * (including template strings and f-strings with substitutions, whose value is not static).
 */
export function stringContent(node: Node): Span | undefined {
  if (!STRINGS.has(node.type)) return undefined;
  const kids = node.children;
  const open = kids[0];
  const close = kids[kids.length - 1];
  if (!open || !close || open === close || !OPENERS.has(open.type) || !CLOSERS.has(close.type) || close.isMissing) return undefined;
  if (kids.some((k) => INTERPOLATIONS.has(k.type))) return undefined;
  return { start: open.endIndex, end: close.startIndex };
}

/** The static value of a plain string literal, or undefined. */
export function stringValue(node: Node, text: string): string | undefined {
  const span = stringContent(node);
  return span && text.slice(span.start, span.end);
}

/** A literal written where a port is expected. `start`/`end` cover only the digits. */
export type PortLiteral =
  | { kind: 'port'; port: number; start: number; end: number }
  /** `description` says what the literal is without its text (see ../value-text.ts). */
  | { kind: 'invalid'; text: string; description: string; start: number; end: number };

/** The integer literal syntax of each grammar's number node. */
const INTEGER_RULES: Record<string, (written: string) => number> = { number: jsNumber, integer: pythonInt, int_literal: goInt };
/** Number nodes that are never integers: a float is not a port, whatever its value. */
const FLOATS = new Set(['float', 'float_literal', 'imaginary_literal']);

/**
 * Reads a port literal: a number the language evaluates to an integer 1..65535 (TypeScript
 * `0x0BB8`, `3_000`, `3e3`; Python `0xBB8`, `3_000`; Go `0o5670`, `3_000`), or a string of
 * ASCII decimal digits (`'3001'`, the span is the digits inside the quotes, so a fix can
 * replace them). Any other literal (`'abc'`, `70000`, `30.5`, Python `3e3`, a float) is
 * `invalid`. Not a literal, an empty string, or the integer `0` (ask the OS for any free
 * port) give undefined: no default is stated.
 */
export function readPortLiteral(node: Node, text: string): PortLiteral | undefined {
  const rule = INTEGER_RULES[node.type];
  if (rule) return numberAt(text, node.startIndex, node.endIndex, rule(node.text));
  if (FLOATS.has(node.type)) return { kind: 'invalid', text: node.text, description: 'is a floating-point number, not an integer', start: node.startIndex, end: node.endIndex };
  const span = stringContent(node);
  return span && stringPort(text, span);
}

/**
 * The port a string literal's content `text[span]` holds: ASCII digits (blanks around them
 * allowed) as {@link portAt} reads them, nothing for an empty string, invalid otherwise.
 */
export function stringPort(text: string, span: Span): PortLiteral | undefined {
  const content = text.slice(span.start, span.end);
  const digits = /^(\s*)([0-9]+)\s*$/.exec(content);
  if (digits) {
    const start = span.start + (digits[1]?.length ?? 0);
    return portAt(text, start, start + (digits[2]?.length ?? 0));
  }
  return content.trim() === '' ? undefined : { kind: 'invalid', text: content, description: describeValue(content), start: span.start, end: span.end };
}

/** Reads the port written at `text[start, end)` as ASCII decimal digits: 1..65535 are a port, `0` is none, the rest invalid. */
export function portAt(text: string, start: number, end: number): PortLiteral | undefined {
  const written = text.slice(start, end);
  if (DECIMAL.test(written)) return numberAt(text, start, end, Number(written));
  return { kind: 'invalid', text: written, description: describeValue(written), start, end };
}

/** The literal at `[start, end)` whose value is `value` (NaN when the syntax is not an integer). */
function numberAt(text: string, start: number, end: number, value: number): PortLiteral | undefined {
  if (value === 0) return undefined;
  if (isValidPort(value)) return { kind: 'port', port: value, start, end };
  const written = text.slice(start, end);
  const description = DECIMAL.test(written) ? describeValue(written) : Number.isNaN(value) ? 'is not an integer literal' : describeNumber(value);
  return { kind: 'invalid', text: written, description, start, end };
}

/**
 * A JavaScript/TypeScript numeric literal as `Number` evaluates it: `_` separators are
 * dropped; `0x`, `0o`, `0b`, fractions and exponents as written. A BigInt (`3000n`) and a
 * legacy octal (`03000`, a syntax error in modules) are not numbers a port can be.
 */
export function jsNumber(written: string): number {
  if (/n$/.test(written) || /^0[0-9]/.test(written)) return Number.NaN;
  return Number(written.replace(/_/g, ''));
}

/** A Python integer literal: decimal without leading zeros, `0x`/`0o`/`0b`, `_` between digits. */
export function pythonInt(written: string): number {
  const s = written.replace(/_/g, '');
  if (/^(?:0+|[1-9][0-9]*)$/.test(s)) return Number(s);
  return radixInt(s);
}

/** A Go integer literal: decimal, `0x`/`0o`/`0b`, a leading `0` for octal, `_` between digits. */
export function goInt(written: string): number {
  const s = written.replace(/_/g, '');
  if (/^(?:0|[1-9][0-9]*)$/.test(s)) return Number(s);
  if (/^0[0-7]+$/.test(s)) return parseInt(s.slice(1), 8);
  return radixInt(s);
}

/** `0x…`, `0o…`, `0b…` (either case); NaN for anything else. */
function radixInt(s: string): number {
  const m = /^0([xXoObB])([0-9a-fA-F]+)$/.exec(s);
  if (!m) return Number.NaN;
  const radix = { x: 16, o: 8, b: 2 }[(m[1] as string).toLowerCase() as 'x' | 'o' | 'b'];
  const digits = m[2] as string;
  const valid = radix === 16 ? /^[0-9a-fA-F]+$/ : radix === 8 ? /^[0-7]+$/ : /^[01]+$/;
  return valid.test(digits) ? parseInt(digits, radix) : Number.NaN;
}
