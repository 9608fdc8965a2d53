/**
 * The port model: bindings, references and hosts, as every extractor produces them and every
 * rule reads them. Pure data; no I/O. A binding says what it states in semantic fields (its
 * role, host, network, runtime, exposure list), so no rule needs to know which file format
 * stated it; its `label` names the format for people.
 */
import type { Finding } from './finding.js';
import type { Location } from './location.js';

/** Where a binding was stated. Rules weigh statements by kind. */
export type BindingKind =
  | 'registry-plan' // a row in a planned range table of the registry
  | 'registry-actual' // an entry in the registry's "Real ports today" list
  | 'service-doc' // a service's CLAUDE.md
  | 'source-default' // a default in config.ts / main.py / config.go
  | 'deploy'; // compose, Dockerfile, plist, runner script, tunnel, env file, env generator

/** How strongly a statement claims the port (service docs mostly). */
export type Strength = 'declaration' | 'support' | 'weak';

/**
 * What a binding says about its port:
 * - `listen`: a process listens on it (a source default, `ENV PORT`, compose `environment:
 *   PORT`, a runner script's `--port`, a port a container or pod exposes);
 * - `publish`: a host port mapped to a container (the host side of compose `ports`);
 * - `doc`: a document states it (a service's CLAUDE.md, the registry's real ports);
 * - `plan`: the registry's plan assigns it.
 * A statement that expects a service at a port, rather than holding one, is a {@link Reference}.
 */
export type BindingRole = 'listen' | 'publish' | 'doc' | 'plan';

/**
 * How the deployment that makes a statement runs its service:
 * - `image`: a container image (a Dockerfile): the statement holds wherever the image runs;
 * - `container`: a container started on the file's host (compose);
 * - `cluster`: a pod of a cluster (Kubernetes), placed on the cluster's host;
 * - `process`: a process started directly on the host (a launchd plist, a runner script, an
 *   env file or env generator, a `package.json` script, a proxy's config).
 */
export type Runtime = 'image' | 'container' | 'cluster' | 'process';

/** The special host names. Named hosts are normalised with {@link normalizeHostName}. */
export const DEV_HOST = 'dev';
export const NOT_DEPLOYED_HOST = 'not-deployed';
/** The plan is a host of its own: planned ports bind no machine. */
export const PLAN_HOST = 'plan';

/** Service S listens on port P on host H, says location L. */
export interface Binding {
  service: string;
  port: number;
  /** Normalised host id: a named host, {@link DEV_HOST}, {@link NOT_DEPLOYED_HOST} or {@link PLAN_HOST}. */
  host: string;
  kind: BindingKind;
  /** What the statement says about the port (see {@link BindingRole}). */
  role: BindingRole;
  /** The format that said it, e.g. `registry`, `claude-md`, `typescript`, `compose`, `dockerfile`, `env`. */
  source: string;
  /** Where it was stated, for people, written by the extractor: `compose \`ports\``, `Dockerfile \`EXPOSE\``, `registry actual`. */
  label: string;
  strength: Strength;
  /** Location of the port number itself (the span a fix would replace). */
  location: Location;
  /** For a container port mapping (`'3041:3000'`), the port inside the container. */
  containerPort?: number;
  /**
   * `host` (default): the port is bound on the host's network and can collide there.
   * `container`: the port is inside a container (Dockerfile `EXPOSE`/`ENV PORT`, compose
   * `environment: PORT`, `expose:`); it never collides on the host, but deploy files must agree on it.
   */
  network?: 'host' | 'container';
  /** Free text kept for messages, e.g. `EXPOSE`, `ports`, `PORT=`, `## Port:`. */
  via?: string;
  /** For deploy statements: how the deployment runs the service (see {@link Runtime}). */
  runtime?: Runtime;
  /**
   * The list of exposed or published ports the statement is one entry of, named uniquely within
   * its file (a compose service's `ports`, its `expose:`, a Dockerfile's `EXPOSE`s, a pod's
   * ports). A service may expose several ports (its app port beside a metrics or debug port):
   * such a list must include the port the service listens on, not equal it.
   */
  exposure?: string;
  /**
   * True for a listen address (`KAFKA_LISTENERS`, nginx `listen`, an Envoy listener): one of the
   * ports a process listens on, possibly beside others, rather than a statement of *the* port.
   */
  listener?: boolean;
  /**
   * True when the statement only restates the service's code default for a developer's run (an
   * env file, an env generator): where the two disagree, writing the default back is certain.
   */
  mirrorsDefault?: boolean;
  /**
   * The names the service answers to where this binding was stated, lower-cased: a compose
   * service's key, `container_name`, `hostname` and network aliases. References by any of
   * them (a Prometheus target, another service's URL) resolve to this service.
   */
  names?: string[];
  /** The compose project the statement belongs to, when the repository has several (see model/scopes.ts). */
  project?: string;
  /**
   * The compose project whose own host the statement lives on: set when its project runs
   * independently of the others, so its ports collide and agree only inside that project.
   * Undefined for statements on the host shared by the whole repository.
   */
  scope?: string;
}

/** What kind of thing made a reference. */
export type ReferenceKind = 'url' | 'env-var' | 'scrape-target' | 'healthcheck' | 'tunnel' | 'env-generator';

/** A location that expects a service (or a host) at a port. */
export interface Reference {
  /** The service whose file makes the reference, when known. */
  fromService?: string;
  /** The host name as written (`mana-credits`, `localhost`, `192.168.178.11`). */
  target: string;
  port: number;
  kind: ReferenceKind;
  /** Host on which the reference is evaluated (where the caller runs). */
  host: string;
  /** True when `target` is a container-network name (compose service), so `port` is a container port. */
  containerNetwork?: boolean;
  /**
   * The service `target` names, when the file that makes the reference can tell: a compose
   * file knows each service's key, `container_name`, `hostname` and network aliases.
   */
  targetService?: string;
  /**
   * True when the reference points at its own service: a health check of `localhost` inside
   * the container, its own name in its own environment. It is no reference to another
   * service; at most it agrees with the service's own listen port.
   */
  self?: boolean;
  location: Location;
  source: string;
  /** The compose project the reference is made in, when the repository has several; its names resolve inside it. */
  project?: string;
  /** As {@link Binding.scope}: the independent compose project whose host the caller is on. */
  scope?: string;
}

/** A machine the registry or the config knows. */
export interface Host {
  /** Normalised id. */
  id: string;
  /** The label as first written (e.g. `Mac Mini (production)`). */
  label: string;
  aliases: string[];
  addresses: string[];
  location?: Location;
}

/** What an extractor found in one file. */
export interface Extraction {
  bindings: Binding[];
  references: Reference[];
  /** Input problems (malformed table, port 70000, binary file): findings of `input/*` rules (core/input-rules.ts). */
  problems: Finding[];
  /** Inline suppressions found in the file (`portwarden-ignore <rule>: <reason>`). */
  suppressions?: Suppression[];
}

/** `portwarden-ignore <rule>: <reason>` applies to its own line and the line below. */
export interface Suppression {
  file: string;
  line: number;
  ruleId: string;
  reason: string;
}

/** An empty {@link Extraction}. */
export function emptyExtraction(): Extraction {
  return { bindings: [], references: [], problems: [] };
}

/** Highest valid TCP port. */
export const MAX_PORT = 65535;

/** True for an integer in 1..65535. */
export function isValidPort(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= MAX_PORT;
}
