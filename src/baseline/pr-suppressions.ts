/**
 * The `portwarden-ignore` directives a pull request adds or widens. They are listed in every
 * summary (a PR that silences a finding should say so where reviewers look), and on
 * `pull_request_target`, where the PR is a stranger's data, they silence nothing unless the
 * base branch's config sets `allow-new-suppressions-on-pr-target: true`: the findings they
 * would have hidden are reported and marked.
 */
import { suppress, silences, suppressionChanges, type SuppressionChangeKind } from '../rules/suppress.js';
import type { CheckResult } from '../engine.js';
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
  /** False on `pull_request_target` when the base config does not allow a PR's own directives. */
  applied: boolean;
}

export interface PrSuppressions {
  /** The head's reported findings: suppressed ones put back when their directive was not applied. */
  findings: Finding[];
  suppressed: Finding[];
  listed: ListedSuppression[];
}

/**
 * Compares the head's directives with the base's. `trusted` false (pull_request_target
 * without the config's permission): the new directives are dropped before suppressions are
 * applied, and each finding only they would silence carries `unappliedSuppression`.
 * Paths in `head` and `baseSuppressions` are relative to the checked root; `prefix` places it.
 */
export function prSuppressions(head: Pick<CheckResult, 'findings' | 'suppressed' | 'model'>, baseSuppressions: Suppression[], trusted: boolean, prefix: string): PrSuppressions {
  const changes = suppressionChanges(baseSuppressions, head.model.suppressions);
  const all = [...head.findings, ...head.suppressed];
  let findings = head.findings;
  let suppressed = head.suppressed;
  if (!trusted && changes.length > 0) {
    const fresh = new Set(changes.map((c) => c.suppression));
    const split = suppress(all, head.model.suppressions.filter((s) => !fresh.has(s)));
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
