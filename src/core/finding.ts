/**
 * The one message type. Every problem portwarden reports — a rule's finding, a file it could
 * not read, a rule that crashed — is a {@link Finding}, made by {@link createFinding} from what
 * the reporter says ({@link Report}) and the metadata of the rule it belongs to. Shaped like a
 * vfile message (rule id, severity, reason, place, related causes, url) with reviewdog's
 * related locations.
 */
import { createHash } from 'node:crypto';
import type { Location } from './location.js';
import { compareLocations } from './location.js';

export type Severity = 'error' | 'warning' | 'notice';

/** Severity order, most severe first; `off` disables a rule. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'notice'];

/**
 * A place other than the primary one, with what it is there: "`grafana` binds 3001 here
 * (compose `ports`)", "range 3000-3099 is declared here".
 */
export interface Related {
  location: Location;
  message: string;
}

/** Replace the text at `location` with `text`; only offered when the fix is certain. */
export interface Fix {
  location: Location;
  text: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** One sentence: what was found, then `; expected …` what should be there instead. */
  message: string;
  /** The primary place: where the thing the message is about is written (the span a fix replaces). */
  location: Location;
  /** Every other place the message rests on, each saying what it is. */
  related: Related[];
  fix?: Fix;
  /** Names the problem, never a line: see {@link fingerprint}. */
  fingerprint: string;
  /** Link to the rule's documentation page. */
  url: string;
  /** Set by the baseline step on pull requests. */
  status?: 'new' | 'existing';
  /**
   * Set on `pull_request_target` when a `portwarden-ignore` directive the pull request itself
   * added or widened would silence this finding: the base branch's config does not let it
   * apply, so the finding is reported (repository-relative place of the directive).
   */
  unappliedSuppression?: { file: string; line: number };
}

/** What a rule or a reader says about one problem; {@link createFinding} makes it a {@link Finding}. */
export interface Report {
  /** What was found and what was expected (see {@link Finding.message}). */
  message: string;
  location: Location;
  related?: Related[];
  fix?: Fix;
  /**
   * The problem's identity, `|`-separated parts without the rule id and without line numbers:
   * the place and the value the problem is about (a host and port, a service, a file and what
   * in it), never the parties around it (the services that share a port, the ports the other
   * statements give), so a party joining or leaving changes the finding instead of replacing it.
   */
  key: string;
  /** Replaces the rule's default severity for this finding (e.g. a warning on `dev`). */
  severity?: Severity;
}

/** The part of a rule's metadata (core/rule-meta.ts `RuleMeta`) a finding carries. */
export interface FindingRule {
  id: string;
  defaultSeverity: Severity;
  docs: string;
}

/** The one constructor of findings: stamps the rule's id, docs link and severity, and the fingerprint. */
export function createFinding(rule: FindingRule, report: Report): Finding {
  return {
    ruleId: rule.id,
    severity: report.severity ?? rule.defaultSeverity,
    message: report.message,
    location: report.location,
    related: report.related ?? [],
    ...(report.fix ? { fix: report.fix } : {}),
    fingerprint: fingerprint(rule.id, report.key),
    url: rule.docs,
  };
}

/**
 * The one fingerprint format, used by every consumer (the baseline match, the hidden marker
 * of a review comment, SARIF's `partialFingerprints`, the corpus expectations): the first 16
 * hex digits of SHA-256 over the rule id and the key ({@link Report.key}).
 */
export function fingerprint(ruleId: string, key: string): string {
  return createHash('sha256').update(`${ruleId}\0${key}`).digest('hex').slice(0, 16);
}

/** Where the rules index lives; every rule also has a page of its own next to it. */
export const DOCS_URL = 'https://github.com/portwarden/portwarden/blob/main/docs/rules.md';

/**
 * The docs link of a rule: its own page next to the index, `docs/rules/<id>.md` with the
 * slash turned into a hyphen (`registry/range-overlap` → `docs/rules/registry-range-overlap.md`).
 */
export function ruleUrl(id: string): string {
  return `${DOCS_URL.replace(/\.md$/, '')}/${id.toLowerCase().replace(/\//g, '-')}.md`;
}

/** 0 for error, 1 for warning, 2 for notice. */
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** Sorts findings by location, then rule id, for output that is stable run to run. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => compareLocations(a.location, b.location) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}
