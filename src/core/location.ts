/**
 * Positions, written down once for the whole project:
 * - `line` is 1-based;
 * - `column` is 1-based and counts UTF-16 code units, as JavaScript string indices do;
 * - `endLine`/`endColumn` point just past the last character (unist convention);
 * - a line ends at LF (`\n`), as git and GitHub count lines: a bare CR is an ordinary
 *   character (a CRLF line's CR is its last column), so a diff line, a suppression comment and
 *   a finding on the same line agree.
 * Every position is derived from an offset into the original text, never re-counted.
 */

/** A span of text in one file of the repository (path relative to the repo root, `/`-separated). */
export interface Location {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Turns offsets into the text of `file` into {@link Location}s. */
export interface Locator {
  file: string;
  text: string;
  /** Location of the half-open offset range `[start, end)`. */
  range(start: number, end: number): Location;
  /** Offset of a 1-based line/column point, or -1 when outside the text. */
  offset(line: number, column: number): number;
}

/** Offsets at which each line starts: 0, then one past every LF. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * The 0-based line holding offset `at`, given the {@link lineStarts} of its text: the last line
 * start at or before `at` (a binary search: files can have many lines).
 */
export function lineIndexAt(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Builds a {@link Locator} for `text`, the full contents of `file`. */
export function createLocator(file: string, text: string): Locator {
  // Counted on the first question: many files are parsed and yield no location at all.
  let lines: number[] | undefined;
  const point = (offset: number) => {
    const starts = (lines ??= lineStarts(text));
    const at = Math.min(Math.max(offset, 0), text.length);
    const lo = lineIndexAt(starts, at);
    return { line: lo + 1, column: at - (starts[lo] as number) + 1 };
  };
  return {
    file,
    text,
    range(start, end) {
      const a = point(start);
      const b = point(Math.max(end, start));
      return { file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
    },
    offset(line, column) {
      const starts = (lines ??= lineStarts(text));
      const start = starts[line - 1];
      if (start === undefined || column < 1) return -1;
      const next = starts[line];
      // A column may point just past the line's last character (its LF, or the end of the text).
      const limit = next === undefined ? text.length : next - 1;
      const offset = start + column - 1;
      return offset <= limit ? offset : -1;
    },
  };
}

/** A location covering a whole line, for findings that cannot be narrowed further. */
export function lineLocation(file: string, line: number): Location {
  return { file, line, column: 1, endLine: line, endColumn: 1 };
}

/** A location for a whole file (line 1), used when a file has no usable position. */
export function fileLocation(file: string): Location {
  return lineLocation(file, 1);
}

/** `path:line:col`, the form compilers print. */
export function formatLocation(loc: Location): string {
  return `${loc.file}:${loc.line}:${loc.column}`;
}

/** Orders locations by file, then line, then column. */
export function compareLocations(a: Location, b: Location): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}
