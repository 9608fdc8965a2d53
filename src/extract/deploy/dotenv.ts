/**
 * `.env` files (`.env`, `.env.local`, `.env.example`...): `PORT=3024` binds the owning service
 * on the file's host (the developer's machine unless the path names one); URL values
 * (`AUTH_URL=http://localhost:3061`) are references, listen addresses (`KAFKA_LISTENERS`,
 * `BIND=0.0.0.0:8080`) bindings, allow lists (`CORS_ORIGINS`) neither. Also the parser the engine uses to read
 * the root `.env` for compose interpolation.
 */
import { createLocator } from '../../core/location.js';
import type { Extractor } from '../extractor.js';
import type { Mapped } from './mapped.js';
import { appendChar, emptyMapped, identity } from './mapped.js';
import { DeployOutput } from './output.js';
import { interpolate } from './interpolate.js';
import { readEnvAddresses } from './env-addresses.js';

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

/** True for `.env` and `.env.<anything>`. */
function isDotenv(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name === '.env' || name.startsWith('.env.');
}

/** Reads `.env` files. */
export const dotenvExtractor: Extractor = {
  id: 'env',
  accepts: isDotenv,
  prefilter: (text) => text.includes('='),
  extract(file) {
    const out = new DeployOutput(file, 'env');
    const last = new Map<string, { key: string; value: Mapped }>();
    for (const e of dotenvEntries(file.text)) {
      // `${VAR:-default}` expands from earlier lines, as compose and dotenv-expand do.
      const value = e.quote === "'" ? e.value : interpolate(e.value, (name) => last.get(name)?.value).value;
      last.set(e.key, { key: e.key, value });
    }
    for (const e of last.values()) {
      if (e.key === 'PORT') {
        if (e.value.value === '') continue;
        const hit = out.port(e.value, 0, e.value.value.length, `${file.path} PORT`);
        if (hit) out.bind(file.service, hit, { via: 'PORT=', network: 'host' });
        continue;
      }
      // Listen addresses bind, allow lists are skipped, URLs are references (./env-addresses.ts).
      readEnvAddresses(e.key, { value: e.value, unresolved: [] }, out, { service: file.service, network: 'host' });
    }
    return out.extraction;
  },
};
