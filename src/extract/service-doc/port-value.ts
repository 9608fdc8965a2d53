/**
 * The value a port declaration gives, read from the source line after its label. Authors
 * dress the number in ordinary markdown (`_3050_`, `*3050*`, `` `3050` ``,
 * `[3050](http://localhost:3050)`, `~~3010~~ 3050`) and suffixes (`3050/tcp`, `3050!`), so
 * the reader skips the wrappers and struck-through history and takes the digits alone. The
 * service-doc parser leaves strikethrough out (markdown.ts), so `~~…~~` is skipped here.
 * Everything is an offset into the file text, so locations stay exact.
 */
import type { PortToken } from './doc-scan.js';

/** Values that say "this service has no port" (or not yet) rather than giving a bad one. */
const NO_PORT = /^(?:none|n\/a|na|-|–|—|no|nothing|tbd|tba|tbc|\?)$/i;

/** Wrapper characters that open emphasis, strong, a link or inline code. */
const OPENERS = new Set(['_', '*', '[', '`']);

/** The word a non-numeric (or malformed) value is reported as: up to a space or punctuation. */
const WORD = /^[^\s`;()|*[\]]+/;

/**
 * What may not follow a port's ASCII digits: a letter or digit of any script (`3050abc`,
 * `30００`), `_` (`3_000`), a fraction or a second number (`3000.5`, `3050-3060`), a thousands
 * group (`3,000`). Any of them makes the whole word the value, which is then no port.
 */
const NOT_AFTER_PORT = /^(?:[\p{L}\p{N}]|[_.-][0-9]|,[0-9]{3}(?![0-9]))/u;

/** A port value found after a label. */
export interface PortValue extends PortToken {
  /** The text right after the value with its closing wrappers (and a link's destination) removed. */
  after: string;
}

/**
 * Skips whitespace, opening wrappers and `~~…~~` spans from `pos`; returns the new position
 * and whether a link opened. An unclosed `~~` is left in place (it strikes nothing).
 */
function skipWrappers(line: string, pos: number): { pos: number; link: boolean } {
  let link = false;
  for (;;) {
    const c = line[pos];
    if (c === ' ' || c === '\t' || (c !== undefined && OPENERS.has(c))) {
      if (c === '[') link = true;
      pos++;
    } else if (line.startsWith('~~', pos)) {
      const close = line.indexOf('~~', pos + 2);
      if (close === -1) return { pos, link };
      pos = close + 2;
    } else {
      return { pos, link };
    }
  }
}

/** The text after a value: closing wrappers dropped, and a link's `(destination)` when one opened. */
function afterValue(rest: string, link: boolean): string {
  let s = rest.replace(/^[_*`\]]*/, '');
  if (link && s.startsWith('(')) {
    const close = s.indexOf(')');
    s = close === -1 ? '' : s.slice(close + 1).replace(/^[_*`]*/, '');
  }
  return s;
}

/**
 * Reads the value of a declaration whose label ends at `offset` in `text`, on that line only.
 * A run of ASCII digits followed by a non-alphanumeric character (or the line end) is the port
 * token, whether or not it is a valid port (`70000` is returned so the caller can report it).
 * Digits run into letters, `_`, other digits, or into `.5`/`-3060`/`,000`, are returned as the
 * whole word (`3050abc`, `3_000`, `３０００`), as is a word like `abc` or `-1`. Returns undefined when nothing is there or the value says "no port"
 * (`none`, `n/a`, `-`, `TBD`).
 */
export function readPortValue(text: string, offset: number): PortValue | undefined {
  const nl = text.indexOf('\n', offset);
  const line = text.slice(offset, nl === -1 ? text.length : nl);
  const { pos, link } = skipWrappers(line, 0);
  const digits = /^[0-9]+/.exec(line.slice(pos))?.[0];
  let value: string;
  if (digits !== undefined && !NOT_AFTER_PORT.test(line.slice(pos + digits.length))) {
    value = digits;
  } else {
    value = (WORD.exec(line.slice(pos))?.[0] ?? '').replace(/[_*,.!:]+$/, '');
    if (value === '' || NO_PORT.test(value)) return undefined;
  }
  const start = offset + pos;
  const end = start + value.length;
  return { text: value, start, end, after: afterValue(line.slice(pos + value.length), link) };
}
