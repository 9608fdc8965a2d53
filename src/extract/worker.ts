// Entry of an extraction worker thread (bundled as dist/extract-worker.js): wait for the
// files and the context, rebuild the context, extract, post the results back in order.
import { parentPort } from 'node:worker_threads';
import { restoreContext, type ContextData } from './context.js';
import { extractFiles, type FileJob } from './files.js';

parentPort?.once('message', ({ jobs, context }: { jobs: FileJob[]; context: ContextData }) => {
  extractFiles(jobs, restoreContext(context), context.config.maxFileBytes).then(
    (results) => parentPort?.postMessage({ results }),
    (error: unknown) => parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  );
});
