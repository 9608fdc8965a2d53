/**
 * `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:+alt}`, `${VAR:?err}` and `$VAR`, as
 * compose files, Dockerfiles and shell scripts write them. Substitution keeps positions: a
 * default written in the file keeps its own digits' spans (so a fix edits the default), a value
 * from elsewhere (a `.env`) spans the whole `${...}` expression.
 */
import type { Mapped } from '../../core/mapped.js';
import { append, appendChar, emptyMapped, filled, slice, spanOf } from '../../core/mapped.js';

/** Stands in the output for a variable that could not be resolved (never part of a port). */
export const UNRESOLVED = '\u0000';

/** Characters an interpolated value may reach; an expansion past it stands unresolved. */
export const MAX_EXPANDED_LENGTH = 65_536;

/**
 * Characters all lookups through one {@link budgeted} lookup may return together (a file's
 * worth). Each expansion is capped by {@link MAX_EXPANDED_LENGTH}, but a file can still refer to
 * a long value many times (`ENV A=${P} B=${P} ...` on a 1 MiB line); past this budget a
 * variable stands unresolved, so the work and memory of expansion stay linear in the file.
 */
export const MAX_EXPANDED_TOTAL = 262_144;

/** A variable reference that had no value and no default. */
export interface Unresolved {
  name: string;
  /** Source span of the whole expression. */
  start: number;
  end: number;
}

/** Finds a variable's value: mapped when written in the same file, a plain string otherwise. */
export type Lookup = (name: string) => Mapped | string | undefined;

/** One `$...` expression found in a string (indices into that string). */
export interface Expansion {
  name: string;
  /** The operator between name and word (`:-`, `-`, `:+`, ...), '' for none. */
  op: string;
  /** `[start, end)` of the word after the operator. */
  word?: [number, number];
  /** Index just past the expression. */
  end: number;
}

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const OPS = [':-', ':=', ':+', ':?', '-', '=', '+', '?'];

/** The variable name starting at `s[at]`, matched in place (no copy of the rest of the string). */
function nameAt(s: string, at: number): string | undefined {
  NAME.lastIndex = at;
  return NAME.exec(s)?.[0];
}

/**
 * For each `${` in a string, the index of the `}` that closes it (nested `${...}` counted), or
 * -1. Computed in one pass and kept for the last string seen: scanning forward from every
 * `${` instead is quadratic on `${${${...` (a 1 MiB line took seconds).
 */
let bracesOf: { s: string; close: Map<number, number> } | undefined;
function closingBrace(s: string, open: number): number {
  if (bracesOf?.s !== s) {
    const close = new Map<number, number>();
    const stack: number[] = [];
    for (let j = 0; j < s.length; j++) {
      if (s[j] === '$' && s[j + 1] === '{') {
        close.set(j, -1);
        stack.push(j);
        j++;
      } else if (s[j] === '}' && stack.length > 0) close.set(stack.pop()!, j);
    }
    bracesOf = { s, close };
  }
  return bracesOf.close.get(open) ?? -1;
}

/**
 * `lookup`, answering undefined (unresolved) once the values it returned add up to more than
 * `budget` characters.
 */
export function budgeted<T extends Mapped | string>(lookup: (name: string) => T | undefined, budget = MAX_EXPANDED_TOTAL): (name: string) => T | undefined {
  let left = budget;
  return (name) => {
    const found = lookup(name);
    if (found === undefined) return undefined;
    const length = typeof found === 'string' ? found.length : found.value.length;
    if (length > left) return undefined;
    left -= length;
    return found;
  };
}

