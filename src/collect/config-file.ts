/**
 * Finds and reads the config file (`--config`, the `config` input, or the default places)
 * through the safe reader, like every repository file: a pull request's files are data. The
 * text goes to config/parse.ts; this module only decides which file and whether it may be read.
 */
import { lstatSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { createLocator } from '../core/location.js';
import { DEFAULT_CONFIG_PATHS, MAX_CONFIG_BYTES } from '../config/defaults.js';
import { ConfigError } from '../config/types.js';
import { readRepoFile, readText, type ReadResult, type Refusal } from './read.js';
import type { ListedTree } from './walk.js';

/** The config's text, the path it was found at, and the name messages give it. */
export interface ConfigFile {
  /** Where it was found (absolute when the root is). */
  path: string;
  /** Relative to the root, `/`-separated, when inside it; else as given. */
  shown: string;
  text: string;
}

/**
 * Reads the config for the repository at `root`. `explicitPath` (from `--config`) must exist;
 * otherwise the default locations are tried and a missing file is undefined (the defaults).
 * Throws {@link ConfigError} naming the file (and line) when it cannot be read as text. With a
 * listed `tree` (a commit read from git objects), a config inside the root is looked up in the
 * tree: only a blob the listing kept is there, as in a written-out tree.
 */
export function readConfigFile(root: string, explicitPath?: string, tree?: ListedTree): ConfigFile | undefined {
  const candidates = explicitPath ? [isAbsolute(explicitPath) ? explicitPath : join(root, explicitPath)] : DEFAULT_CONFIG_PATHS.map((p) => join(root, p));
  const inTree = (p: string) => (tree && isInside(root, p) ? tree.blob(relative(root, p).split(sep).join('/')) : undefined);
  // lstat, not exists: a dangling symlink is a config that is refused, not a missing one.
  const path = candidates.find((p) => (tree && isInside(root, p) ? inTree(p) !== undefined : lstatSync(p, { throwIfNoEntry: false }) !== undefined));
  if (!path) {
    if (explicitPath) throw new ConfigError(`Config file \`${explicitPath}\` does not exist.`);
    return undefined;
  }
  // A config in the repository is read like every repository file: no symlink anywhere on its
  // path, a regular file, bounded, text. One given outside the repository is the caller's
  // own, read with the same rules from its directory.
  const inRepo = isInside(root, path);
  const shown = inRepo ? relative(root, path).split(sep).join('/') : path;
  const blob = inTree(path);
  const read: ReadResult = blob
    ? readText({ path: shown, root, abs: path, blob }, MAX_CONFIG_BYTES)
    : inRepo
      ? readRepoFile(root, relative(root, path), MAX_CONFIG_BYTES, shown)
      : readRepoFile(dirname(path), basename(path), MAX_CONFIG_BYTES, shown);
  if ('problem' in read) throw new ConfigError(refusedConfig(shown, read.refusal));
  // The reader looks for NUL only in the first 8 KiB (enough to tell a binary file); a config
  // is small and must be text throughout.
  const nul = read.text.indexOf('\0');
  if (nul >= 0) throw new ConfigError(`${shown}:${createLocator(shown, read.text).range(nul, nul).line}: the config contains a NUL byte; expected UTF-8 text.`);
  return { path, shown, text: read.text };
}

/** True when `path` lies under `root`. */
function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return !rel.startsWith('..') && !isAbsolute(rel);
}

/** The reader's refusal of the config file, as a config error naming the file (and line). */
function refusedConfig(file: string, r: Refusal): string {
  switch (r.kind) {
    case 'symlink':
      return r.inside
        ? `Config file \`${file}\` is${r.link === file ? '' : ` under \`${r.link}\`,`} a symlink${r.target ? ` to \`${r.target}\`` : ''}; expected a regular file (symlinks are never followed).`
        : `Config file \`${file}\` is${r.link === file ? '' : ` under \`${r.link}\`,`} a symlink to \`${r.target}\`, outside the repository; expected a file inside it.`;
    case 'not-regular':
      return `Config file \`${file}\` is ${r.what}; expected a regular file.`;
    case 'too-large':
      return `Config file \`${file}\` is ${r.grew ? `more than ${r.limit}` : r.size} bytes; expected at most ${MAX_CONFIG_BYTES}.`;
    case 'binary':
      return `${file}:${r.line}: the config contains a NUL byte; expected UTF-8 text.`;
    case 'not-utf8':
      return `${file}:${r.line}: the config is not valid UTF-8; expected UTF-8 text.`;
    case 'unreadable':
      return r.code === 'ENOENT' ? `Config file \`${file}\` does not exist.` : `Config file \`${file}\` cannot be read (${r.code}).`;
    default:
      return `Config file \`${file}\` cannot be read.`;
  }
}
