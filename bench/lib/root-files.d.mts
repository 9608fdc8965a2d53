/** Types of bench/lib/root-files.mjs, for the TypeScript test of the generator. */
import type { BenchService } from '../generate.mjs';

/** portwarden's default `max-file-bytes`. */
export const MAX_FILE_BYTES: number;

/** The production compose files of `services` as `[relativePath, text]`, none larger than `maxBytes`. */
export function composeFiles(services: BenchService[], maxBytes?: number): [string, string][];
