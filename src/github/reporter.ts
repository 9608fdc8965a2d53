/**
 * The one interface every channel of the Action implements (the check run, the review, the
 * sticky comment, and the channels that need no API: annotations, the job summary, SARIF),
 * and what a channel is handed. Channels are sinks: they deliver what the formatters in
 * src/report/ made of the run; they never compute findings.
 */
import type { Placement } from '../report/inline-placement.js';
import type { RunReport } from '../report/reporter.js';
import type { RunContext } from './context.js';

/** A run as the channels see it: the report data, the full run context, and where the review's inline comments go. */
export interface Delivery extends RunReport {
  context: RunContext;
  /** Each new finding's place in the review (inline, off the diff, or summary only); empty outside pull requests. */
  placements: Placement[];
}

/** What a channel did, for the log and for the fallback decision. */
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
  /** True for channels that write through the GitHub API (and so need a token that may write). */
  writes?: boolean;
  report(run: Delivery): Promise<ReporterResult>;
}

/** Lines of the log; `core.info`/`core.warning` in the Action, arrays in tests. */
export interface Logger {
  info(message: string): void;
  warning(message: string): void;
}
