/**
 * What a pull request changes, from two checks: the head's findings against the base's, as
 * new, existing, fixed and not checked, plus the `portwarden-ignore` directives the head added
 * or widened. A pure function of data: how the two trees were obtained (git, a checkout, a
 * temporary export) and whether the head's own directives may silence findings are the
 * caller's business, handed in as options.
 */
import type { Finding } from '../core/finding.js';
import { classify, type Classified } from './classify.js';
import { prSuppressions, type ListedSuppression, type SuppressedSide } from './pr-suppressions.js';
import { relocate, repoPath } from './relocate.js';

export type { Classified } from './classify.js';
export type { ListedSuppression } from './pr-suppressions.js';

/**
 * One side's check, with paths relative to the checked root. The base is expected to have
 * been checked with the head's renamed files under their new names (the engine's `renames`),
 * so that a moved file's old findings keep their fingerprints.
 */
export type CheckedSide = SuppressedSide;

export interface CompareOptions {
  /** The checked root's directory in the repository (`''` at the top): every path of the result is repository-relative. */
  prefix: string;
  /**
   * Whether directives the head added or widened silence findings. False: they are listed,
   * and the findings they would have silenced are reported, each marked with the directive.
   */
  applyNewSuppressions: boolean;
  /**
   * Files (or directories, `.` for all), relative to the checked root, that the head could not
   * read: base findings there are not checked, never fixed.
   */
  notRead?: ReadonlySet<string>;
}

export interface Compared {
  classified: Classified;
  /** The head's reported findings, repository-relative (directives not applied put their findings back). */
  findings: Finding[];
  /** The head's silenced findings, repository-relative. */
  suppressed: Finding[];
  /** Directives the head added or widened. */
  suppressions: ListedSuppression[];
}

/** Compares `head` with `base`. */
export function compare(base: CheckedSide, head: CheckedSide, options: CompareOptions): Compared {
  const { prefix } = options;
  const own = prSuppressions(head, base.suppressions, options.applyNewSuppressions, prefix);
  const findings = relocate(own.findings, prefix);
  const suppressed = relocate(own.suppressed, prefix);
  // `.` (the whole checked root) becomes the root's own directory in the repository.
  const notRead = new Set([...(options.notRead ?? [])].map((p) => (p === '.' ? prefix || '.' : repoPath(prefix, p))));
  const classified = classify(findings, relocate(base.findings, prefix), { suppressed, notRead });
  return { classified, findings, suppressed, suppressions: own.listed };
}
