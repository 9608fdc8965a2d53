/**
 * Head versus base, by fingerprint: a finding is new when the base has no finding with its
 * fingerprint, existing when it has, and a base finding the head lacks is fixed. Fingerprints
 * hold no line numbers, so moving code around does not make old findings look new.
 */
import type { Finding } from '../model/finding.js';

export interface Classified {
  /** In the head only: the pull request introduced them. */
  new: Finding[];
  /** In both: they were there before the pull request. */
  existing: Finding[];
  /** In the base only: the pull request fixed them (locations are in the base tree). */
  fixed: Finding[];
}

/**
 * Classifies `head` against `base`. Fingerprints are counted, not just compared: when the
 * head has two findings with one fingerprint and the base one, one of them is new.
 */
export function classify(head: Finding[], base: Finding[]): Classified {
  const available = countBy(base);
  const out: Classified = { new: [], existing: [], fixed: [] };
  for (const finding of head) {
    const left = available.get(finding.fingerprint) ?? 0;
    if (left > 0) {
      available.set(finding.fingerprint, left - 1);
      out.existing.push({ ...finding, status: 'existing' });
    } else out.new.push({ ...finding, status: 'new' });
  }
  const matched = countBy(head);
  for (const finding of base) {
    const left = matched.get(finding.fingerprint) ?? 0;
    if (left > 0) matched.set(finding.fingerprint, left - 1);
    else out.fixed.push(finding);
  }
  return out;
}

function countBy(findings: Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.fingerprint, (counts.get(f.fingerprint) ?? 0) + 1);
  return counts;
}
