/**
 * The job summary (GITHUB_STEP_SUMMARY): the full markdown report, within 1 MiB. It needs no
 * write permission, so it is the channel that always carries the whole list.
 */
import { JOB_SUMMARY_BYTES } from './limits.js';
import { renderReport } from './markdown.js';
import type { RunReport } from './reporter.js';

/** The job summary's markdown for `run`. */
export function jobSummary(run: RunReport): string {
  return renderReport(run, { limit: JOB_SUMMARY_BYTES, unit: 'bytes', fullListIn: 'report.json (the `report` output)' });
}
