/**
 * Workflow-command annotations (`::error file=…,line=…::message`): the channel that needs no
 * token, used when selected and as the fallback when GitHub refuses writes. GitHub shows only
 * WORKFLOW_ANNOTATIONS_SHOWN per level per step, so this is never the only channel: the job
 * summary always carries the full list.
 */
import type { Finding, Severity } from '../core/finding.js';
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
