// Entry of an extraction worker thread (bundled as dist/extract-worker.js): rebuild the
// context, extract the files it was given, post the results back in order.
import { parentPort, workerData } from 'node:worker_threads';
import { restoreContext, type ContextData } from './context.js';
import { extractFiles, type FileJob } from './files.js';

const { jobs, context } = workerData as { jobs: FileJob[]; context: ContextData };
extractFiles(jobs, restoreContext(context), context.config.maxFileBytes).then(
  (results) => parentPort?.postMessage({ results }),
  (error: unknown) => parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) }),
);
