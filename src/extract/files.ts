/**
 * Reads one file and runs the extractors that accept it: read once, prefilter, parse. The
 * same code runs on the main thread and in worker threads.
 */
import { readText, type CheckedDirs, type FileToRead } from '../collect/read.js';
import { findSuppressions } from '../collect/suppressions.js';
import { problem } from '../core/input-rules.js';
import { createLocator } from '../core/location.js';
import type { Extraction } from '../core/statements.js';
import { deployExtractors } from './deploy/index.js';
import type { ExtractContext, Extractor, SourceFile } from './extractor.js';
import { serviceDocExtractor } from './service-doc/index.js';
import { sourceExtractors } from './source/index.js';
import { quote } from '../core/quote.js';

const fileExtractors: Extractor[] = [...sourceExtractors, ...deployExtractors];
// One bit per extractor in a set of readers (below): a 32-bit integer holds at most 31.
if (fileExtractors.length > 31) throw new Error(`${fileExtractors.length} file extractors: a set of readers holds at most 31`);

/** One file to read: where it is (read through the safe reader), and what the collect step knows of it. */
export interface FileJob extends FileToRead {
  /** A configured service doc: read by the service-doc extractor only. */
  isDoc: boolean;
  /**
   * The file extractors accepting the path, as {@link readersOf} gives them, when the job's
   * maker asked already (the extract step does, to decide whether the file is read at all).
   */
  readers?: number;
  /** The service owning the file through its directory. */
  owner?: string;
  /** Say the git blob id of the bytes read (to keep the result for another check, extract/cache.ts). */
  identify?: boolean;
}

/** What one file gave; `parsed` is false when no extractor parsed it. */
export interface FileResult {
  extraction: Extraction;
  parsed: boolean;
  /** The git blob id of the bytes read, when the job asked for it or the file came from a blob. */
  blob?: string;
}

/**
 * The file extractors that accept `path` (service docs aside), as a set of bits: bit `i` stands
 * for the `i`-th extractor; 0 when none does. A number, so a job carries it to a worker thread.
 */
export function readersOf(path: string): number {
  let readers = 0;
  for (let i = 0; i < fileExtractors.length; i++) if (fileExtractors[i]!.accepts(path)) readers |= 1 << i;
  return readers;
}

/** True when some extractor reads files at this path (the cheap test before any I/O). */
export function wanted(job: Pick<FileJob, 'path' | 'isDoc'>): boolean {
  return job.isDoc || readersOf(job.path) !== 0;
}

/** Reads `job` and extracts it. Never throws: a failing extractor becomes an input problem. */
export async function extractFile(job: FileJob, ctx: ExtractContext, maxFileBytes: number, checked?: CheckedDirs): Promise<FileResult> {
  const result: Extraction = { bindings: [], references: [], problems: [], suppressions: [] };
  const read = readText(job, maxFileBytes, checked, job.identify);
  if ('problem' in read) {
    result.problems.push(read.problem);
    return fileResult(result, false, read.blob);
  }
  const text = read.text;
  result.suppressions = findSuppressions(job.path, text);
  const chosen = job.isDoc ? chooseDoc(text) : choose(job.readers ?? readersOf(job.path), text);
  if (chosen.length === 0) return fileResult(result, false, read.blob);
  const host = ctx.hosts.placeFile(job.path, job.owner);
  const file: SourceFile = { path: job.path, text, locator: createLocator(job.path, text) };
  if (job.owner) file.service = ctx.services.canonical(job.owner);
  if (host) file.host = host;
  for (const extractor of chosen) {
    try {
      add(result, await extractor.extract(file, ctx));
    } catch (error) {
      result.problems.push(failed(extractor, job.path, error));
    }
  }
  return fileResult(result, true, read.blob);
}

/** The extractors among `readers` whose prefilter passes `text`. */
function choose(readers: number, text: string): Extractor[] {
  const chosen: Extractor[] = [];
  for (let i = 0; readers !== 0; i++, readers >>>= 1) {
    const extractor = fileExtractors[i]!;
    if (readers & 1 && (!extractor.prefilter || extractor.prefilter(text))) chosen.push(extractor);
  }
  return chosen;
}

/** The service-doc extractor, when its prefilter passes `text`. */
function chooseDoc(text: string): Extractor[] {
  return !serviceDocExtractor.prefilter || serviceDocExtractor.prefilter(text) ? [serviceDocExtractor] : [];
}

/** Adds what one extractor found to the file's result. */
function add(result: Extraction, e: Extraction): void {
  result.bindings.push(...e.bindings);
  result.references.push(...e.references);
  result.problems.push(...e.problems);
  if (e.suppressions) result.suppressions!.push(...e.suppressions);
}

/** The input problem saying `extractor` failed on the file at `path`. */
function failed(extractor: Extractor, path: string, error: unknown) {
  return problem('input/extractor-failed', path, `The ${quote(extractor.id)} reader failed on ${quote(path)}: ${error instanceof Error ? error.message : String(error)}; its ports in this file are unknown.`);
}

/** One file's result, naming the blob id only when there is one. */
function fileResult(extraction: Extraction, parsed: boolean, blob: string | undefined): FileResult {
  return blob ? { extraction, parsed, blob } : { extraction, parsed };
}

/** Extracts `jobs` one after another, results in the same order. */
export async function extractFiles(jobs: FileJob[], ctx: ExtractContext, maxFileBytes: number): Promise<FileResult[]> {
  const results: FileResult[] = [];
  const checked: CheckedDirs = new Set();
  for (const job of jobs) results.push(await extractFile(job, ctx, maxFileBytes, checked));
  return results;
}
