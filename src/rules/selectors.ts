/**
 * Views over the model that several rules share: bindings by service, which statements can
 * collide on a host, and the "listen port" statements deploy files make.
 *
 * The per-service and per-host views come from one index per model, built on first use and
 * shared by every rule, so that rules asking "which bindings does this service have?" once
 * per reference or per service directory do a map look-up instead of scanning every binding
 * (which made them grow with services × bindings). Every list keeps model order, so a rule
 * that used to filter `model.bindings` sees the same bindings in the same order.
 */
import type { ProjectModel } from '../model/project.js';
import type { Binding } from '../core/statements.js';
import { NOT_DEPLOYED_HOST, PLAN_HOST } from '../core/statements.js';
import { quote } from '../core/quote.js';

/** The `source` of bindings made by the compose and Dockerfile extractors. */
export const COMPOSE_SOURCE = 'compose';
export const DOCKERFILE_SOURCE = 'dockerfile';

/** The canonical service name of a binding (extractors canonicalise already; aliases may be configured late). */
export function serviceOf(model: ProjectModel, b: { service: string }): string {
  return model.services.canonical(b.service);
}

/** True for a binding the registry made (plan or actual). */
export function isRegistryBinding(b: Binding): boolean {
  return b.kind === 'registry-plan' || b.kind === 'registry-actual';
}

/** True for a machine a process can really listen on: not the plan, not "not deployed". */
export function isMachineHost(host: string): boolean {
  return host !== PLAN_HOST && host !== NOT_DEPLOYED_HOST;
}

/**
 * Statements that claim a host port on a machine: registry actual entries, CLAUDE.md
 * declarations, source defaults and deploy bindings on the host network. Container-scoped
 * ports and weaker doc mentions never collide.
 */
export function claimsHostPort(b: Binding): boolean {
  if (!isMachineHost(b.host)) return false;
  switch (b.kind) {
    case 'registry-actual':
      return true;
    case 'source-default':
      // A default in the code of a service run as a container is the container's port.
      return b.network !== 'container';
    case 'service-doc':
      return b.strength === 'declaration';
    case 'deploy':
      return b.network !== 'container';
    default:
      return false;
  }
}

/** Bindings of one service (canonical name), in model order (a fresh array the caller may sort). */
export function bindingsOf(model: ProjectModel, service: string): Binding[] {
  return [...(modelIndex(model).byService.get(service) ?? [])];
}

/** CLAUDE.md declarations (strength `declaration`) in the model. */
export function docDeclarations(model: ProjectModel): Binding[] {
  return model.bindings.filter((b) => b.kind === 'service-doc' && b.strength === 'declaration');
}

/**
 * The port a statement says a process listens on inside its container or on its host:
 * a container-scoped port, the container side of a mapping, or the port of a process run
 * directly (plist, runner script, env file). Compose host mappings without a container side
 * say nothing about the listen port and give undefined.
 */
export function listenPort(b: Binding): number | undefined {
  if (b.kind !== 'deploy') return undefined;
  if (b.network === 'container') return b.port;
  if (b.containerPort !== undefined) return b.containerPort;
  if (b.source === COMPOSE_SOURCE) return undefined;
  return b.port;
}

/**
 * Where a statement's ports live: its host, or its host inside an independent compose project
 * (`scope`, model/scopes.ts), whose ports collide and agree only among themselves. For a
 * statement outside every such project the key is the host id itself.
 */
export function placeKey(host: string, scope?: string): string {
  return scope === undefined ? host : `${host}\0${scope}`;
}

/** `host `dev``, or `host `dev` in compose project `django``: where a place is, for messages. */
export function describePlace(host: string, scope?: string): string {
  return scope === undefined ? `host ${quote(host)}` : `host ${quote(host)} in compose project ${quote(scope)}`;
}

/**
 * True when a service other than `service` claims `port` on `host` (inside compose project
 * `scope`, if given). A fix that would write that port for `service` would record a
 * collision, so it is not certain and is not offered.
 */
