/**
 * Pass or fail: new findings at or above `fail-level` fail the run (outside pull requests,
 * where every finding is "new", all findings count). New findings below the level give a
 * neutral conclusion, so they are visible without blocking.
 */
import type { Classified } from '../baseline/classify.js';
import { severityRank, type Finding } from '../core/finding.js';
import type { FailLevel } from '../settings.js';
import type { Conclusion } from './reporter.js';

export interface Verdict {
  failing: Finding[];
  conclusion: Conclusion;
}

/** The verdict for `classified` under `failLevel`. */
export function verdict(classified: Classified, failLevel: FailLevel): Verdict {
  const failing = failLevel === 'never' ? [] : classified.new.filter((f) => severityRank(f.severity) <= severityRank(failLevel));
  const conclusion: Conclusion = failing.length > 0 ? 'failure' : classified.new.length > 0 ? 'neutral' : 'success';
  return { failing, conclusion };
}
