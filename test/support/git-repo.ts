/**
 * Real temporary git repositories for tests: write files, commit, branch, merge; every
 * commit has a fixed author, committer and date, so shas are the same on every run and
 * every machine. Uses the git CLI, isolated from the user's and the system's git config.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { PullFile } from './github-stub/state.js';

/** File path (relative, `/`-separated) → content; `null` deletes the file. */
export type FileTree = Record<string, string | null>;

export interface TempRepo {
  readonly dir: string;
  /** Runs git in the repository and returns its trimmed stdout. */
  git(...args: string[]): string;
  /** Writes (or, for `null`, deletes) files in the working tree. */
  write(files: FileTree): void;
  /** Stages everything and commits; returns the new commit's sha. */
  commit(message: string): string;
  /** `git checkout -b name` (or, with `existing`, `git checkout name`). */
  checkout(ref: string, options?: { create?: boolean }): void;
  /** The changed files between two commits, shaped like GitHub's `pulls/list-files`. */
  pullFiles(base: string, head: string): PullFile[];
  /** Deletes the repository from disk. */
  remove(): void;
}

const IDENTITY = { name: 'Portwarden Test', email: 'test@portwarden.invalid' };
/** 2026-01-01T00:00:00Z; each commit is one minute later than the one before. */
const EPOCH = 1_767_225_600;

