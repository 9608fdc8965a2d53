/**
 * A list of globs compiled once into one test that answers exactly as picomatch does (`dot:
 * true`), but cheaply for the many paths a glob cannot match. picomatch tries each glob's
 * regular expression in turn, and the expression of a glob starting with a globstar scans the
 * whole path; the walk asks about every file and directory of the tree, and the built-in
 * ignores alone are some thirty globs. Here a glob's expression runs only when the path
 * contains the glob's longest literal name (`node_modules`, `.gen.`, `CHANGELOG`): every path
 * the glob matches contains it, so one substring search turns most paths away.
 */
import picomatch from 'picomatch';

/** Characters that make a glob more than names, `*` and `/`: such a glob gets no literal test. */
const SYNTAX = /[?[\]{}()!+@\\|^$'"`]/;

/**
 * Three stars in a row: picomatch then compiles the rest of the segment without escaping it
 * (`***a.` becomes `[^/]*?a.`, so it matches `ab`), and no literal is certain.
 */
const STARS = /\*{3,}/;

/**
 * The longest run of literal characters every path matched by `glob` contains, or '' when no
 * such run is certain. Only globs made of names, `*` (at most two in a row) and `/` qualify; `.`
 * and `..` segments are left out (picomatch drops a leading `./`).
 */
export function requiredLiteral(glob: string): string {
  if (SYNTAX.test(glob) || STARS.test(glob)) return '';
  let longest = '';
  for (const part of glob.split(/[*/]+/)) if (part !== '.' && part !== '..' && part.length > longest.length) longest = part;
  return longest;
}

/** One test for `globs`: true when any of them matches the path (picomatch, `dot: true`). */
export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  const plain: ((path: string) => boolean)[] = [];
  const gated: { literal: string; matches: (path: string) => boolean }[] = [];
  for (const glob of globs) {
    const matches = picomatch(glob, { dot: true });
    const literal = requiredLiteral(glob);
    if (literal === '') plain.push(matches);
    else gated.push({ literal, matches });
  }
  // One scan for all the literals: a path holding none of them is matched by no gated glob.
  const anyLiteral = gated.length > 0 ? new RegExp(gated.map((g) => g.literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')) : undefined;
  return (path) => {
    for (const matches of plain) if (matches(path)) return true;
    if (!anyLiteral?.test(path)) return false;
    for (const g of gated) if (path.includes(g.literal) && g.matches(path)) return true;
    return false;
  };
}
