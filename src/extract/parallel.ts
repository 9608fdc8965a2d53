/**
 * Spreads file extraction over worker threads when the bundle ships its worker
 * (dist/extract-worker.js) and the tree is big enough to pay for the threads' start-up
 * (each loads the parsers again). Workers are started before the registry is parsed and
 * receive their files once it is, so their start-up overlaps the main thread's work; the
 * main thread extracts a share itself. Results come back in file order, so the model — and
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

/** Below this many files per thread, one thread is faster than starting workers. */
export const MIN_FILES_PER_WORKER = 500;
/** Threads beyond this bring little: parsing is CPU-bound and the machines are small. */
const MAX_THREADS = 4;

const WORKER_URL = new URL('./extract-worker.js', import.meta.url);

/**
 * How many threads (the main one included) to use for `count` files: `PORTWARDEN_WORKERS`
 * overrides (1 disables); otherwise one per core up to {@link MAX_THREADS}, at least
 * {@link MIN_FILES_PER_WORKER} files each; 1 when the worker script is not beside this
 * module (running from source).
 */
export function threadCount(count: number, env = process.env): number {
  if (!existsSync(fileURLToPath(WORKER_URL))) return 1;
  const forced = Number(env.PORTWARDEN_WORKERS);
  if (Number.isInteger(forced) && forced >= 1) return Math.min(forced, Math.max(count, 1));
  return Math.max(1, Math.min(availableParallelism(), MAX_THREADS, Math.floor(count / MIN_FILES_PER_WORKER)));
}

/** Threads started ahead of their work; `run` hands out the files. */
export interface ExtractionPool {
  run(jobs: FileJob[], ctx: ExtractContext, data: ContextData): Promise<FileResult[]>;
}

/** A started worker, and a promise that rejects if it dies before it answers. */
interface Started {
  worker: Worker;
  died: Promise<never>;
}

function start(): Started {
  const worker = new Worker(WORKER_URL);
  // Until it has work, an idle worker must neither keep the process alive nor crash it.
  worker.unref();
  const died = new Promise<never>((_, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`extraction worker exited with ${code}`)));
  });
  died.catch(() => {});
  return { worker, died };
}

/** Starts the worker threads `count` files will need (none for a small tree). */
export function startPool(count: number): ExtractionPool {
  const workers = Array.from({ length: threadCount(count) - 1 }, start);
  return {
    async run(jobs, ctx, data) {
      const maxBytes = data.config.maxFileBytes;
      if (workers.length === 0) return extractFiles(jobs, ctx, maxBytes);
      const n = workers.length + 1;
      // Interleave so each thread gets a similar mix of file kinds, then put results back in order.
      const shares = Array.from({ length: n }, (_, t) => jobs.filter((_, i) => i % n === t));
      const [own = [], ...others] = shares;
      const started = others.map((share, w) => inWorker(workers[w]!, share, data).catch(() => extractFiles(share, ctx, maxBytes)));
      const parts = [await extractFiles(own, ctx, maxBytes), ...(await Promise.all(started))];
      const results: FileResult[] = new Array(jobs.length);
      parts.forEach((part, t) => part.forEach((r, k) => (results[k * n + t] = r)));
      return results;
    },
  };
}

function inWorker({ worker, died }: Started, jobs: FileJob[], context: ContextData): Promise<FileResult[]> {
  worker.ref();
  const answered = new Promise<FileResult[]>((resolve, reject) => {
    worker.once('message', (m: { results?: FileResult[]; error?: string }) => {
      if (m.results) resolve(m.results);
      else reject(new Error(m.error ?? 'extraction worker failed'));
    });
    worker.postMessage({ jobs, context });
  });
  return Promise.race([answered, died]).finally(() => void worker.terminate());
}
