/** Extractors for source code (TypeScript/JavaScript, Python, Go), env generators and runner scripts. */
import type { Extractor } from '../extractor.js';

export const sourceExtractors: Extractor[] = [];
