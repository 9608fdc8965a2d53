/** Extractors for deployment and wiring files (Dockerfile, compose, .env, shell, plist, tunnel, Prometheus). */
import type { Extractor } from '../extractor.js';

export const deployExtractors: Extractor[] = [];
