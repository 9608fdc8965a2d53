/**
 * Head versus base, by fingerprint: a finding is new when the base has no finding with its
 * fingerprint, existing when it has. A base finding the head lacks is fixed, unless the head
 * still has it but silenced (suppressed) or could not read the file it is in (not checked):
 * neither of those is a fix. Fingerprints hold no line numbers, so moving code around does
 * not make old findings look new.
 */
import type { Finding } from '../core/finding.js';

export interface Classified {
  /** In the head only: the pull request introduced them. */
  new: Finding[];
  /** In both: they were there before the pull request. */
  existing: Finding[];
  /** In the base only: the pull request fixed them (locations are in the base tree). */
  fixed: Finding[];
  /**
   * Base findings in a file the head could not read (too large, binary, refused, unparsable),
   * or whose evidence lies in one: nobody knows whether they are still there (base locations).
   */
  notChecked: Finding[];
  /** The head's findings silenced by `portwarden-ignore`; base findings they match are not fixed. */
  suppressed: Finding[];
}

export interface ClassifyOptions {
  /** The head's suppressed findings (a base finding with one of their fingerprints is not fixed). */
  suppressed?: Finding[];
  /** Repository-relative files (or directories, `.` for all) the head could not read. */
  notRead?: ReadonlySet<string>;
}

/**
 * Classifies `head` against `base`. Fingerprints are counted, not just compared: when the
 * head has two findings with one fingerprint and the base one, one of them is new.
 */
export function classify(head: Finding[], base: Finding[], options: ClassifyOptions = {}): Classified {
  const suppressed = options.suppressed ?? [];
  const notRead = options.notRead ?? new Set<string>();
  const available = countBy(base);
  const out: Classified = { new: [], existing: [], fixed: [], notChecked: [], suppressed };
  for (const finding of head) {
    const left = available.get(finding.fingerprint) ?? 0;
    if (left > 0) {
      available.set(finding.fingerprint, left - 1);
      out.existing.push({ ...finding, status: 'existing' });
    } else out.new.push({ ...finding, status: 'new' });
  }
  const matched = countBy(head);
  const silenced = countBy(suppressed);
  for (const finding of base) {
    if (take(matched, finding.fingerprint) || take(silenced, finding.fingerprint)) continue;
    if (touches(finding, notRead)) out.notChecked.push(finding);
    else out.fixed.push(finding);
  }
  return out;
}

/** True when `finding` or any of its evidence lies in one of `paths` (a file, or a directory holding it). */
function touches(finding: Finding, paths: ReadonlySet<string>): boolean {
  if (paths.size === 0) return false;
  return within(finding.location.file, paths) || finding.related.some((r) => within(r.location.file, paths));
}

function within(file: string, paths: ReadonlySet<string>): boolean {
  if (paths.has(file) || paths.has('.')) return true;
  for (let i = file.indexOf('/'); i > 0; i = file.indexOf('/', i + 1)) if (paths.has(file.slice(0, i))) return true;
  return false;
}

/** Takes one from `counts[fp]`; false when none is left. */
function take(counts: Map<string, number>, fp: string): boolean {
  const left = counts.get(fp) ?? 0;
  if (left === 0) return false;
  counts.set(fp, left - 1);
  return true;
}

function countBy(findings: Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.fingerprint, (counts.get(f.fingerprint) ?? 0) + 1);
  return counts;
}
