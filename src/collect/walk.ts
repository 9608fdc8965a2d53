/**
 * Lists the repository's files once: ignored paths pruned early, symlinks that leave the
 * workspace reported (never followed), service directories recognised on the way.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import picomatch from 'picomatch';
import { fileLocation } from '../model/location.js';
import type { InputProblem } from '../model/types.js';

export interface WalkedFile {
  /** Relative, `/`-separated. */
  path: string;
  abs: string;
  size: number;
}

export interface WalkResult {
  files: WalkedFile[];
  /** Directories matching a service glob, relative paths. */
  serviceDirs: string[];
  problems: InputProblem[];
}

/**
 * Walks `root`. `ignore` globs prune whole directories when they match `dir/**`;
 * `serviceGlobs` mark service directories.
 */
export function walk(root: string, ignore: string[], serviceGlobs: string[]): WalkResult {
  const isIgnored = picomatch(ignore, { dot: true });
  const isServiceDir = picomatch(serviceGlobs, { dot: true });
  const realRoot = realpathSync(root);
  const result: WalkResult = { files: [], serviceDirs: [], problems: [] };

  const visit = (dirRel: string) => {
    const dirAbs = dirRel ? join(root, dirRel) : root;
    let entries;
    try {
      entries = readdirSync(dirAbs, { withFileTypes: true });
    } catch (error) {
      result.problems.push(problem('input/unreadable', dirRel || '.', `Directory \`${dirRel || '.'}\` cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); its files were not checked.`));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const rel = dirRel ? `${dirRel}/${entry.name}` : entry.name;
      const abs = join(dirAbs, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(abs);
        } catch {
          continue; // a dangling link reads as nothing; not a port statement
        }
        const inside = target === realRoot || target.startsWith(realRoot + sep);
        if (!inside) {
          if (!isIgnored(rel) && !isIgnored(`${rel}/`)) {
            result.problems.push(problem('input/symlink-outside-workspace', rel, `\`${rel}\` is a symlink to \`${target}\`, outside the workspace; it was not read (expected links to stay inside the repository).`));
          }
          continue;
        }
        const stat = statSync(target);
        isDir = false; // never descend through links: no loops, no double counting
        isFile = stat.isFile();
      }
      if (isDir) {
        if (isIgnored(`${rel}/x`) || isIgnored(rel)) continue;
        if (isServiceDir(rel)) result.serviceDirs.push(rel);
        visit(rel);
      } else if (isFile) {
        if (isIgnored(rel)) continue;
        let size = 0;
        try {
          size = statSync(abs).size;
        } catch {
          continue;
        }
        result.files.push({ path: rel, abs, size });
      }
    }
  };
  visit('');
  return result;
}

/** An input problem pinned to line 1 of `path`. */
export function problem(ruleId: string, path: string, message: string): InputProblem {
  return { ruleId, message, location: fileLocation(path), key: path };
}
