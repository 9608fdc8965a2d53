/** Types of bench/generate.mjs, for the TypeScript test of the generator. */

/** One planned service and the port each of its files states. */
export interface BenchService {
  index: number;
  name: string;
  lang: 'ts-nullish' | 'ts-env' | 'python' | 'go';
  group: number;
  deployed: boolean;
  plan: number;
  doc: number;
  source: number;
  env: number;
  docker: number;
  compose: number;
  actual: number;
  ref?: { name: string; port: number };
  drift?: string;
}

/** What {@link generate} wrote. */
export interface Generated {
  root: string;
  /** Files written, node_modules included. */
  files: number;
  /** Files committed (node_modules is gitignored). */
  trackedFiles: number;
  services: BenchService[];
  drifts: { service: string; kind: string }[];
}

/**
 * Writes a synthetic monorepo of `n` services to `outDir` and commits it unless `git` is false;
 * no compose file is larger than `composeBytes` (default 1 MiB, portwarden's `max-file-bytes`).
 */
export function generate(outDir: string, n: number, options?: { git?: boolean; seed?: number; composeBytes?: number }): Generated;
