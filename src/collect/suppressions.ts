/**
 * Inline suppressions: `portwarden-ignore <rule>: <reason>` in a comment on a line silences
 * that rule's findings on the same line and the line below. `<rule>` may be `*` for all.
 */
import type { Finding } from '../model/finding.js';
import type { Suppression } from '../model/types.js';

const MARKER = 'portwarden-ignore';
const DIRECTIVE = /portwarden-ignore\s+([A-Za-z0-9*][\w/*-]*)\s*(?::\s*(.*?))?\s*(?:-->|\*\/)?\s*$/;

/** Finds the directives in one file; only lines holding the marker are examined. */
export function findSuppressions(file: string, text: string): Suppression[] {
  if (!text.includes(MARKER)) return [];
  const found: Suppression[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (!line.includes(MARKER)) return;
    const match = DIRECTIVE.exec(line.replace(/\r$/, ''));
    if (match?.[1]) found.push({ file, line: index + 1, ruleId: match[1], reason: match[2] ?? '' });
  });
  return found;
}

/** Splits findings into kept and suppressed. A finding is suppressed by a directive for its rule on its primary line or the line above. */
export function applySuppressions(findings: Finding[], suppressions: Suppression[]): { kept: Finding[]; suppressed: Finding[] } {
  const index = new Map<string, Suppression[]>();
  for (const s of suppressions) index.set(s.file, [...(index.get(s.file) ?? []), s]);
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const f of findings) {
    const hit = (index.get(f.location.file) ?? []).some(
      (s) => (s.line === f.location.line || s.line === f.location.line - 1) && (s.ruleId === '*' || s.ruleId === f.ruleId),
    );
    (hit ? suppressed : kept).push(f);
  }
  return { kept, suppressed };
}
