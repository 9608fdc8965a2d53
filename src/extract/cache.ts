/**
 * What each file gave, kept for another check in the same run: a pull request's head and its
 * merge base share most files, so the base reuses the head's extraction of every file whose
 * bytes did not change and extracts only the others.
 *
 * A result is reused only when everything extraction depends on is the same: the extractors
 * (their version), the context they ran in (config hosts, aliases and `max-file-bytes`, the
 * registry's hosts, the service names, the root `.env`: exactly the data a worker thread
 * rebuilds the context from), the file's path, whether it is a service doc, the service owning
 * it, and its bytes, named by their git blob id as the reader read them (not as git status
 * reports them: autocrlf and clean filters make the bytes on disk differ from the blob).
 */
import { createHash } from 'node:crypto';
import type { ContextData } from './context.js';
import { readersOf, type FileJob, type FileResult } from './files.js';

/** Bumped whenever an extractor's output for the same input may change. */
export const EXTRACTION_VERSION = 1;

/** How the key of a registry's parse starts (a file's key starts with its context, a hash). */
export const REGISTRY_KEY = 'registry\0';

/** Extraction results by file and content, for the checks of one run. */
export class ExtractionCache {
  private readonly results = new Map<string, FileResult>();
  private readonly registries = new Map<string, unknown>();
  private readonly readers = new Map<string, number>();

  /** The part of every key that names the context (see above). */
  static context(data: ContextData): string {
    return createHash('sha256').update(JSON.stringify([EXTRACTION_VERSION, data])).digest('hex');
  }

  get size(): number {
    return this.results.size;
  }

  /**
   * The result for `job` with bytes `blob` in `context`; undefined when none was kept. It is
   * the kept result itself, shared: nothing after extraction changes an extraction (the model
   * step copies the statements it changes, model/build.ts).
   */
  get(context: string, job: FileJob, blob: string): FileResult | undefined {
    return this.results.get(key(context, job, blob));
  }

  /**
   * `parse()`'s result for `inputs` (everything the registry's parse depends on: the bytes'
   * blob id, the path, the service names and aliases), made on first use or loaded from a
   * cache file; each call gets its own copy.
   */
  registry<T>(inputs: unknown[], parse: () => T): T {
    const id = REGISTRY_KEY + createHash('sha256').update(JSON.stringify([EXTRACTION_VERSION, ...inputs])).digest('hex');
    // The parse itself is kept (no caller ever holds it); every caller, the first included, gets a copy.
    if (!this.registries.has(id)) {
      this.registries.set(id, parse());
      this.made = true;
    }
    this.touched?.add(id);
    return structuredClone(this.registries.get(id) as T);
  }

  /** Keeps `result` of `job` with bytes `blob` in `context`. */
  set(context: string, job: FileJob, blob: string, result: FileResult): void {
    this.results.set(key(context, job, blob), result);
    this.made = true;
  }

  /** Which file extractors read `path` ({@link readersOf}), asked once per path for all the checks of the run. */
  readersOf(path: string): number {
    let readers = this.readers.get(path);
    if (readers === undefined) this.readers.set(path, (readers = readersOf(path)));
    return readers;
  }

  // Across runs (extract/cache-file.ts): results loaded from a file, and the keys this run used or made.
  private touched?: Set<string>;
  private loaded?: number;
  private made = false;

  /** Starts noting the results this run uses or makes (a cache that is saved; one kept for one run needs no list). */
  track(): this {
    this.touched ??= new Set();
    return this;
  }

  /** Notes, when tracking, that this run used or made the result for `job` with bytes `blob` in `context`: a cache file keeps only those. */
  touch(context: string, job: FileJob, blob: string): void {
    this.touched?.add(key(context, job, blob));
  }

  /**
   * Adds results saved by an earlier run, under the keys they were saved with: a file's result,
   * or a registry's parse under a {@link REGISTRY_KEY} key (the loader has checked their shape).
   */
  load(entries: Iterable<readonly [string, unknown]>): void {
    this.loaded ??= 0;
    for (const [k, result] of entries) {
      if (k.startsWith(REGISTRY_KEY)) this.registries.set(k, result);
      else this.results.set(k, result as FileResult);
      this.loaded++;
    }
  }

  /**
   * True when a cache file written now would differ from the one read: none was read (there
   * was none, or it was ignored), a result was made, or a loaded one went unused.
   */
  get changed(): boolean {
    return this.loaded === undefined || this.made || (this.touched?.size ?? 0) !== this.loaded;
  }

  /** The results this run used or made, by key, in key order: what a cache file keeps. */
  used(): [string, FileResult][] {
    const out: [string, FileResult][] = [];
    for (const k of [...(this.touched ?? [])].sort()) {
      const result = this.results.get(k);
      if (result) out.push([k, result]);
    }
    return out;
  }

  /** The registry parses this run used or made, by key, in key order. */
  usedRegistries(): [string, unknown][] {
    return [...(this.touched ?? [])]
      .filter((k) => k.startsWith(REGISTRY_KEY))
      .sort()
      .map((k) => [k, this.registries.get(k)]);
  }
}

function key(context: string, job: FileJob, blob: string): string {
  return `${context}\0${blob}\0${job.isDoc ? 'doc' : ''}\0${job.owner ?? ''}\0${job.path}`;
}