/** Parses the expression starting at `s[i] === '$'`; undefined when it is a literal `$`. */
export function scanExpansion(s: string, i: number): Expansion | undefined {
  if (s[i + 1] === '{') {
    const name = nameAt(s, i + 2);
    if (!name) return undefined;
    let j = i + 2 + name.length;
    if (s[j] === '}') return { name, op: '', end: j + 1 };
    const op = OPS.find((o) => s.startsWith(o, j));
    if (!op) return undefined;
    j += op.length;
    // The word may nest `${...}`; the brace that closes ours.
    const close = closingBrace(s, i);
    return close < 0 ? undefined : { name, op, word: [j, close], end: close + 1 };
  }
  const name = nameAt(s, i + 1);
  if (name) return { name, op: '', end: i + 1 + name.length };
  // `$1`, `$@`, `$$`...: real shell parameters with no value we can know.
  if (/^[0-9@*#?$!-]$/.test(s[i + 1] ?? '')) return { name: s[i + 1] as string, op: '', end: i + 2 };
  return undefined;
}

/** The result of interpolating: the text, plus the variables that had no value. */
export interface Interpolated {
  value: Mapped;
  unresolved: Unresolved[];
}

/** Options: `dollarEscape` makes `$$` a literal `$` (compose), instead of the shell's PID. */
export interface InterpolateOptions {
  dollarEscape?: boolean;
}

/** Substitutes one expression found at `m.value[i]`. */
export function expandAt(m: Mapped, i: number, exp: Expansion, lookup: Lookup, options: InterpolateOptions = {}): Interpolated {
  const [start, end] = spanOf(m, i, exp.end);
  const found = lookup(exp.name);
  const value = typeof found === 'string' ? filled(found, start, end) : found;
  const word = (): Interpolated => (exp.word ? interpolate(slice(m, exp.word[0], exp.word[1]), lookup, options) : { value: emptyMapped(), unresolved: [] });
  const missing = (): Interpolated => ({ value: filled(UNRESOLVED, start, end), unresolved: [{ name: exp.name, start, end }] });
  const set = value !== undefined;
  const nonEmpty = set && value.value !== '';
  switch (exp.op) {
    case ':-':
    case ':=':
      return nonEmpty ? { value, unresolved: [] } : word();
    case '-':
    case '=':
      return set ? { value, unresolved: [] } : word();
    case ':+':
      return nonEmpty ? word() : { value: emptyMapped(), unresolved: [] };
    case '+':
      return set ? word() : { value: emptyMapped(), unresolved: [] };
    default:
      return set && (exp.op === '' || nonEmpty || exp.op === '?') ? { value, unresolved: [] } : missing();
  }
}

/** Substitutes every expression in `m`. Unknown variables become {@link UNRESOLVED}. */
export function interpolate(m: Mapped, lookup: Lookup, options: InterpolateOptions = {}): Interpolated {
  const out = emptyMapped();
  const unresolved: Unresolved[] = [];
  const s = m.value;
  for (let i = 0; i < s.length; ) {
    if (s[i] === '$') {
      if (options.dollarEscape && s[i + 1] === '$') {
        const [a, b] = spanOf(m, i, i + 2);
        appendChar(out, '$', a, b);
        i += 2;
        continue;
      }
      const exp = scanExpansion(s, i);
      if (exp) {
        const r = expandAt(m, i, exp, lookup, options);
        // A value that would grow past the cap stands unresolved: `ENV P=${P}${P}` repeated
        // doubles P each line (30 lines: a gigabyte) and no port needs that much text.
        if (out.value.length + r.value.value.length > MAX_EXPANDED_LENGTH) {
          const [a, b] = spanOf(m, i, exp.end);
          appendChar(out, UNRESOLVED, a, b);
          unresolved.push({ name: exp.name, start: a, end: b });
          i = exp.end;
          continue;
        }
        append(out, r.value);
        // One push each: a word with 100,000+ unresolved variables overflows a spread.
        for (const u of r.unresolved) unresolved.push(u);
        i = exp.end;
        continue;
      }
    }
    appendChar(out, s[i] as string, m.starts[i] ?? 0, m.ends[i] ?? 0);
    i++;
  }
  return { value: out, unresolved };
}
