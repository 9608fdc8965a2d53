/**
 * The CLI's text output, shaped like a compiler's:
 *
 *     docs/PORT_SCHEMA.md:12:5  error  Port `3050` of `mana-voice-bot` collides with …  collision/same-host
 *         services/mana-sync/config.go:8:22  `mana-sync` binds 3050 here
 *
 *     ✖ 3 problems (1 error, 1 warning, 1 notice)
 */
import type { Classified, ListedSuppression } from '../baseline/compare.js';
import type { Finding } from '../core/finding.js';
import { formatLocation } from '../core/location.js';

/** Counts per severity. */
export function countBySeverity(findings: Finding[]): { error: number; warning: number; notice: number } {
  const counts = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The one-line total, e.g. `✖ 3 problems (1 error, 1 warning, 1 notice)`. */
export function totalLine(findings: Finding[], suppressed = 0): string {
  const c = countBySeverity(findings);
  const extra = suppressed ? `, ${suppressed} suppressed` : '';
  if (findings.length === 0) return `✔ no problems${extra}`;
  return `✖ ${plural(findings.length, 'problem')} (${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${plural(c.notice, 'notice')}${extra})`;
}

/** Renders findings as text, one per line, related locations indented beneath. */
export function formatText(findings: Finding[], suppressed = 0): string {
  const lines = findingLines(findings);
  if (lines.length) lines.push('');
  lines.push(totalLine(findings, suppressed));
  return lines.join('\n') + '\n';
}

/** One line per finding (locations padded to one width), related locations and the fix indented beneath. */
function findingLines(findings: Finding[]): string[] {
  const lines: string[] = [];
  const width = Math.max(0, ...findings.map((f) => formatLocation(f.location).length));
  for (const f of findings) {
    lines.push(`${formatLocation(f.location).padEnd(width)}  ${f.severity.padEnd(7)}  ${f.message}  ${f.ruleId}`);
    for (const r of f.related) lines.push(`    ${formatLocation(r.location)}  ${r.message}`);
    if (f.fix) lines.push(`    fix: replace with \`${f.fix.text}\` at ${formatLocation(f.fix.location)}`);
  }
  return lines;
}

/** What `check --base` prints about: a pull request's findings against its merge base. */
export interface ComparisonText {
  classified: Classified;
  /** Directives the head added or widened. */
  suppressions: ListedSuppression[];
  /** The merge base the head was compared with. */
  mergeBase: string;
}

/**
 * A comparison as text: a section per class (new first; existing, fixed and not-checked
 * after), each finding as {@link formatText} prints it, the directives the head added, and
 * a total line of counts. Fixed and not-checked findings are at their base locations.
 */
export function formatComparison(c: ComparisonText): string {
  const { classified } = c;
  const out: string[] = [];
  const section = (title: string, findings: Finding[], note = '') => {
    if (findings.length === 0) return;
    out.push(`${title} (${findings.length})${note}`, ...findingLines(findings), '');
  };
  section('New', classified.new);
  section('Existing', classified.existing);
  section('Fixed', classified.fixed, ', at their places in the merge base');
  section('Not checked', classified.notChecked, ': in files the head could not read, at their places in the merge base');
  if (c.suppressions.length) {
    out.push(`portwarden-ignore added or widened (${c.suppressions.length})`);
    for (const s of c.suppressions) {
      const silenced = `${s.applied ? 'silences' : 'would silence (not applied)'} ${plural(s.silences, 'finding')}`;
      out.push(`${s.file}:${s.line}  ${s.ruleId === '*' ? 'every rule' : s.ruleId}  ${s.kind}; ${silenced}${s.reason ? `: ${s.reason}` : ''}`);
    }
    out.push('');
  }
  const fresh = classified.new.length === 0 ? '✔ no new problems' : `✖ ${plural(classified.new.length, 'new problem')} (${severityCounts(classified.new)})`;
  const rest = [`${classified.existing.length} existing`, `${classified.fixed.length} fixed`, `${classified.notChecked.length} not checked`, `${classified.suppressed.length} suppressed`];
  out.push(`${fresh}; ${rest.join(', ')}; compared with the merge base ${c.mergeBase.slice(0, 12)}`);
  return out.join('\n') + '\n';
}

function severityCounts(findings: Finding[]): string {
  const c = countBySeverity(findings);
  return `${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${plural(c.notice, 'notice')}`;
}
