/**
 * The JSON report (`--format json`, and the Action's `report` output). Versioned: the shape
 * is documented in docs/json-report.md and `schema/report.schema.json`; a breaking change
 * bumps `version`.
 */
import type { ListedSuppression } from '../baseline/compare.js';
import type { Finding } from '../core/finding.js';
import type { Location } from '../core/location.js';
import type { ProjectModel } from '../model/project.js';
import { countBySeverity } from './text.js';

export const JSON_REPORT_VERSION = 1;

/** What the report is made of: one tree's check (the head's, on a pull request). */
export interface CheckedTree {
  findings: Finding[];
  suppressed: Finding[];
  model: ProjectModel;
  stats: { files: number; parsed: number; ms: number };
}

export interface JsonReport {
  version: typeof JSON_REPORT_VERSION;
  tool: { name: 'portwarden'; version: string };
  summary: { total: number; error: number; warning: number; notice: number; suppressed: number };
  findings: (Finding & { status?: 'new' | 'existing' })[];
  /** Present on pull requests: findings of the base that the head no longer has. */
  fixed?: Finding[];
  /** Present on pull requests: base findings in files the head could not read (neither fixed nor existing: unknown). */
  notChecked?: Finding[];
  /** Present on pull requests: `portwarden-ignore` directives the pull request added or widened. */
  suppressions?: ListedSuppression[];
  hosts: { id: string; label: string; addresses: string[] }[];
  bindings: { service: string; port: number; host: string; kind: string; source: string; location: Location }[];
  stats: CheckedTree['stats'];
}

/** Builds the JSON report of a check; `extra` adds PR classification. */
export function toJsonReport(result: CheckedTree, version: string, extra: { findings?: Finding[]; fixed?: Finding[]; notChecked?: Finding[]; suppressions?: ListedSuppression[] } = {}): JsonReport {
  const findings = extra.findings ?? result.findings;
  return {
    version: JSON_REPORT_VERSION,
    tool: { name: 'portwarden', version },
    summary: { total: findings.length, ...countBySeverity(findings), suppressed: result.suppressed.length },
    findings,
    ...(extra.fixed ? { fixed: extra.fixed } : {}),
    ...(extra.notChecked ? { notChecked: extra.notChecked } : {}),
    ...(extra.suppressions ? { suppressions: extra.suppressions } : {}),
    hosts: result.model.hosts.list().map((h) => ({ id: h.id, label: h.label, addresses: h.addresses })),
    bindings: result.model.bindings.map((b) => ({ service: b.service, port: b.port, host: b.host, kind: b.kind, source: b.source, location: b.location })),
    stats: result.stats,
  };
}
