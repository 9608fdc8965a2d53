/**
 * Writes the tree of a commit into a fresh temporary directory with `git archive | tar -x`.
 * The workspace is never checked out over, and nothing from the tree is executed: the engine
 * only reads the files. That is what makes the base tree (and, under `pull_request_target`,
 * the head tree) safe to analyse.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A directory holding an exported tree; `dispose()` removes it. */
export interface ExportedTree {
  dir: string;
  dispose(): Promise<void>;
}

/** Exports the tree of `sha` (in the repository at `cwd`) under a new directory in `parent`. */
export async function exportTree(cwd: string, sha: string, parent: string = process.env.RUNNER_TEMP || tmpdir()): Promise<ExportedTree> {
  const dir = await mkdtemp(join(parent, 'portwarden-tree-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    await pipeArchive(cwd, sha, dir);
  } catch (error) {
    await dispose();
    throw error;
  }
  return { dir, dispose };
}

function pipeArchive(cwd: string, sha: string, dir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const archive = spawn('git', ['archive', '--format=tar', sha], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    // --no-same-owner/-permissions: files belong to the runner, modes from the umask.
    const tar = spawn('tar', ['-x', '--no-same-owner', '-m', '-C', dir], { stdio: ['pipe', 'ignore', 'pipe'] });
    let errors = '';
    archive.stderr.on('data', (d: Buffer) => (errors += d.toString()));
    tar.stderr.on('data', (d: Buffer) => (errors += d.toString()));
    archive.stdout.pipe(tar.stdin);
    let pending = 2;
    let failed = false;
    const done = (what: string) => (code: number | null) => {
      if (code !== 0 && !failed) {
        failed = true;
        reject(new Error(`${what} of ${sha} failed (exit ${code}): ${errors.trim() || 'no message'}`));
      }
      if (--pending === 0 && !failed) resolve();
    };
    archive.on('error', reject);
    tar.on('error', reject);
    archive.on('close', done('git archive'));
    tar.on('close', done('tar -x'));
  });
}
