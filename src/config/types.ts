/**
 * The configuration (`.github/portwarden.yml`, or `--config`), after validation and defaults.
 * Its JSON Schema is `schema/portwarden.schema.json`.
 */
import type { RuleSetting } from '../core/rule-meta.js';

export interface HostConfig {
  /** Host name; matched loosely against the registry's labels. */
  name: string;
  aliases: string[];
  addresses: string[];
  /** Globs of files that describe this host (compose files, plists, tunnel configs). */
  files: string[];
}

/** One `compose-projects:` entry: a project name and the globs of its compose files. */
export interface ComposeProjectConfig {
  name: string;
  files: string[];
}

export interface Config {
  /** Path of the registry, relative to the repo root. */
  registry: string;
  /** Globs of service directories (each match is one service, named after the directory). */
  services: string[];
  /** Globs of service docs. */
  serviceDocs: string[];
  /** Extra path globs to skip, on top of the built-in ones (lock files, vendored, generated). */
  ignore: string[];
  hosts: HostConfig[];
  /**
   * Compose files deployed together as one project (one `docker compose -f … -f …` across
   * directories). Without it, the compose files of one directory are one project, and
   * projects in different directories never share a host or service names.
   */
  composeProjects: ComposeProjectConfig[];
  /** Old or alternative service name → canonical name. */
  aliases: Record<string, string>;
  /** Rule id → severity or `off`. */
  rules: Record<string, RuleSetting>;
  /** Files larger than this many bytes are skipped with an `input/file-too-large` finding. */
  maxFileBytes: number;
  /**
   * On `pull_request_target`, whether `portwarden-ignore` directives the pull request itself
   * adds or widens may silence findings (default false: they are listed and not applied).
   */
  allowNewSuppressionsOnPrTarget: boolean;
  /** How `/assign-port` and `portwarden assign` choose a port. */
  assignPort: AssignPortConfig;
}

/** `assign-port:`: ports never assigned, and whether a port is unique across hosts or per host. */
export interface AssignPortConfig {
  /** Inclusive ranges never assigned (a single port is a range of one). */
  deny: { start: number; end: number }[];
  /** `across-hosts` (default): a port used on any host is taken. `per-host`: only uses on the plan and on the service's host count. */
  unique: 'across-hosts' | 'per-host';
}

/** A config problem: names the key (and file and line when known) and the accepted form. Exit code 2. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}
