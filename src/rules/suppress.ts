/**
 * Suppressions, applied in one step after the rules: a `portwarden-ignore <rule>: <reason>`
 * directive (found in each file by collect/suppressions.ts) silences that rule's findings, input
 * problems included, on its own line and the line below. `<rule>` may be `*` for all.
 */
import type { Finding } from '../core/finding.js';
import type { Suppression } from '../core/statements.js';

/** True when directive `s` silences `f`: same file, on the finding's line or the line above, for its rule or `*`. */
export function silences(s: Suppression, f: Finding): boolean {
  return s.file === f.location.file && (s.line === f.location.line || s.line === f.location.line - 1) && (s.ruleId === '*' || s.ruleId === f.ruleId);
}

/** Splits findings into kept and suppressed. A finding is suppressed by a directive for its rule on its primary line or the line above. */
export function suppress(findings: Finding[], suppressions: Suppression[]): { kept: Finding[]; suppressed: Finding[] } {
  const index = new Map<string, Suppression[]>();
  for (const s of suppressions) index.set(s.file, [...(index.get(s.file) ?? []), s]);
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const f of findings) {
    const hit = (index.get(f.location.file) ?? []).some((s) => silences(s, f));
    (hit ? suppressed : kept).push(f);
  }
  return { kept, suppressed };
}

/** How a pull request changed a directive: `added` (new rule and text in this file) or `widened` (the same text now silences every rule). */
export type SuppressionChangeKind = 'added' | 'widened';

export interface SuppressionChange {
  /** The head's directive. */
  suppression: Suppression;
  kind: SuppressionChangeKind;
}

/**
 * The head's directives the base does not have. Directives are compared by file, rule and
 * text (the reason), not by line, so code moving around a directive does not make it new.
 * A directive whose rule became `*` while its text stayed is `widened`; any other head
 * directive missing from the base is `added`.
 */
export function suppressionChanges(base: Suppression[], head: Suppression[]): SuppressionChange[] {
  const key = (s: Suppression) => `${s.file}\0${s.ruleId}\0${s.reason}`;
  const before = new Map<string, number>();
  for (const s of base) before.set(key(s), (before.get(key(s)) ?? 0) + 1);
  const narrower = new Set(base.filter((s) => s.ruleId !== '*').map((s) => `${s.file}\0${s.reason}`));
  const changes: SuppressionChange[] = [];
  for (const s of head) {
    // Counted: a second copy of an old directive elsewhere in the file is a new one.
    const left = before.get(key(s)) ?? 0;
    if (left > 0) {
      before.set(key(s), left - 1);
      continue;
    }
    changes.push({ suppression: s, kind: s.ruleId === '*' && narrower.has(`${s.file}\0${s.reason}`) ? 'widened' : 'added' });
  }
  return changes;
}
