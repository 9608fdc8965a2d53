/**
 * `stale-reference`: a URL, scrape target, health check, tunnel or env-generator value that
 * expects a service (or a host) at a port nothing binds there. An error when the target
 * service binds another port on that host (the reference went stale when it moved); a
 * warning when no binding there explains the port. Targets that are neither a known service
 * nor a known host (external domains) are not checked. A compose name (`container_name`,
 * `hostname`, a network alias) resolves to the service that answers to it. A reference of a
 * service to itself (its health check, its own name in its environment) is only compared with
 * the ports that service binds.
 */
import type { ProjectModel } from '../model/project.js';
import type { Binding, Reference } from '../core/statements.js';
import { LOOPBACK } from '../core/hosts.js';
import { byLocation, describePlace, distinct, portList, relatedBinding, relatedReference, spansPort } from './evidence.js';
import { groupBy } from '../core/group-by.js';
import { holdsHostPort, occupancy } from '../model/occupancy.js';
import { isMachineHost, listenPort, views } from '../model/views.js';
import { defineRule, type Report } from './rule.js';
import type { Related } from '../core/finding.js';
import { quote } from '../core/quote.js';

/** Ports a reference to `service` on `host` may legitimately use, with the bindings that make them. */
function servicePorts(model: ProjectModel, service: string, r: Reference): { port: number; binding: Binding }[] {
  const own = (views(model).byService.get(service) ?? []).filter((b) => isMachineHost(b.host));
  const out: { port: number; binding: Binding }[] = [];
  for (const b of own) {
    // Inside a project the caller reaches its own project's ports and the host's shared ones;
    // outside every project, any port on the host.
    const samePlace = b.host === r.host && (b.scope === undefined || r.scope === undefined || b.scope === r.scope);
    if (samePlace && (holdsHostPort(b) || (b.kind === 'service-doc' && b.strength === 'support'))) out.push({ port: b.port, binding: b });
    // On a container network the caller reaches the container side; an image's statements apply wherever it runs.
    if (r.containerNetwork && (samePlace || b.runtime === 'image')) {
      const inside = listenPort(b);
      if (inside !== undefined && (b.network === 'container' || b.containerPort !== undefined)) out.push({ port: inside, binding: b });
    }
  }
  return out;
}

/**
 * The service a reference names, when its target is a service the repository knows. Inside a
 * container (a Dockerfile or compose health check), `localhost` is the referring service itself.
 */
function targetService(model: ProjectModel, r: Reference): string | undefined {
  if (r.containerNetwork && r.fromService && LOOPBACK.has(r.target.toLowerCase())) return model.services.canonical(r.fromService);
  const index = views(model);
  // Inside an independent compose project a name means that project's own service (model/scopes.ts).
  if (r.project !== undefined) {
    const own = model.services.canonical(`${r.project}/${r.target}`);
    if (index.byService.has(own)) return own;
  }
  // A compose file resolves its own names (container_name, hostname, aliases) to the service.
  if (r.targetService !== undefined) {
    const named = model.services.canonical(r.targetService);
    if (model.services.has(named) || index.serviceDirNames.has(named) || index.byService.has(named)) return named;
  }
  const name = model.services.canonical(r.target);
  if (!model.services.has(name) && !index.serviceDirNames.has(name) && !index.byService.has(name)) {
    // A name a compose file gave the service (container_name, hostname, alias).
    const named = composeNames(model).get(`${r.project ?? ''}\0${r.target.toLowerCase()}`);
    if (named !== undefined) return named;
  }
  if (model.services.has(name) || index.serviceDirNames.has(name)) return name;
  return index.byService.has(name) ? name : undefined;
}

const namesCache = new WeakMap<ProjectModel, Map<string, string>>();

/** Every name compose files give a service (its bindings' `names`) → that service; the first statement wins. */
function composeNames(model: ProjectModel): Map<string, string> {
  let names = namesCache.get(model);
  if (!names) {
    names = new Map();
    // Keyed by compose project: independent projects each name their own services.
    for (const b of model.bindings) for (const n of b.names ?? []) if (!names.has(`${b.project ?? ''}\0${n}`)) names.set(`${b.project ?? ''}\0${n}`, model.services.canonical(b.service));
    namesCache.set(model, names);
  }
  return names;
}

