/**
 * The engine, left to right: collect (which files, services, hosts) → extract (bindings and
 * references per file) → model (everything placed on a host) → rules (findings) →
 * suppressions. The CLI and the Action both call {@link check}; nothing here knows GitHub.
 */
import { performance } from 'node:perf_hooks';
import { applySuppressions } from './collect/suppressions.js';
import { collect } from './collect/index.js';
import type { RefusedPath } from './collect/read.js';
import { defaultConfig } from './config/defaults.js';
import { loadConfig } from './config/load.js';
import type { Config } from './config/types.js';
import { extractAll } from './extract/index.js';
import type { Finding, Severity } from './core/finding.js';
import { fingerprint, sortFindings } from './core/finding.js';
import type { ProjectModel } from './model/project.js';
import { scopeComposeProjects } from './model/scopes.js';
import type { InputProblem } from './core/statements.js';
import { allRules } from './rules/index.js';
import { ruleUrl, runRules } from './rules/rule.js';

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
}

export interface CheckResult {
  /** Sorted; suppressed findings removed; input problems included as `input/*` findings. */
  findings: Finding[];
  /** Findings silenced by `portwarden-ignore` comments. */
  suppressed: Finding[];
  model: ProjectModel;
  config: Config;
  stats: { files: number; parsed: number; ms: number };
}

/** Runs the whole pipeline on the repository at `options.root`. Throws ConfigError on a bad config. */
export async function check(options: CheckOptions): Promise<CheckResult> {
  const started = performance.now();
  const { config } = options.defaultConfig ? { config: defaultConfig() } : loadConfig(options.root, options.configPath);
  const collected = collect(options.root, config, options.renames, options.refused);
  const { model, parsed } = await extractAll(options.root, collected, config);
  scopeComposeProjects(model, collected.files.map((f) => f.path), config.composeProjects);
  const raw = [...runRules(allRules, model, config.rules), ...problemFindings(model.problems, config)];
  const { kept, suppressed } = applySuppressions(raw, model.suppressions);
  return {
    findings: sortFindings(kept),
    suppressed: sortFindings(suppressed),
    model,
    config,
    stats: { files: collected.files.length, parsed, ms: Math.round(performance.now() - started) },
  };
}

/** Default severities of input problems: an impossible port is an error, a link inside the repository or a tree without services a notice, the rest warnings. */
const INPUT_SEVERITY: Record<string, Severity> = { 'input/invalid-port': 'error', 'input/symlink-not-followed': 'notice', 'input/no-services': 'notice' };

/**
 * The default severity of an input problem. A registry missing at the default path is a notice:
 * most repositories keep none, and the rules that need one are skipped; a registry the config
 * names and the repository lacks is a warning.
 */
function inputSeverity(ruleId: string, config: Config): Severity {
  if (ruleId === 'input/missing-registry') return config.registry === defaultConfig().registry ? 'notice' : 'warning';
  return INPUT_SEVERITY[ruleId] ?? 'warning';
}

/** Input problems become findings like any rule's, so they reach every reporter. */
function problemFindings(problems: InputProblem[], config: Config): Finding[] {
  const findings: Finding[] = [];
  for (const p of problems) {
    const setting = config.rules[p.ruleId] ?? config.rules['input/*'];
    if (setting === 'off') continue;
    findings.push({
      ruleId: p.ruleId,
      severity: setting ?? inputSeverity(p.ruleId, config),
      message: p.message,
      location: p.location,
      related: [],
      fingerprint: fingerprint(p.ruleId, p.key),
      url: ruleUrl(p.ruleId),
    });
  }
  return findings;
}
