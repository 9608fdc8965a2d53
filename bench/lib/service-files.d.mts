/** Types of bench/lib/service-files.mjs, for the TypeScript tests that read generated files. */
import type { BenchService } from '../generate.mjs';

/** The files of one service as `[pathInService, text]`. */
export function serviceFiles(s: BenchService): [string, string][];
