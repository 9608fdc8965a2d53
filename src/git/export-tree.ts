/**
 * Writes the tree of a commit into a fresh temporary directory, blob by blob, from
 * `git ls-tree` and `git cat-file --batch`. The workspace is never checked out over, nothing
 * from the tree is executed, and the tree's own `.gitattributes` has no say: `git archive`
 * would honour `export-ignore`, letting a pull request hide a file (say, the registry) from
 * its own check.
 *
 * The tree is a stranger's data, so the export is defensive: blobs stream from one
 * `git cat-file` process and each is parsed as it arrives (linear in the tree's size), every
 * file is created exclusively (`wx`: an existing name, or a symlink, is never written
 * through), symlinks are never created, a blob above `max-file-bytes` is drained without
 * being kept, and submodules are skipped. What was not written is returned as
 * {@link RefusedPath}s, so the check of the tree reports those paths instead of missing them.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { RefusedPath } from '../collect/read.js';
import { DEFAULT_MAX_FILE_BYTES } from '../config/defaults.js';
import { git } from './git.js';

/** A directory holding an exported tree; `dispose()` removes it. */
export interface ExportedTree {
  dir: string;
  /** Paths of the tree that were not written (symlinks, blobs above the limit, unwritable names). */
  refused: RefusedPath[];
  dispose(): Promise<void>;
}

export interface ExportOptions {
  /** Where the temporary directory goes (default `RUNNER_TEMP`, else the OS temp directory). */
  parent?: string;
  /** Blobs above this many bytes are not written (default {@link DEFAULT_MAX_FILE_BYTES}). */
  maxFileBytes?: number;
}

/** A blob of a listed tree. */
export interface Entry {
  mode: string;
  object: string;
  path: string;
}

/** A `cat-file` answer line is `<object> blob <size>`; anything much longer is not one. */
const MAX_HEADER_BYTES = 1024;

/** Exports the tree of `sha` (in the repository at `cwd`) under a new directory. */
export async function exportTree(cwd: string, sha: string, options: ExportOptions = {}): Promise<ExportedTree> {
  const parent = options.parent ?? (process.env.RUNNER_TEMP || tmpdir());
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const dir = await mkdtemp(join(parent, 'portwarden-tree-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  const refused: RefusedPath[] = [];
  try {
    const files: Entry[] = [];
    for (const e of parseLsTree(await git(cwd, ['ls-tree', '-r', '-z', '--full-tree', sha]))) {
      const parts = e.path.split('/');
      // `..` and `.git` cannot appear in a tree git accepts, but the exported directory is ours to protect.
      if (parts.some((p) => p === '' || p === '.' || p === '..' || p.toLowerCase() === '.git')) refused.push({ path: e.path, reason: 'unwritable', code: 'EINVAL', commit: sha });
      else if (e.mode === '120000') refused.push({ path: e.path, reason: 'symlink', commit: sha });
      else files.push(e);
    }
    await streamBlobs(cwd, files, maxBytes, {
      tooLarge: (e, size) => refused.push({ path: e.path, reason: 'too-large', size, limit: maxBytes, commit: sha }),
      write: async (e, data) => {
        const target = join(dir, ...e.path.split('/'));
        try {
          await mkdir(dirname(target), { recursive: true });
          // `wx`: create, and fail if anything (a file, a link) already has the name.
          await writeFile(target, data, { flag: 'wx', mode: 0o644 });
        } catch (error) {
          refused.push({ path: e.path, reason: 'unwritable', code: (error as NodeJS.ErrnoException).code ?? 'error', commit: sha });
        }
      },
    });
  } catch (error) {
    await dispose();
    throw error;
  }
  return { dir, refused, dispose };
}

/** `<mode> <type> <object>\t<path>` records, NUL-separated; blobs only (submodules are commits). */
function parseLsTree(listing: string): Entry[] {
  const entries: Entry[] = [];
  for (const record of listing.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode = '', type, object = ''] = record.slice(0, tab).split(' ');
    if (type === 'blob') entries.push({ mode, object, path: record.slice(tab + 1) });
  }
  return entries;
}

export interface BlobSink {
  /** A blob above the limit: drained, never held. */
  tooLarge(entry: Entry, size: number): void;
  /** A blob within the limit, whole. The stream waits for it (backpressure). */
  write(entry: Entry, data: Buffer): Promise<void>;
}

/**
 * Asks one `git cat-file --batch` for every entry's blob and hands each to `sink` as it
 * completes. Answers are `<object> blob <size>\n<size bytes>\n`; each chunk of output is
 * looked at once, so the time is linear in the bytes git sends.
 */
export async function streamBlobs(cwd: string, entries: Entry[], maxBytes: number, sink: BlobSink): Promise<void> {
  const env = { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };
  const cat = spawn('git', ['cat-file', '--batch'], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let errors = '';
  cat.stderr.on('data', (d: Buffer) => {
    if (errors.length < 4096) errors += d.toString();
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    cat.on('error', reject);
    cat.on('close', resolve);
  });
  exited.catch(() => {});
  cat.stdin.on('error', () => {}); // git may stop reading early; its exit code tells
  cat.stdin.end(entries.map((e) => `${e.object}\n`).join(''));

  let done = 0;
  let header: Buffer[] = [];
  let headerBytes = 0;
  let state: 'header' | 'body' | 'end' = 'header';
  let remaining = 0;
  let body: Buffer[] | undefined; // undefined: draining a blob above the limit
  const fail = (what: string) => new Error(`git cat-file --batch ${what} (blob ${done + 1} of ${entries.length})`);
  try {
    for await (const chunk of cat.stdout as AsyncIterable<Buffer>) {
      let pos = 0;
      while (pos < chunk.length) {
        if (state === 'header') {
          const eol = chunk.indexOf(10, pos);
          const end = eol < 0 ? chunk.length : eol;
          header.push(chunk.subarray(pos, end));
          headerBytes += end - pos;
          if (headerBytes > MAX_HEADER_BYTES) throw fail('sent a header line that never ends');
          pos = end;
          if (eol < 0) break;
          pos = eol + 1;
          const line = Buffer.concat(header).toString('latin1');
          header = [];
          headerBytes = 0;
          const [, type, size = ''] = line.split(' ');
          if (done >= entries.length || type !== 'blob' || !/^\d+$/.test(size)) throw fail(`answered \`${line.slice(0, 200)}\``);
          remaining = Number(size);
          body = remaining > maxBytes ? undefined : [];
          if (!body) sink.tooLarge(entries[done]!, remaining);
          state = 'body';
        }
        if (state === 'body') {
          const take = Math.min(remaining, chunk.length - pos);
          if (body && take > 0) body.push(chunk.subarray(pos, pos + take));
          pos += take;
          remaining -= take;
          if (remaining > 0) break;
          state = 'end';
        }
        if (state === 'end') {
          if (pos >= chunk.length) break;
          if (chunk[pos] !== 10) throw fail('lost its framing');
          pos++;
          if (body) await sink.write(entries[done]!, Buffer.concat(body));
          body = undefined;
          done++;
          state = 'header';
        }
      }
    }
  } finally {
    if (done < entries.length) cat.kill();
  }
  const code = await exited;
  if (code !== 0 || done !== entries.length || state !== 'header') {
    throw new Error(`git cat-file --batch read ${done} of ${entries.length} blobs (exit ${code}): ${errors.trim() || 'no message'}`);
  }
}
