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
import type { Binding, Reference } from '../model/types.js';
import { LOOPBACK } from '../model/hosts.js';
import { byLocation, distinct, groupBy, portList, relatedBinding, relatedReference, spansPort } from './evidence.js';
import { DOCKERFILE_SOURCE, claimsHostPort, isMachineHost, listenPort, modelIndex } from './selectors.js';
import { defineRule, type Report } from './rule.js';
import type { Related } from '../model/finding.js';
import { quote } from '../model/quote.js';

/** Ports a reference to `service` on `host` may legitimately use, with the bindings that make them. */
function servicePorts(model: ProjectModel, service: string, r: Reference): { port: number; binding: Binding }[] {
  const own = (modelIndex(model).byService.get(service) ?? []).filter((b) => isMachineHost(b.host));
  const out: { port: number; binding: Binding }[] = [];
  for (const b of own) {
    if (b.host === r.host && (claimsHostPort(b) || (b.kind === 'service-doc' && b.strength === 'support'))) out.push({ port: b.port, binding: b });
    // On a container network the caller reaches the container side; a Dockerfile applies wherever the image runs.
    if (r.containerNetwork && (b.host === r.host || b.source === DOCKERFILE_SOURCE)) {
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
  const index = modelIndex(model);
  // A compose file resolves its own names (container_name, hostname, aliases) to the service.
  if (r.targetService !== undefined) {
    const named = model.services.canonical(r.targetService);
    if (model.services.has(named) || index.serviceDirNames.has(named) || index.byService.has(named)) return named;
  }
  const name = model.services.canonical(r.target);
  if (!model.services.has(name) && !index.serviceDirNames.has(name) && !index.byService.has(name)) {
    // A name a compose file gave the service (container_name, hostname, alias).
    const named = composeNames(model).get(r.target.toLowerCase());
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
    for (const b of model.bindings) for (const n of b.names ?? []) if (!names.has(n)) names.set(n, model.services.canonical(b.service));
    namesCache.set(model, names);
  }
  return names;
}

/** `stale-reference`: A reference expects a service or host at a port nothing binds there. */
export const staleReference = defineRule({
  id: 'stale-reference',
  description: 'A reference expects a service or host at a port nothing binds there.',
  defaultSeverity: 'error',
  check(model, report) {
    const refs = [...model.references].sort(byLocation);
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
            message: `${quote(`${r.target}:${r.port}`)} expects ${quote(service)} at port ${quote(r.port)} on host ${quote(r.host)}, but it binds ${portList(ports)} there (${bound[0]!.binding.location.file}); expected the reference to use the port the service binds.`,
            location: r.location,
            related: [...others, ...sortedUnique(bound.map((x) => x.binding)).map((b) => relatedBinding(b))],
            key,
            ...(fixable ? { fix: { location: r.location, text: String(ports[0]) } } : {}),
          });
          continue;
        }
        // The service binds nothing on the caller's host: accept a port it binds anywhere, the plan included.
        const anywhere = modelIndex(model).byService.get(service) ?? [];
        if (anywhere.some((b) => b.port === r.port || b.containerPort === r.port)) continue;
        report({
          message: `${quote(`${r.target}:${r.port}`)} expects ${quote(service)} at port ${quote(r.port)}, but nothing shows ${quote(service)} binding ${r.port} on host ${quote(r.host)} or elsewhere; expected a binding for it.`,
          location: r.location,
          related: [...others, ...sortedUnique(anywhere).map((b) => relatedBinding(b))],
          key,
          severity: 'warning',
        });
        continue;
      }
      const host = LOOPBACK.has(r.target.toLowerCase()) ? r.host : model.hosts.resolve(r.target)?.id;
      if (host === undefined) continue;
      if (modelIndex(model).claimedPorts.get(host)?.has(r.port)) continue;
      report({
        message: `${quote(`${r.target}:${r.port}`)} expects a service at port ${quote(r.port)} on host ${quote(host)}, but nothing binds ${r.port} there; expected a service, doc or deploy file binding it.`,
        location: r.location,
        related: others,
        key,
        severity: 'warning',
      });
    }
  },
});

/**
 * A service's reference to itself (its health check of `localhost`, its own name in its own
 * environment) names no other service: it is only compared with the ports the service itself
 * binds, anywhere (a container port, a mapping's inside, a source default), and says nothing
 * when none is known.
 */
function checkSelf(model: ProjectModel, r: Reference, others: Related[], key: string, report: (found: Report) => void): void {
  const service = r.fromService === undefined ? undefined : model.services.canonical(r.fromService);
  if (service === undefined) return;
  const own = (modelIndex(model).byService.get(service) ?? []).filter((b) => isMachineHost(b.host));
  if (own.length === 0 || own.some((b) => b.port === r.port || b.containerPort === r.port)) return;
  const ports = distinct(own.map((b) => listenPort(b) ?? b.port));
  report({
    message: `${quote(`${r.target}:${r.port}`)} is ${quote(service)}'s own address (its ${r.kind === 'healthcheck' ? 'health check' : 'environment'}), but ${quote(service)} binds ${portList(ports)} (${own[0]!.location.file}); expected it to use a port the service listens on.`,
    location: r.location,
    related: [...others, ...sortedUnique(own).map((b) => relatedBinding(b))],
    key,
    severity: 'warning',
  });
}

/** Bindings in location order, each once. */
function sortedUnique(bindings: readonly Binding[]): Binding[] {
  return [...new Set(bindings)].sort(byLocation);
}