/** A pattern of references nothing answers: how many, in how many files, to what, and where. */
interface Pattern {
  refs: number;
  files: number;
  target: string;
  port: number;
  ports: number[];
  place: string;
}

/** One reference reads `` `localhost:3999` expects``; several, ``3 references in 2 files to `localhost` expect``. */
const expects = (d: Pattern) =>
  d.refs > 1 ? `${d.refs} references${d.files > 1 ? ` in ${d.files} files` : ''} to ${quote(d.target)} expect` : `${quote(`${d.target}:${d.port}`)} expects`;

/** `port 3999`, `ports 3999 and 4000`. */
const at = (d: Pattern) => `${d.ports.length === 1 ? 'port' : 'ports'} ${portList(d.ports, 'and')}`;

/** The rule's messages: what was found, and what was expected. */
const messages = {
  wrongPort: (d: { target: string; port: number; service: string; host: string; ports: number[]; file: string }) =>
    `${quote(`${d.target}:${d.port}`)} expects ${quote(d.service)} at port ${quote(d.port)} on host ${quote(d.host)}, but it binds ${portList(d.ports)} there (${d.file}); expected the reference to use the port the service binds.`,
  unboundService: (d: Pattern & { service: string }) =>
    `${expects(d)} ${quote(d.service)} at port ${quote(d.port)}, but nothing shows ${quote(d.service)} binding ${d.port} on ${d.place} or elsewhere; expected a binding for it.`,
  outside: (d: Pattern) =>
    `${expects(d)} a service at ${at(d)} on ${d.place}, but nothing in the repository binds ${d.ports.length === 1 ? 'it' : 'them'}: a target outside the repository's knowledge (another repository's service, an agent, a tool's default); expected a binding here only if the service is the repository's own.`,
  agent: (d: Pattern & { elsewhere: string; agentPorts: number[]; bindings: number }) =>
    `${expects(d)} a service at ${at(d)} on ${d.place}, but nothing binds ${d.ports.length === 1 ? 'it' : 'them'} there; ${d.elsewhere}, and ${portList(d.agentPorts, 'and')} ${d.bindings === 1 ? 'is' : 'are'} a telemetry agent's default port: expected a binding on ${d.place} only if the agent runs beside the caller there.`,
  unbound: (d: Pattern) =>
    `${expects(d)} a service at ${at(d)} on ${d.place}, but nothing binds ${d.ports.length === 1 ? 'it' : 'them'} there; expected a service, doc or deploy file binding ${d.ports.length === 1 ? 'it' : 'each'}.`,
  self: (d: { target: string; port: number; service: string; healthcheck: boolean; ports: number[]; file: string }) =>
    `${quote(`${d.target}:${d.port}`)} is ${quote(d.service)}'s own address (its ${d.healthcheck ? 'health check' : 'environment'}), but ${quote(d.service)} binds ${portList(d.ports)} (${d.file}); expected it to use a port the service listens on.`,
  /** `` `otel-collector` binds 4318 only elsewhere (compose.yaml:840)`` */
  boundElsewhere: (d: { service: string; port: number; where: string }) => `${quote(d.service)} binds ${d.port} only elsewhere (${d.where})`,
};

