/**
 * Text that remembers where each of its characters came from. Deploy files hide their values
 * behind quotes, escapes, line continuations and `${VAR:-default}` interpolation; a port must
 * still point at its digits in the original file, so every decoded character keeps the
 * half-open source span `[starts[i], ends[i])` it was decoded from.
 */

/** A decoded string with one source span per UTF-16 code unit. */
export interface Mapped {
  value: string;
  starts: number[];
  ends: number[];
}

/** The identity mapping of `source.slice(start, end)`. */
export function identity(source: string, start: number, end: number): Mapped {
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = start; i < end; i++) {
    starts.push(i);
    ends.push(i + 1);
  }
  return { value: source.slice(start, end), starts, ends };
}

/** `value`, every character of which stands for the whole span `[start, end)` (a substituted variable). */
export function filled(value: string, start: number, end: number): Mapped {
  return { value, starts: Array<number>(value.length).fill(start), ends: Array<number>(value.length).fill(end) };
}

/** An empty mapped string. */
export function emptyMapped(): Mapped {
  return { value: '', starts: [], ends: [] };
}

/** Elements pushed per spread in {@link append} (well below the engine's argument limit). */
const APPEND_CHUNK = 8_192;

/** Appends `part` to `into` (mutating `into`). */
export function append(into: Mapped, part: Mapped): Mapped {
  into.value += part.value;
  // Spread in chunks: one spread of 100,000+ elements into push() overflows the stack, one
  // push per element is several times slower.
  for (let i = 0; i < part.starts.length; i += APPEND_CHUNK) {
    into.starts.push(...part.starts.slice(i, i + APPEND_CHUNK));
    into.ends.push(...part.ends.slice(i, i + APPEND_CHUNK));
  }
  return into;
}

/** Appends one character decoded from `[start, end)`. */
export function appendChar(into: Mapped, ch: string, start: number, end: number): void {
  into.value += ch;
  into.starts.push(start);
  into.ends.push(end);
}

/** The characters `[a, b)` of `m`, still mapped. */
export function slice(m: Mapped, a: number, b = m.value.length): Mapped {
  return { value: m.value.slice(a, b), starts: m.starts.slice(a, b), ends: m.ends.slice(a, b) };
}

/** Leading and trailing whitespace removed, still mapped. */
export function trim(m: Mapped): Mapped {
  const a = m.value.length - m.value.trimStart().length;
  const b = m.value.trimEnd().length;
  return a >= b ? emptyMapped() : slice(m, a, b);
}

/** Source offsets `[start, end)` covering the characters `[a, b)` of `m`. */
export function spanOf(m: Mapped, a: number, b: number): [number, number] {
  if (m.value.length === 0) return [0, 0];
  const first = Math.min(Math.max(a, 0), m.value.length - 1);
  const last = Math.min(Math.max(b - 1, first), m.value.length - 1);
  return [m.starts[first] ?? 0, m.ends[last] ?? 0];
}

/**
 * Maps a decoded `value` onto its raw source `raw` (which starts at `offset`) by greedy
 * alignment: each value character is matched with the next equal raw character. Exact when the
 * encoding only adds characters (quotes doubled, escapes, folded line breaks), which is how
 * YAML and JSON scalars encode; a character with no match takes the span of the rest.
 */
export function align(value: string, raw: string, offset: number): Mapped {
  const out = emptyMapped();
  let r = 0;
  for (const ch of value) {
    for (let k = 0; k < ch.length; k++) {
      const c = ch[k] as string;
      const found = raw.indexOf(c, r);
      if (found < 0) {
        appendChar(out, c, offset + Math.min(r, raw.length), offset + raw.length);
      } else {
        appendChar(out, c, offset + found, offset + found + 1);
        r = found + 1;
      }
    }
  }
  return out;
}
