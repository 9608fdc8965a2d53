/**
 * Collect: which files to read, which services exist and which folder each owns, and which
 * file is each service's doc. Services are the directories the config's `services:` globs
 * declare, and those discovery finds (discover.ts); a declared directory wins over a found one.
 */
import type { Config } from '../config/types.js';
import { BUILTIN_IGNORES } from '../config/defaults.js';
import type { ServiceDir } from '../core/services.js';
import type { Finding } from '../core/finding.js';
import { globMatcher } from '../core/glob-matcher.js';
import { join } from 'node:path';
import { readRepoFile, readText, type RefusedPath } from './read.js';
import { walk, type ListedTree, type WalkedFile } from './walk.js';
import { discover, type DiscoveredService } from './discover.js';
import { parseDotenv } from './dotenv.js';

export interface Collected {
  files: WalkedFile[];
  serviceDirs: ServiceDir[];
  /** Services found outside the declared directories, each with the folder it owns. */
  discovered: DiscoveredService[];
  /** Names deploy files give services (compose keys, Kubernetes workloads), with or without a folder. */
  deployNames: string[];
  /** True when a compose file or Kubernetes manifest declares services (even ones without a folder here). */
  deployServices: boolean;
  /** Paths of service docs (matching `service-docs`). */
  serviceDocs: Set<string>;
  problems: Finding[];
  /** The root `.env`, read once for discovery and for the extractors' `${VAR}` values. */
  rootEnv: RootEnv;
  /** Service owning a path through its directory (declared or discovered), or undefined. */
  ownerOf(path: string): string | undefined;
  /** True when the service owning `path` is a discovered one that deploy files run as a container. */
  inContainer(path: string): boolean;
}

/**
 * Lists the repository at `root`; `renames` (old → new path) reports files under new names;
 * `refused` are files of the tree that were not written under `root` (a tree export's refusals);
 * `tree` is listed and read instead of the directory (a commit read from git objects).
 */
export function collect(root: string, config: Config, renames?: ReadonlyMap<string, string>, refused?: readonly RefusedPath[], tree?: ListedTree): Collected {
  const walked = walk(root, [...BUILTIN_IGNORES, ...config.ignore], config.services, refused, tree);
  if (renames?.size) for (const f of walked.files) f.path = renames.get(f.path) ?? f.path;
  const isDoc = globMatcher(config.serviceDocs);
  const serviceDocs = new Set(walked.files.filter((f) => isDoc(f.path)).map((f) => f.path));
  const byDir = new Map(walked.serviceDirs.map((dir) => [dir, dir.slice(dir.lastIndexOf('/') + 1)]));
  const env = readRootEnv(root, config.maxFileBytes, tree);
  const found = discover(walked.files, walked.serviceDirs, config.maxFileBytes, env.values);
  for (const s of found.services) if (!byDir.has(s.path)) byDir.set(s.path, s.name);
  const containers = new Set(found.services.filter((s) => s.container).map((s) => s.path));
  /** The deepest service directory containing `path`. */
  const ownerDir = (path: string): string | undefined => {
    for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) if (byDir.has(path.slice(0, i))) return path.slice(0, i);
    return undefined;
  };
  const serviceDirs: ServiceDir[] = walked.serviceDirs.map((dir) => {
    const doc = `${dir}/CLAUDE.md`;
    return { name: byDir.get(dir) ?? dir, path: dir, ...(serviceDocs.has(doc) ? { doc } : {}) };
  });
  return {
    files: walked.files,
    serviceDirs,
    discovered: found.services,
    deployNames: found.deployNames,
    deployServices: found.composeServices || found.deployNames.length > 0,
    serviceDocs,
    problems: walked.problems,
    rootEnv: env,
    ownerOf(path) {
      // The deepest service directory containing the path owns it.
      const dir = ownerDir(path);
      return dir === undefined ? undefined : byDir.get(dir);
    },
    inContainer(path) {
      const dir = ownerDir(path);
      return dir !== undefined && containers.has(dir);
    },
  };
}

/** The root `.env`: its values and the line of each; `problem` when it exists and was refused. */
export interface RootEnv {
  values: Map<string, string>;
  lines: Map<string, number>;
  problem?: Finding;
}

/**
 * The repository's root `.env`, for `${PORT:-3001}` in compose files and `${VAR}` in their
 * `build:` paths, read through the safe reader: a root `.env` that is a symlink (say, to
 * `.git/config`), a FIFO, a device or too large is refused, and its values are not used. No
 * `.env` is an empty map and no problem. In a listed `tree`, only a blob the listing kept is read
 * (what it refused is not there, as in a written-out tree).
 */
function readRootEnv(root: string, maxBytes: number, tree?: ListedTree): RootEnv {
  const none = { values: new Map<string, string>(), lines: new Map<string, number>() };
  const blob = tree?.blob('.env');
  if (tree && !blob) return none;
  const read = blob ? readText({ path: '.env', root, abs: join(root, '.env'), blob }, maxBytes) : readRepoFile(root, '.env', maxBytes);
  if ('problem' in read) return read.refusal.kind === 'unreadable' && read.refusal.code === 'ENOENT' ? none : { ...none, problem: read.problem };
  try {
    const parsed = [...parseDotenv(read.text)];
    return { values: new Map(parsed.map(([k, v]) => [k, v.value])), lines: new Map(parsed.map(([k, v]) => [k, v.line])) };
  } catch {
    return none;
  }
}

