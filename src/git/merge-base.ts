/**
 * Finding the merge base of a pull request in a checkout that may be shallow. actions/checkout
 * fetches one commit by default (the merge commit), so the base and head commits, and the
 * history joining them, are fetched on demand: first the missing commits at a modest depth,
 * then deeper in doubling steps, then the whole history as a last resort.
 */
import { git, GitError, hasCommit } from './git.js';

export interface MergeBaseOptions {
  /** The remote to fetch from; actions/checkout names it `origin`. */
  remote?: string;
  log?: (message: string) => void;
  /** Depth of the first fetch of missing commits. */
  initialDepth?: number;
  /** How many times to deepen (doubling) before fetching the whole history. */
  deepenSteps?: number;
}

/** Neither the fetched history nor the full history joins base and head. */
export class MergeBaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MergeBaseError';
  }
}

/** True when the repository is a shallow clone. */
export async function isShallow(cwd: string): Promise<boolean> {
  return (await git(cwd, ['rev-parse', '--is-shallow-repository'])).trim() === 'true';
}

/** Fetches the commits in `shas` that are not present yet. */
export async function ensureCommits(cwd: string, shas: string[], options: MergeBaseOptions = {}): Promise<void> {
  const missing = [];
  for (const sha of shas) if (!(await hasCommit(cwd, sha))) missing.push(sha);
  if (missing.length === 0) return;
  const remote = options.remote ?? 'origin';
  const depth = (await isShallow(cwd)) ? [`--depth=${options.initialDepth ?? 50}`] : [];
  options.log?.(`Fetching ${missing.join(', ')} from ${remote}.`);
  await git(cwd, ['fetch', '--no-tags', '--no-recurse-submodules', ...depth, remote, ...missing]);
  for (const sha of missing) {
    if (!(await hasCommit(cwd, sha))) throw new MergeBaseError(`Commit ${sha} is not in ${remote} after fetching it.`);
  }
}

/** `git merge-base base head`, fetching and deepening the history until it is found. */
export async function findMergeBase(cwd: string, baseSha: string, headSha: string, options: MergeBaseOptions = {}): Promise<string> {
  const remote = options.remote ?? 'origin';
  await ensureCommits(cwd, [baseSha, headSha], options);
  let found = await mergeBase(cwd, baseSha, headSha);
  let step = options.initialDepth ?? 50;
  for (let i = 0; found === undefined && i < (options.deepenSteps ?? 4) && (await isShallow(cwd)); i++) {
    options.log?.(`No merge base of ${baseSha} and ${headSha} in the shallow history; deepening by ${step}.`);
    await git(cwd, ['fetch', '--no-tags', '--no-recurse-submodules', `--deepen=${step}`, remote, baseSha, headSha]);
    found = await mergeBase(cwd, baseSha, headSha);
    step *= 2;
  }
  if (found === undefined && (await isShallow(cwd))) {
    options.log?.('Still no merge base; fetching the whole history.');
    await git(cwd, ['fetch', '--no-tags', '--no-recurse-submodules', '--unshallow', remote, baseSha, headSha]);
    found = await mergeBase(cwd, baseSha, headSha);
  }
  if (found === undefined) throw new MergeBaseError(`Commits ${baseSha} (base) and ${headSha} (head) have no common ancestor.`);
  return found;
}

/** `git merge-base base head` in the history already present: nothing is fetched. */
export async function localMergeBase(cwd: string, baseSha: string, headSha: string): Promise<string> {
  const found = await mergeBase(cwd, baseSha, headSha);
  if (found === undefined) throw new MergeBaseError(`Commits ${baseSha} (base) and ${headSha} (head) have no common ancestor${(await isShallow(cwd)) ? ' in this shallow clone' : ''}.`);
  return found;
}

async function mergeBase(cwd: string, a: string, b: string): Promise<string | undefined> {
  try {
    return (await git(cwd, ['merge-base', a, b])).trim() || undefined;
  } catch (error) {
    // Exit 1 means "no common ancestor" (in the history we have); anything else is real.
    if (error instanceof GitError && error.code === 1) return undefined;
    throw error;
  }
}
