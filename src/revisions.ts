/**
 * Checking a repository the way a pull request is checked: the head and the merge base of the
 * head and the base, each run through the engine, then compared (baseline/compare.ts). The
 * Action's check command and the CLI's `check --base` both call this. How the head is read,
 * whose config applies and whether the head's own `portwarden-ignore` directives silence
 * anything is the caller's policy, handed in as a {@link HeadPolicy}.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { compare, type Classified, type ListedSuppression } from './baseline/compare.js';
import type { DiffMap } from './baseline/diff.js';
import { relocate } from './baseline/relocate.js';
import { unreadPaths } from './collect/not-read.js';
import type { BlobRef, RefusedPath } from './collect/read.js';
import { DEFAULT_CONFIG_PATHS } from './config/defaults.js';
import { check, loadConfig, type CheckOptions, type CheckResult } from './engine.js';
import { discoveryMayRead } from './collect/discover.js';
import { ExtractionCache } from './extract/cache.js';
import { listCommit, type CommitTree } from './git/commit-tree.js';
import { filesChangedSince, gitDiff } from './git/diff.js';
import { exportTree, type ExportedTree } from './git/export-tree.js';
import { repoTop } from './git/git.js';
import { findMergeBase, localMergeBase } from './git/merge-base.js';

/** How the head of a comparison is read and how far it is trusted. */
export interface HeadPolicy {
  /**
   * `worktree`: the files on disk under the root (the head commit checked out, a merge of it,
   * or uncommitted edits). `commit`: the head commit's tree exported from git objects into a
   * temporary directory: read as data, never checked out, nothing in it run.
   */
  read: 'worktree' | 'commit';
  /** Whose config checks both trees: the head's own, or the checkout's under the root (a branch the caller trusts). */
  config: 'head' | 'checkout';
  /**
   * Whether directives the head added or widened silence findings: always, or only when the
   * config in use sets `allow-new-suppressions-on-pr-target: true`.
   */
  newSuppressions: 'apply' | 'when-config-allows';
}

/** What a check of one tree, or of a pull request's two, found. */
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
   * Files whose analysed content may differ from the head commit (the work tree is a merge
   * commit and the base branch touched them): their line numbers may not match the pull
   * request's diff, so they get no inline comments.
   */
  shifted: Set<string>;
  /** Why the analysis degraded, when it did. */
  notes: string[];
  /** `portwarden-ignore` directives the head added or widened (none outside pull requests). */
  suppressions: ListedSuppression[];
  /** Removes the exported head tree, if any (after its lines were read back). */
  dispose(): Promise<void>;
  /** On pull requests, what the merge base's check cost: files extracted, files reused from the head's check, blobs read from git. */
  baseCost?: { extracted: number; reused: number; blobsRead: number };
}

export interface TreeOptions {
  /** The directory checked: the repository top or a directory inside it. */
  root: string;
  /** Relative to the root, or absolute. */
  configPath?: string;
  /** Extraction results of an earlier run (extract/cache.ts); what the checks use or make is kept in it. */
  cache?: ExtractionCache;
}

export interface RevisionsOptions extends TreeOptions {
  /** The base commit; the head is compared with its merge base with this. */
  base: string;
  /** The head commit. Absent: the work tree under the root as it is now, compared from `HEAD`'s merge base. */
  head?: string;
  policy: HeadPolicy;
  /** Fetch missing commits from `origin`, deepening a shallow clone until the merge base appears (a runner's checkout). */
  fetch?: boolean;
  log?: (message: string) => void;
}

/** Checks the tree under `options.root` alone: every finding counts as new. */
export async function checkTree(options: TreeOptions): Promise<Analysis> {
  const { top, prefix } = await place(options.root);
  const head = await check({ ...withConfig(options.root, options.configPath), ...(options.cache ? { cache: options.cache } : {}) });
  const findings = relocate(head.findings, prefix);
  const suppressed = relocate(head.suppressed, prefix);
  const classified = { new: findings, existing: [], fixed: [], notChecked: [], suppressed };
  return { mode: 'full', head: { ...head, findings, suppressed }, classified, headTop: top, prefix, shifted: new Set(), notes: [], suppressions: [], dispose: async () => {} };
}

