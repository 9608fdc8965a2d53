/**
 * nginx's configuration grammar, as ngx_conf_file.c reads it: a file is a list of directives,
 * each a name and arguments ended by `;`, or by a `{ ... }` block of directives. Arguments are
 * separated by white space; `"..."` and `'...'` quote one argument (a backslash escapes the
 * next character); `#` at the start of a word comments out the rest of the line; `${` inside
 * a word is a variable, not a block. Every decoded character keeps its source span, so a port
 * points at its digits in the file.
 */
import type { Mapped } from '../../core/mapped.js';
import { appendChar, emptyMapped } from '../../core/mapped.js';

/** One directive: `listen 80;`, `upstream app { ... }`. */
export interface Directive {
  name: string;
  args: Mapped[];
  /** The directives of its `{ ... }` block, when it has one. */
  block?: Directive[];
  /** Offset of the name in the file. */
  start: number;
}

/** A grammar error: where, and what was expected. */
export interface ConfigError {
  message: string;
  start: number;
}

/** The most directives read before the rest of a file is skipped: configs are small, junk is not. */
const MAX_DIRECTIVES = 100_000;
/** Blocks nested deeper than nginx itself would ever need are refused (the walk is iterative anyway). */
const MAX_DEPTH = 64;

type Token = { kind: 'word'; value: Mapped; start: number } | { kind: ';' | '{' | '}'; start: number };

/** The tokens of `text`, in order. */
function* tokens(text: string): Generator<Token> {
  let i = 0;
  const n = text.length;
  // The next `}` at or after a `${`, found once and reused until passed (linear on `${${${...`).
  let close = -1;
  while (i < n) {
    const ch = text[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') {
      i++;
      continue;
    }
    if (ch === '#') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? n : nl + 1;
      continue;
    }
    if (ch === ';' || ch === '{' || ch === '}') {
      yield { kind: ch, start: i };
      i++;
      continue;
    }
    const start = i;
    const value = emptyMapped();
    if (ch === '"' || ch === "'") {
      i++;
      while (i < n && text[i] !== ch) {
        if (text[i] === '\\' && i + 1 < n) {
          const next = text[i + 1]!;
          // Inside quotes nginx keeps `\"`, `\'`, `\\` as the character, and turns `\t`, `\r`, `\n` into it.
          const decoded = next === 't' ? '\t' : next === 'r' ? '\r' : next === 'n' ? '\n' : next === ch || next === '\\' ? next : undefined;
          if (decoded !== undefined) {
            appendChar(value, decoded, i, i + 2);
            i += 2;
            continue;
          }
        }
        appendChar(value, text[i]!, i, i + 1);
        i++;
      }
      i++; // the closing quote
      yield { kind: 'word', value, start };
      continue;
    }
    while (i < n) {
      const c = text[i]!;
      if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === ';' || c === '}') break;
      // `{` opens a block unless it follows `$` (a `${name}` variable).
      if (c === '{' && text[i - 1] !== '$') break;
      if (c === '\\' && i + 1 < n) {
        appendChar(value, text[i + 1]!, i, i + 2);
        i += 2;
        continue;
      }
      if (c === '{') {
        // `${name}`: the word runs to the closing brace.
        if (close < i) {
          const at = text.indexOf('}', i);
          close = at < 0 ? n : at;
        }
        const end = Math.min(close + 1, n);
        for (let k = i; k < end; k++) appendChar(value, text[k]!, k, k + 1);
        i = end;
        continue;
      }
      appendChar(value, c, i, i + 1);
      i++;
    }
    yield { kind: 'word', value, start };
  }
}

/** Parses `text` into its directives. Grammar errors are returned, and what parsed before them is kept. */
export function parseNginx(text: string): { directives: Directive[]; errors: ConfigError[] } {
  const root: Directive[] = [];
  const stack: Directive[][] = [root];
  const errors: ConfigError[] = [];
  let words: { value: Mapped; start: number }[] = [];
  let count = 0;
  for (const t of tokens(text)) {
    if (t.kind === 'word') {
      words.push({ value: t.value, start: t.start });
      continue;
    }
    const current = stack[stack.length - 1]!;
    if (t.kind === '}') {
      if (words.length > 0) errors.push({ message: `a directive ended by \`}\` instead of \`;\``, start: words[0]!.start });
      words = [];
      if (stack.length === 1) {
        errors.push({ message: 'a `}` that closes no block', start: t.start });
        continue;
      }
      stack.pop();
      continue;
    }
    if (words.length === 0) {
      errors.push({ message: `a \`${t.kind}\` with no directive before it`, start: t.start });
      if (t.kind === '{') stack.push([]); // keep braces balanced
      continue;
    }
    const [name, ...args] = words;
    const directive: Directive = { name: name!.value.value, args: args.map((a) => a.value), start: name!.start };
    words = [];
    current.push(directive);
    if (++count > MAX_DIRECTIVES) {
      errors.push({ message: `more than ${MAX_DIRECTIVES} directives`, start: t.start });
      return { directives: root, errors };
    }
    if (t.kind === '{') {
      if (stack.length > MAX_DEPTH) {
        errors.push({ message: `blocks nested deeper than ${MAX_DEPTH}`, start: t.start });
        return { directives: root, errors };
      }
      directive.block = [];
      stack.push(directive.block);
    }
  }
  if (words.length > 0) errors.push({ message: 'a directive with no `;` at the end of the file', start: words[0]!.start });
  if (stack.length > 1) errors.push({ message: 'a block with no closing `}`', start: text.length });
  return { directives: root, errors };
}

/** Every directive of `list` and of the blocks in it, in file order, each with the names of the blocks around it. */
export function* walk(list: Directive[], parents: string[] = []): Generator<{ directive: Directive; parents: string[] }> {
  // The parser refuses nesting deeper than MAX_DEPTH, so this recursion is shallow.
  for (const directive of list) {
    yield { directive, parents };
    if (directive.block) yield* walk(directive.block, [...parents, directive.name]);
  }
}
