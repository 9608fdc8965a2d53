/**
 * A commit's tree read as data without writing it anywhere: the listing comes from one
 * `git ls-tree -r --long` (mode, object id, size and path of every blob) and the bytes of a
 * blob are fetched only when something reads that file. The check of a pull request's merge
 * base reads this way: the files it shares with the head are never read again (their
 * extraction is reused, extract/cache.ts), so it pays for the blobs that changed and for
 * what collect reads itself (the registry, the root `.env`, the files discovery looks at).
 *
 * The listing refuses exactly what a written-out tree (export-tree.ts) leaves out, with the
 * same {@link RefusedPath}s in the same order: symlinks, names no directory may hold, blobs
 * above `max-file-bytes`; submodules are left out. A directory exists when some kept blob
 * lies under it, as on disk after an export.
 */
import { spawnSync } from 'node:child_process';
import type { BlobRef, RefusedPath } from '../collect/read.js';
import type { ListedEntry, ListedTree } from '../collect/walk.js';
import { git } from './git.js';
import { streamBlobs } from './export-tree.js';

/** The longest file name (in bytes) a Linux or macOS file system accepts; a longer one could not be written out. */
const MAX_NAME_BYTES = 255;

/** A commit's tree under a working directory, listed; blobs fetched on demand. */
export interface CommitTree extends ListedTree {
  /** Paths of the whole tree (repository-relative) a written-out tree would not hold. */
  refused: RefusedPath[];
  /** Fetches the bytes of `blobs` not fetched yet, with one `git cat-file --batch`, and sets their `bytes`. */
  fetch(blobs: readonly BlobRef[]): Promise<void>;
  /** Every kept blob under the working directory, by path relative to it. */
  files(): IterableIterator<[string, BlobRef]>;
  /** How many blobs were read from git so far. */
  readonly blobsRead: number;
}

export interface ListOptions {
  /** The working directory inside the repository (`''` at the top): paths are relative to it. */
  prefix?: string;
  /** Blobs above this many bytes are refused as `too-large`, as an export refuses them. */
  maxFileBytes: number;
}

interface Listed {
  mode: string;
  type: string;
  object: string;
  size: number;
  path: string;
}

/** Lists commit `sha` of the repository at `cwd`. */
export async function listCommit(cwd: string, sha: string, options: ListOptions): Promise<CommitTree> {
  const prefix = options.prefix ?? '';
  const under = prefix === '' ? '' : `${prefix}/`;
  const early: RefusedPath[] = [];
  const late: RefusedPath[] = [];
  const blobs = new Map<string, BlobRef>();
  const dirs = new Map<string, Map<string, boolean>>();
  if (prefix === '') dirs.set('', new Map());
  const fetched = new Map<string, Uint8Array>();
  let blobsRead = 0;

  /** Bytes of one blob not fetched ahead: a `git cat-file blob` of its own (discovery reading a file nobody foresaw). */
  const loadOne = (id: string): Uint8Array => {
    const known = fetched.get(id);
    if (known) return known;
    const out = spawnSync('git', ['cat-file', 'blob', id], { cwd, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' }, maxBuffer: options.maxFileBytes + 1 });
    if (out.status !== 0 || !out.stdout) throw Object.assign(new Error(`git cat-file blob ${id} failed`), { code: 'EIO' });
    blobsRead++;
    fetched.set(id, out.stdout);
    return out.stdout;
  };

  for (const e of parseLongListing(await git(cwd, ['ls-tree', '-r', '-z', '--long', '--full-tree', sha]))) {
    if (e.type !== 'blob') continue;
    const parts = e.path.split('/');
    // Refused in the order an export refuses them: unwritable names and symlinks as listed, then
    // blobs above the limit and names too long to create, as their bytes would arrive.
    if (parts.some((p) => p === '' || p === '.' || p === '..' || p.toLowerCase() === '.git')) early.push({ path: e.path, reason: 'unwritable', code: 'EINVAL', commit: sha });
    else if (e.mode === '120000') early.push({ path: e.path, reason: 'symlink', commit: sha });
    else if (e.size > options.maxFileBytes) late.push({ path: e.path, reason: 'too-large', size: e.size, limit: options.maxFileBytes, commit: sha });
    else if (parts.some((p) => Buffer.byteLength(p) > MAX_NAME_BYTES)) late.push({ path: e.path, reason: 'unwritable', code: 'ENAMETOOLONG', commit: sha });
    else if (e.path.startsWith(under)) {
      const rel = e.path.slice(under.length);
      const id = e.object;
      blobs.set(rel, { id, size: e.size, load: () => loadOne(id) });
      addToDirectories(dirs, rel);
    }
  }

  return {
    refused: [...early, ...late],
    entries(dirRel) {
      const names = dirs.get(dirRel);
      if (!names) throw Object.assign(new Error(`ENOENT: no such directory in commit ${sha}: ${dirRel}`), { code: 'ENOENT' });
      return [...names].map(([name, isDir]): ListedEntry => ({ name, isDirectory: () => isDir, isSymbolicLink: () => false }));
    },
    blob: (rel) => blobs.get(rel),
    files: () => blobs.entries(),
    get blobsRead() {
      return blobsRead;
    },
    async fetch(refs) {
      const wanted = new Map<string, BlobRef[]>();
      for (const ref of refs) {
        const known = ref.bytes ?? fetched.get(ref.id);
        if (known) ref.bytes = known;
        else wanted.set(ref.id, [...(wanted.get(ref.id) ?? []), ref]);
      }
      if (wanted.size === 0) return;
      const entries = [...wanted.keys()].map((object) => ({ mode: '100644', object, path: object }));
      await streamBlobs(cwd, entries, options.maxFileBytes, {
        tooLarge: () => {},
        write: async (entry, data) => {
          blobsRead++;
          fetched.set(entry.object, data);
          for (const ref of wanted.get(entry.object) ?? []) ref.bytes = data;
        },
      });
    },
  };
}

/** Registers `rel` (a kept file) and every directory above it. */
function addToDirectories(dirs: Map<string, Map<string, boolean>>, rel: string): void {
  let child = rel;
  let isDir = false;
  for (;;) {
    const slash = child.lastIndexOf('/');
    const parent = slash < 0 ? '' : child.slice(0, slash);
    const name = child.slice(slash + 1);
    const names = dirs.get(parent);
    if (names) {
      names.set(name, isDir);
      return;
    }
    dirs.set(parent, new Map([[name, isDir]]));
    if (parent === '') return;
    child = parent;
    isDir = true;
  }
}

/** `<mode> <type> <object> <size>\t<path>` records, NUL-separated (the size is `-` for a submodule). */
function parseLongListing(listing: string): Listed[] {
  const entries: Listed[] = [];
  for (const record of listing.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const [mode = '', type = '', object = '', size = '-'] = record.slice(0, tab).split(/ +/);
    entries.push({ mode, type, object, size: size === '-' ? 0 : Number(size), path: record.slice(tab + 1) });
  }
  return entries;
}