/** Checks the head and the merge base of head and base, and compares them. Throws when git cannot provide either tree. */
export async function checkRevisions(options: RevisionsOptions): Promise<Analysis> {
  const { root, policy } = options;
  const { top, prefix } = await place(root);
  if (!existsSync(join(top, '.git'))) throw new Error(`${top} is not a git checkout`);
  const headSha = options.head ?? 'HEAD';
  const mergeBase = options.fetch ? await findMergeBase(top, options.base, headSha, { log: options.log }) : await localMergeBase(top, options.base, headSha);
  let keep: ExportedTree | undefined;
  try {
    let headTop = top;
    let shifted = new Set<string>();
    let headRefused: RefusedPath[] = [];
    // Blobs above the config's max-file-bytes are not even read; the config is found under the
    // root either way (under a `commit` policy the head is not on disk yet).
    const maxFileBytes = loadConfig(root, options.configPath).config.maxFileBytes;
    if (policy.read === 'commit') {
      keep = await exportTree(top, headSha, { maxFileBytes });
      headTop = keep.dir;
      headRefused = keep.refused;
    } else if (options.head !== undefined) {
      shifted = await filesChangedSince(top, options.head);
    }
    const headRoot = join(headTop, prefix);
    const { configPath } = withConfig(policy.config === 'checkout' ? root : headRoot, options.configPath);
    const headOptions: CheckOptions = { root: headRoot, ...(configPath ? { configPath } : policy.config === 'checkout' ? { defaultConfig: true } : {}) };
    // git diffs and lists the merge base while the head is checked: neither needs the head's result.
    // From the merge base to the head commit, or to the work tree when the head is the work tree.
    const diffing = settled(gitDiff(top, mergeBase, options.head ?? (policy.read === 'commit' ? headSha : undefined)));
    const listing = settled(listCommit(top, mergeBase, { prefix, maxFileBytes }));
    // The head's extraction of each file is kept: the base reads only the files whose bytes differ.
    const cache = options.cache ?? new ExtractionCache();
    const head = await check({ ...headOptions, refused: refusedUnder(headRefused, prefix), cache });
    const diff = await diffing;
    // The base is checked with the head's config (a pull request that edits the config should
    // not make every old finding look new, or fixed) and with renamed files under their new names.
    // It is read from git objects, never written out: collect's own reads are fetched in one go.
    const renames = renamesUnder(diff, prefix);
    const base = await listing;
    await base.fetch(collectReads(base, head.config.registry, renames));
    // The base's root is a name only (the listed tree is read instead): nothing there is opened.
    const baseRoot = join(tmpdir(), `portwarden-merge-base-${mergeBase}`, prefix);
    const baseCheck = await check({ ...headOptions, root: baseRoot, renames, refused: refusedUnder(base.refused, prefix), tree: base, cache });
    const compared = compare(
      { findings: baseCheck.findings, suppressed: baseCheck.suppressed, suppressions: baseCheck.model.suppressions },
      { findings: head.findings, suppressed: head.suppressed, suppressions: head.model.suppressions },
      {
        prefix,
        applyNewSuppressions: policy.newSuppressions === 'apply' || head.config.allowNewSuppressionsOnPrTarget,
        // Base findings in files the head could not read are "not checked", never "fixed".
        notRead: unreadPaths(head.model.problems),
      },
    );
    const exported = keep;
    keep = undefined;
    return {
      mode: 'pull-request',
      head: { ...head, findings: compared.findings, suppressed: compared.suppressed },
      classified: compared.classified,
      diff,
      mergeBase,
      headTop,
      prefix,
      shifted,
      notes: [],
      suppressions: compared.suppressions,
      dispose: async () => exported?.dispose(),
      baseCost: { ...baseCheck.extraction, blobsRead: base.blobsRead },
    };
  } finally {
    // Kept for reading lines back only when the comparison succeeded.
    await keep?.dispose();
  }
}

/**
 * `promise`, started now and awaited later: a rejection while nothing awaits it yet is not
 * reported as unhandled (it is thrown where the promise is awaited, if it ever is).
 */
function settled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

/** The repository top holding `root` (the root itself outside git) and the root's path in it. */
async function place(root: string): Promise<{ top: string; prefix: string }> {
  const top = (await repoTop(root)) ?? root;
  return { top, prefix: relative(top, root).split('\\').join('/') };
}

/** What an export did not write, relative to the working directory `prefix` (paths outside it dropped). */
function refusedUnder(refused: RefusedPath[], prefix: string): RefusedPath[] {
  if (prefix === '') return refused;
  return refused.filter((r) => r.path.startsWith(`${prefix}/`)).map((r) => ({ ...r, path: r.path.slice(prefix.length + 1) }));
}

/**
 * The blobs collect reads itself in a listed tree: the registry, the root `.env`, the config
 * and whatever discovery may look at, under their names in the tree or after a rename.
 */
function collectReads(tree: CommitTree, registry: string, renames: ReadonlyMap<string, string>): BlobRef[] {
  const own = new Set([registry, '.env', ...DEFAULT_CONFIG_PATHS]);
  const refs: BlobRef[] = [];
  for (const [path, blob] of tree.files()) {
    const shown = renames.get(path) ?? path;
    if (own.has(shown) || discoveryMayRead(shown) || own.has(path) || discoveryMayRead(path)) refs.push(blob);
  }
  return refs;
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

/** Check options with the config resolved to an absolute path, when there is one. */
function withConfig(root: string, configPath: string | undefined): { root: string; configPath?: string } {
  if (configPath) return { root, configPath: isAbsolute(configPath) ? configPath : join(root, configPath) };
  const found = DEFAULT_CONFIG_PATHS.map((p) => join(root, p)).find((p) => existsSync(p));
  return found ? { root, configPath: found } : { root };
}