/** Creates an empty repository on branch `main` in a new temporary directory. */
export function createTempRepo(prefix = 'portwarden-repo-'): TempRepo {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let commits = 0;
  const env = (): NodeJS.ProcessEnv => {
    const date = `@${EPOCH + 60 * commits} +0000`;
    return {
      PATH: process.env.PATH,
      HOME: dir,
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: IDENTITY.name,
      GIT_AUTHOR_EMAIL: IDENTITY.email,
      GIT_COMMITTER_NAME: IDENTITY.name,
      GIT_COMMITTER_EMAIL: IDENTITY.email,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
      LC_ALL: 'C',
    };
  };
  const git = (...args: string[]) => execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'core.autocrlf=false', ...args], { cwd: dir, env: env(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  git('init', '-q', '-b', 'main');

  return {
    dir,
    git,
    write(files) {
      for (const [path, content] of Object.entries(files)) {
        const full = join(dir, ...path.split('/'));
        if (content === null) rmSync(full, { force: true });
        else {
          mkdirSync(dirname(full), { recursive: true });
          writeFileSync(full, content);
        }
      }
    },
    commit(message) {
      git('add', '-A');
      commits += 1;
      git('commit', '-q', '--allow-empty', '-m', message);
      return git('rev-parse', 'HEAD');
    },
    checkout(ref, options = {}) {
      if (options.create) git('checkout', '-q', '-b', ref);
      else git('checkout', '-q', ref);
    },
    pullFiles(base, head) {
      return pullFiles(git, base, head);
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const STATUS: Record<string, PullFile['status']> = { A: 'added', D: 'removed', M: 'modified', R: 'renamed' };

/** `git diff` between two commits, per file, as GitHub reports a PR's files. */
function pullFiles(git: TempRepo['git'], base: string, head: string): PullFile[] {
  // -z: NUL-separated, so no quoting of unusual paths.
  const fields = git('diff', '-z', '--name-status', '-M', base, head).split('\0').filter((f) => f !== '');
  const numstat = new Map<string, [number, number]>();
  for (const line of git('diff', '--numstat', '-M', '--no-renames', base, head).split('\n')) {
    const [add, del, ...path] = line.split('\t');
    if (path.length > 0) numstat.set(path.join('\t'), [Number(add) || 0, Number(del) || 0]);
  }
  const files: PullFile[] = [];
  for (let i = 0; i < fields.length; ) {
    const code = fields[i++]!;
    const renamed = code.startsWith('R');
    const previous = renamed ? fields[i++] : undefined;
    const filename = fields[i++]!;
    const [additions, deletions] = numstat.get(filename) ?? [0, 0];
    const diff = git('diff', '--no-color', '-U3', '-M', base, head, '--', ...(previous ? [previous] : []), filename);
    const at = diff.indexOf('\n@@');
    files.push({
      filename,
      status: STATUS[code[0]!] ?? 'modified',
      additions,
      deletions,
      changes: additions + deletions,
      ...(at >= 0 ? { patch: diff.slice(at + 1) } : {}),
      ...(previous ? { previous_filename: previous } : {}),
    });
  }
  return files;
}

/** A repository holding one pull request: `main` at `base`, branch `headRef` at `head`. */
export interface PullRequestRepo {
  repo: TempRepo;
  baseSha: string;
  headSha: string;
  /** The merge of head into base, which `actions/checkout` checks out for `pull_request`. */
  mergeSha: string;
  baseRef: string;
  headRef: string;
  files: PullFile[];
}

/**
 * Commits `base` on `main`, then `change` on a feature branch, then merges the branch into
 * a detached `refs/pull/<n>/merge`-like commit and leaves the work tree there: the state a
 * runner's workspace is in after `actions/checkout` on a `pull_request` event.
 */
export function createPullRequestRepo(base: FileTree, change: FileTree, options: { headRef?: string } = {}): PullRequestRepo {
  const headRef = options.headRef ?? 'feature';
  const repo = createTempRepo();
  repo.write(base);
  const baseSha = repo.commit('base');
  repo.checkout(headRef, { create: true });
  repo.write(change);
  const headSha = repo.commit('change');
  repo.git('checkout', '-q', '--detach', baseSha);
  repo.git('-c', `user.name=${IDENTITY.name}`, '-c', `user.email=${IDENTITY.email}`, 'merge', '-q', '--no-ff', '--no-edit', '-m', `Merge ${headSha} into ${baseSha}`, headSha);
  const mergeSha = repo.git('rev-parse', 'HEAD');
  return { repo, baseSha, headSha, mergeSha, baseRef: 'main', headRef, files: repo.pullFiles(baseSha, headSha) };
}

/**
 * Pushes one more commit with `change` onto the PR branch (a `synchronize`), merges it into
 * base again, and returns the PR as it now stands; `previousHeads` lists the earlier heads.
 */
export function pushToPullRequest(pr: PullRequestRepo, change: FileTree): PullRequestRepo & { previousHeads: string[] } {
  const { repo } = pr;
  repo.checkout(pr.headRef);
  repo.write(change);
  const headSha = repo.commit('push');
  repo.git('checkout', '-q', '--detach', pr.baseSha);
  repo.git('-c', `user.name=${IDENTITY.name}`, '-c', `user.email=${IDENTITY.email}`, 'merge', '-q', '--no-ff', '--no-edit', '-m', `Merge ${headSha} into ${pr.baseSha}`, headSha);
  const mergeSha = repo.git('rev-parse', 'HEAD');
  const previousHeads = [...((pr as { previousHeads?: string[] }).previousHeads ?? []), pr.headSha];
  return { ...pr, headSha, mergeSha, files: repo.pullFiles(pr.baseSha, headSha), previousHeads };
}

/**
 * A workspace as `actions/checkout` leaves it on a `pull_request` event: a fresh repository
 * whose `origin` is `origin` (over file://, so shallow fetches work), holding only
 * `refs/pull/<n>/merge` fetched at depth 1, checked out detached. Base and head commits are
 * not present; the Action must fetch them, as on a runner. `origin` serves any sha (GitHub does).
 * With `base`, the workspace is the base branch at depth 1, as on `pull_request_target`.
 */
export function actionsCheckout(origin: PullRequestRepo, number: number, options: { depth?: number; base?: boolean } = {}): TempRepo {
  const o = origin.repo;
  o.git('update-ref', `refs/pull/${number}/head`, origin.headSha);
  o.git('update-ref', `refs/pull/${number}/merge`, origin.mergeSha);
  o.git('config', 'uploadpack.allowAnySHA1InWant', 'true');
  const workspace = createTempRepo('portwarden-workspace-');
  workspace.git('remote', 'add', 'origin', `file://${o.dir}`);
  const depth = options.depth === undefined ? ['--depth=1'] : options.depth === 0 ? [] : [`--depth=${options.depth}`];
  if (options.base) {
    // `pull_request_target` checks out the base branch, not the PR.
    workspace.git('fetch', '-q', '--no-tags', '--prune', '--no-recurse-submodules', ...depth, 'origin', `+${origin.baseSha}:refs/remotes/origin/${origin.baseRef}`);
    workspace.git('checkout', '-q', '--force', `refs/remotes/origin/${origin.baseRef}`);
    return workspace;
  }
  workspace.git('fetch', '-q', '--no-tags', '--prune', '--no-recurse-submodules', ...depth, 'origin', `+${origin.mergeSha}:refs/remotes/pull/${number}/merge`);
  workspace.git('checkout', '-q', '--force', `refs/remotes/pull/${number}/merge`);
  return workspace;
}
