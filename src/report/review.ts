/**
 * One batched review per run with an inline comment for each new finding on a changed line
 * (inline-placement.ts). Each comment carries `<!-- portwarden:fp=<fp> -->`, so a rerun skips what
 * is already commented and edits comments whose finding is gone to say it was resolved.
 *
 * Findings in a changed file but off the diff would need a file-level comment, which the REST
 * API cannot put inside a review: one extra request per finding. To keep the request count
 * constant they are listed in the sticky summary instead (which lists every new finding), as
 * are those GitHub refuses because its diff differs from git's.
 */
import type { GitHubClient } from '../github/octokit.js';
import type { Finding } from '../core/finding.js';
import { blobUrl, code, inline, link } from './md-inline.js';
import { COMMENT_BODY_CHARS, clipTo } from './limits.js';
import { headReader, placeFindings, type Placement } from './inline-placement.js';
import type { Reporter, ReporterResult, RunReport } from './reporter.js';
import { distinctRelated } from './order.js';
import { byBot } from './ownership.js';
import { submitReview, type Submitted } from './review-submit.js';
import { isGone } from '../github/errors.js';

/** Marks a comment as portwarden's, for finding `fp`. */
export const fingerprintMarker = (fp: string) => `<!-- portwarden:fp=${fp} -->`;
/** Added when the finding is gone, so the comment is edited only once. */
export const RESOLVED_MARKER = '<!-- portwarden:resolved -->';
/** Comments edited to "resolved" per run at most (one request each). */
export const MAX_RESOLVE_EDITS = 20;

const FP = /<!-- portwarden:fp=([A-Za-z0-9]+) -->/;

/** The fingerprint in a comment body, if it is one of ours. */
export function fingerprintOf(body: string | undefined | null): string | undefined {
  return body ? FP.exec(body)?.[1] : undefined;
}

/** The body of an inline comment. */
export function commentBody(run: RunReport, placement: Extract<Placement, { kind: 'inline' }>): string {
  const f = placement.finding;
  const rule = f.url ? `[${code(f.ruleId, { cell: false })}](${f.url})` : code(f.ruleId, { cell: false });
  const at = (file: string, line: number) => link(`${file}:${line}`, blobUrl(run, run.context.headSha, file, line));
  const related = distinctRelated(f.related).map((r) => `- ${at(r.location.file, r.location.line)} ${inline(r.message, { cell: false })}`);
  const unapplied = f.unappliedSuppression
    ? `\n\n⚠️ Not silenced: the \`portwarden-ignore\` at ${at(f.unappliedSuppression.file, f.unappliedSuppression.line)} was added by this pull request, and on \`pull_request_target\` a pull request's own directives apply only when the base branch's config allows it.`
    : '';
  let suggestion = '';
  if (placement.suggestion !== undefined) {
    // A fence longer than any backtick run in the text, so the suggestion cannot close it.
    const longest = Math.max(2, ...(placement.suggestion.match(/`+/g) ?? []).map((m) => m.length));
    const fence = '`'.repeat(longest + 1);
    suggestion = `\n\n${fence}suggestion\n${placement.suggestion}\n${fence}`;
  }
  const body = `${fingerprintMarker(f.fingerprint)}\n**${f.severity}** ${rule}: ${inline(f.message, { cell: false })}${unapplied}${related.length ? `\n\n${related.join('\n')}` : ''}${suggestion}`;
  return clipTo(body, COMMENT_BODY_CHARS);
}

/** The edited body of a comment whose finding is gone. */
export function resolvedBody(body: string, sha: string): string {
  const fp = fingerprintOf(body) ?? '';
  const old = body.replace(FP, '').trim().replace(/```+suggestion/g, '```');
  return clipTo(`${fingerprintMarker(fp)}${RESOLVED_MARKER}\n✅ Resolved in \`${sha.slice(0, 7)}\`: portwarden no longer finds this.\n\n<details><summary>Original comment</summary>\n\n${old}\n\n</details>`, COMMENT_BODY_CHARS);
}

/** Posts the review and resolves stale comments. Pull requests only. */
export function reviewReporter(octokit: GitHubClient): Reporter {
  return {
    name: 'review',
    writes: true,
    async report(run: RunReport): Promise<ReporterResult> {
      const pr = run.context.pr;
      const { diff } = run.analysis;
      if (!pr || run.analysis.mode !== 'pull-request' || !diff) return { reporter: 'review', ok: true, detail: 'not a pull request with a baseline; no review' };
      const { owner, repo } = run.context;
      const existing = await octokit.paginate(octokit.rest.pulls.listReviewComments, { owner, repo, pull_number: pr.number, per_page: 100 });
      const ours = existing.filter((c) => byBot(c) && fingerprintOf(c.body) !== undefined);
      const commented = new Set(ours.filter((c) => !c.body.includes(RESOLVED_MARKER)).map((c) => fingerprintOf(c.body)));

      const placements = await placeFindings({ findings: run.analysis.classified.new, diff, shifted: run.analysis.shifted, readHead: headReader(run.analysis.headTop, run.analysis.head.config.maxFileBytes) });
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

      const present = new Set([...run.analysis.classified.new, ...run.analysis.classified.existing].map((f: Finding) => f.fingerprint));
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
