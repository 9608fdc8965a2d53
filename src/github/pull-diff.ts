/**
 * The pull request's diff as GitHub holds it, read back when GitHub refuses a review (422
 * "must be part of the diff"): portwarden places comments by the diff git computes, and the
 * two can differ (a file too large for GitHub to show a patch, a base that moved). Only the
 * right side (the head) matters, since every comment is on the head.
 */
import type { GitHubClient } from './octokit.js';

/** Pages of `pulls/list-files` read at most (100 files each), so the request count stays bounded. */
export const PULL_FILES_PAGES = 5;

/** Commentable head lines of one file, each with the index of the hunk it lies in. */
export type HeadLines = Map<number, number>;

/** The head-side lines of a unified-diff `patch` (context and added lines, by hunk). */
export function headLines(patch: string): HeadLines {
  const lines: HeadLines = new Map();
  let line = 0;
  let hunk = -1;
  for (const row of patch.replace(/\n$/, '').split('\n')) {
    const header = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(row);
    if (header) {
      line = Number(header[1]);
      hunk += 1;
    } else if (hunk >= 0 && !row.startsWith('\\') && !row.startsWith('-')) {
      lines.set(line++, hunk);
    }
  }
  return lines;
}

/** Whether a comment on head lines `start`..`end` lies within one hunk of `file`. */
export function onDiff(file: HeadLines | undefined, end: number, start = end): boolean {
  const hunk = file?.get(end);
  return hunk !== undefined && start <= end && file!.get(start) === hunk;
}

/**
 * Commentable head lines per path, from GitHub's own list of the pull request's files (at
 * most {@link PULL_FILES_PAGES} pages; files beyond them, or without a patch, have none).
 */
export async function pullDiff(octokit: GitHubClient, owner: string, repo: string, pullNumber: number): Promise<Map<string, HeadLines>> {
  const files = new Map<string, HeadLines>();
  let pages = 0;
  await octokit.paginate(octokit.rest.pulls.listFiles, { owner, repo, pull_number: pullNumber, per_page: 100 }, (response, done) => {
    for (const f of response.data) if (f.patch) files.set(f.filename, headLines(f.patch));
    if (++pages >= PULL_FILES_PAGES) done();
    return [];
  });
  return files;
}
