/**
 * Pass or fail: new findings at or above the fail level fail the check (outside pull requests,
 * where every finding is "new", all findings count). New findings below the level give a
 * neutral conclusion, so they are visible without blocking.
 */
import { severityRank, type Finding, type Severity } from '../core/finding.js';
import type { Classified } from './classify.js';

/** The levels a check can fail at; `never` only reports. */
export const FAIL_LEVELS = ['error', 'warning', 'notice', 'never'] as const;
export type FailLevel = Severity | 'never';

/** How a check concludes, in the words of a GitHub check run. */
export type Conclusion = 'success' | 'failure' | 'neutral';

export interface Verdict {
  /** The new findings at or above the fail level. */
  failing: Finding[];
  conclusion: Conclusion;
}

/** The verdict for `classified` under `failLevel`. */
export function verdict(classified: Pick<Classified, 'new'>, failLevel: FailLevel): Verdict {
  const failing = failLevel === 'never' ? [] : classified.new.filter((f) => severityRank(f.severity) <= severityRank(failLevel));
  const conclusion: Conclusion = failing.length > 0 ? 'failure' : classified.new.length > 0 ? 'neutral' : 'success';
  return { failing, conclusion };
}
