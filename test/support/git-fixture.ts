// Tiny git repositories on disk for the baseline tests: the project's temp-repo helper
// (test/support/git-repo.ts), with a commit that writes its files first.
import { createTempRepo } from './git-repo.js';

export interface TempRepo {
  dir: string;
  /** Runs git in the repository; trimmed stdout. */
  git(...args: string[]): string;
  /** Writes files (null deletes), commits them, returns the new commit's sha. */
  commit(files: Record<string, string | null>, message?: string): string;
  remove(): void;
}

/** A fresh repository with a deterministic identity and dates. */
export function tempRepo(prefix = 'pw-repo-'): TempRepo {
  const repo = createTempRepo(prefix);
  return {
    dir: repo.dir,
    git: (...args) => repo.git(...args),
    commit(files, message = 'change') {
      repo.write(files);
      return repo.commit(message);
    },
    remove: () => repo.remove(),
  };
}

/** `n` numbered lines, `line 1\n…`. */
export function lines(n: number, edit: Record<number, string> = {}): string {
  return Array.from({ length: n }, (_, i) => edit[i + 1] ?? `line ${i + 1}`).join('\n') + '\n';
}
