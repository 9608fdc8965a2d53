/**
 * Sends the `portwarden` check run on the head commit (src/report/check-run.ts makes its
 * title, summary and annotations). GitHub takes 50 annotations per request, so the first 50
 * ride on the create and each further 50 on an update; at most MAX_ANNOTATIONS are sent,
 * keeping the request count bounded.
 */
import { checkAnnotations, checkSummary, checkTitle } from '../report/check-run.js';
import { ANNOTATIONS_PER_REQUEST } from '../report/limits.js';
import { describeError, isWriteDenied } from './errors.js';
import type { GitHubClient } from './octokit.js';
import type { Delivery, Reporter, ReporterResult } from './reporter.js';

/** The check run's name, as branch protection lists it. */
export const CHECK_NAME = 'portwarden';

/** Creates the check run on `run.context.headSha`. */
export function checkRunReporter(octokit: GitHubClient): Reporter {
  return {
    name: 'check-run',
    writes: true,
    async report(run: Delivery): Promise<ReporterResult> {
      const { owner, repo, headSha } = run.context;
      const annotations = checkAnnotations(run);
      const summary = checkSummary(run);
      const output = (batch: number) => ({
        title: checkTitle(run),
        summary,
        annotations: annotations.slice(batch * ANNOTATIONS_PER_REQUEST, (batch + 1) * ANNOTATIONS_PER_REQUEST),
      });
      const created = await octokit.rest.checks.create({
        owner,
        repo,
        name: CHECK_NAME,
        head_sha: headSha,
        status: 'completed',
        conclusion: run.conclusion,
        completed_at: new Date().toISOString(),
        output: output(0),
      });
      const batches = Math.ceil(annotations.length / ANNOTATIONS_PER_REQUEST);
      // Updates append annotations; the summary is resent because `output` requires it.
      for (let batch = 1; batch < batches; batch++) {
        try {
          await octokit.rest.checks.update({ owner, repo, check_run_id: created.data.id, output: output(batch) });
        } catch (error) {
          // The check run stands, with its conclusion and the annotations sent so far; reported as
          // failed, so the fallback channels (workflow commands, the job summary) carry every finding.
          const sent = batch * ANNOTATIONS_PER_REQUEST;
          return { reporter: 'check-run', ok: false, denied: isWriteDenied(error), url: created.data.html_url ?? undefined, detail: `check run ${created.data.id} (${run.conclusion}) got ${sent} of ${annotations.length} annotations; then ${describeError(error)}` };
        }
      }
      const left = run.analysis.classified.new.length - annotations.length;
      return {
        reporter: 'check-run',
        ok: true,
        url: created.data.html_url ?? undefined,
        detail: `check run ${created.data.id} (${run.conclusion}) with ${annotations.length} annotation${annotations.length === 1 ? '' : 's'} in ${Math.max(1, batches)} request${batches > 1 ? 's' : ''}${left > 0 ? `; ${left} more only in the summary` : ''}`,
      };
    },
  };
}
