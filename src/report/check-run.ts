/**
 * What the `portwarden` check run shows: a title, the markdown summary and one annotation per
 * new finding (every finding outside pull requests), at most {@link MAX_ANNOTATIONS} of them.
 * src/github/check-run.ts sends them.
 */
import type { Finding, Severity } from '../core/finding.js';
import { CHECK_SUMMARY_CHARS, MAX_ANNOTATIONS, clipTo } from './limits.js';
import { renderReport } from './markdown.js';
import type { RunReport } from './reporter.js';
import { lineSpan } from './span.js';

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

/** The check run's summary: the markdown report within the check run's limit. */
export function checkSummary(run: RunReport): string {
  return renderReport(run, { limit: CHECK_SUMMARY_CHARS, unit: 'chars', fullListIn: 'the job summary / report.json' });
}

/** The annotations sent with the check run: the first {@link MAX_ANNOTATIONS} new findings. */
export function checkAnnotations(run: RunReport): ReturnType<typeof toAnnotation>[] {
  return run.analysis.classified.new.slice(0, MAX_ANNOTATIONS).map(toAnnotation);
}
