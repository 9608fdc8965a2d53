/**
 * The channels that need no API: workflow-command annotations on stdout, the job summary
 * (GITHUB_STEP_SUMMARY) and the SARIF file. Each writes what a formatter in src/report/ made.
 */
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Delivery, Reporter, ReporterResult } from '../github/reporter.js';
import { workflowCommand } from '../report/annotations.js';
import { jobSummary } from '../report/job-summary.js';
import { WORKFLOW_ANNOTATIONS_SHOWN } from '../report/limits.js';
import { toSarif } from '../report/sarif.js';
import { VERSION } from '../version.js';

/** Annotations, one workflow command per new finding; `write` receives whole lines (stdout in the Action). */
export function annotationsReporter(write: (line: string) => void = (line) => process.stdout.write(line)): Reporter {
  return {
    name: 'annotations',
    async report(run: Delivery): Promise<ReporterResult> {
      const findings = run.analysis.classified.new;
      for (const f of findings) write(`${workflowCommand(f)}\n`);
      const hidden = (['error', 'warning', 'notice'] as const).some((s) => findings.filter((f) => f.severity === s).length > WORKFLOW_ANNOTATIONS_SHOWN);
      return {
        reporter: 'annotations',
        ok: true,
        detail: `${findings.length} workflow-command annotation${findings.length === 1 ? '' : 's'}${hidden ? ` (GitHub shows ${WORKFLOW_ANNOTATIONS_SHOWN} per level; the job summary lists all)` : ''}`,
      };
    },
  };
}

/** Appends the job summary to the file at `path` (GITHUB_STEP_SUMMARY); skips with a note when unset. */
export function jobSummaryReporter(path: string | undefined = process.env.GITHUB_STEP_SUMMARY): Reporter {
  return {
    name: 'job-summary',
    async report(run: Delivery): Promise<ReporterResult> {
      if (!path) return { reporter: 'job-summary', ok: true, detail: 'GITHUB_STEP_SUMMARY is not set; no job summary written' };
      const text = jobSummary(run);
      await appendFile(path, text);
      return { reporter: 'job-summary', ok: true, detail: `${Buffer.byteLength(text)} bytes written to the job summary` };
    },
  };
}

/** Writes the SARIF log of the findings there now (new and existing) to `path`. */
export function sarifReporter(path: string): Reporter {
  return {
    name: 'sarif',
    async report(run: Delivery): Promise<ReporterResult> {
      const { classified } = run.analysis;
      const findings = [...classified.new, ...classified.existing];
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, JSON.stringify(toSarif(findings, VERSION), null, 2) + '\n');
      return { reporter: 'sarif', ok: true, detail: `${findings.length} results written to ${path}` };
    },
  };
}
