/**
 * Where in a file's text a source reader can find something: the anchors. Every statement a
 * reader takes is read from a syntax node whose text holds one of them, so the reader is handed
 * only the nodes around them (run.ts), and a file without any is not parsed at all. Each
 * finder errs on the side of finding too much: an anchor where nothing is read costs a little
 * time, a missed one would lose a statement.
 *
 *   - a name of the service's own port (port-names.ts): the variable a call looks up
 *     (`env('PORT', …)`), a key (`PORT: 3001`), a declared name (`const port = …`), a keyword
 *     argument (`port=3023`), a struct tag (`env:"PORT"`);
 *   - a call that listens, by its name (`app.listen(…)`, `http.ListenAndServe(…)`);
 *   - a URL that may have a port (`'http://mana-auth:3001'`);
 *   - in Go, an empty string (`if port == "" { … }`).
 */
import { ownPortPrefixes } from './port-names.js';

/**
 * The letters of "port" with the `-`/`_` that names may put between them. Every own-port name
 * ends with them (the names are compared without case, `-` or `_`), and no character but the
 * ASCII letters has them as its lower case.
 */
const PORT_LETTERS = /p[-_]*o[-_]*r[-_]*t/gi;
/** A character that continues a name written in ASCII (an identifier, or inside a string). */
const NAME_CHAR = /[A-Za-z0-9]/;

/**
 * Offsets of the places where a name of the service's own port may be written (see
 * {@link isOwnPortName}): `PORT`, `'APP_PORT'`, `listenPort`, `CHECKOUT_SERVICE_PORT` in
 * `checkout`. `import`, `report`, `ports` and `portal` are none: a name that goes on after
 * its "port", or starts with letters that make no own-port name, is not one.
 */
export function ownPortNameAnchors(text: string, service?: string): number[] {
  return ownPortNames(text, service).map((name) => name.start);
}

/**
 * Like {@link ownPortNameAnchors}, only the names that end a string literal (the next
 * character is one of `quotes`): a variable looked up by name (`os.Getenv("PORT")`).
 */
export function quotedOwnPortNameAnchors(text: string, service: string | undefined, quotes: string): number[] {
  return ownPortNames(text, service)
    .filter((name) => {
      const next = text[name.end];
      return next !== undefined && quotes.includes(next);
    })
    .map((name) => name.start);
}

/** Where the letters "port" of each possible own-port name start, and where the name ends. */
function ownPortNames(text: string, service: string | undefined): { start: number; end: number }[] {
  const prefixes = ownPortPrefixes(service);
  const longest = Math.max(...prefixes.map((p) => p.length));
  const names: { start: number; end: number }[] = [];
  for (const match of text.matchAll(PORT_LETTERS)) {
    const start = match.index;
    let end = start + match[0].length;
    while (text[end] === '-' || text[end] === '_') end++;
    // The name goes on: its squashed form does not end with "port".
    if (end < text.length && NAME_CHAR.test(text[end] as string)) continue;
    if (prefixedLikeOwnName(text, start, prefixes, longest)) names.push({ start, end });
  }
  return names;
}

/**
 * True when the letters before `text[at]` may make an own-port name with it: read back over
 * ASCII letters and digits (and the `-`/`_` names ignore), what was read must be one of the
 * `prefixes`. Where the reading stops at another character, the name may go on past it
 * inside a string (a service named `a.b` has `'a.b_PORT'`), or the character lower-cases
 * to letters of its own: then any prefix that ends with what was read is enough.
 */
function prefixedLikeOwnName(text: string, at: number, prefixes: readonly string[], longest: number): boolean {
  let read = '';
  let i = at - 1;
  for (; i >= 0; i--) {
    const c = text[i] as string;
    if (c === '-' || c === '_') continue;
    if (!NAME_CHAR.test(c)) break;
    if (read.length === longest) return false;
    read = c.toLowerCase() + read;
  }
  if (prefixes.includes(read)) return true;
  const stop = i >= 0 ? (text[i] as string) : '';
  // Nothing before the name, or an ASCII character no prefix holds, ends it for certain.
  if (stop === '' || (stop < '\u0080' && !prefixes.some((p) => p.includes(stop.toLowerCase())))) return false;
  return prefixes.some((p) => p.endsWith(read));
}

/** Offsets of `word` standing alone as a name (`listen` in `app.listen(`, not in `listener`). */
export function wordAnchors(text: string, words: RegExp): number[] {
  return [...text.matchAll(words)].map((m) => m.index);
}

/** Characters that end the authority of a URL in running text (as ../url-port.ts reads it). */
const AUTHORITY_END = /[\s/?#\\"'`<>(){}|^]/;
/** The longest authority ../url-port.ts reads. */
const MAX_AUTHORITY = 1024;

/**
 * Offsets of every `://` whose authority may have a port: a `:` followed by a digit before
 * the authority ends. A URL read from a string literal lies inside the file's text, and the
 * literal ends where a quote is, so a port found in the literal is found here too.
 */
export function urlAnchors(text: string): number[] {
  const anchors: number[] = [];
  for (let at = text.indexOf('://'); at >= 0; at = text.indexOf('://', at + 1)) {
    const rest = text.slice(at + 3, at + 3 + MAX_AUTHORITY);
    const cut = rest.search(AUTHORITY_END);
    if (/:[\p{Nd}\u0000]/u.test(cut < 0 ? rest : rest.slice(0, cut))) anchors.push(at);
  }
  return anchors;
}

/** Offsets of Go's empty string literals (`""`, two backquotes). */
export function emptyStringAnchors(text: string): number[] {
  return [...text.matchAll(/""|``/g)].map((m) => m.index);
}

/** The anchors of one file for one reader. */
export interface Anchors {
  /** Offsets into the text, in any order, repeats allowed. */
  offsets: number[];
  /** False when the file cannot hold anything its reader takes: it is not parsed. */
  parse: boolean;
}

/** Where a literal may start: a digit (also of `.5`), a quote, a backquote. */
const LITERAL_CHAR = /[0-9'"`]/g;

/**
 * Anchors for a reader whose statements each bind a literal written after their anchor
 * (`env('PORT', 3001)`, `PORT: 3001`, `const port = 3001`, `listen(3001)`), or hold a URL
 * anchor themselves. A file is worth parsing only when a digit or a quote follows its first
 * name anchor, or it has a URL that may carry a port: a licence header's
 * `http://www.apache.org/licenses/` alone is no reason to parse a file.
 */
export function anchorsBeforeLiterals(text: string, names: number[], urls: number[]): Anchors {
  // A loop, not Math.min(...names): a file can hold more names than a call takes arguments.
  let first = Infinity;
  for (const at of names) first = Math.min(first, at);
  LITERAL_CHAR.lastIndex = first === Infinity ? 0 : first;
  const literalAfter = first !== Infinity && LITERAL_CHAR.test(text);
  return { offsets: [...names, ...urls], parse: urls.length > 0 || literalAfter };
}
