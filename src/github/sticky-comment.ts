/**
 * The sticky summary comment on the pull request: found by the hidden marker (not by the
 * bot's login, which differs between GITHUB_TOKEN and apps), edited in place, so a pull
 * request holds one portwarden comment however often it is pushed to.
 */
import { STICKY_MARKER, stickyBody } from '../report/sticky-comment.js';
import { isGone } from './errors.js';
import { pauseBeforeRetry, type GitHubClient } from './octokit.js';
import { byBot } from './ownership.js';
import { createOnce, NO_BLIND_RETRY } from './post-once.js';
import type { Delivery, Reporter, ReporterResult } from './reporter.js';

/** The `comment` input: `always` posts the sticky comment on every run; `on-findings` only when there is something to say (once it exists it is still kept current); `never` leaves it alone. */
export const COMMENT_MODES = ['always', 'on-findings', 'never'] as const;
export type CommentMode = (typeof COMMENT_MODES)[number];

interface IssueComment {
  id: number;
  body?: string | null;
  user?: { type?: string | null } | null;
}

const isSticky = (c: IssueComment) => byBot(c) && (c.body ?? '').startsWith(STICKY_MARKER);

/** Creates or updates the sticky comment, as `mode` (the `comment` input) says. Pull requests only. */
export function stickyCommentReporter(octokit: GitHubClient, mode: CommentMode): Reporter {
  return {
    name: 'comment',
    writes: true,
    async report(run: Delivery): Promise<ReporterResult> {
      const pr = run.context.pr;
      if (!pr) return { reporter: 'comment', ok: true, detail: 'not a pull request; no comment' };
      if (mode === 'never') return { reporter: 'comment', ok: true, detail: 'comment mode is `never`' };
      const { owner, repo } = run.context;
      const list = async () => (await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: pr.number, per_page: 100 })).filter(isSticky).sort((a, b) => a.id - b.id);
      const body = stickyBody(run);
      const [current] = await list();
      let gone = '';
      if (current) {
        try {
          const updated = await octokit.rest.issues.updateComment({ owner, repo, comment_id: current.id, body });
          return { reporter: 'comment', ok: true, url: updated.data.html_url, detail: `updated comment ${current.id}` };
        } catch (error) {
          // Deleted between the list and the update: carry on as if there were none.
          if (!isGone(error)) throw error;
          gone = `comment ${current.id} was deleted meanwhile; `;
        }
      }
      const { classified } = run.analysis;
      // `on-findings`: only when this PR changed something: new or fixed findings, base findings
      // it left unchecked, or portwarden-ignore directives it added (a PR silencing a finding says so).
      const changed = classified.new.length + classified.fixed.length + classified.notChecked.length + run.analysis.suppressions.length;
      if (mode === 'on-findings' && changed === 0) {
        return { reporter: 'comment', ok: true, detail: `${gone}no new, fixed or unchecked findings, no added suppressions and no comment yet; none posted (comment: on-findings)` };
      }
      // Created once even when the answer is lost: before another try, a sticky comment the lost try stored is found (post-once.ts).
      const created = {
        data: (
          await createOnce(
            async () => (await octokit.rest.issues.createComment({ owner, repo, issue_number: pr.number, body, ...NO_BLIND_RETRY })).data,
            async () => (await list()).at(-1),
            (attempt) => pauseBeforeRetry(octokit, attempt),
          )
        ).value,
      };
      // Two runs may race to create: re-list, keep the oldest, delete ours if it is not. The
      // oldest is updated first, so that if it has just been deleted, ours stays.
      const [oldest] = await list();
      if (oldest && oldest.id !== created.data.id) {
        try {
          await octokit.rest.issues.updateComment({ owner, repo, comment_id: oldest.id, body });
        } catch (error) {
          if (!isGone(error)) throw error;
          return { reporter: 'comment', ok: true, url: created.data.html_url, detail: `${gone}created comment ${created.data.id} (comment ${oldest.id} was deleted meanwhile)` };
        }
        try {
          await octokit.rest.issues.deleteComment({ owner, repo, comment_id: created.data.id });
        } catch (error) {
          if (!isGone(error)) throw error;
        }
        return { reporter: 'comment', ok: true, detail: `${gone}another run created comment ${oldest.id} first; updated it and deleted ${created.data.id}` };
      }
      return { reporter: 'comment', ok: true, url: created.data.html_url, detail: `${gone}created comment ${created.data.id}` };
    },
  };
}
