/**
 * Spreads file extraction over worker threads when the bundle ships its worker
 * (dist/extract-worker.js) and the tree is big enough to pay for the threads' start-up
 * (each loads the parsers again). Results come back in file order, so the model — and
 * every finding — is the same as a single-threaded run. A worker that fails is redone on
 * the main thread: parallelism never loses a file.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ContextData } from './context.js';
import type { ExtractContext } from './extractor.js';
import { extractFiles, type FileJob, type FileResult } from './files.js';

/** Below this many files one thread is faster than starting workers. */
export const MIN_FILES_PER_WORKER = 500;
/** Workers beyond this bring little: parsing is CPU-bound and the machines are small. */
const MAX_WORKERS = 4;

const WORKER_URL = new URL('./extract-worker.js', import.meta.url);

/**
 * How many threads to use for `count` files: `PORTWARDEN_WORKERS` overrides (1 disables);
 * otherwise one per core up to {@link MAX_WORKERS}, at least {@link MIN_FILES_PER_WORKER}
 * files each; 1 when the worker script is not beside this module (running from source).
 */
export function workerCount(count: number, env = process.env): number {
  if (!existsSync(fileURLToPath(WORKER_URL))) return 1;
  const forced = Number(env.PORTWARDEN_WORKERS);
  if (Number.isInteger(forced) && forced >= 1) return Math.min(forced, Math.max(count, 1));
  return Math.max(1, Math.min(availableParallelism(), MAX_WORKERS, Math.floor(count / MIN_FILES_PER_WORKER)));
}

/** Extracts `jobs`, in parallel when it pays; results in job order. */
export async function extractParallel(jobs: FileJob[], ctx: ExtractContext, data: ContextData): Promise<FileResult[]> {
  const n = workerCount(jobs.length);
  if (n <= 1) return extractFiles(jobs, ctx, data.config.maxFileBytes);
  // Interleave so each worker gets a similar mix of file kinds, then put results back in order.
  const shares = Array.from({ length: n }, (_, w) => jobs.filter((_, i) => i % n === w));
  const parts = await Promise.all(shares.map((share) => inWorker(share, data).catch(() => extractFiles(share, ctx, data.config.maxFileBytes))));
  const results: FileResult[] = new Array(jobs.length);
  parts.forEach((part, w) => part.forEach((r, k) => (results[k * n + w] = r)));
  return results;
}

function inWorker(jobs: FileJob[], context: ContextData): Promise<FileResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: { jobs, context } });
    worker.once('message', (m: { results?: FileResult[]; error?: string }) => {
      void worker.terminate();
      if (m.results) resolve(m.results);
      else reject(new Error(m.error ?? 'extraction worker failed'));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`extraction worker exited with ${code}`)));
  });
}
