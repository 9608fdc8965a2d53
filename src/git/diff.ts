/**
 * The diff between two trees, computed locally with `git diff --unified=0`: the API refuses
 * to list the files of a big pull request, and git's own diff needs no request at all.
 */
import { parseDiff, type DiffMap } from '../baseline/diff.js';
import { git } from './git.js';

/**
 * Runs git diff in `cwd` from commit `from` to commit `to` (to the work tree when `to` is
 * undefined: tracked files as they are on disk) and parses it.
 */
export async function gitDiff(cwd: string, from: string, to?: string): Promise<DiffMap> {
  // Explicit prefixes and no external tools: user config must not change the format.
  const text = await git(cwd, ['-c', 'core.quotePath=true', 'diff', '--unified=0', '--no-color', '--no-ext-diff', '--find-renames', '--src-prefix=a/', '--dst-prefix=b/', from, ...(to === undefined ? [] : [to])]);
  return parseDiff(text);
}

/** Files that differ between the work tree's `HEAD` and commit `sha` (none when they are the same commit). */
export async function filesChangedSince(top: string, sha: string): Promise<Set<string>> {
  const current = (await git(top, ['rev-parse', 'HEAD'])).trim();
  if (current === sha) return new Set();
  const names = await git(top, ['-c', 'core.quotePath=false', 'diff', '--name-only', '-z', '--no-renames', sha, current]);
  return new Set(names.split('\0').filter((n) => n !== ''));
}
