/**
 * Which channels a check run reports through, built from the settings: API channels need a
 * client (and a token), `review` and `comment` only make sense on pull requests, and the
 * fallback pair (annotations, job summary) is always ready.
 */
import { resolve } from 'node:path';
import type { RunContext } from '../github/context.js';
import { checkRunReporter } from '../github/check-run.js';
import type { GitHubClient } from '../github/octokit.js';
import type { Reporter } from '../github/reporter.js';
import { reviewReporter } from '../github/review.js';
import type { ReporterPlan } from '../github/run-reporters.js';
import { stickyCommentReporter } from '../github/sticky-comment.js';
import { annotationsReporter, jobSummaryReporter, sarifReporter } from './channels.js';
import type { ReporterName, Settings } from './settings.js';

const API_REPORTERS: ReporterName[] = ['check-run', 'review', 'comment'];
const PR_REPORTERS: ReporterName[] = ['review', 'comment'];

/** The plan for `settings` on `context`; `octokit` is undefined when there is no token. */
export function planReporters(settings: Settings, context: RunContext, octokit: GitHubClient | undefined, overrides: { write?: (line: string) => void; summaryPath?: string } = {}): ReporterPlan {
  const annotations = annotationsReporter(overrides.write);
  const summary = jobSummaryReporter(overrides.summaryPath ?? process.env.GITHUB_STEP_SUMMARY);
  const reporters: Reporter[] = [];
  for (const name of settings.reporters) {
    if (PR_REPORTERS.includes(name) && !context.pr) continue;
    if (API_REPORTERS.includes(name) && !octokit) continue;
    if (name === 'check-run') reporters.push(checkRunReporter(octokit!));
    else if (name === 'review') reporters.push(reviewReporter(octokit!));
    else if (name === 'comment') reporters.push(stickyCommentReporter(octokit!, settings.commentMode));
    else if (name === 'job-summary') reporters.push(summary);
    else if (name === 'annotations') reporters.push(annotations);
    else if (name === 'sarif') reporters.push(sarifReporter(resolve(context.workspace, settings.workingDirectory, settings.sarifFile)));
  }
  const wantsApi = settings.reporters.some((n) => API_REPORTERS.includes(n));
  return { reporters, fallback: [annotations, summary], deniedUpFront: wantsApi && !octokit };
}
