/**
 * Runs the engine for the Action. On a pull request: the head tree and the merge-base tree,
 * classified by fingerprint, plus the local diff. Elsewhere: the workspace alone, where every
 * finding counts. A baseline that cannot be computed degrades to the latter, with a note.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { RefusedPath } from '../collect/read.js';
import { DEFAULT_CONFIG_PATHS } from '../config/defaults.js';
import { check, loadConfig, type CheckResult } from '../engine.js';
import type { Comparison } from '../github/context.js';
import { unreadPaths } from '../collect/not-read.js';
import { classify, type Classified } from './classify.js';
import { gitDiff, type DiffMap } from './diff.js';
import { exportTree, type ExportedTree } from './export-tree.js';
import { git, repoTop } from './git.js';
import { findMergeBase } from './merge-base.js';
import { prSuppressions, type ListedSuppression } from './pr-suppressions.js';
import { relocate, repoPath } from './relocate.js';

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
  log?: (message: string) => void;
}

export interface Analysis {
  mode: 'pull-request' | 'full';
  /** The head's check; its findings are repository-relative. */
  head: CheckResult;
  /** In `full` mode, every finding is in `new`. */
  classified: Classified;
  diff?: DiffMap;
  mergeBase?: string;
  /** The repository top holding the analysed head files (for reading lines back). */
  headTop: string;
  /** The working directory relative to the repository top (`''` at the top). */
  prefix: string;
  /**
   * Files whose analysed content may differ from the PR head commit (the workspace is the
   * merge commit and the base branch touched them): their line numbers may not match the
   * PR's diff, so they get no inline comments.
   */
  shifted: Set<string>;
  /** Why the analysis degraded, when it did. */
  notes: string[];
  /** `portwarden-ignore` directives the pull request added or widened (none outside pull requests). */
  suppressions: ListedSuppression[];
}

/**
 * Analyses the workspace, with a baseline when `options.compare` is set and git allows it.
 * Under `pull_request_target` (`headFromGit`) a failed baseline fails the run: the workspace
 * there is the base branch, so checking it instead would pass a PR nobody checked.
 */
export async function analyse(options: AnalyseOptions): Promise<Analysis> {
  const root = resolve(options.workspace, options.workingDirectory);
  const top = (await repoTop(root)) ?? root;
  const prefix = relative(top, root).split('\\').join('/');
  const notes: string[] = [];
  if (options.compare) {
    try {
      return await analysePullRequest(options, options.compare, root, top, prefix);
    } catch (error) {
      if (options.headFromGit) throw new Error(`The pull request's head could not be checked (${(error as Error).message}); failing rather than checking the base branch in its place.`);
      const why = `The baseline could not be computed (${(error as Error).message}); every finding is reported and counts as new.`;
      options.log?.(why);
      notes.push(why);
    }
  }
  const head = await check(withConfig(root, options.configPath));
  const findings = relocate(head.findings, prefix);
  const suppressed = relocate(head.suppressed, prefix);
  const classified = { new: findings, existing: [], fixed: [], notChecked: [], suppressed };
  return { mode: 'full', head: { ...head, findings, suppressed }, classified, headTop: top, prefix, shifted: new Set(), notes, suppressions: [] };
}

