/**
 * The tree a command works on, read as data: the pull request's head commit (fetched when the
 * checkout lacks it) or the default branch's, written blob by blob into a temporary directory
 * by the same export the `pull_request_target` path uses. Nothing is checked out or run.
 */
import { join } from 'node:path';
import { exportTree, type ExportedTree } from '../../git/export-tree.js';
import { git, repoTop } from '../../git/git.js';
import { ensureCommits } from '../../git/merge-base.js';
import { loadConfig } from '../../engine.js';

export interface CommandTree {
  /** The exported tree; `dispose()` removes it. */
  tree: ExportedTree;
  /** The repository root in the checkout (the default branch: trusted). */
  top: string;
  /** The monorepo's root inside the exported tree. */
  root: string;
  /** The working directory relative to the repository top (`''` at the top). */
  prefix: string;
  /** The config of the default checkout, absolute, when it has one: a pull request's own config is not trusted. */
  configPath?: string;
  sha: string;
}

/** Exports commit `sha` of the checkout at `workspace`. */
export async function readTree(workspace: string, workingDirectory: string, sha: string, configPath: string | undefined, log: (m: string) => void): Promise<CommandTree> {
  const top = (await repoTop(workspace)) ?? workspace;
  await ensureCommits(top, [sha], { log });
  const trusted = loadConfig(join(workspace, workingDirectory), configPath);
  const tree = await exportTree(top, sha, { maxFileBytes: trusted.config.maxFileBytes });
  const prefix = join(workspace, workingDirectory).slice(top.length).replace(/^[/\\]+/, '').split('\\').join('/');
  return { tree, top, root: join(tree.dir, prefix), prefix, ...(trusted.path ? { configPath: trusted.path } : {}), sha };
}

/** The blob sha of `path` (repository-relative) at commit `sha`, as the contents API names the version. */
export async function blobAt(top: string, sha: string, path: string): Promise<string> {
  return (await git(top, ['rev-parse', `${sha}:${path}`])).trim();
}

/** `path` under the working directory `prefix`, as the repository names it. */
export function repoPathOf(prefix: string, path: string): string {
  return prefix === '' ? path : `${prefix}/${path}`;
}
