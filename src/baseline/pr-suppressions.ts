/**
 * The `portwarden-ignore` directives a pull request adds or widens. They are listed in every
 * summary (a PR that silences a finding should say so where reviewers look). Whether they
 * silence anything is the caller's decision, passed in as `trusted`: when they do not, the
 * findings they would have hidden are reported and marked.
 */
import { suppress, silences, suppressionChanges, type SuppressionChangeKind } from '../rules/suppress.js';
import { sortFindings, type Finding } from '../core/finding.js';
import type { Suppression } from '../core/statements.js';
import { repoPath } from './relocate.js';

/** A directive the pull request added or widened, as the reports list it. */
export interface ListedSuppression {
  /** Repository-relative. */
  file: string;
  line: number;
  /** The rule it silences, `*` for every rule. */
  ruleId: string;
  reason: string;
  kind: SuppressionChangeKind;
  /** Head findings on its line or the line below that it silences (or would, when not applied). */
  silences: number;
  /** The rules of those findings, sorted, each once. */
  rules: string[];
  /** False when the caller did not let the head's new directives apply (its trust policy). */
  applied: boolean;
}

export interface PrSuppressions {
  /** The head's reported findings: suppressed ones put back when their directive was not applied. */
  findings: Finding[];
  suppressed: Finding[];
  listed: ListedSuppression[];
}

/** The head as the comparison sees it: its findings, those its directives silenced, and the directives. */
export interface SuppressedSide {
  findings: Finding[];
  suppressed: Finding[];
  /** Every `portwarden-ignore` directive in the tree. */
  suppressions: Suppression[];
}

/**
 * Compares the head's directives with the base's. `trusted` false (the caller does not let
 * the head's new directives apply): the new directives are dropped before suppressions are applied, and each
 * finding only they would silence carries `unappliedSuppression`.
 * Paths in `head` and `baseSuppressions` are relative to the checked root; `prefix` places it.
 */
export function prSuppressions(head: SuppressedSide, baseSuppressions: Suppression[], trusted: boolean, prefix: string): PrSuppressions {
  const changes = suppressionChanges(baseSuppressions, head.suppressions);
  const all = [...head.findings, ...head.suppressed];
  let findings = head.findings;
  let suppressed = head.suppressed;
  if (!trusted && changes.length > 0) {
    const fresh = new Set(changes.map((c) => c.suppression));
    const split = suppress(all, head.suppressions.filter((s) => !fresh.has(s)));
    suppressed = split.suppressed;
    findings = sortFindings(
      split.kept.map((f) => {
        const by = changes.find((c) => silences(c.suppression, f));
        return by ? { ...f, unappliedSuppression: { file: repoPath(prefix, by.suppression.file), line: by.suppression.line } } : f;
      }),
    );
  }
  const listed = changes.map(({ suppression: s, kind }) => {
    const hit = all.filter((f) => silences(s, f));
    return { file: repoPath(prefix, s.file), line: s.line, ruleId: s.ruleId, reason: s.reason, kind, silences: hit.length, rules: [...new Set(hit.map((f) => f.ruleId))].sort(), applied: trusted };
  });
  return { findings, suppressed, listed };
}
