/**
 * Reading head files back for the review's suggestions. The head may be a stranger's tree, so
 * the files go through the safe reader (collect/read.ts): inside the tree, no symlink followed,
 * regular files within the size limit only. A file refused is left out, and the finding in it
 * goes without a suggestion.
 */
import { readRepoFile } from '../collect/read.js';
import { placeFindings, suggestionFiles, type Placement } from '../report/inline-placement.js';
import type { Analysis } from '../revisions.js';

/** The texts of `paths` (repository-relative) under `top`, each at most `maxBytes`; refused files are missing from the map. */
export function readHeadFiles(top: string, paths: readonly string[], maxBytes: number): Map<string, string> {
  const texts = new Map<string, string>();
  for (const path of paths) {
    const read = readRepoFile(top, path, maxBytes);
    if ('text' in read) texts.set(path, read.text);
  }
  return texts;
}

/** Where each new finding of a pull request goes in the review (none outside pull requests). */
export function reviewPlacements(analysis: Analysis): Placement[] {
  if (analysis.mode !== 'pull-request' || !analysis.diff) return [];
  const findings = analysis.classified.new;
  const headFiles = readHeadFiles(analysis.headTop, suggestionFiles(findings), analysis.head.config.maxFileBytes);
  return placeFindings({ findings, diff: analysis.diff, shifted: analysis.shifted, headFiles });
}