export function takenByOther(model: ProjectModel, host: string, port: number, service: string, scope?: string): boolean {
  const who = modelIndex(model).claimants.get(`${placeKey(host, scope)}|${port}`);
  return who !== undefined && [...who].some((s) => s !== service);
}

/** What the rules look up per service, per host and per directory. Read-only: never mutate the lists. */
export interface ModelIndex {
  /** Bindings per canonical service name, in model order; a service with no bindings is absent. */
  byService: ReadonlyMap<string, readonly Binding[]>;
  /** Per place (`placeKey`: a host, or a host in an independent compose project), the ports that bindings claiming a host port there (see `claimsHostPort`) claim. */
  claimedPorts: ReadonlyMap<string, ReadonlySet<number>>;
  /** Per host, the ports claimed there in any place: the shared host and every independent compose project on it. */
  claimedOnHost: ReadonlyMap<string, ReadonlySet<number>>;
  /** Per `place|port`, the canonical services claiming it. */
  claimants: ReadonlyMap<string, ReadonlySet<string>>;
  /** Canonical names of the `services/<name>/` directories. */
  serviceDirNames: ReadonlySet<string>;
  /** The registry's "Real ports today" entries per canonical service, in registry order. */
  registryActualByService: ReadonlyMap<string, readonly Binding[]>;
}

/** A built index and the model arrays it was built from, to notice a model changed since. */
interface Memo {
  index: ModelIndex;
  inputs: readonly unknown[];
}

const memo = new WeakMap<ProjectModel, Memo>();

/** The arrays (and their lengths) an index depends on; a different one means the index is stale. */
function inputsOf(model: ProjectModel): unknown[] {
  const actual = model.registry?.actual;
  return [model.services, model.bindings, model.bindings.length, model.serviceDirs, model.serviceDirs.length, actual, actual?.length];
}

/**
 * The index of `model`, built once and reused by every rule of the run. Rebuilt when the
 * model's binding, directory or registry arrays were replaced or changed length (tests build
 * models by hand; the engine builds one and never changes it).
 */
export function modelIndex(model: ProjectModel): ModelIndex {
  const inputs = inputsOf(model);
  const known = memo.get(model);
  if (known && known.inputs.every((x, i) => x === inputs[i])) return known.index;
  const index = buildIndex(model);
  memo.set(model, { index, inputs });
  return index;
}

function buildIndex(model: ProjectModel): ModelIndex {
  const byService = new Map<string, Binding[]>();
  const claimedPorts = new Map<string, Set<number>>();
  const claimedOnHost = new Map<string, Set<number>>();
  const claimants = new Map<string, Set<string>>();
  for (const b of model.bindings) {
    const service = model.services.canonical(b.service);
    push(byService, service, b);
    if (!claimsHostPort(b)) continue;
    const place = placeKey(b.host, b.scope);
    const key = `${place}|${b.port}`;
    const who = claimants.get(key);
    if (who) who.add(service);
    else claimants.set(key, new Set([service]));
    const ports = claimedPorts.get(place);
    if (ports) ports.add(b.port);
    else claimedPorts.set(place, new Set([b.port]));
    const onHost = claimedOnHost.get(b.host);
    if (onHost) onHost.add(b.port);
    else claimedOnHost.set(b.host, new Set([b.port]));
  }
  const registryActualByService = new Map<string, Binding[]>();
  for (const b of model.registry?.actual ?? []) push(registryActualByService, model.services.canonical(b.service), b);
  const serviceDirNames = new Set(model.serviceDirs.map((d) => model.services.canonical(d.name)));
  return { byService, claimedPorts, claimedOnHost, claimants, serviceDirNames, registryActualByService };
}

function push(map: Map<string, Binding[]>, key: string, b: Binding): void {
  const list = map.get(key);
  if (list) list.push(b);
  else map.set(key, [b]);
}
