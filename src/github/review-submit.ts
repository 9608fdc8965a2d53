/**
 * Posting the one review, so that API faults neither lose nor double its comments:
 *
 * - A lost answer (5xx, a dropped connection) may hide a review that was stored: before
 *   posting again, the review comments are listed, and the review is posted again only when
 *   none of its fingerprints is there (a review is stored whole or not at all).
 * - A 422 means GitHub refused a placement: its diff of the pull request differs from the one
 *   git computed here. The review is posted again with only the comments that GitHub's own
 *   diff (`pulls/list-files`) accepts; the refused findings stay in the sticky summary and the
 *   check run, which list every new finding.
 *
 * Either way a constant number of requests, however many findings there are.
 */
import { httpStatus } from './errors.js';
import { pauseBeforeRetry, type GitHubClient } from './octokit.js';
import { onDiff, pullDiff } from './pull-diff.js';
import { createOnce, NO_BLIND_RETRY } from './post-once.js';

/** Times the review is posted when its answer is lost (5xx, a dropped connection). */
export { CREATE_ATTEMPTS as REVIEW_ATTEMPTS } from './post-once.js';

/** One inline comment of the review and the finding it is for. */
export interface ReviewComment {
  fingerprint: string;
  path: string;
  line: number;
  startLine?: number;
  body: string;
}

export interface ReviewTarget {
  owner: string;
  repo: string;
  pull_number: number;
  commit_id: string;
}

/** What reached the pull request. */
export interface Submitted {
  /** Comments in the review that was stored. */
  posted: number;
  /** Comments GitHub's diff does not accept (shown in the summary instead). */
  refused: number;
  /** True when an answer was lost but the review turned out to be stored. */
  recovered: boolean;
}

/**
 * Posts one review holding `comments`; `body(n)` is the review's text for `n` comments.
 * `fingerprints` reads the fingerprints of portwarden's review comments now on the PR.
 */
export async function submitReview(octokit: GitHubClient, target: ReviewTarget, comments: ReviewComment[], body: (n: number) => string, fingerprints: () => Promise<Set<string | undefined>>): Promise<Submitted> {
  /** Posts `batch` once (post-once.ts); true when an answer was lost but the review turned out stored. */
  const post = async (batch: ReviewComment[]): Promise<boolean> => {
    const create = async () => {
      await octokit.rest.pulls.createReview({
        ...target,
        event: 'COMMENT',
        body: body(batch.length),
        comments: batch.map((c) => ({ path: c.path, line: c.line, side: 'RIGHT' as const, ...(c.startLine !== undefined ? { start_line: c.startLine, start_side: 'RIGHT' as const } : {}), body: c.body })),
        ...NO_BLIND_RETRY,
      });
      return true;
    };
    // A review is stored whole or not at all: one of its fingerprints on the PR means all are.
    const find = async () => {
      const landed = await fingerprints();
      return batch.some((c) => landed.has(c.fingerprint)) ? true : undefined;
    };
    return (await createOnce(create, find, (attempt) => pauseBeforeRetry(octokit, attempt))).recovered;
  };
  try {
    const recovered = await post(comments);
    return { posted: comments.length, refused: 0, recovered };
  } catch (error) {
    if (httpStatus(error) !== 422) throw error;
    const diff = await pullDiff(octokit, target.owner, target.repo, target.pull_number);
    const accepted = comments.filter((c) => onDiff(diff.get(c.path), c.line, c.startLine));
    // Every placement is on GitHub's diff too: the refusal has another cause.
    if (accepted.length === comments.length) throw error;
    const recovered = accepted.length > 0 && (await post(accepted));
    return { posted: accepted.length, refused: comments.length - accepted.length, recovered };
  }
}
