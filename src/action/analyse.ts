/**
 * The check command's analysis: on a pull request (or a merge group) the head compared with
 * its merge base, elsewhere the workspace alone. The trust policy is decided here, by event:
 * under `pull_request_target` the workspace holds the base branch and the pull request is a
 * stranger's data, so its head is read from git objects, checked with the base branch's
 * config, and its own new `portwarden-ignore` directives apply only when that config allows.
 */
import { resolve } from 'node:path';
import type { ExtractionCache } from '../extract/cache.js';
import type { Comparison } from '../github/context.js';
import { checkRevisions, checkTree, type Analysis, type HeadPolicy } from '../revisions.js';

export type { Analysis } from '../revisions.js';

export interface AnalyseOptions {
  workspace: string;
  /** Relative to the workspace. */
  workingDirectory: string;
  /** Relative to the working directory. */
  configPath?: string;
  /** Base and head to compare (a pull request, a merge group); absent: check the workspace alone. */
  compare?: Comparison;
  /**
   * True under `pull_request_target`: the workspace holds the base branch, so the head is
   * exported from git objects into a temporary directory and only read, never run.
   */
  headFromGit?: boolean;
  /** Extraction results of an earlier run; what the checks use or make is kept in it. */
  cache?: ExtractionCache;
  log?: (message: string) => void;
}

/** The head of a pull request whose branch is checked out (or merged) in the workspace: its own config, its own directives. */
export const CHECKED_OUT_HEAD: HeadPolicy = { read: 'worktree', config: 'head', newSuppressions: 'apply' };
/** The head of a `pull_request_target` run: data from git objects, the base branch's config, its directives only if that config allows. */
export const UNTRUSTED_HEAD: HeadPolicy = { read: 'commit', config: 'checkout', newSuppressions: 'when-config-allows' };

/**
 * Analyses the workspace, with a baseline when `options.compare` is set and git allows it.
 * A baseline that cannot be computed degrades to checking the workspace alone, with a note;
 * except under `pull_request_target` (`headFromGit`), where that would check the base branch
 * and pass a pull request nobody checked: there it fails the run.
 */
export async function analyse(options: AnalyseOptions): Promise<Analysis> {
  const root = resolve(options.workspace, options.workingDirectory);
  const tree = { root, ...(options.configPath ? { configPath: options.configPath } : {}), ...(options.cache ? { cache: options.cache } : {}) };
  const notes: string[] = [];
  if (options.compare) {
    try {
      const policy = options.headFromGit ? UNTRUSTED_HEAD : CHECKED_OUT_HEAD;
      return await checkRevisions({ ...tree, base: options.compare.baseSha, head: options.compare.headSha, policy, fetch: true, ...(options.log ? { log: options.log } : {}) });
    } catch (error) {
      if (options.headFromGit) throw new Error(`The pull request's head could not be checked (${(error as Error).message}); failing rather than checking the base branch in its place.`);
      const why = `The baseline could not be computed (${(error as Error).message}); every finding is reported and counts as new.`;
      options.log?.(why);
      notes.push(why);
    }
  }
  const analysis = await checkTree(tree);
  analysis.notes.push(...notes);
  return analysis;
}
