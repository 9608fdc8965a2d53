/**
 * The CLI's text output, shaped like a compiler's:
 *
 *     docs/PORT_SCHEMA.md:12:5  error  Port `3050` of `mana-voice-bot` collides with …  collision/same-host
 *         services/mana-sync/config.go:8:22  `mana-sync` binds 3050 here
 *
 *     ✖ 3 problems (1 error, 1 warning, 1 notice)
 */
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
  const lines: string[] = [];
  const width = Math.max(0, ...findings.map((f) => formatLocation(f.location).length));
  for (const f of findings) {
    lines.push(`${formatLocation(f.location).padEnd(width)}  ${f.severity.padEnd(7)}  ${f.message}  ${f.ruleId}`);
    for (const r of f.related) lines.push(`    ${formatLocation(r.location)}  ${r.message}`);
    if (f.fix) lines.push(`    fix: replace with \`${f.fix.text}\` at ${formatLocation(f.fix.location)}`);
  }
  if (lines.length) lines.push('');
  lines.push(totalLine(findings, suppressed));
  return lines.join('\n') + '\n';
}
