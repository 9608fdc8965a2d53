/**
 * A thin wrapper over the git CLI: arguments as an array (no shell), output as a string,
 * failures as a {@link GitError} carrying the command and git's own message.
 */
import { execFile } from 'node:child_process';

/** A git command that exited non-zero. */
export class GitError extends Error {
  constructor(
    readonly args: string[],
    readonly stderr: string,
    readonly code: number | null,
  ) {
    super(`git ${args.join(' ')} failed${code === null ? '' : ` (exit ${code})`}: ${stderr.trim() || 'no message'}`);
    this.name = 'GitError';
  }
}

/** Big diffs are legitimate input: allow 256 MiB of output. */
const MAX_BUFFER = 256 * 1024 * 1024;

/** Runs `git <args>` in `cwd` and returns stdout. */
export function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    // No pager, no prompts for credentials: the runner is non-interactive.
    const env = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C' };
    execFile('git', args, { cwd, env, maxBuffer: MAX_BUFFER, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new GitError(args, stderr || error.message, typeof error.code === 'number' ? error.code : null));
      else resolve(stdout);
    });
  });
}

/** True when `git <args>` succeeds. */
export async function gitOk(cwd: string, args: string[]): Promise<boolean> {
  try {
    await git(cwd, args);
    return true;
  } catch (error) {
    if (error instanceof GitError) return false;
    throw error;
  }
}

/** The top of the work tree containing `dir`, or undefined when `dir` is not in a git repository. */
export async function repoTop(dir: string): Promise<string | undefined> {
  try {
    return (await git(dir, ['rev-parse', '--show-toplevel'])).trim();
  } catch {
    return undefined;
  }
}

/** True when `sha` names a commit present in the repository. */
export function hasCommit(cwd: string, sha: string): Promise<boolean> {
  return gitOk(cwd, ['cat-file', '-e', `${sha}^{commit}`]);
}

/** The commit `rev` names (a branch, a tag, `HEAD~2`, a sha), or undefined when it names none. */
export async function resolveCommit(cwd: string, rev: string): Promise<string | undefined> {
  // `--end-of-options`: a revision that starts with `-` is a name, never an option.
  try {
    return (await git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`])).trim() || undefined;
  } catch (error) {
    if (error instanceof GitError) return undefined;
    throw error;
  }
}
