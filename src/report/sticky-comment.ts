/**
 * The sticky summary comment on the pull request: found by the hidden marker (not by the
 * bot's login, which differs between GITHUB_TOKEN and apps), edited in place, so a PR holds
 * one portwarden comment however often it is pushed to.
 */
import { pauseBeforeRetry, type GitHubClient } from '../github/octokit.js';
import { COMMENT_BODY_CHARS } from './limits.js';
import { renderReport } from './markdown.js';
import type { Reporter, ReporterResult, RunReport } from './reporter.js';
import { byBot } from './ownership.js';
import { isGone } from '../github/errors.js';
import { createOnce, NO_BLIND_RETRY } from './post-once.js';

/** The hidden marker that identifies the sticky comment; it is the body's first line. */
export const STICKY_MARKER = '<!-- portwarden:sticky -->';

/** The sticky comment's body. */
export function stickyBody(run: RunReport): string {
  return renderReport(run, { limit: COMMENT_BODY_CHARS, unit: 'chars', fullListIn: 'the job summary / report.json', marker: STICKY_MARKER });
}

interface IssueComment {
  id: number;
  body?: string | null;
  user?: { type?: string | null } | null;
}

const isSticky = (c: IssueComment) => byBot(c) && (c.body ?? '').startsWith(STICKY_MARKER);

/** Creates or updates the sticky comment, as `settings.commentMode` says. Pull requests only. */
export function stickyCommentReporter(octokit: GitHubClient): Reporter {
  return {
    name: 'comment',
    writes: true,
    async report(run: RunReport): Promise<ReporterResult> {
      const pr = run.context.pr;
      if (!pr) return { reporter: 'comment', ok: true, detail: 'not a pull request; no comment' };
      if (run.settings.commentMode === 'never') return { reporter: 'comment', ok: true, detail: 'comment mode is `never`' };
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
      if (run.settings.commentMode === 'on-findings' && changed === 0) {
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