/** `stale-reference`: A reference expects a service or host at a port nothing binds there. */
export const staleReference = defineRule({
  meta: {
    id: 'stale-reference',
    description: 'A reference expects a service or host at a port nothing binds there.',
    defaultSeverity: 'error',
    fixable: true,
  },
  messages,
  check(model, report) {
    const refs = [...model.references].sort(byLocation);
    const unanswered = new Unanswered(model);
    const selfKey = (r: Reference) => (r.self ? `\0self\0${r.fromService ?? ''}` : '');
    for (const same of groupBy(refs, (r) => `${r.location.file}\0${r.target}\0${r.port}\0${r.host}\0${r.containerNetwork ? 1 : 0}${selfKey(r)}`).values()) {
      const r = same[0]!;
      const others = same.slice(1).map(relatedReference);
      const key = `${r.location.file}|${r.target}|${r.port}|${r.host}${r.containerNetwork ? '|container' : ''}${r.self ? `|self|${r.fromService ?? ''}` : ''}`;
      if (r.self) {
        checkSelf(model, r, others, key, report);
        continue;
      }
      const service = targetService(model, r);
      if (service !== undefined) {
        const bound = servicePorts(model, service, r);
        if (bound.some((x) => x.port === r.port)) continue;
        if (bound.length > 0) {
          const ports = distinct(bound.map((x) => x.port));
          const fixable = ports.length === 1 && same.length === 1 && spansPort(r.location, r.port);
          report({
            message: messages.wrongPort({ target: r.target, port: r.port, service, host: r.host, ports, file: bound[0]!.binding.location.file }),
            location: r.location,
            related: [...others, ...sortedUnique(bound.map((x) => x.binding)).map((b) => relatedBinding(b))],
            key,
            ...(fixable ? { fix: { location: r.location, text: String(ports[0]) } } : {}),
          });
          continue;
        }
        // The service binds nothing on the caller's host: accept a port it binds anywhere, the plan included.
        const anywhere = views(model).byService.get(service) ?? [];
        if (anywhere.some((b) => b.port === r.port || b.containerPort === r.port)) continue;
        // A name that only independent compose projects define names none of them from outside.
        if (anywhere.length === 0 && model.projectNames?.has(service)) continue;
        unanswered.service(same, service, anywhere);
        continue;
      }
      const loopback = LOOPBACK.has(r.target.toLowerCase());
      const host = loopback ? r.host : model.hosts.resolve(r.target)?.id;
      if (host === undefined) continue;
      // A loopback address leads to the caller's own project or the host it shares with the
      // rest of the repository; a caller outside every project, or a named host, may reach a
      // port any project publishes there.
      const scope = loopback ? r.scope : undefined;
      const held = occupancy(model);
      const claimed = scope === undefined ? held.portsOn(host) : held.portsAt(host, scope);
      if (claimed.has(r.port) || held.portsAt(host).has(r.port)) continue;
      unanswered.host(same, host, scope);
    }
    unanswered.report(report);
  },
});

/**
 * Ports that IANA or a tool's documentation assigns to telemetry agents and collectors, which
 * client libraries fall back to on `localhost` when nothing is configured (OTLP gRPC and HTTP,
 * Jaeger's agent and collector, Zipkin, the Datadog agent, StatsD): a reference to one names
 * an agent run beside the application, usually not one of the repository's own services.
 */
export const AGENT_PORTS: ReadonlySet<number> = new Set([4317, 4318, 6831, 6832, 14250, 14268, 9411, 8126, 8125]);

/**
 * References that nothing answers, gathered per pattern so that one pattern is one finding
 * with every place it occurs as related locations, however many files and lines repeat it:
 * - a known service expected at a port it binds nowhere (per service);
 * - a host (a loopback address or a named host) expected to serve ports nothing binds there
 *   (per host and target as written), a warning when the repository binds such a port
 *   elsewhere, and a notice when it does not: such a target lies outside the repository's
 *   knowledge (a service of another repository, a browser's or test runner's default), as
 *   does a telemetry agent's port ({@link AGENT_PORTS}).
 * A reference on a host (and compose project) where a compose file could not be read is not
 * judged: that file may hold the binding it expects.
 */
class Unanswered {
  private readonly groups = new Map<string, { refs: Reference[]; service?: string; bindings: Binding[]; host: string; scope?: string; outside: boolean }>();
  private readonly unread: { host: string; scope?: string }[];
  /** Every port the repository binds anywhere (a host or container side, the plan included), with who binds it. */
  private readonly known = new Map<number, Binding[]>();

  constructor(model: ProjectModel) {
    this.unread = model.unreadDeployFiles ?? [];
    for (const b of model.bindings) {
      for (const port of b.containerPort !== undefined && b.containerPort !== b.port ? [b.port, b.containerPort] : [b.port]) {
        const list = this.known.get(port) ?? [];
        list.push(b);
        this.known.set(port, list);
      }
    }
  }

  /** True when an unread compose file may bind ports on the reference's host (and project). */
  private hidden(r: Reference, host = r.host, scope = r.scope): boolean {
    return this.unread.some((u) => u.host === host && u.scope === scope);
  }

  service(refs: Reference[], service: string, bindings: readonly Binding[]): void {
    const r = refs[0]!;
    if (this.hidden(r) || (r.project === undefined && this.unread.length > 0 && bindings.length === 0)) return;
    this.add(`service\0${service}\0${r.port}`, refs, { service, bindings: [...bindings], host: r.host, ...(r.scope !== undefined ? { scope: r.scope } : {}), outside: false });
  }

