/**
 * The `portwarden` check run on the head commit: conclusion, a title, the markdown summary
 * and one annotation per new finding (every finding outside pull requests). GitHub takes 50
 * annotations per request, so the first 50 ride on the create and each further 50 on an
 * update; at most {@link MAX_ANNOTATIONS} are sent, keeping the request count bounded.
 */
import type { GitHubClient } from '../github/octokit.js';
import type { Finding, Severity } from '../core/finding.js';
import { ANNOTATIONS_PER_REQUEST, CHECK_SUMMARY_CHARS, MAX_ANNOTATIONS, clipTo } from './limits.js';
import { renderReport } from './markdown.js';
import type { Reporter, ReporterResult, RunReport } from './reporter.js';
import { lineSpan } from './span.js';
import { describeError, isWriteDenied } from '../github/errors.js';

/** The check run's name, as branch protection lists it. */
export const CHECK_NAME = 'portwarden';

const LEVEL: Record<Severity, 'failure' | 'warning' | 'notice'> = { error: 'failure', warning: 'warning', notice: 'notice' };
/** Characters of an annotation's message and raw_details (GitHub allows 64 KB; less keeps the UI usable). */
const ANNOTATION_TEXT_CHARS = 4000;

/** The check-run annotation of `finding`. */
export function toAnnotation(finding: Finding) {
  const span = lineSpan(finding.location);
  const related = finding.related.map((r) => `${r.location.file}:${r.location.line}:${r.location.column}: ${r.message}`).join('\n');
  return {
    path: finding.location.file,
    start_line: span.startLine,
    end_line: span.endLine,
    ...(span.startColumn !== undefined && span.endColumn !== undefined ? { start_column: span.startColumn, end_column: span.endColumn } : {}),
    annotation_level: LEVEL[finding.severity],
    message: clipTo(finding.message, ANNOTATION_TEXT_CHARS),
    title: finding.ruleId,
    ...(related ? { raw_details: clipTo(related, ANNOTATION_TEXT_CHARS) } : {}),
  };
}

/** The check run's title: counts in a few words. */
export function checkTitle(run: RunReport): string {
  const fresh = run.analysis.classified.new.length;
  const noun = run.analysis.mode === 'pull-request' ? 'new finding' : 'finding';
  // What the pull request hid or left unchecked is in the title too, not only in the summary.
  const unchecked = run.analysis.classified.notChecked.length;
  const added = run.analysis.suppressions.length;
  const hidden = `${unchecked ? `; ${unchecked} not checked` : ''}${added ? `; ${added} portwarden-ignore added` : ''}`;
  if (fresh === 0) return `${run.analysis.mode === 'pull-request' ? 'No new port problems' : 'No port problems'}${hidden}`;
  return `${fresh} ${noun}${fresh === 1 ? '' : 's'}${run.failing.length ? `, ${run.failing.length} at or above ${run.settings.failLevel}` : ''}${hidden}`;
}

/** Creates the check run on `run.context.headSha`. */
export function checkRunReporter(octokit: GitHubClient): Reporter {
  return {
    name: 'check-run',
    writes: true,
    async report(run: RunReport): Promise<ReporterResult> {
      const { owner, repo, headSha } = run.context;
      const annotations = run.analysis.classified.new.slice(0, MAX_ANNOTATIONS).map(toAnnotation);
      const summary = renderReport(run, { limit: CHECK_SUMMARY_CHARS, unit: 'chars', fullListIn: 'the job summary / report.json' });
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
