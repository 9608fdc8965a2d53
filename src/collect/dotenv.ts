/**
 * The dotenv syntax (`KEY=value`, `export KEY=value`, quoted values spanning lines, `#`
 * comments): one parser for the `.env` extractor (extract/deploy/dotenv.ts) and for the root
 * `.env` whose values interpolate `${VAR}` in compose files. Every decoded character keeps
 * its source span, so a port found in a value points at its digits in the file.
 */
import { createLocator } from '../core/location.js';
import type { Mapped } from '../core/mapped.js';
import { appendChar, emptyMapped, identity } from '../core/mapped.js';

/** One `KEY=value` of a dotenv file; `value` decoded, mapped to its source characters. */
export interface DotenvEntry {
  key: string;
  keyStart: number;
  value: Mapped;
  /** Source span of the value without its quotes. */
  start: number;
  end: number;
  /** The quote around the value, '' when unquoted (single-quoted values are literal). */
  quote: string;
}

const KEY = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=[ \t]*/;
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\', $: '$' };

/** Every assignment of a dotenv text in order (comments, blank and malformed lines skipped). */
export function dotenvEntries(text: string): DotenvEntry[] {
  const entries: DotenvEntry[] = [];
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? text.length : nl;
    const m = KEY.exec(text.slice(pos, lineEnd));
    if (!m) {
      pos = lineEnd + 1;
      continue;
    }
    const key = m[1] as string;
    const keyStart = pos + m[0].lastIndexOf(key);
    let i = pos + m[0].length;
    const q = text[i];
    if (q === '"' || q === "'") {
      // Quoted values may span lines; only double quotes know escapes.
      const value = emptyMapped();
      const start = ++i;
      while (i < text.length && text[i] !== q) {
        const esc = q === '"' && text[i] === '\\' ? ESCAPES[text[i + 1] ?? ''] : undefined;
        if (esc !== undefined) {
          appendChar(value, esc, i, i + 2);
          i += 2;
        } else {
          appendChar(value, text[i] as string, i, i + 1);
          i++;
        }
      }
      entries.push({ key, keyStart, value, start, end: i, quote: q });
      const after = text.indexOf('\n', i);
      pos = after < 0 ? text.length : after + 1;
      continue;
    }
    let end = lineEnd;
    // An unquoted value ends at a ` #` comment.
    const hash = text.slice(i, lineEnd).search(/(^|[ \t])#/);
    if (hash >= 0) end = i + hash;
    while (end > i && /[ \t\r]/.test(text[end - 1] as string)) end--;
    entries.push({ key, keyStart, value: identity(text, i, end), start: i, end, quote: '' });
    pos = lineEnd + 1;
  }
  return entries;
}

/** One value of a parsed dotenv text; `line` (1-based, lines end at LF) is where its key is. */
export interface DotenvValue {
  value: string;
  start: number;
  end: number;
  line: number;
}

/** Parses dotenv text: the last assignment of each key wins, as in `docker compose` and `dotenv`. */
export function parseDotenv(text: string): Map<string, DotenvValue> {
  const map = new Map<string, DotenvValue>();
  const locator = createLocator('.env', text);
  for (const e of dotenvEntries(text)) map.set(e.key, { value: e.value.value, start: e.start, end: e.end, line: locator.range(e.keyStart, e.keyStart).line });
  return map;
}
