/**
 * The job summary (GITHUB_STEP_SUMMARY): the full markdown report, within 1 MiB. It needs no
 * write permission, so it is the channel that always carries the whole list.
 */
import { appendFile } from 'node:fs/promises';
import { JOB_SUMMARY_BYTES } from './limits.js';
import { renderReport } from './markdown.js';
import type { Reporter, ReporterResult, RunReport } from './reporter.js';

/** The job summary's markdown for `run`. */
export function jobSummary(run: RunReport): string {
  return renderReport(run, { limit: JOB_SUMMARY_BYTES, unit: 'bytes', fullListIn: 'report.json (the `report` output)' });
}

/** Appends to the file at `path` (GITHUB_STEP_SUMMARY); skips with a note when unset. */
export function jobSummaryReporter(path: string | undefined = process.env.GITHUB_STEP_SUMMARY): Reporter {
  return {
    name: 'job-summary',
    async report(run: RunReport): Promise<ReporterResult> {
      if (!path) return { reporter: 'job-summary', ok: true, detail: 'GITHUB_STEP_SUMMARY is not set; no job summary written' };
      const text = jobSummary(run);
      await appendFile(path, text);
      return { reporter: 'job-summary', ok: true, detail: `${Buffer.byteLength(text)} bytes written to the job summary` };
    },
  };
}
