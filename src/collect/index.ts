/**
 * Collect: which files to read, which service directories exist, and which file is each
 * service's doc. Pure listing; nothing is parsed here.
 */
import picomatch from 'picomatch';
import type { Config } from '../config/types.js';
import { BUILTIN_IGNORES } from '../config/defaults.js';
import type { ServiceDir } from '../model/project.js';
import type { InputProblem } from '../model/types.js';
import type { RefusedPath } from './read.js';
import { walk, type WalkedFile } from './walk.js';

export interface Collected {
  files: WalkedFile[];
  serviceDirs: ServiceDir[];
  /** Paths of service docs (matching `service-docs`). */
  serviceDocs: Set<string>;
  problems: InputProblem[];
  /** Service owning a path through its directory, or undefined. */
  ownerOf(path: string): string | undefined;
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
  const serviceDirs: ServiceDir[] = walked.serviceDirs.map((dir) => {
    const doc = `${dir}/CLAUDE.md`;
    return { name: byDir.get(dir) ?? dir, path: dir, ...(serviceDocs.has(doc) ? { doc } : {}) };
  });
  return {
    files: walked.files,
    serviceDirs,
    serviceDocs,
    problems: walked.problems,
    ownerOf(path) {
      // The deepest service directory containing the path owns it.
      for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) {
        const name = byDir.get(path.slice(0, i));
        if (name) return name;
      }
      return undefined;
    },
  };
}
