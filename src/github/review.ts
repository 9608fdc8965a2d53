/**
 * One batched review per run with an inline comment for each new finding on a changed line
 * (placed by the command, src/report/inline-placement.ts). Each comment carries its finding's
 * fingerprint, so a rerun skips what is already commented and edits comments whose finding is
 * gone to say it was resolved.
 *
 * Findings in a changed file but off the diff would need a file-level comment, which the REST
 * API cannot put inside a review: one extra request per finding. To keep the request count
 * constant they are listed in the sticky summary instead (which lists every new finding), as
 * are those GitHub refuses because its diff differs from git's.
 */
import type { Placement } from '../report/inline-placement.js';
import { commentBody, fingerprintOf, RESOLVED_MARKER, resolvedBody } from '../report/review.js';
import { isGone } from './errors.js';
import type { GitHubClient } from './octokit.js';
import { byBot } from './ownership.js';
import type { Delivery, Reporter, ReporterResult } from './reporter.js';
import { submitReview, type Submitted } from './review-submit.js';

/** Comments edited to "resolved" per run at most (one request each). */
export const MAX_RESOLVE_EDITS = 20;

/** Posts the review and resolves stale comments. Pull requests only. */
export function reviewReporter(octokit: GitHubClient): Reporter {
  return {
    name: 'review',
    writes: true,
    async report(run: Delivery): Promise<ReporterResult> {
      const pr = run.context.pr;
      if (!pr || run.analysis.mode !== 'pull-request') return { reporter: 'review', ok: true, detail: 'not a pull request with a baseline; no review' };
      const { owner, repo } = run.context;
      const existing = await octokit.paginate(octokit.rest.pulls.listReviewComments, { owner, repo, pull_number: pr.number, per_page: 100 });
      const ours = existing.filter((c) => byBot(c) && fingerprintOf(c.body) !== undefined);
      const commented = new Set(ours.filter((c) => !c.body.includes(RESOLVED_MARKER)).map((c) => fingerprintOf(c.body)));

      const { placements } = run;
      const fresh = placements.filter((p): p is Extract<Placement, { kind: 'inline' }> => p.kind === 'inline' && !commented.has(p.finding.fingerprint));
      // Posted so that a lost answer never doubles the review and a refused placement never loses the others (review-submit.ts).
      const submitted: Submitted =
        fresh.length === 0
          ? { posted: 0, refused: 0, recovered: false }
          : await submitReview(
              octokit,
              { owner, repo, pull_number: pr.number, commit_id: run.context.headSha },
              fresh.map((p) => ({ fingerprint: p.finding.fingerprint, path: p.path, line: p.line, ...(p.startLine !== undefined ? { startLine: p.startLine } : {}), body: commentBody(run, p) })),
              (n) => `portwarden found ${n} new problem${n === 1 ? '' : 's'} on changed lines; the summary comment lists every finding.`,
              // Open comments only: a comment resolved earlier may carry the fingerprint of a finding that is back.
              async () => new Set((await octokit.paginate(octokit.rest.pulls.listReviewComments, { owner, repo, pull_number: pr.number, per_page: 100 })).filter((c) => byBot(c) && !c.body.includes(RESOLVED_MARKER)).map((c) => fingerprintOf(c.body))),
            );

      const present = new Set([...run.analysis.classified.new, ...run.analysis.classified.existing].map((f) => f.fingerprint));
      const stale = ours.filter((c) => !c.body.includes(RESOLVED_MARKER) && !present.has(fingerprintOf(c.body)!)).slice(0, MAX_RESOLVE_EDITS);
      let deleted = 0;
      for (const c of stale) {
        try {
          await octokit.rest.pulls.updateReviewComment({ owner, repo, comment_id: c.id, body: resolvedBody(c.body, run.context.headSha) });
        } catch (error) {
          // Deleted since it was listed: nothing left to mark resolved.
          if (!isGone(error)) throw error;
          deleted++;
        }
      }

      const skipped = placements.filter((p) => p.kind === 'inline').length - fresh.length;
      const offDiff = placements.filter((p) => p.kind !== 'inline').length;
      const { posted, refused, recovered } = submitted;
      return {
        reporter: 'review',
        ok: true,
        detail:
          `${posted ? `1 review with ${posted} inline comment${posted === 1 ? '' : 's'}` : refused ? 'no review posted' : 'no review needed'}; ${skipped} already commented; ${offDiff} off the diff (in the summary); ${stale.length - deleted} resolved` +
          `${refused ? `; ${refused} refused by GitHub as off its diff (in the summary)` : ''}${recovered ? '; its answer was lost, but the review was stored' : ''}${deleted ? `; ${deleted} deleted before they could be marked resolved` : ''}`,
      };
    },
  };
}
