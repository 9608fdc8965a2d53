/**
 * Findings: what a rule reports. Shaped like vfile messages (place, ruleId, url, cause,
 * actual, expected) with reviewdog's related locations.
 */
import { createHash } from 'node:crypto';
import type { Location } from './location.js';
import { compareLocations } from './location.js';

export type Severity = 'error' | 'warning' | 'notice';

/** Severity order, most severe first; `off` disables a rule. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'notice'];

/** A piece of evidence elsewhere, with a short note saying what it is. */
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
  /** What was found and what was expected. */
  message: string;
  location: Location;
  related: Related[];
  fix?: Fix;
  /** Stable across line moves: rule id plus the rule's key, hashed. */
  fingerprint: string;
  /** Link to the rule's documentation. */
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

/** A stable fingerprint from a rule id and a key that holds no line numbers. */
export function fingerprint(ruleId: string, key: string): string {
  return createHash('sha256').update(`${ruleId}\0${key}`).digest('hex').slice(0, 16);
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
