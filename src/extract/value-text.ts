/**
 * Ports as text, and values that are not ports, said without their text.
 *
 * A value read where a port belongs can be anything the file (or a file it interpolates, a
 * `.env` that is really `.git/config`) holds: a token, a database password. Findings are
 * published in pull-request comments, check runs and job summaries, so a value that is not a
 * port is never printed: {@link describeValue} says what kind of value it was (its length,
 * "a number above 65535", "digits that are not ASCII"), and a message names where it came
 * from (the file and line, a variable name) instead. A valid port may be printed; so may a
 * variable name, which is an identifier the file's author wrote, not a value.
 */
import { isValidPort } from '../core/statements.js';
import { quote } from '../core/quote.js';

/** ASCII decimal digits and nothing else: the only form a port takes in text (docs, registry, env, YAML). */
export const DECIMAL = /^[0-9]+$/;

/** A name that may be shown in a message: an identifier, never a value. */
export const SHOWABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The port written as `text` in a text format: ASCII decimal digits whose value is 1..65535.
 * `3_000`, `３０００` (fullwidth), `3000.5`, `+3000`, `0x0BB8` are not ports in text; source
 * languages have their own literal rules (src/extract/source/literal.ts).
 */
export function readPort(text: string): number | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const n = Number(text);
  return isValidPort(n) ? n : undefined;
}

/** Length in characters (code points), as a reader would count them. */
function characters(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * What `text` is, as a predicate that never contains the text: `is empty`, `is a number above
 * 65535`, `is 58 characters, not a port`. A valid port is said as itself.
 */
export function describeValue(text: string): string {
  const port = readPort(text);
  if (port !== undefined) return `is ${quote(port)}`;
  if (text === '') return 'is empty';
  if (text.trim() === '') return `is ${plural(characters(text), 'whitespace character')}`;
  if (DECIMAL.test(text)) return /^0+$/.test(text) ? 'is zero' : `is a ${text.replace(/^0+/, '').length}-digit number above 65535`;
  if (/^-[0-9]+$/.test(text)) return 'is a negative number';
  if (/^[0-9]+(?:_[0-9]+)+$/.test(text)) return 'is a number with `_` separators, which text does not allow';
  if (/^[0-9]*\.[0-9]+$|^[0-9]+\.$/.test(text)) return 'is a number with a fraction, not a whole number';
  if (/^\p{Nd}+$/u.test(text)) return `is ${plural(characters(text), 'digit')} that are not ASCII 0-9`;
  return `is ${plural(characters(text), 'character')}, not a port`;
}

/** What a number a program evaluates to is, when it is not a port (never the source text). */
export function describeNumber(value: number): string {
  if (Number.isNaN(value)) return 'is not a number';
  if (!Number.isFinite(value)) return 'is infinite';
  if (!Number.isInteger(value)) return 'is a number with a fraction, not a whole number';
  if (value === 0) return 'is zero';
  if (value < 0) return 'is a negative number';
  if (value > 65535) return 'is a number above 65535';
  return `is ${quote(value)}`;
}

/** `` `${NAME}` `` for a name that may be shown; undefined for anything else. */
export function variable(name: string): string | undefined {
  return SHOWABLE_NAME.test(name) ? `\`\${${name}}\`` : undefined;
}

/** A safe stand-in for a value in a fingerprint key: the port itself, else its description. */
export function valueKey(text: string): string {
  return readPort(text) !== undefined ? text : describeValue(text);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
