// Entry of an extraction worker thread (bundled as dist/extract-worker.js): receive the context
// once and rebuild it, then extract each chunk of files handed over, one chunk after another,
// and post its results back with the chunk's place.
import { parentPort } from 'node:worker_threads';
import { restoreContext, type ContextData } from './context.js';
import type { ExtractContext } from './extractor.js';
import { extractFiles, type FileJob } from './files.js';

let ctx: ExtractContext | undefined;
let maxBytes = 0;
let previous: Promise<unknown> = Promise.resolve();

parentPort?.on('message', (m: { context?: ContextData; at?: number; jobs?: FileJob[] }) => {
  if (m.context) {
    ctx = restoreContext(m.context);
    maxBytes = m.context.config.maxFileBytes;
    return;
  }
  const { at, jobs = [] } = m;
  const context = ctx;
  // Chunks are extracted in the order they came: a second one waits for the first.
  previous = previous.then(() =>
    (context ? extractFiles(jobs, context, maxBytes) : Promise.reject(new Error('no context before the files'))).then(
      (results) => parentPort?.postMessage({ at, results }),
      (error: unknown) => parentPort?.postMessage({ at, error: error instanceof Error ? error.message : String(error) }),
    ),
  );
});
