/**
 * Views over the model that several rules share: bindings by service, the registry's real
 * ports by service, the service directories' names, and what a single binding says about
 * where its process listens.
 *
 * The per-service views come from one index per model, built on first use and shared by every
 * rule, so that rules asking "which bindings does this service have?" once per reference or
 * per service directory do a map look-up instead of scanning every binding (which made them
 * grow with services × bindings). Every list keeps model order, so a rule that used to filter
 * `model.bindings` sees the same bindings in the same order.
 */
import type { Binding } from '../core/statements.js';
import { NOT_DEPLOYED_HOST, PLAN_HOST } from '../core/statements.js';
import type { ProjectModel } from './project.js';

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
 * Where a statement's ports live: its host, or its host inside an independent compose project
 * (`scope`, model/scopes.ts), whose ports collide and agree only among themselves. For a
 * statement outside every such project the key is the host id itself.
 */
export function placeKey(host: string, scope?: string): string {
  return scope === undefined ? host : `${host}\0${scope}`;
}

/**
 * The port a deploy statement says a process listens on inside its container or on its host:
 * a container-side port, the container side of a mapping, or the port of a process run
 * directly. A container's statement on the host's network without a container side (the host
 * side of a mapping, a service on the host's network) says nothing certain about it: undefined.
 */
export function listenPort(b: Binding): number | undefined {
  if (b.kind !== 'deploy') return undefined;
  if (b.network === 'container') return b.port;
  if (b.containerPort !== undefined) return b.containerPort;
  if (b.runtime === 'container') return undefined;
  return b.port;
}

/** CLAUDE.md declarations (strength `declaration`) in the model. */
export function docDeclarations(model: ProjectModel): Binding[] {
  return model.bindings.filter((b) => b.kind === 'service-doc' && b.strength === 'declaration');
}

/** Bindings of one service (canonical name), in model order (a fresh array the caller may sort). */
export function bindingsOf(model: ProjectModel, service: string): Binding[] {
  return [...(views(model).byService.get(service) ?? [])];
}

/** What the rules look up per service and per directory. Read-only: never mutate the lists. */
export interface ModelViews {
  /** Bindings per canonical service name, in model order; a service with no bindings is absent. */
  byService: ReadonlyMap<string, readonly Binding[]>;
  /** Canonical names of the `services/<name>/` directories. */
  serviceDirNames: ReadonlySet<string>;
  /** The registry's "Real ports today" entries per canonical service, in registry order. */
  registryActualByService: ReadonlyMap<string, readonly Binding[]>;
}

const viewsMemo = new WeakMap<ProjectModel, Memo<ModelViews>>();

/** The per-service views of `model`, built once and reused by every rule of the run. */
export function views(model: ProjectModel): ModelViews {
  return memoised(viewsMemo, model, () => {
    const byService = new Map<string, Binding[]>();
    for (const b of model.bindings) push(byService, model.services.canonical(b.service), b);
    const registryActualByService = new Map<string, Binding[]>();
    for (const b of model.registry?.actual ?? []) push(registryActualByService, model.services.canonical(b.service), b);
    const serviceDirNames = new Set(model.serviceDirs.map((d) => model.services.canonical(d.name)));
    return { byService, serviceDirNames, registryActualByService };
  });
}

/** A value computed from a model, and the model arrays it was computed from, to notice a model changed since. */
export interface Memo<T> {
  value: T;
  inputs: readonly unknown[];
}

/** The arrays (and their lengths) a derived value depends on; a different one means it is stale. */
function inputsOf(model: ProjectModel): unknown[] {
  const actual = model.registry?.actual;
  return [model.services, model.bindings, model.bindings.length, model.serviceDirs, model.serviceDirs.length, actual, actual?.length];
}

/**
 * The value `build` computes from `model`, cached in `memo`. Computed again when the model's
 * binding, directory or registry arrays were replaced or changed length (tests build models by
 * hand; the engine builds one and never changes it once built).
 */
export function memoised<T>(memo: WeakMap<ProjectModel, Memo<T>>, model: ProjectModel, build: () => T): T {
  const inputs = inputsOf(model);
  const known = memo.get(model);
  if (known && known.inputs.every((x, i) => x === inputs[i])) return known.value;
  const value = build();
  memo.set(model, { value, inputs });
  return value;
}

/** Appends `item` to the list under `key`. */
export function push<K, V>(map: Map<K, V[]>, key: K, item: V): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}