async function analysePullRequest(options: AnalyseOptions, pr: Comparison, root: string, top: string, prefix: string): Promise<Analysis> {
  if (!existsSync(join(top, '.git'))) throw new Error(`${top} is not a git checkout`);
  const mergeBase = await findMergeBase(top, pr.baseSha, pr.headSha, { log: options.log });
  const trees: ExportedTree[] = [];
  try {
    let headTop = top;
    let shifted = new Set<string>();
    let headRefused: RefusedPath[] = [];
    // Blobs above the config's max-file-bytes are not even written out; the config is found
    // from the working directory either way (the base checkout's under pull_request_target).
    const maxFileBytes = loadConfig(root, options.configPath).config.maxFileBytes;
    if (options.headFromGit) {
      const tree = await exportTree(top, pr.headSha, { maxFileBytes });
      trees.push(tree);
      headTop = tree.dir;
      headRefused = tree.refused;
    } else {
      shifted = await shiftedFiles(top, pr.headSha);
    }
    const headRoot = join(headTop, prefix);
    const base = await exportTree(top, mergeBase, { maxFileBytes });
    trees.push(base);
    // Under pull_request_target the PR is untrusted data: its rules come from the base
    // checkout's config, so a PR cannot switch a rule off to pass its own check.
    const { configPath } = withConfig(options.headFromGit ? root : headRoot, options.configPath);
    const headOptions = { root: headRoot, ...(configPath ? { configPath } : options.headFromGit ? { defaultConfig: true } : {}) };
    const head = await check({ ...headOptions, refused: refusedUnder(headRefused, prefix) });
    const diff = await gitDiff(top, mergeBase, pr.headSha);
    // The base is checked with the head's config (a PR that edits the config should not make
    // every old finding look new, or fixed) and with renamed files under their new names.
    const baseCheck = await check({ ...headOptions, root: join(base.dir, prefix), renames: renamesUnder(diff, prefix), refused: refusedUnder(base.refused, prefix) });
    // Directives the PR added or widened are listed; under pull_request_target they apply
    // only when the base config allows it.
    const trusted = !options.headFromGit || head.config.allowNewSuppressionsOnPrTarget;
    const own = prSuppressions(head, baseCheck.model.suppressions, trusted, prefix);
    const headFindings = relocate(own.findings, prefix);
    const headSuppressed = relocate(own.suppressed, prefix);
    // Base findings in files the head could not read are "not checked", never "fixed".
    const notRead = new Set([...unreadPaths(head.model.problems)].map((p) => repoPath(prefix, p)));
    const classified = classify(headFindings, relocate(baseCheck.findings, prefix), { suppressed: headSuppressed, notRead });
    return { mode: 'pull-request', head: { ...head, findings: headFindings, suppressed: headSuppressed }, classified, diff, mergeBase, headTop, prefix, shifted, notes: [], suppressions: own.listed };
  } finally {
    // The exported head is read again by reporters (suggestions): keep it; drop the base.
    for (const tree of trees.slice(options.headFromGit ? 1 : 0)) await tree.dispose();
  }
}

/** What an export did not write, relative to the working directory `prefix` (paths outside it dropped). */
function refusedUnder(refused: RefusedPath[], prefix: string): RefusedPath[] {
  if (prefix === '') return refused;
  return refused.filter((r) => r.path.startsWith(`${prefix}/`)).map((r) => ({ ...r, path: r.path.slice(prefix.length + 1) }));
}

/** Renamed files (old → new), relative to the working directory `prefix`. */
function renamesUnder(diff: DiffMap, prefix: string): Map<string, string> {
  const strip = (path: string) => (prefix === '' ? path : path.startsWith(`${prefix}/`) ? path.slice(prefix.length + 1) : undefined);
  const renames = new Map<string, string>();
  for (const file of diff.values()) {
    if (file.status !== 'renamed' || !file.oldPath) continue;
    const from = strip(file.oldPath);
    const to = strip(file.path);
    if (from !== undefined && to !== undefined) renames.set(from, to);
  }
  return renames;
}

/** Files that differ between the workspace's HEAD and the PR head commit (none when they are the same commit). */
async function shiftedFiles(top: string, headSha: string): Promise<Set<string>> {
  const current = (await git(top, ['rev-parse', 'HEAD'])).trim();
  if (current === headSha) return new Set();
  const names = await git(top, ['-c', 'core.quotePath=false', 'diff', '--name-only', '-z', '--no-renames', headSha, current]);
  return new Set(names.split('\0').filter((n) => n !== ''));
}

/** Check options with the config resolved to an absolute path, when there is one. */
function withConfig(root: string, configPath: string | undefined): { root: string; configPath?: string } {
  if (configPath) return { root, configPath: isAbsolute(configPath) ? configPath : join(root, configPath) };
  const found = DEFAULT_CONFIG_PATHS.map((p) => join(root, p)).find((p) => existsSync(p));
  return found ? { root, configPath: found } : { root };
}
