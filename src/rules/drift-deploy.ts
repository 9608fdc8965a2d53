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
 */
import type { Binding } from '../model/types.js';
import { byLocation, describeSource, distinct, groupBy, spansPort } from './evidence.js';
import { COMPOSE_SOURCE, DOCKERFILE_SOURCE, isMachineHost, listenPort, modelIndex, takenByOther } from './selectors.js';
import { defineRule } from './rule.js';
import { quote } from '../model/quote.js';

/** Which comparison a statement belongs to: the port inside the container, or the port a process runs on. */
type Scope = 'container' | 'process';

/** A port statement: the binding that made it, the port it claims, the host and scope it applies to. */
interface Statement {
  binding: Binding;
  port: number;
  host: string;
  scope: Scope;
}

/**
 * Files whose port only mirrors the service's code default for a developer's run: when they
 * disagree with that default, writing the default back is certain.
 */
const MIRRORS_DEFAULT = new Set(['env-generator', 'env']);

/**
 * Statements that publish or expose ports (`EXPOSE`, `expose:`, `ports:`, listen addresses such
 * as `KAFKA_LISTENERS`) rather than say which one the process listens on: a service may expose several (an app port and a metrics or
 * debug port), so each such list must include the listen port, not equal it.
 */
const EXPOSURES = new Set(['EXPOSE', 'expose', 'ports', 'ports (container)', 'listen address']);
const isExposure = (s: Statement) => s.binding.kind === 'deploy' && EXPOSURES.has(s.binding.via ?? '');

/**
 * True when the statements agree: at most one declared listen port, and every exposure list
 * (one per file and directive) includes it; with no declaration, the lists share a port.
 */
function consistent(all: readonly Statement[]): boolean {
  const declared = distinct(all.filter((s) => !isExposure(s)).map((s) => s.port));
  if (declared.length > 1) return false;
  const lists = [...groupBy(all.filter(isExposure), (s) => `${s.binding.location.file}\0${s.binding.via === 'ports (container)' ? 'ports' : s.binding.via}`).values()].map(
    (list) => new Set(list.map((s) => s.port)),
  );
  if (declared.length === 1) return lists.every((list) => list.has(declared[0]!));
  return lists.length === 0 || [...lists[0]!].some((p) => lists.every((list) => list.has(p)));
}

/** True for a process run directly on the host (plist, runner script, env file, env generator). */
const runsDirectly = (b: Binding) => b.network !== 'container' && b.containerPort === undefined && b.source !== COMPOSE_SOURCE && b.source !== DOCKERFILE_SOURCE;

/**
 * Every statement of one service: container-side ports (Dockerfiles spread to compose hosts),
 * and, on hosts where a process runs directly, its port, the compose host ports and the
 * source default it overrides.
 */
function statementsOf(own: readonly Binding[]): Statement[] {
  const deploy = own.filter((b) => b.kind === 'deploy' && isMachineHost(b.host)).sort(byLocation);
  const composeHosts = new Set(deploy.filter((b) => b.source === COMPOSE_SOURCE).map((b) => b.host));
  const directHosts = new Set(deploy.filter(runsDirectly).map((b) => b.host));
  const out: Statement[] = [];
  for (const b of deploy) {
    if (runsDirectly(b)) {
      out.push({ binding: b, port: b.port, host: b.host, scope: 'process' });
      continue;
    }
    const inside = listenPort(b);
    const hosts = b.source === DOCKERFILE_SOURCE ? new Set([b.host, ...composeHosts]) : [b.host];
    if (inside !== undefined) for (const host of hosts) out.push({ binding: b, port: inside, host, scope: 'container' });
    if (b.source === COMPOSE_SOURCE && b.network !== 'container' && directHosts.has(b.host)) out.push({ binding: b, port: b.port, host: b.host, scope: 'process' });
  }
  for (const b of own.filter((d) => d.kind === 'source-default' && directHosts.has(d.host)).sort(byLocation)) out.push({ binding: b, port: b.port, host: b.host, scope: 'process' });
  return out;
}

/** `drift/deploy`: A service's deploy files disagree about its listen port on one host. */
export const driftDeploy = defineRule({
  id: 'drift/deploy',
  description: "A service's deploy files disagree about its listen port on one host.",
  defaultSeverity: 'warning',
  check(model, report) {
    for (const [service, own] of modelIndex(model).byService) {
      const defaults = new Set(own.filter((b) => b.kind === 'source-default').map((b) => b.port));
      for (const all of groupBy(statementsOf(own), (s) => `${s.host}\0${s.scope}`).values()) {
        const { host, scope } = all[0]!;
        const ports = distinct(all.map((s) => s.port));
        if (ports.length < 2 || consistent(all)) continue;
        // "Expected" is the default a direct run overrides, else the port most statements agree on;
        // a tie goes to the port the service's code defaults to (an `EXPOSE` left behind by a move
        // is the usual culprit), then to the first statement. The finding belongs on a deploy
        // file, so the first deploy statement that dissents carries it.
        const count = (p: number) => all.filter((s) => s.port === p).length;
        const inCode = (p: number) => (defaults.has(p) ? 1 : 0);
        const first = (p: number) => all.findIndex((s) => s.port === p);
        const fromDefault = all.find((s) => s.binding.kind === 'source-default')?.port;
        const expected = fromDefault ?? [...ports].sort((a, b) => count(b) - count(a) || inCode(b) - inCode(a) || first(a) - first(b))[0]!;
        const primary = all.find((s) => s.port !== expected && s.binding.kind === 'deploy') ?? all.find((s) => s.port !== expected)!;
        const agree = all.find((s) => s.port === expected)!;
        const verb = scope === 'container' ? 'listens on' : 'runs on';
        const where = (s: Statement) => `${s.binding.location.file} ${s.binding.via ?? s.binding.source}`;
        const fixable =
          fromDefault !== undefined &&
          ports.length === 2 &&
          MIRRORS_DEFAULT.has(primary.binding.source) &&
          spansPort(primary.binding.location, primary.port) &&
          !takenByOther(model, host, expected, service);
        report({
          message: `${quote(service)} ${verb} ${quote(primary.port)} on host ${quote(host)} per ${where(primary)}, but ${where(agree)} says ${quote(expected)}; expected its deploy files to agree on one port.`,
          location: primary.binding.location,
          related: all.filter((s) => s !== primary).map((s) => ({ location: s.binding.location, message: `${quote(service)} ${verb} ${s.port} here (${describeSource(s.binding)})` })),
          key: `${service}|${host}|${scope}|${ports.join(',')}`,
          ...(fixable ? { fix: { location: primary.binding.location, text: String(expected) } } : {}),
        });
      }
    }
  },
});
