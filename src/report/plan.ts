/**
 * Which reporters run, built from the settings: API reporters need a client (and a token),
 * `review` and `comment` only make sense on pull requests, and the fallback pair
 * (annotations, job summary) is always ready.
 */
import type { RunContext } from '../github/context.js';
import type { GitHubClient } from '../github/octokit.js';
import type { ReporterName, Settings } from '../settings.js';
import { annotationsReporter } from './annotations.js';
import { checkRunReporter } from './check-run.js';
import { jobSummaryReporter } from './job-summary.js';
import type { Reporter } from './reporter.js';
import type { ReporterPlan } from './run-reporters.js';
import { reviewReporter } from './review.js';
import { sarifReporter } from './sarif.js';
import { stickyCommentReporter } from './sticky-comment.js';

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
    else if (name === 'comment') reporters.push(stickyCommentReporter(octokit!));
    else if (name === 'job-summary') reporters.push(summary);
    else if (name === 'annotations') reporters.push(annotations);
    else if (name === 'sarif') reporters.push(sarifReporter());
  }
  const wantsApi = settings.reporters.some((n) => API_REPORTERS.includes(n));
  return { reporters, fallback: [annotations, summary], deniedUpFront: wantsApi && !octokit };
}
