/**
 * Reads one file and runs the extractors that accept it: read once, prefilter, parse. The
 * same code runs on the main thread and in worker threads.
 */
import { readText, type CheckedDirs, type FileToRead } from '../collect/read.js';
import { findSuppressions } from '../collect/suppressions.js';
import { problem } from '../core/input-rules.js';
import { createLocator } from '../core/location.js';
import type { Extraction } from '../core/statements.js';
import { emptyExtraction } from '../core/statements.js';
import { deployExtractors } from './deploy/index.js';
import type { ExtractContext, Extractor, SourceFile } from './extractor.js';
import { serviceDocExtractor } from './service-doc/index.js';
import { sourceExtractors } from './source/index.js';
import { quote } from '../core/quote.js';

const fileExtractors: Extractor[] = [...sourceExtractors, ...deployExtractors];

/** One file to read: where it is (read through the safe reader), and what the collect step knows of it. */
export interface FileJob extends FileToRead {
  /** A configured service doc: read by the service-doc extractor only. */
  isDoc: boolean;
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

/** True when some extractor reads files at this path (the cheap test before any I/O). */
export function wanted(job: Pick<FileJob, 'path' | 'isDoc'>): boolean {
  return job.isDoc || fileExtractors.some((e) => e.accepts(job.path));
}

/** Reads `job` and extracts it. Never throws: a failing extractor becomes an input problem. */
export async function extractFile(job: FileJob, ctx: ExtractContext, maxFileBytes: number, checked?: CheckedDirs): Promise<FileResult> {
  const result: Extraction = { ...emptyExtraction(), suppressions: [] };
  const candidates = job.isDoc ? [serviceDocExtractor] : fileExtractors.filter((e) => e.accepts(job.path));
  const read = readText(job, maxFileBytes, checked, job.identify);
  const blob = read.blob ? { blob: read.blob } : {};
  if ('problem' in read) {
    result.problems.push(read.problem);
    return { extraction: result, parsed: false, ...blob };
  }
  const text = read.text;
  result.suppressions!.push(...findSuppressions(job.path, text));
  const chosen = candidates.filter((e) => !e.prefilter || e.prefilter(text));
  if (chosen.length === 0) return { extraction: result, parsed: false, ...blob };
  const host = ctx.hosts.placeFile(job.path, job.owner);
  const file: SourceFile = {
    path: job.path,
    text,
    locator: createLocator(job.path, text),
    ...(job.owner ? { service: ctx.services.canonical(job.owner) } : {}),
    ...(host ? { host } : {}),
  };
  for (const extractor of chosen) {
    try {
      const e = await extractor.extract(file, ctx);
      result.bindings.push(...e.bindings);
      result.references.push(...e.references);
      result.problems.push(...e.problems);
      if (e.suppressions) result.suppressions!.push(...e.suppressions);
    } catch (error) {
      result.problems.push(
        problem('input/extractor-failed', job.path, `The ${quote(extractor.id)} reader failed on ${quote(job.path)}: ${error instanceof Error ? error.message : String(error)}; its ports in this file are unknown.`),
      );
    }
  }
  return { extraction: result, parsed: true, ...blob };
}

/** Extracts `jobs` one after another, results in the same order. */
export async function extractFiles(jobs: FileJob[], ctx: ExtractContext, maxFileBytes: number): Promise<FileResult[]> {
  const results: FileResult[] = [];
  const checked: CheckedDirs = new Set();
  for (const job of jobs) results.push(await extractFile(job, ctx, maxFileBytes, checked));
  return results;
}
