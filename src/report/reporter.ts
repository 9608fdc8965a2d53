/**
 * The data every report is made from: one run's findings, classified, with what the links
 * need. The formatters in this directory are handed a {@link RunReport} and return text or
 * objects; they never compute findings, read a file or call an API (the channels that write
 * are in src/github/ and src/action/).
 */
import type { Classified, ListedSuppression } from '../baseline/compare.js';
import type { Conclusion, FailLevel } from '../baseline/verdict.js';
import type { Finding } from '../core/finding.js';
import type { ProjectModel } from '../model/project.js';

/** Where links point: the repository on its server, the head commit and the workflow run. */
export interface ReportContext {
  owner: string;
  repo: string;
  serverUrl: string;
  /** The commit results belong to. */
  headSha: string;
  /** `GITHUB_RUN_ID`, for a link to the workflow run; absent outside a runner. */
  runId?: string;
}

/** What was checked and how it compares with the base. */
export interface ReportAnalysis {
  mode: 'pull-request' | 'full';
  /** In `full` mode, every finding is in `new`. */
  classified: Classified;
  mergeBase?: string;
  /** Why the analysis degraded, when it did. */
  notes: string[];
  /** `portwarden-ignore` directives the pull request added or widened. */
  suppressions: ListedSuppression[];
  /** The working directory relative to the repository top (`''` at the top). */
  prefix: string;
  /** The head's model (for the port map) and how many files were read. */
  head: { model: ProjectModel; stats: { files: number } };
}

/** Everything a report may show. */
export interface RunReport {
  context: ReportContext;
  settings: { failLevel: FailLevel };
  analysis: ReportAnalysis;
  /** The findings that make the run fail (new ones at or above the fail level). */
  failing: Finding[];
  conclusion: Conclusion;
  /** portwarden's version, named in the footer. */
  version: string;
}
