/**
 * Spreads file extraction over worker threads when the bundle ships its worker
 * (dist/extract-worker.js) and the tree is big enough to pay for the threads' start-up
 * (each loads the parsers again). Workers are started before the registry is parsed and
 * receive their files once it is, so their start-up overlaps the main thread's work; every
 * thread, the main one included, takes the next chunk of files as it finishes the last.
 * Results come back in file order, so the model — and every finding — is the same as a
 * single-threaded run. The files of a worker that fails are redone on the main thread:
 * parallelism never loses a file.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ContextData } from './context.js';
import type { ExtractContext } from './extractor.js';
import { extractFiles, type FileJob, type FileResult } from './files.js';

/*
 * When threads pay, from measurement (bench/README.md has the figures). A worker costs about
 * 0.35 s of CPU and 26 MB before it extracts anything (it loads the bundle and initialises the
 * grammars again), its heap grows like the main thread's, and its parsers start cold: the
 * markdown parser runs three times slower on its first thousand docs than after. Extraction
 * costs 0.1 to 0.9 ms of CPU per file, so a worker's share must hold well over a thousand files
 * before it ends sooner than it started up. Logical CPUs are not cores either: on a 2-vCPU
 * machine (the usual small CI runner) two busy threads each ran 1.6 times slower than one
 * alone, so a second thread saved at most 3% of wall time for 20-25% more CPU and 30 MB more
 * memory. Threads are therefore counted per two logical CPUs. The serial part (start-up, walk,
 * the registry, model, rules, report: about 1.5 s of CPU at 2,000 services) bounds what
 * threads can win: past 4 threads, each further one saves less wall time than the CPU and
 * memory it costs. (Not measured on more than 2 logical CPUs.)
 */
/** Files each thread must have before a worker is started: a share of about twice its start-up cost. */
export const MIN_FILES_PER_WORKER = 1000;
/** Threads beyond this save less wall time than they cost (see above). */
const MAX_THREADS = 4;
/** Logical CPUs per thread: two hardware threads of one core do not run two parsers at full speed. */
const CPUS_PER_THREAD = 2;

const WORKER_URL = new URL('./extract-worker.js', import.meta.url);

/** How many threads (the main one included) to use for `count` files; 1 when the worker script is not beside this module (running from source). */
export function threadCount(count: number, env = process.env): number {
  return existsSync(fileURLToPath(WORKER_URL)) ? threadsFor(count, availableParallelism(), env.PORTWARDEN_WORKERS) : 1;
}

/**
 * The thread policy: `forced` (`PORTWARDEN_WORKERS`, 1 disables) when it is a count, else one
 * thread per {@link CPUS_PER_THREAD} logical CPUs up to {@link MAX_THREADS}, each with at least
 * {@link MIN_FILES_PER_WORKER} files.
 */
export function threadsFor(count: number, cpus: number, forced?: string): number {
  const n = Number(forced);
  if (forced !== undefined && Number.isInteger(n) && n >= 1) return Math.min(n, Math.max(count, 1));
  return Math.max(1, Math.min(Math.floor(cpus / CPUS_PER_THREAD), MAX_THREADS, Math.floor(count / MIN_FILES_PER_WORKER)));
}

/**
 * Files handed to a thread at a time: a share small enough that the threads end together (one
 * large file, a compose file of thousands of services, does not hold up a thread that was
 * also given a fixed part of the rest), large enough that the messages cost nothing next to
 * the files' work. Sixteen shares per thread, between 4 and 64 files each.
 */
export function chunkFiles(count: number, threads: number): number {
  return Math.min(64, Math.max(4, Math.ceil(count / (threads * 16))));
}

/** Threads started ahead of their work; `run` hands out the files. */
export interface ExtractionPool {
  run(jobs: FileJob[], ctx: ExtractContext, data: ContextData): Promise<FileResult[]>;
}

/** A started worker, and a promise that rejects if it dies before it is done. */
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
      // Every thread, the main one included, takes the next chunk of files when it is done with
      // its last; results go back to their files' places, so the order is the files' order. With
      // no worker, the main thread still goes chunk by chunk: between chunks, output of child
      // processes started meanwhile (a pull request's git diff and listing) is read as it comes,
      // rather than the processes waiting on a full pipe until extraction ends.
      const size = chunkFiles(jobs.length, workers.length + 1);
      let next = 0;
      const take = (): number | undefined => {
        if (next >= jobs.length) return undefined;
        next += size;
        return next - size;
      };
      const results: FileResult[] = new Array(jobs.length);
      const put = (at: number, part: FileResult[]) => part.forEach((r, k) => (results[at + k] = r));
      const chunk = (at: number) => jobs.slice(at, at + size);
      const unanswered = Promise.all(workers.map((w) => feed(w, data, take, chunk, put)));
      for (let at = take(); at !== undefined; at = take()) {
        put(at, await extractFiles(chunk(at), ctx, maxBytes));
        // Let the workers' answers (and any other I/O) in, so that each gets its next chunk without waiting.
        await new Promise((resolve) => setImmediate(resolve));
      }
      // A worker that failed leaves its chunks to the main thread: parallelism never loses a file.
      for (const at of (await unanswered).flat()) put(at, await extractFiles(chunk(at), ctx, maxBytes));
      return results;
    },
  };
}

/**
 * Keeps one worker busy with chunks from `take` (two in flight, so it never waits for the main
 * thread to hand out the next), until there are none left; then ends it. Resolves with the
 * chunks it did not answer (all it held when it failed or died, none otherwise).
 */
function feed({ worker, died }: Started, context: ContextData, take: () => number | undefined, chunk: (at: number) => FileJob[], put: (at: number, part: FileResult[]) => void): Promise<number[]> {
  return new Promise((resolve) => {
    const inFlight = new Set<number>();
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      worker.off('message', answered);
      void worker.terminate();
      resolve([...inFlight]);
    };
    const send = () => {
      const at = take();
      if (at === undefined) return;
      inFlight.add(at);
      worker.postMessage({ at, jobs: chunk(at) });
    };
    const answered = (m: { at: number; results?: FileResult[]; error?: string }) => {
      if (!m.results || !inFlight.has(m.at)) return end();
      inFlight.delete(m.at);
      put(m.at, m.results);
      send();
      if (inFlight.size === 0) end();
    };
    died.catch(end);
    worker.ref();
    worker.on('message', answered);
    worker.postMessage({ context });
    send();
    send();
    if (inFlight.size === 0) end();
  });
}
