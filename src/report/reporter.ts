/**
 * The one interface every Action reporter implements, and the run they report on. Reporters
 * are sinks: they never compute findings, only present the {@link RunReport} they are given.
 */
import type { Analysis } from '../baseline/analyse.js';
import type { RunContext } from '../github/context.js';
import type { Finding } from '../core/finding.js';
import type { Settings } from '../settings.js';

export type Conclusion = 'success' | 'failure' | 'neutral';

/** Everything a reporter may show. */
export interface RunReport {
  context: RunContext;
  settings: Settings;
  /** The engine's results, classified; `analysis.classified.new` holds everything outside PRs. */
  analysis: Analysis;
  /** The findings that make the run fail (new ones at or above `fail-level`). */
  failing: Finding[];
  conclusion: Conclusion;
}

/** What a reporter did, for the log and for the fallback decision. */
export interface ReporterResult {
  reporter: string;
  ok: boolean;
  /** One line for the log: what was written where, or why nothing was. */
  detail: string;
  /** Link to what it created (check run, comment), when any. */
  url?: string;
  /** True when GitHub refused a write for lack of permission: the run falls back to annotations and the job summary. */
  denied?: boolean;
}

export interface Reporter {
  name: string;
  /** True for reporters that write through the GitHub API (and so need a token that may write). */
  writes?: boolean;
  report(run: RunReport): Promise<ReporterResult>;
}

/** Lines of the log; `core.info`/`core.warning` in the Action, arrays in tests. */
export interface Logger {
  info(message: string): void;
  warning(message: string): void;
}
