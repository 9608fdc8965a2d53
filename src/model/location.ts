/**
 * Positions, written down once for the whole project:
 * - `line` is 1-based;
 * - `column` is 1-based and counts UTF-16 code units, as JavaScript string indices do;
 * - `endLine`/`endColumn` point just past the last character (unist convention).
 * Every position is derived from an offset into the original text, never re-counted.
 */
import { location as vfileLocation } from 'vfile-location';

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

/** Builds a {@link Locator} for `text`, the full contents of `file`. */
export function createLocator(file: string, text: string): Locator {
  const place = vfileLocation(text);
  const point = (offset: number) => {
    const p = place.toPoint(Math.min(Math.max(offset, 0), text.length));
    // toPoint is undefined only for offsets outside the text; clamped above.
    return p ?? { line: 1, column: 1 };
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
      return place.toOffset({ line, column }) ?? -1;
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
