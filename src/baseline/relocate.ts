/**
 * The engine reports paths relative to the directory it checked (the `working-directory`);
 * a pull request names files relative to the repository. This moves every location of a finding
 * under the directory's path in the repository.
 */
import type { Finding } from '../core/finding.js';
import type { Location } from '../core/location.js';

/** Joins `prefix` (a repository-relative directory, `''` for the top) and a root-relative path. */
export function repoPath(prefix: string, file: string): string {
  return prefix === '' || prefix === '.' ? file : `${prefix.replace(/\/$/, '')}/${file}`;
}

/** The findings with every location (primary, related, fix) made repository-relative. */
export function relocate(findings: Finding[], prefix: string): Finding[] {
  if (prefix === '' || prefix === '.') return findings;
  const move = (loc: Location): Location => ({ ...loc, file: repoPath(prefix, loc.file) });
  return findings.map((f) => ({
    ...f,
    location: move(f.location),
    related: f.related.map((r) => ({ ...r, location: move(r.location) })),
    ...(f.fix ? { fix: { ...f.fix, location: move(f.fix.location) } } : {}),
  }));
}
