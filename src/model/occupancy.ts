/**
 * Occupancy: who holds port P on host H (in compose project S), and by which evidence. One
 * definition of "holds a host port" for everyone: the rules (collisions, whether a fix would
 * write a port another service holds, whether anything answers a reference), the port map of
 * the summary comment, and the `/assign-port` allocator.
 *
 * A binding holds its port on its host when it is stated for a machine (not the plan, not
 * "not deployed"), on the host's network (a port inside a container holds nothing there), and
 * as a claim: a process listens there, a container publishes it, the registry's real ports
 * list it, or a service's CLAUDE.md declares it. A doc's supporting or weak mention of a port
 * (an env table row, a diagram) is no claim; the port map, which shows what every file says,
 * asks for `mentions` and lists those too.
 */
import type { Binding } from '../core/statements.js';
import type { ProjectModel } from './project.js';
import { isMachineHost, memoised, placeKey, push, type Memo } from './views.js';

/** Which statements hold a port: `claims` (the default), or `mentions`: claims and a doc's weaker mentions too. */
export type Evidence = 'claims' | 'mentions';

/** True when `b` holds its port on its host's network (see the module comment). */
export function holdsHostPort(b: Binding, evidence: Evidence = 'claims'): boolean {
  if (!isMachineHost(b.host) || b.network === 'container') return false;
  switch (b.role) {
    case 'plan':
      return false;
    case 'doc':
      return b.kind === 'registry-actual' || b.strength === 'declaration' || evidence === 'mentions';
    default:
      return true;
  }
}

/** Who holds which port where. Read-only: never mutate the lists. */
export interface Occupancy {
  /**
   * Bindings holding `port` on `host`, in model order. With `scope`, those inside that
   * independent compose project on the host (model/scopes.ts); without, those on the host
   * outside every independent project (the host the whole repository shares).
   */
  holders(host: string, port: number, scope?: string): readonly Binding[];
  /** Every binding that uses `port` anywhere: any host, the plan (registry rows) included, container-internal excluded. Model order. */
  usesOf(port: number): readonly Binding[];
  /** Ports held on `host` (any scope). */
  portsOn(host: string): ReadonlySet<number>;
  /** Ports held at one place: on `host` inside compose project `scope`, or, without it, outside every independent project. */
  portsAt(host: string, scope?: string): ReadonlySet<number>;
  /** True when a service other than `service` (canonical names) holds `port` at the place `host`/`scope`. */
  takenByOther(host: string, port: number, service: string, scope?: string): boolean;
  /** Per host (in order of first statement), per port, the bindings holding it there in any scope, model order. */
  readonly byHost: ReadonlyMap<string, ReadonlyMap<number, readonly Binding[]>>;
}

const NONE: readonly Binding[] = [];
const NO_PORTS: ReadonlySet<number> = new Set();
const memos: Record<Evidence, WeakMap<ProjectModel, Memo<Occupancy>>> = { claims: new WeakMap(), mentions: new WeakMap() };

/** The occupancy of `model` by `evidence`, built once per model and reused. */
export function occupancy(model: ProjectModel, evidence: Evidence = 'claims'): Occupancy {
  return memoised(memos[evidence], model, () => build(model, evidence));
}

function build(model: ProjectModel, evidence: Evidence): Occupancy {
  const atPlace = new Map<string, Binding[]>();
  const portsAtPlace = new Map<string, Set<number>>();
  const portsOnHost = new Map<string, Set<number>>();
  const byHost = new Map<string, Map<number, Binding[]>>();
  const uses = new Map<number, Binding[]>();
  for (const b of model.bindings) {
    if (b.network !== 'container') push(uses, b.port, b);
    if (!holdsHostPort(b, evidence)) continue;
    const place = placeKey(b.host, b.scope);
    push(atPlace, `${place}|${b.port}`, b);
    add(portsAtPlace, place, b.port);
    add(portsOnHost, b.host, b.port);
    let ports = byHost.get(b.host);
    if (!ports) byHost.set(b.host, (ports = new Map()));
    push(ports, b.port, b);
  }
  const holders = (host: string, port: number, scope?: string) => atPlace.get(`${placeKey(host, scope)}|${port}`) ?? NONE;
  return {
    holders,
    usesOf: (port) => uses.get(port) ?? NONE,
    portsOn: (host) => portsOnHost.get(host) ?? NO_PORTS,
    portsAt: (host, scope) => portsAtPlace.get(placeKey(host, scope)) ?? NO_PORTS,
    takenByOther: (host, port, service, scope) => holders(host, port, scope).some((b) => model.services.canonical(b.service) !== service),
    byHost,
  };
}

function add(map: Map<string, Set<number>>, key: string, port: number): void {
  const set = map.get(key);
  if (set) set.add(port);
  else map.set(key, new Set([port]));
}
