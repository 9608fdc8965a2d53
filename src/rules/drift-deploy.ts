/**
 * `drift/deploy`: on one host, a service's deploy files disagree about the port it listens
 * on: compose `environment: PORT` against the Dockerfile's `EXPOSE`/`ENV PORT`/`--port`, a
 * compose mapping's container side against `PORT`, a plist against compose, a runner script
 * against the default it overrides.
 *
 * Two comparisons per service and host, because a container's inside port and the port a
 * process runs on are different questions:
 * - container: compose `PORT`/`expose:`, the container side of mappings, and the
 *   Dockerfile, which describes an image, not a machine: it applies to its own host (usually
 *   `dev`) and to every host where the service has compose bindings;
 * - process, only where the service is run directly (plist, runner script, env file, env
 *   generator): those ports, the compose host ports there, and the source default such a
 *   file overrides. Container ports may differ from the dev default by design.
 *
 * A Dockerfile describes the image's defaults: its `ENV PORT` (or `--port` in `CMD`) is
 * overridden where a deployment states the listen port, and is then not compared; its
 * `EXPOSE` binds nothing, so an `EXPOSE` that is the only disagreement is a notice. An
 * independent compose project (model/scopes.ts) is a place of its own, like a host.
 */
import type { Binding } from '../core/statements.js';
import { byLocation, describePlace, distinct, spansPort } from './evidence.js';
import { groupBy } from '../core/group-by.js';
import { occupancy } from '../model/occupancy.js';
import { isMachineHost, listenPort, placeKey, views } from '../model/views.js';
import { defineRule } from './rule.js';
import { quote } from '../core/quote.js';

/** Which comparison a statement belongs to: the port inside the container, or the port a process runs on. */
type Scope = 'container' | 'process';

/** A port statement: the binding that made it, the port it claims, the host (and independent compose project) and scope it applies to. */
interface Statement {
  binding: Binding;
  port: number;
  host: string;
  /** The independent compose project the statement lives in (model/scopes.ts), if any. */
  within?: string;
  scope: Scope;
}

/**
 * Statements that publish or expose ports (`EXPOSE`, `expose:`, `ports:`) rather than say which
 * one the process listens on: a service may expose several (an app port and a metrics or
 * debug port), so each such list must include the listen port, not equal it.
 */
const isExposure = (s: Statement) => s.binding.kind === 'deploy' && s.binding.exposure !== undefined;

/**
 * True when the statements agree: at most one declared listen port, and every exposure list
 * (one per file and directive) includes it; with no declaration, the lists share a port.
 */
function consistent(all: readonly Statement[]): boolean {
  const declared = distinct(all.filter((s) => !isExposure(s)).map((s) => s.port));
  if (declared.length > 1) return false;
  const lists = [...groupBy(all.filter(isExposure), (s) => `${s.binding.location.file}\0${s.binding.exposure}`).values()].map(
    (list) => new Set(list.map((s) => s.port)),
  );
  if (declared.length === 1) return lists.every((list) => list.has(declared[0]!));
  return lists.length === 0 || [...lists[0]!].some((p) => lists.every((list) => list.has(p)));
}

/** True for a process run directly on the host (plist, runner script, env file, env generator). */
const runsDirectly = (b: Binding) => b.runtime === 'process' && b.network !== 'container' && b.containerPort === undefined;

/** A statement of the image (a Dockerfile): the image's default, which a deployment may override. */
const fromImage = (s: Statement) => s.binding.runtime === 'image';

/** An image's exposed port (`EXPOSE`): documentation of the image that binds nothing. */
const imageExpose = (s: Statement) => fromImage(s) && s.binding.exposure !== undefined;

/**
 * Every statement of one service: container-side ports (Dockerfiles spread to the places of its
 * compose bindings), and, where a process runs directly, its port, the compose host ports there
 * and the source default it overrides. A place is a host, or a host inside an independent
 * compose project.
 */
function statementsOf(own: readonly Binding[]): Statement[] {
  // A listen address (`KAFKA_LISTENERS`, nginx `listen`, an Envoy listener) is one of the ports
  // a service listens on, not a statement of *the* port: an admin or controller listener beside
  // the app's port is no disagreement, so listen addresses are not compared here.
  const deploy = own.filter((b) => b.kind === 'deploy' && isMachineHost(b.host) && !b.listener).sort(byLocation);
  const at = (b: Binding) => ({ host: b.host, ...(b.scope !== undefined ? { within: b.scope } : {}) });
  // An image runs wherever a container of the service runs on a host (a cluster's pods are
  // compared with their own manifests only).
  const containerPlaces = new Map(deploy.filter((b) => b.runtime === 'container').map((b) => [placeKey(b.host, b.scope), at(b)]));
  const directPlaces = new Set(deploy.filter(runsDirectly).map((b) => placeKey(b.host, b.scope)));
  const out: Statement[] = [];
  for (const b of deploy) {
    if (runsDirectly(b)) {
      out.push({ binding: b, port: b.port, ...at(b), scope: 'process' });
      continue;
    }
    const inside = listenPort(b);
    const places = b.runtime === 'image' ? new Map([[placeKey(b.host, b.scope), at(b)], ...containerPlaces]).values() : [at(b)];
    if (inside !== undefined) for (const place of places) out.push({ binding: b, port: inside, ...place, scope: 'container' });
    if (b.runtime === 'container' && b.network !== 'container' && directPlaces.has(placeKey(b.host, b.scope))) out.push({ binding: b, port: b.port, ...at(b), scope: 'process' });
  }
  for (const b of own.filter((d) => d.kind === 'source-default' && directPlaces.has(placeKey(d.host, d.scope))).sort(byLocation)) out.push({ binding: b, port: b.port, ...at(b), scope: 'process' });
  return out;
}

