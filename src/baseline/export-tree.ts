/**
 * Writes the tree of a commit into a fresh temporary directory, blob by blob, from
 * `git ls-tree` and `git cat-file --batch`. The workspace is never checked out over, nothing
 * from the tree is executed, and the tree's own `.gitattributes` has no say: `git archive`
 * would honour `export-ignore`, letting a pull request hide a file (say, the registry) from
 * its own check. Symlinks are written as symlinks (the walker refuses those that leave the
 * tree); submodules are skipped.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { git } from './git.js';

/** A directory holding an exported tree; `dispose()` removes it. */
export interface ExportedTree {
  dir: string;
  dispose(): Promise<void>;
}

interface Entry {
  mode: string;
  object: string;
  path: string;
}

/** Exports the tree of `sha` (in the repository at `cwd`) under a new directory in `parent`. */
export async function exportTree(cwd: string, sha: string, parent: string = process.env.RUNNER_TEMP || tmpdir()): Promise<ExportedTree> {
  const dir = await mkdtemp(join(parent, 'portwarden-tree-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    const entries = parseLsTree(await git(cwd, ['ls-tree', '-r', '-z', '--full-tree', sha]));
    const blobs = await readBlobs(cwd, entries.map((e) => e.object));
    for (const [i, e] of entries.entries()) {
      const target = join(dir, e.path);
      await mkdir(dirname(target), { recursive: true });
      if (e.mode === '120000') await symlink(blobs[i]!.toString('utf8'), target);
      else await writeFile(target, blobs[i]!);
    }
  } catch (error) {
    await dispose();
    throw error;
  }
  return { dir, dispose };
}

/** `<mode> <type> <object>\t<path>` records, NUL-separated; blobs and symlinks only. */
function parseLsTree(listing: string): Entry[] {
  const entries: Entry[] = [];
  for (const record of listing.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode = '', type, object = ''] = record.slice(0, tab).split(' ');
    const path = record.slice(tab + 1);
    // `..` cannot appear in a git path, but the exported directory is ours to protect.
    if (type !== 'blob' || path.split('/').includes('..')) continue;
    entries.push({ mode, object, path });
  }
  return entries;
}

/** The contents of `objects`, in order, from one `git cat-file --batch` process. */
function readBlobs(cwd: string, objects: string[]): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const cat = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const blobs: Buffer[] = [];
    let pending: Buffer = Buffer.alloc(0);
    let errors = '';
    cat.stdout.on('data', (chunk: Buffer) => {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      // Each answer: `<object> blob <size>\n<size bytes>\n`.
      for (;;) {
        const eol = pending.indexOf(10);
        if (eol < 0) return;
        const size = Number(pending.subarray(0, eol).toString('latin1').split(' ')[2]);
        if (!Number.isInteger(size)) return void cat.kill(), reject(new Error(`git cat-file answered \`${pending.subarray(0, eol).toString('latin1')}\``));
        if (pending.length < eol + 1 + size + 1) return;
        blobs.push(Buffer.from(pending.subarray(eol + 1, eol + 1 + size)));
        pending = pending.subarray(eol + 1 + size + 1);
      }
    });
    cat.stderr.on('data', (d: Buffer) => (errors += d.toString()));
    cat.on('error', reject);
    cat.on('close', (code) => {
      if (code === 0 && blobs.length === objects.length) resolve(blobs);
      else reject(new Error(`git cat-file --batch read ${blobs.length} of ${objects.length} blobs (exit ${code}): ${errors.trim() || 'no message'}`));
    });
    cat.stdin.end(objects.map((o) => `${o}\n`).join(''));
  });
}
