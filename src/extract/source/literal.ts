/**
 * Reading literals out of syntax trees, the same way for every grammar: the content span of
 * a plain string (no interpolation) and a port written as a number or a string of digits.
 */
import type { Node } from 'web-tree-sitter';
import { isValidPort } from '../../model/types.js';

const STRINGS = new Set(['string', 'template_string', 'interpreted_string_literal', 'raw_string_literal']);
const NUMBERS = new Set(['number', 'integer', 'int_literal']);
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
export type PortLiteral = { kind: 'port'; port: number; start: number; end: number } | { kind: 'invalid'; text: string; start: number; end: number };

/**
 * Reads a port literal: a number, or a string holding digits (`'3001'`, the span is the digits
 * inside the quotes, so a fix can replace them). Anything else that is a literal (`'abc'`,
 * `70000`, `30.5`) is `invalid`. Not a literal, an empty string, or `0` (ask the OS for any
 * free port) give undefined: no default is stated.
 */
export function readPortLiteral(node: Node, text: string): PortLiteral | undefined {
  if (NUMBERS.has(node.type)) return portAt(text, node.startIndex, node.endIndex);
  const span = stringContent(node);
  if (!span) return undefined;
  const content = text.slice(span.start, span.end);
  const digits = /^(\s*)(\d+)\s*$/.exec(content);
  if (digits) {
    const start = span.start + (digits[1]?.length ?? 0);
    return portAt(text, start, start + (digits[2]?.length ?? 0));
  }
  return content.trim() === '' ? undefined : { kind: 'invalid', text: content, start: span.start, end: span.end };
}

/** Reads the port written at `text[start, end)`: digits 1..65535 are a port, `0` is none, the rest invalid. */
export function portAt(text: string, start: number, end: number): PortLiteral | undefined {
  const written = text.slice(start, end);
  const port = /^\d+$/.test(written) ? Number(written) : Number.NaN;
  if (port === 0) return undefined;
  return isValidPort(port) ? { kind: 'port', port, start, end } : { kind: 'invalid', text: written, start, end };
}
