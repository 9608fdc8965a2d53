/**
 * The extraction cache as a file, so results outlive the run that made them (a CI cache
 * restores it for the next run). A file of one header line, then one entry per line, in key
 * order: `[key, result]`, each a result this run used or made (so the file never grows past
 * what the tree needs).
 *
 * The file is untrusted: whoever can write the CI cache can replace it. It is read through the
 * safe reader (a regular file, never a symlink, at most {@link MAX_CACHE_FILE_BYTES}, UTF-8
 * text), and everything in it is checked (the header, every key, every result's shape:
 * ./cache-entries.ts); on any problem the whole file is ignored with one warning naming the
 * file and what was wrong, and the check runs as if there were none. A result is only ever
 * found under its key, which names the git blob id of the bytes it was made from.
 */
import { basename, dirname } from 'node:path';
import { readRepoFile, type Refusal } from '../collect/read.js';
import { quote } from '../core/quote.js';
import { CacheShapeError, checkFileResult, checkRegistryResult } from './cache-entries.js';
import { EXTRACTION_VERSION, ExtractionCache, REGISTRY_KEY } from './cache.js';
import type { FileResult } from './files.js';
import type { RegistryResult } from './registry/index.js';

/** What the header's `format` says. */
export const CACHE_FORMAT = 'portwarden-extraction-cache';
/** The layout of the file; bumped when it changes. */
export const CACHE_FILE_VERSION = 1;
/** The largest cache file read: about ten times what a tree of 2,000 services needs (13 MB), and small enough that a hostile one parses within memory. */
export const MAX_CACHE_FILE_BYTES = 128 * 1024 * 1024;

/** A cache loaded from a file (empty when there was none, or it was ignored), with the warning saying why it was ignored. */
export interface LoadedCache {
  cache: ExtractionCache;
  warning?: string;
}

/**
 * Loads the cache file at `path` (absolute), shown as `shown` in warnings. A missing file (or
 * directory) is an empty cache without a warning (the first run); anything else wrong is an empty cache
 * with a warning. Never throws.
 */
export function loadCacheFile(path: string, shown: string = path, maxBytes = MAX_CACHE_FILE_BYTES): LoadedCache {
  const cache = new ExtractionCache().track();
  const read = readRepoFile(dirname(path), basename(path), maxBytes, shown);
  if ('problem' in read) {
    // Nothing there yet (the first run): no warning; writing it back says if it cannot be.
    if (read.refusal.kind === 'unreadable' && (read.refusal.code === 'ENOENT' || read.refusal.code === 'ENOTDIR')) return { cache };
    return { cache, warning: ignored(shown, refused(read.refusal)) };
  }
  try {
    cache.load(parseCacheText(read.text));
    return { cache };
  } catch (error) {
    if (!(error instanceof CacheShapeError)) throw error;
    return { cache, warning: ignored(shown, error.message) };
  }
}

/** The lines of a cache file holding what `cache` used or made in this run, each with its line break. */
export function* cacheFileLines(cache: ExtractionCache): Generator<string> {
  yield JSON.stringify({ format: CACHE_FORMAT, version: CACHE_FILE_VERSION, extraction: EXTRACTION_VERSION }) + '\n';
  // The blob id is in the key already.
  for (const [key, { extraction, parsed }] of cache.used()) yield JSON.stringify([key, { extraction, parsed }]) + '\n';
  // A registry the parser failed on is not kept: the next run fails on it again, and says so.
  for (const [key, parse] of cache.usedRegistries()) if (typeof parse === 'object' && parse !== null && 'doc' in parse) yield JSON.stringify([key, parse]) + '\n';
}

/** The whole text of {@link cacheFileLines}. */
export function cacheFileText(cache: ExtractionCache): string {
  return [...cacheFileLines(cache)].join('');
}

/** The entries of a cache file's text (files' results, and registry parses under {@link REGISTRY_KEY} keys); throws {@link CacheShapeError} naming the first problem. */
export function parseCacheText(text: string): [string, FileResult | RegistryResult][] {
  const lines = text.split('\n');
  if (lines.at(-1) !== '') throw new CacheShapeError('the file does not end with a line break (it may have been cut short)');
  lines.pop();
  checkHeader(json(lines[0] ?? '', 1));
  const keys = new Set<string>();
  return lines.slice(1).map((line, i) => {
    const entry = json(line, i + 2);
    const at = `line ${i + 2}`;
    if (!Array.isArray(entry) || entry.length !== 2) throw new CacheShapeError(`${at} is not a [key, result] pair`);
    const [key, result] = entry as unknown[];
    if (typeof key !== 'string' || key === '') throw new CacheShapeError(`${at}: the key is not a non-empty string`);
    if (keys.has(key)) throw new CacheShapeError(`${at}: the key appears twice`);
    keys.add(key);
    if (key.startsWith(REGISTRY_KEY)) {
      checkRegistryResult(result, `${at}: registry`);
      return [key, result];
    }
    checkFileResult(result, `${at}: result`);
    return [key, shared(result)];
  });
}

/** The one object for each kind of empty result: most files state no port, and nothing changes an empty result (extract/cache.ts shares them too). */
const EMPTY = new Map<string, FileResult>();

/** `result`, or the shared object equal to it when it is empty (with its blob id left out, as the key holds it). */
function shared(result: FileResult): FileResult {
  const { extraction: e, parsed } = result;
  if (e.bindings.length > 0 || e.references.length > 0 || e.problems.length > 0 || (e.suppressions?.length ?? 0) > 0) return result;
  const kind = `${parsed} ${e.suppressions !== undefined}`;
  let one = EMPTY.get(kind);
  if (!one) EMPTY.set(kind, (one = { extraction: { bindings: [], references: [], problems: [], ...(e.suppressions ? { suppressions: [] } : {}) }, parsed }));
  return one;
}

function json(line: string, n: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    // The parser's message quotes the text: only the line is named.
    throw new CacheShapeError(`line ${n} is not valid JSON`);
  }
}

function checkHeader(header: unknown): void {
  const h = (typeof header === 'object' && header !== null && !Array.isArray(header) ? header : {}) as Record<string, unknown>;
  if (h.format !== CACHE_FORMAT || Object.keys(h).length !== 3) throw new CacheShapeError(`line 1 is not a ${quote(CACHE_FORMAT)} header`);
  for (const [field, expected, what] of [['version', CACHE_FILE_VERSION, 'file format'], ['extraction', EXTRACTION_VERSION, 'extraction']] as const) {
    const found = h[field];
    if (found === expected) continue;
    const was = typeof found === 'number' && Number.isFinite(found) ? `${found}` : 'not a number';
    throw new CacheShapeError(`its ${what} version is ${was}, not ${expected} (another portwarden wrote it)`);
  }
}

/** What the safe reader refused, in words holding nothing from the file but numbers. */
function refused(refusal: Refusal): string {
  switch (refusal.kind) {
    case 'symlink':
      return 'it is a symlink, and symlinks are never followed';
    case 'not-regular':
      return `it is ${refusal.what}`;
    case 'too-large':
      return `it is ${refusal.size} bytes, above the limit of ${refusal.limit}`;
    case 'binary':
    case 'not-utf8':
      return `it is not UTF-8 text (line ${refusal.line})`;
    case 'unreadable':
      return `it cannot be read (${refusal.code})`;
    default:
      return 'it cannot be read';
  }
}

function ignored(shown: string, why: string): string {
  return `Cache file ${quote(shown)} ignored: ${why}; expected a cache file written by this version of portwarden. Files are extracted afresh and the cache is written anew.`;
}
