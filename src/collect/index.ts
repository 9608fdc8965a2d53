/**
 * Collect: which files to read, which services exist and which folder each owns, and which
 * file is each service's doc. Services are the directories the config's `services:` globs
 * declare, and those discovery finds (discover.ts); a declared directory wins over a found one.
 */
import picomatch from 'picomatch';
import type { Config } from '../config/types.js';
import { BUILTIN_IGNORES } from '../config/defaults.js';
import type { ServiceDir } from '../core/services.js';
import type { Finding } from '../core/finding.js';
import { readText, type RefusedPath } from './read.js';
import { walk, type WalkedFile } from './walk.js';
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
  /** Service owning a path through its directory (declared or discovered), or undefined. */
  ownerOf(path: string): string | undefined;
  /** True when the service owning `path` is a discovered one that deploy files run as a container. */
  inContainer(path: string): boolean;
}

/**
 * Lists the repository at `root`; `renames` (old → new path) reports files under new names;
 * `refused` are files of the tree that were not written under `root` (a tree export's refusals).
 */
export function collect(root: string, config: Config, renames?: ReadonlyMap<string, string>, refused?: readonly RefusedPath[]): Collected {
  const walked = walk(root, [...BUILTIN_IGNORES, ...config.ignore], config.services, refused);
  if (renames?.size) for (const f of walked.files) f.path = renames.get(f.path) ?? f.path;
  const isDoc = picomatch(config.serviceDocs, { dot: true });
  const serviceDocs = new Set(walked.files.filter((f) => isDoc(f.path)).map((f) => f.path));
  const byDir = new Map(walked.serviceDirs.map((dir) => [dir, dir.slice(dir.lastIndexOf('/') + 1)]));
  const found = discover(walked.files, walked.serviceDirs, config.maxFileBytes, rootEnv(walked.files, config.maxFileBytes));
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

/** The root `.env` values, for `${VAR}` in compose `build:` paths; none when it is absent or refused. */
function rootEnv(files: readonly WalkedFile[], maxBytes: number): Map<string, string> {
  const file = files.find((f) => f.path === '.env');
  const read = file ? readText(file, maxBytes) : undefined;
  if (!read || !('text' in read)) return new Map();
  try {
    return new Map([...parseDotenv(read.text)].map(([k, v]) => [k, v.value]));
  } catch {
    return new Map();
  }
}
