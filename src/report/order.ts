/**
 * The order findings take in the markdown report: most severe first, so a reviewer (and the
 * truncation, which keeps rows in document order) meets errors before notices; then by
 * location, so rows about one file sit together.
 */
import { severityRank, type Finding, type Related } from '../core/finding.js';
import { compareLocations } from '../core/location.js';

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `findings` sorted by severity (errors first), then file, line and column, then rule id and message. */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => severityRank(a.severity) - severityRank(b.severity) || compareLocations(a.location, b.location) || text(a.ruleId, b.ruleId) || text(a.message, b.message),
  );
}

/**
 * The related entries with one entry per file:line, the first kept. Rules may name one line
 * twice (a compose `ports:` line binds a host and a container port); a reader needs it once.
 */
export function distinctRelated(related: readonly Related[]): Related[] {
  const seen = new Set<string>();
  return related.filter((r) => {
    const key = `${r.location.file}:${r.location.line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
