/**
 * Lists the repository's files once: ignored paths pruned early, service directories
 * recognised on the way. Nothing is followed or opened here: a symlink, FIFO, socket or
 * device is listed like a file, and the safe reader (read.ts) refuses it, with a finding,
 * only if some extractor asks for that path, so a tree full of irrelevant links stays quiet.
 */
import { readdirSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import type { Finding } from '../core/finding.js';
import { globMatcher } from '../core/glob-matcher.js';
import { problem } from '../core/input-rules.js';
import type { BlobRef, FileToRead, RefusedPath } from './read.js';
import { quote } from '../core/quote.js';

export interface WalkedFile extends FileToRead {
  /** Relative, `/`-separated: the name findings use. */
  path: string;
  /** Where it is on disk (under `root`). */
  abs: string;
  /** The walked root. */
  root: string;
}

export interface WalkResult {
  files: WalkedFile[];
  /** Directories matching a service glob, relative paths. */
  serviceDirs: string[];
  problems: Finding[];
}

/** One entry of a directory, as `readdir` describes it. */
export interface ListedEntry {
  name: string;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}

/**
 * A tree that is not on disk (a git commit's, collect/git-tree.ts): the entries of each of
 * its directories (throwing like `readdir` for a directory it lacks), and the blob behind each file.
 */
export interface ListedTree {
  entries(dirRel: string): ListedEntry[];
  blob(rel: string): BlobRef | undefined;
}

/**
 * Names that no ignore pattern written for real paths should match all at once. A directory
 * is pruned when the ignore globs match the directory itself, or match every one of these
 * under it: `legacy/**` prunes `legacy`, while a pattern for every file named `x` prunes no directory.
 */
const PRUNE_PROBES = ['portwarden-probe', '.portwarden-probe.d/p.q', 'Portwarden Probe/x/y.z'];

/** True when `isIgnored` covers everything under directory `rel`. */
export function coversDirectory(isIgnored: (path: string) => boolean, rel: string): boolean {
  return isIgnored(rel) || PRUNE_PROBES.every((probe) => isIgnored(`${rel}/${probe}`));
}

/**
 * Walks `root`. `ignore` globs prune files and whole directories; `serviceGlobs` mark service
 * directories. `refused` lists files that belong to the tree but were never written under
 * `root` (see {@link RefusedPath}): they are listed like the others, so the same ignore globs
 * and the same reader decide whether they become findings. `tree`, when given, is listed
 * instead of the directory `root` (nothing is then read from disk), its files carrying their blobs.
 */
export function walk(root: string, ignore: string[], serviceGlobs: string[], refused: readonly RefusedPath[] = [], tree?: ListedTree): WalkResult {
  const isIgnored = globMatcher(ignore);
  const isServiceDir = globMatcher(serviceGlobs);
  const result: WalkResult = { files: [], serviceDirs: [], problems: [] };

  // Paths on disk are built by appending names to their directory's, not by path.join (which
  // normalises the whole path again, twice per entry): `prefix + name` is `join(dir, name)`.
  const visit = (dirRel: string, dirAbs: string, prefix: string) => {
    let entries: ListedEntry[];
    try {
      entries = tree ? tree.entries(dirRel) : readdirSync(dirAbs, { withFileTypes: true });
    } catch (error) {
      result.problems.push(problem('input/unreadable', dirRel || '.', `Directory ${quote(dirRel || '.')} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); its files were not checked.`));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const rel = dirRel ? `${dirRel}/${entry.name}` : entry.name;
      const abs = prefix + entry.name;
      if (entry.isDirectory()) {
        if (coversDirectory(isIgnored, rel)) continue;
        if (isServiceDir(rel)) result.serviceDirs.push(rel);
        visit(rel, abs, abs + sep);
        continue;
      }
      if (isIgnored(rel)) continue;
      if (entry.isSymbolicLink() && isServiceDir(rel)) {
        // Never descended: a linked service directory would read files from wherever it points.
        result.problems.push(problem('input/symlink-not-followed', rel, `${quote(rel)} matches a service directory glob but is a symlink; symlinks are never followed, so its files were not checked (expected a directory).`));
        continue;
      }
      // No stat here: the listing already says what each entry is, and the reader checks the
      // size and kind of the file it opens (most listed files are never opened at all). On
      // disk, every directory above it was listed as a directory, never a link: the reader is told.
      const blob = tree?.blob(rel);
      result.files.push(blob ? { path: rel, abs, root, blob } : tree ? { path: rel, abs, root } : { path: rel, abs, root, walked: true });
    }
  };
  visit('', root, prefixOf(root));
  if (refused.length === 0) return result;
  const listed = new Set(result.files.map((f) => f.path));
  for (const r of refused) {
    if (listed.has(r.path) || isIgnored(r.path) || ancestors(r.path).some((dir) => coversDirectory(isIgnored, dir))) continue;
    if (r.reason === 'symlink' && isServiceDir(r.path)) {
      result.problems.push(problem('input/symlink-not-followed', r.path, `${quote(r.path)} matches a service directory glob but is a symlink; symlinks are never followed, so its files were not checked (expected a directory).`));
      continue;
    }
    result.files.push({ path: r.path, abs: join(root, r.path), root, refused: r });
  }
  return result;
}

/** `dir` with a separator after it, so that `prefixOf(dir) + name` is `join(dir, name)`. */
function prefixOf(dir: string): string {
  const normal = normalize(dir);
  if (normal === '.') return '';
  return normal.endsWith(sep) ? normal : normal + sep;
}

/** `a/b/c` → `a`, `a/b`. */
function ancestors(path: string): string[] {
  const out: string[] = [];
  for (let i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) out.push(path.slice(0, i));
  return out;
}
