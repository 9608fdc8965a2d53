/**
 * The extraction cache file of a CLI or Action run (`--cache`, input `cache-file`): loaded
 * before the checks (extract/cache-file.ts, which reads and checks it), written back after
 * them. Writing is atomic: a temporary file beside it, then a rename, so a run stopped halfway
 * leaves the old file or the new one, never a cut one; a rename also replaces a symlink put in
 * the file's place rather than writing through it.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { quote } from './core/quote.js';
import type { ExtractionCache } from './extract/cache.js';
import { cacheFileLines, loadCacheFile } from './extract/cache-file.js';

/** A loaded cache and the way to save it. */
export interface CacheStore {
  cache: ExtractionCache;
  /**
   * Writes what the checks used or made, unless that is exactly what was loaded (a run of an
   * unchanged tree leaves the file as it is); a failure is a warning, never an error of the check.
   */
  save(): void;
}

/**
 * Opens the cache file at `path` (absolute; `shown` in messages). Problems with the file, on
 * load or save, go to `warn` as one line each; the checks go on without it.
 */
export function openCacheStore(path: string, warn: (message: string) => void, shown: string = path): CacheStore {
  const { cache, warning } = loadCacheFile(path, shown);
  if (warning) warn(warning);
  return {
    cache,
    save: () => {
      if (cache.changed) saveCache(path, cache, shown, warn);
    },
  };
}

function saveCache(path: string, cache: ExtractionCache, shown: string, warn: (message: string) => void): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    mkdirSync(dirname(path), { recursive: true });
    // `wx`: a file (or a link) already at the temporary name is never written through.
    const fd = openSync(temp, 'wx', 0o644);
    try {
      writeLines(fd, cacheFileLines(cache));
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // EEXIST: the temporary name was taken, so nothing of ours is there to remove.
    if (code !== 'EEXIST') rmSync(temp, { force: true });
    warn(`Cache file ${quote(shown)} not written (${code ?? 'error'}); expected a writable path. The next run extracts every file again.`);
  }
}

/** Bytes gathered before each write: the file is written in pieces, never held whole. */
const WRITE_CHUNK = 1024 * 1024;

function writeLines(fd: number, lines: Iterable<string>): void {
  let chunk: string[] = [];
  let size = 0;
  const flush = () => {
    writeSync(fd, chunk.join(''));
    chunk = [];
    size = 0;
  };
  for (const line of lines) {
    chunk.push(line);
    size += line.length;
    if (size >= WRITE_CHUNK) flush();
  }
  flush();
}