  host(refs: Reference[], host: string, scope: string | undefined): void {
    const r = refs[0]!;
    if (this.hidden(r, host, scope)) return;
    const outside = AGENT_PORTS.has(r.port) || !this.known.has(r.port);
    // An agent port the repository binds elsewhere (a collector's container) is named as evidence.
    const bindings = outside ? (this.known.get(r.port) ?? []) : [];
    this.add(`host\0${outside ? 'outside' : 'unbound'}\0${r.target.toLowerCase()}\0${host}\0${scope ?? ''}`, refs, { bindings, host, ...(scope !== undefined ? { scope } : {}), outside });
  }

  private add(key: string, refs: Reference[], group: { service?: string; bindings: Binding[]; host: string; scope?: string; outside: boolean }): void {
    const known = this.groups.get(key);
    if (known) {
      known.refs.push(...refs);
      for (const b of group.bindings) if (!known.bindings.includes(b)) known.bindings.push(b);
    } else this.groups.set(key, { ...group, refs: [...refs] });
  }

  report(report: (r: Report) => void): void {
    for (const [key, g] of this.groups) {
      const refs = [...g.refs].sort(byLocation);
      const r = refs[0]!;
      const ports = distinct(refs.map((x) => x.port));
      const files = new Set(refs.map((x) => x.location.file)).size;
      const pattern: Pattern = { refs: refs.length, files, target: r.target, port: r.port, ports, place: describePlace(g.host, g.scope) };
      const related = [...refs.slice(1).map(relatedReference), ...sortedUnique(g.bindings).map((b) => relatedBinding(b))];
      if (g.service !== undefined) {
        report({
          message: messages.unboundService({ ...pattern, service: g.service }),
          location: r.location,
          related,
          key: `pattern|${key}`,
          severity: 'warning',
        });
      } else if (g.outside) {
        report({
          message:
            g.bindings.length === 0
              ? messages.outside(pattern)
              : messages.agent({ ...pattern, elsewhere: boundElsewhere(g.bindings), agentPorts: distinct(g.bindings.map((b) => (AGENT_PORTS.has(b.port) ? b.port : b.containerPort!))), bindings: g.bindings.length }),
          location: r.location,
          related,
          key: `pattern|${key}`,
          severity: 'notice',
        });
      } else {
        report({
          message: messages.unbound(pattern),
          location: r.location,
          related,
          key: `pattern|${key}`,
          severity: 'warning',
        });
      }
    }
  }
}

/**
 * A service's reference to itself (its health check of `localhost`, its own name in its own
 * environment) names no other service: it is only compared with the ports the service itself
 * binds, anywhere (a container port, a mapping's inside, a source default), and says nothing
 * when none is known.
 */
function checkSelf(model: ProjectModel, r: Reference, others: Related[], key: string, report: (found: Report) => void): void {
  const service = r.fromService === undefined ? undefined : model.services.canonical(r.fromService);
  if (service === undefined) return;
  const own = (views(model).byService.get(service) ?? []).filter((b) => isMachineHost(b.host));
  if (own.length === 0 || own.some((b) => b.port === r.port || b.containerPort === r.port)) return;
  const ports = distinct(own.map((b) => listenPort(b) ?? b.port));
  report({
    message: messages.self({ target: r.target, port: r.port, service, healthcheck: r.kind === 'healthcheck', ports, file: own[0]!.location.file }),
    location: r.location,
    related: [...others, ...sortedUnique(own).map((b) => relatedBinding(b))],
    key,
    severity: 'warning',
  });
}

/** `` `otel-collector` binds 4318 only elsewhere (compose.yaml:840)``, for each port bound elsewhere. */
function boundElsewhere(bindings: readonly Binding[]): string {
  const parts = sortedUnique(bindings).map((b) => {
    const port = AGENT_PORTS.has(b.port) ? b.port : b.containerPort!;
    return messages.boundElsewhere({ service: b.service, port, where: `${b.location.file}:${b.location.line}` });
  });
  return parts.join('; ');
}

/** Bindings in location order, each once. */
function sortedUnique(bindings: readonly Binding[]): Binding[] {
  return [...new Set(bindings)].sort(byLocation);
}
