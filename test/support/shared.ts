/**
 * Material kept beside the checkout in `../shared` (the seed registry, the real-world corpus):
 * present in CI and developer sessions, absent from a plain clone. A suite that needs it takes
 * its options from {@link needsShared}: skipped when a file is missing, and marked so that
 * shared-reporter.ts prints, once per run, how many tests were skipped and why.
 * `PORTWARDEN_SHARED_DIR` points elsewhere (a test of the skip itself points it at nothing).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

declare module 'vitest' {
  interface TaskMeta {
    /** Set on tests skipped because files under `../shared` are absent: those files. */
    sharedMissing?: string[];
  }
}

/** The `../shared` directory beside the checkout. */
export const SHARED_DIR = resolve(process.env.PORTWARDEN_SHARED_DIR ?? resolve(import.meta.dirname, '../../../shared'));

/** Suite options for tests that need `paths` (relative to ../shared): skipped, saying what is absent, when one is. */
export function needsShared(...paths: string[]): { skip: boolean; meta: { sharedMissing?: string[] } } {
  const missing = paths.map((p) => join(SHARED_DIR, p)).filter((p) => !existsSync(p));
  return missing.length === 0 ? { skip: false, meta: {} } : { skip: true, meta: { sharedMissing: missing } };
}
