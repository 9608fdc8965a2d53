/**
 * Workflow-command annotations (`::error file=…,line=…::message`): the channel that needs no
 * token, used when selected and as the fallback when GitHub refuses writes. GitHub shows only
 * {@link WORKFLOW_ANNOTATIONS_SHOWN} per level per step, so this is never the only channel:
 * the job summary always carries the full list.
 */
import type { Finding, Severity } from '../core/finding.js';
import { WORKFLOW_ANNOTATIONS_SHOWN } from './limits.js';
import type { Reporter, ReporterResult, RunReport } from './reporter.js';
import { lineSpan } from './span.js';
import { distinctRelated } from './order.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', notice: 'notice' };

/** Escapes a command's message: `%`, CR and LF (as @actions/core does). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value: as {@link escapeData}, plus `:` and `,` which delimit properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** The workflow command annotating `finding`. */
export function workflowCommand(finding: Finding): string {
  const span = lineSpan(finding.location);
  const props: [string, string | number | undefined][] = [
    ['file', finding.location.file],
    ['line', span.startLine],
    ['endLine', span.endLine],
    ['col', span.startColumn],
    ['endColumn', span.endColumn],
    ['title', finding.ruleId],
  ];
  const properties = props
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  const related = distinctRelated(finding.related).map((r) => `\n↳ ${r.location.file}:${r.location.line}: ${r.message}`).join('');
  return `::${COMMAND[finding.severity]} ${properties}::${escapeData(finding.message + related)}`;
}

/** The reporter; `write` receives whole lines (stdout in the Action). */
export function annotationsReporter(write: (line: string) => void = (line) => process.stdout.write(line)): Reporter {
  return {
    name: 'annotations',
    async report(run: RunReport): Promise<ReporterResult> {
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
