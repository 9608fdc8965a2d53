import { createRequire as __pwCreateRequire } from 'node:module'; const require = __pwCreateRequire(import.meta.url);
import {
  extractFiles,
  restoreContext
} from "./chunk-NWOYRA6H.js";

// src/extract/worker.ts
import { parentPort } from "node:worker_threads";
parentPort?.once("message", ({ jobs, context }) => {
  extractFiles(jobs, restoreContext(context), context.config.maxFileBytes).then(
    (results) => parentPort?.postMessage({ results }),
    (error) => parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) })
  );
});
