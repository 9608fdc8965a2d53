/**
 * Committing the registry row with compare-and-swap. The PUT carries the blob sha the edit
 * was made on; a 409 means another writer changed the registry first (another `/assign-port`
 * on the same branch, most likely). Then the file is read again, the port chosen again
 * against the new registry, and the PUT sent again, at most {@link MAX_RETRIES} times.
 *
 * Writers that lost the same round would otherwise retry in lockstep and land one row per
 * round, so each waits a random, growing delay before the re-read: 1 s plus up to 7, 15, 31 s
 * more: wide enough that ten writers whose read, recompute and write take a second each (ten
 * runs sharing two cores) still land within three retries. It is never shorter than 1 s, because the throttling plugin spaces one client's
 * writes a second apart: after a shorter wait the PUT would be held back until the sha it
 * carries is stale again.
 */
import type { AssignResult } from '../../assign/assign.js';
import { getFile, putFile } from '../../github/contents.js';
import type { GitHubClient } from '../../github/octokit.js';

/** Re-reads after a conflict. */
export const MAX_RETRIES = 3;

/** The throttling plugin's spacing of one client's writes, in milliseconds. */
export const WRITE_SPACING_MS = 1000;

/** Milliseconds to wait before retry `attempt` (1-based): the write spacing plus a random share of (2^(attempt+2) - 1) times it. */
export function conflictDelay(attempt: number, random: () => number = Math.random): number {
  return WRITE_SPACING_MS * (1 + random() * (2 ** (attempt + 2) - 1));
}

export interface CommitInput {
  client: GitHubClient;
  owner: string;
  repo: string;
  branch: string;
  /** The registry's path in the repository. */
  path: string;
  /** The blob sha of the registry the first computation read. */
  sha: string;
  /** The assignment against the registry as read (`text` undefined) or as fetched again. */
  compute(text?: string): AssignResult;
  message(result: Extract<AssignResult, { port: number }>): string;
  log(message: string): void;
}

export type CommitOutcome =
  | { result: Extract<AssignResult, { port: number }>; commit: string; url: string; tries: number }
  | { result: Extract<AssignResult, { error: string }>; tries: number }
  | { conflicts: number };

/** Computes, commits, and on a conflict re-reads, recomputes and commits again. */
export async function commitRegistry(input: CommitInput): Promise<CommitOutcome> {
  let result = input.compute();
  let sha = input.sha;
  for (let attempt = 0; ; attempt++) {
    if ('error' in result) return { result, tries: attempt + 1 };
    // The registry's edit comes first; a CLAUDE.md port line is committed after it.
    const registry = result.edits[0]!;
    const written = await putFile(input.client, input.owner, input.repo, { path: input.path, text: registry.text, sha, branch: input.branch, message: input.message(result) });
    if (!('conflict' in written)) return { result, commit: written.commit, url: written.url, tries: attempt + 1 };
    if (attempt >= MAX_RETRIES) return { conflicts: attempt + 1 };
    const wait = Math.round(conflictDelay(attempt + 1));
    input.log(`The registry changed on \`${input.branch}\` since it was read (409); reading it again in ${wait} ms (retry ${attempt + 1} of ${MAX_RETRIES}).`);
    await new Promise((resolve) => setTimeout(resolve, wait));
    const fresh = await getFile(input.client, input.owner, input.repo, input.path, input.branch);
    if (!fresh) throw new Error(`The registry \`${input.path}\` is gone from \`${input.branch}\`.`);
    sha = fresh.sha;
    result = input.compute(fresh.text);
  }
}
