/**
 * A careful shell tokenizer: splits a script (or one command string from a package.json,
 * a Dockerfile `CMD` or a plist `-c` argument) into simple commands of words, honouring
 * quotes, backslashes, line continuations, comments and here-documents, and expanding
 * `$VAR`/`${VAR:-default}` through a lookup that the caller updates between commands (so
 * `PORT=3024` on one line resolves `$PORT` on the next). Command substitutions are opaque.
 *
 * Hand-written on purpose: every character of a word keeps its source span through quotes,
 * escapes, continuations and expansions, and the lookup changes between commands. shell-quote
 * keeps no positions and knows no `${VAR:-default}`; tree-sitter-bash (installed with the
 * source grammars) keeps positions but expands nothing, is asynchronous, and took about 5×
 * this tokenizer's time on a 150 KB script (bench/parsers.mjs).
 */
import type { Mapped } from '../../core/mapped.js';
import { append, appendChar, emptyMapped, spanOf } from '../../core/mapped.js';
import { MAX_EXPANDED_LENGTH, UNRESOLVED, budgeted, expandAt, scanExpansion, type Lookup, type Unresolved } from './interpolate.js';

/** One shell word after quote removal and expansion. */
export interface Word {
  value: Mapped;
  /** True when any part was quoted (a quoted `#` is not a comment, a quoted `=` not an assignment). */
  quoted: boolean;
  unresolved: Unresolved[];
}

/** A simple command: the words between two separators (`;`, `&&`, `|`, newline...). */
export interface Command {
  words: Word[];
}

const BLANK = new Set([' ', '\t', '\r']);
const SEPARATORS = new Set([';', '&', '|', '(', ')', '\n']);

/** Yields the commands of `m` lazily; `lookup` is consulted when each command is read. */
export function* shellCommands(m: Mapped, given: Lookup): Generator<Command> {
  const s = m.value;
  // `P=$P$P; P=$P$P; ...` doubles a value per command: expansions share one budget per script.
  const lookup = budgeted(given);
  let words: Word[] = [];
  let word: Word | undefined;
  const heredocs: { delimiter: string; strip: boolean }[] = [];
  const cur = (): Word => (word ??= { value: emptyMapped(), quoted: false, unresolved: [] });
  const endWord = () => {
    if (word) words.push(word);
    word = undefined;
  };
  const opaque = (from: number, to: number) => {
    const [a, b] = spanOf(m, from, to);
    appendChar(cur().value, UNRESOLVED, a, b);
  };
  const lit = (i: number) => appendChar(cur().value, s[i] as string, m.starts[i] ?? 0, m.ends[i] ?? 0);
  /** Expands `$...` at i into the current word; returns the index after it. */
  const dollar = (i: number): number => {
    if (s[i + 1] === '(') {
      const end = closing(s, i + 1);
      opaque(i, end);
      return end;
    }
    const exp = scanExpansion(s, i);
    if (!exp) {
      lit(i);
      return i + 1;
    }
    const r = expandAt(m, i, exp, lookup);
    const into = cur();
    if (into.value.value.length + r.value.value.length > MAX_EXPANDED_LENGTH) {
      // A word that would grow past the cap (`P=${P}${P}` repeated) keeps the expansion unresolved.
      const [a, b] = spanOf(m, i, exp.end);
      appendChar(into.value, UNRESOLVED, a, b);
      into.unresolved.push({ name: exp.name, start: a, end: b });
      return exp.end;
    }
    append(into.value, r.value);
    for (const u of r.unresolved) into.unresolved.push(u);
    return exp.end;
  };

  let i = 0;
  while (i < s.length) {
    const c = s[i] as string;
    if (c === '\\' && s[i + 1] === '\n') {
      i += 2;
    } else if (BLANK.has(c)) {
      endWord();
      i++;
    } else if (c === '#' && !word) {
      while (i < s.length && s[i] !== '\n') i++;
    } else if (SEPARATORS.has(c)) {
      endWord();
      if (words.length) yield { words };
      words = [];
      i++;
      if (c === '\n') i = skipHeredocs(s, i, heredocs.splice(0));
    } else if (c === '<' || c === '>') {
      endWord();
      if (s.startsWith('<<', i) && s[i + 2] !== '<') {
        const strip = s[i + 2] === '-';
        i += strip ? 3 : 2;
        while (BLANK.has(s[i] ?? '')) i++;
        let delimiter = '';
        while (i < s.length && !BLANK.has(s[i] as string) && !SEPARATORS.has(s[i] as string)) {
          if (s[i] !== '"' && s[i] !== "'" && s[i] !== '\\') delimiter += s[i];
          i++;
        }
        if (delimiter) heredocs.push({ delimiter, strip });
      } else {
        while (s[i] === '<' || s[i] === '>' || s[i] === '&') i++;
      }
    } else if (c === "'") {
      cur().quoted = true;
      const close = s.indexOf("'", i + 1);
      const end = close < 0 ? s.length : close;
      for (let k = i + 1; k < end; k++) lit(k);
      i = end + 1;
    } else if (c === '"') {
      cur().quoted = true;
      i++;
      while (i < s.length && s[i] !== '"') {
        if (s[i] === '\\' && '$`"\\\n'.includes(s[i + 1] ?? 'x')) {
          if (s[i + 1] !== '\n') lit(i + 1);
          i += 2;
        } else if (s[i] === '$') i = dollar(i);
        else if (s[i] === '`') {
          const end = backtick(s, i);
          opaque(i, end);
          i = end;
        } else lit(i++);
      }
      i++;
    } else if (c === '\\') {
      if (i + 1 < s.length) lit(i + 1);
      i += 2;
    } else if (c === '$') {
      i = dollar(i);
    } else if (c === '`') {
      const end = backtick(s, i);
      opaque(i, end);
      i = end;
    } else {
      lit(i++);
    }
  }
  endWord();
  if (words.length) yield { words };
}

/** Index just past the `)` closing the `(` at `open`, skipping quoted text. */
function closing(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === "'") i = Math.max(s.indexOf("'", i + 1), i);
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return s.length;
}

/** Index just past the backtick closing the one at `open`. */
function backtick(s: string, open: number): number {
  for (let i = open + 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '`') return i + 1;
  }
  return s.length;
}

/** Skips here-document bodies that start at `i` (the line after `<<EOF`). */
function skipHeredocs(s: string, i: number, docs: { delimiter: string; strip: boolean }[]): number {
  for (const doc of docs) {
    while (i < s.length) {
      const nl = s.indexOf('\n', i);
      const lineEnd = nl < 0 ? s.length : nl;
      const line = s.slice(i, lineEnd).replace(/\r$/, '');
      i = lineEnd + 1;
      if ((doc.strip ? line.replace(/^\t+/, '') : line) === doc.delimiter) break;
    }
  }
  return Math.min(i, s.length);
}