/** The rule's messages: what was found, and what was expected. */
const messages = {
  /** Only an image's `EXPOSE` disagrees: a notice. */
  staleExpose: (d: { service: string; port: number; where: string; place: string; verb: string; expected: number; agree: string }) =>
    `${quote(d.service)}'s image exposes ${quote(d.port)} (${d.where}), but on ${d.place} it ${d.verb} ${quote(d.expected)} per ${d.agree}; expected \`EXPOSE\`, which binds nothing, to name the port the service listens on.`,
  disagree: (d: { service: string; port: number; where: string; place: string; verb: string; expected: number; agree: string }) =>
    `${quote(d.service)} ${d.verb} ${quote(d.port)} on ${d.place} per ${d.where}, but ${d.agree} says ${quote(d.expected)}; expected its deploy files to agree on one port.`,
  statement: (d: { service: string; verb: string; port: number; source: string }) => `${quote(d.service)} ${d.verb} ${d.port} here (${d.source})`,
};

/** `drift/deploy`: A service's deploy files disagree about its listen port on one host. */
export const driftDeploy = defineRule({
  meta: {
    id: 'drift/deploy',
    description: "A service's deploy files disagree about its listen port on one host.",
    defaultSeverity: 'warning',
    fixable: true,
  },
  messages,
  check(model, report) {
    for (const [service, own] of views(model).byService) {
      const defaults = new Set(own.filter((b) => b.kind === 'source-default').map((b) => b.port));
      for (const group of groupBy(statementsOf(own), (s) => `${placeKey(s.host, s.within)}\0${s.scope}`).values()) {
        const { host, scope, within } = group[0]!;
        // The image's own listen port (`ENV PORT`, a `--port` in `CMD`) is a default: where the
        // deployment states the listen port (compose `environment: PORT`, `command`), it is overridden.
        const deployed = group.filter((s) => !fromImage(s));
        const overridden = deployed.some((s) => !isExposure(s));
        const all = overridden ? group.filter((s) => !fromImage(s) || isExposure(s)) : group;
        const ports = distinct(all.map((s) => s.port));
        if (ports.length < 2 || consistent(all)) continue;
        // "Expected" is the default a direct run overrides, else a port the deployment states
        // before one only the image does, then the port most statements agree on; a tie goes to
        // the port the service's code defaults to (an `EXPOSE` left behind by a move is the usual
        // culprit), then to the first statement. The finding belongs on a deploy file, so the
        // first deploy statement that dissents carries it.
        const count = (p: number) => all.filter((s) => s.port === p).length;
        const inCode = (p: number) => (defaults.has(p) ? 1 : 0);
        const byDeployment = (p: number) => (deployed.some((s) => s.port === p) ? 1 : 0);
        const first = (p: number) => all.findIndex((s) => s.port === p);
        const fromDefault = all.find((s) => s.binding.kind === 'source-default')?.port;
        const expected =
          fromDefault ?? [...ports].sort((a, b) => byDeployment(b) - byDeployment(a) || count(b) - count(a) || inCode(b) - inCode(a) || first(a) - first(b))[0]!;
        // When the statements agree but for an image's `EXPOSE`, the `EXPOSE` is documentation
        // that binds nothing: a port of it that no other statement uses is stale, a notice; an
        // `EXPOSE` whose ports the deployment all uses (a debug port beside the app's) only
        // leaves one out, which is no finding.
        const staleExpose = consistent(all.filter((s) => !imageExpose(s)));
        const unused = all.find((s) => imageExpose(s) && s.port !== expected && !all.some((o) => !imageExpose(o) && o.port === s.port));
        if (staleExpose && unused === undefined) continue;
        const primary = staleExpose ? unused! : (all.find((s) => s.port !== expected && s.binding.kind === 'deploy') ?? all.find((s) => s.port !== expected)!);
        const agree = all.find((s) => s.port === expected && !imageExpose(s)) ?? all.find((s) => s.port === expected)!;
        const verb = scope === 'container' ? 'listens on' : 'runs on';
        const where = (s: Statement) => `${s.binding.location.file} ${s.binding.via ?? s.binding.source}`;
        const fixable =
          fromDefault !== undefined &&
          ports.length === 2 &&
          primary.binding.mirrorsDefault === true &&
          spansPort(primary.binding.location, primary.port) &&
          !occupancy(model).takenByOther(host, expected, service, within);
        const place = describePlace(host, within);
        report({
          message: (staleExpose ? messages.staleExpose : messages.disagree)({ service, port: primary.port, where: where(primary), place, verb, expected, agree: where(agree) }),
          location: primary.binding.location,
          related: all.filter((s) => s !== primary).map((s) => ({ location: s.binding.location, message: messages.statement({ service, verb, port: s.port, source: s.binding.label }) })),
          // The service, place and scope: a file joining the disagreement with another port changes this finding.
          key: `${service}|${host}|${scope}${within === undefined ? '' : `|${within}`}`,
          ...(staleExpose ? { severity: 'notice' as const } : {}),
          ...(fixable ? { fix: { location: primary.binding.location, text: String(expected) } } : {}),
        });
      }
    }
  },
});
