/**
 * The engine, left to right: collect (which files, services, hosts) → extract (bindings and
 * references per file, and input problems) → model (everything placed on a host,
 * model/build.ts) → rules (findings) with the input problems beside them → suppressions. The
 * CLI and the Action both call {@link check}; nothing here knows GitHub.
 */
import { performance } from 'node:perf_hooks';
import { collect } from './collect/index.js';
import { readConfigFile } from './collect/config-file.js';
import type { RefusedPath } from './collect/read.js';
import type { ListedTree } from './collect/walk.js';
import { defaultConfig } from './config/defaults.js';
import { parseConfig } from './config/parse.js';
import type { Config } from './config/types.js';
import { extractAll } from './extract/index.js';
import type { ExtractionCache } from './extract/cache.js';
import type { CommitTree } from './git/commit-tree.js';
import type { Finding } from './core/finding.js';
import { sortFindings } from './core/finding.js';
import type { ProjectModel } from './model/project.js';
import { build } from './model/build.js';
import { allRules, catalogue } from './rules/index.js';
import { inputFindings, runRules } from './rules/rule.js';
import { suppress } from './rules/suppress.js';

export interface CheckOptions {
  /** Repository root. */
  root: string;
  /** Config path (relative to root or absolute); default `.github/portwarden.yml` when present. */
  configPath?: string;
  /** Use the defaults and do not look for a config in the tree (a pull request's own config is not trusted). */
  defaultConfig?: boolean;
  /**
   * Files to report under another path (old → new, relative to root). A pull request's base
   * is checked with its renamed files under their new names, so moving a file does not make
   * its old findings look new.
   */
  renames?: ReadonlyMap<string, string>;
  /**
   * Files of the checked tree that were not written under `root` (a tree export refused a
   * symlink or a blob above the limit), relative to root. Each becomes the input problem its
   * reason calls for, when the path is one portwarden would have read.
   */
  refused?: readonly RefusedPath[];
  /**
   * The tree to check, listed from a commit (git/commit-tree.ts): `root` is then only the
   * name of its top; no file is read from disk (but a config outside the tree).
   */
  tree?: CommitTree;
  /** Extraction results shared with another check of the same run (extract/cache.ts). */
  cache?: ExtractionCache;
}

export interface CheckResult {
  /** Sorted; suppressed findings removed; input problems included as `input/*` findings. */
  findings: Finding[];
  /** Findings silenced by `portwarden-ignore` comments. */
  suppressed: Finding[];
  model: ProjectModel;
  config: Config;
  stats: { files: number; parsed: number; ms: number };
  /** Files read and extracted, and files whose extraction came from the cache instead (see {@link CheckOptions.cache}). */
  extraction: { extracted: number; reused: number };
}

/** The loaded config and the file it came from (undefined when defaults were used). */
export interface LoadedConfig {
  config: Config;
  path?: string;
}

/**
 * Loads the config for the repository at `root`: collect reads the file through the safe
 * reader, config parses the text against the rule catalogue. `explicitPath` (from `--config`)
 * must exist; otherwise a missing file means the defaults. Throws ConfigError.
 */
export function loadConfig(root: string, explicitPath?: string, tree?: ListedTree): LoadedConfig {
  const file = readConfigFile(root, explicitPath, tree);
  return file ? { config: parseConfig(file.shown, file.text, catalogue), path: file.path } : { config: defaultConfig() };
}

/** Runs the whole pipeline on the repository at `options.root`. Throws ConfigError on a bad config. */
export async function check(options: CheckOptions): Promise<CheckResult> {
  const started = performance.now();
  const { tree, cache } = options;
  const { config } = options.defaultConfig ? { config: defaultConfig() } : loadConfig(options.root, options.configPath, tree);
  const collected = collect(options.root, config, options.renames, options.refused, tree);
  const { extracted, parsed, extraction } = await extractAll(collected, config, { ...(cache ? { cache } : {}), ...(tree ? { fetch: (blobs) => tree.fetch(blobs) } : {}) });
  const model = build(extracted, { paths: collected.files.map((f) => f.path), serviceDirs: collected.serviceDirs, discovered: collected.discovered, inContainer: (path) => collected.inContainer(path) }, config);
  const found = runRules(allRules, model, config.rules);
  const problems = inputFindings(model.problems, config.rules);
  const { kept, suppressed } = suppress([...found, ...problems], model.suppressions);
  return {
    findings: sortFindings(kept),
    suppressed: sortFindings(suppressed),
    model,
    config,
    stats: { files: collected.files.length, parsed, ms: Math.round(performance.now() - started) },
    extraction,
  };
}
