import { createRequire as __pwCreateRequire } from 'node:module'; const require = __pwCreateRequire(import.meta.url);
import {
  extractFiles,
  restoreContext
} from "./chunk-DEPEE64A.js";

// src/extract/worker.ts
import { parentPort } from "node:worker_threads";
var ctx;
var maxBytes = 0;
var previous = Promise.resolve();
parentPort?.on("message", (m) => {
  if (m.context) {
    ctx = restoreContext(m.context);
    maxBytes = m.context.config.maxFileBytes;
    return;
  }
  const { at, jobs = [] } = m;
  const context = ctx;
  previous = previous.then(
    () => (context ? extractFiles(jobs, context, maxBytes) : Promise.reject(new Error("no context before the files"))).then(
      (results) => parentPort?.postMessage({ at, results }),
      (error) => parentPort?.postMessage({ at, error: error instanceof Error ? error.message : String(error) })
    )
  );
});
