/**
 * Compose files (`docker-compose*.yml`, `compose*.yaml`). Per service: `ports:` (the host side
 * binds the file's host, the container side the container), `expose:`, `environment:` `PORT`
 * (map or list form), URL values as references, `healthcheck.test` URLs, Traefik
 * `loadbalancer.server.port` labels and `--port` in `command:`. `${VAR:-default}` is resolved
 * from the root `.env` (ctx.env), then the default; with neither it is a problem, not a port.
 *
 * Service name: the service key, unless the key is not a known service and `container_name`
 * or the build context's `services/<name>` is: the repository's name for it is the one the
 * other files (registry, CLAUDE.md) use, and compose keys are often shortened (`auth`).
 */
import { isMap, isScalar, type Document } from 'yaml';
import type { ExtractContext, Extractor } from '../extractor.js';
import type { Mapped } from '../../core/mapped.js';
import { DeployOutput } from './output.js';
import { interpolate, type Interpolated } from './interpolate.js';
import { entries, get, items, parseYaml, scalarText } from './yaml-nodes.js';
import { longPort, shortPort } from './compose-ports.js';
import { readPortList } from './port-list.js';
import { command, environment, healthcheck, labels, type Svc } from './compose-fields.js';

/** Reads compose files. */
export const composeExtractor: Extractor = {
  id: 'compose',
  accepts: (path) => /^(docker-)?compose[^/]*\.ya?ml$/.test(path.slice(path.lastIndexOf('/') + 1)),
  prefilter: (text) => text.includes('services'),
  extract(file, ctx) {
    const out = new DeployOutput(file, 'compose', { runtime: 'container' });
    // A value substituted from the root `.env` is named in messages by variable and line, never shown.
    out.origin = (name) => {
      const value = ctx.env.get(name);
      const line = ctx.envLines?.get(name);
      return value === undefined ? undefined : { where: line === undefined ? '.env' : `.env:${line}`, value };
    };
    const doc = parseYaml(out);
    if (!doc) return out.extraction;
    const services = entries(get(doc.contents, 'services', doc), doc);
    // Every name a service answers to on the compose network, and the repository's name for it.
    const names = new Map<string, string>();
    const own = new Map<string, Set<string>>();
    for (const s of services) {
      const mine = networkNames(s.key, s.value, doc);
      own.set(s.key, mine);
      const name = serviceName(s.key, s.value, doc, ctx);
      for (const n of mine) if (!names.has(n)) names.set(n, name);
    }
    const read = (node: unknown): Interpolated | undefined => {
      const raw = scalarText(node, file.text);
      return raw && interpolate(raw, (n) => ctx.env.get(n), { dollarEscape: true });
    };
    /** A value that must hold ports: unresolved variables are reported. */
    const portText = (what: string) => (node: unknown): Mapped | undefined => {
      const r = read(node);
      if (r) out.unresolved(r.unresolved, what);
      return r?.value;
    };
    for (const s of services) {
      const before = out.extraction.bindings.length;
      const networkMode = get(s.value, 'network_mode', doc);
      const svc: Svc = {
        name: serviceName(s.key, s.value, doc, ctx),
        // With `network_mode: host` the container's ports are the host's.
        network: isScalar(networkMode) && networkMode.value === 'host' ? 'host' : 'container',
        names,
        own: own.get(s.key) ?? new Set(),
      };
      const what = (field: string) => `compose service "${s.key}" ${field}`;
      for (const item of items(get(s.value, 'ports', doc), doc)) {
        const mapping = isMap(item) ? longPort(item, doc, portText(what('ports')), out, what('ports')) : shortOf(portText(what('ports'))(item), out, what('ports'));
        if (!mapping) continue;
        mapping.published.forEach((hit, i) => {
          const target = mapping.target[Math.min(i, mapping.target.length - 1)];
          out.bind(svc.name, hit, { via: 'ports', network: 'host', containerPort: target?.port, role: 'publish', exposure: 'ports' });
        });
        for (const hit of mapping.target) out.bind(svc.name, hit, { via: 'ports (container)', network: svc.network, exposure: 'ports' });
      }
      for (const item of items(get(s.value, 'expose', doc), doc)) {
        const m = portText(what('expose'))(item);
        if (m) for (const hit of readPortList(m, out, what('expose'))) out.bind(svc.name, hit, { via: 'expose', network: svc.network, exposure: 'expose' });
      }
      environment(get(s.value, 'environment', doc), doc, read, out, svc, what('environment'));
      labels(get(s.value, 'labels', doc), doc, read, out, svc, what('labels'));
      healthcheck(get(get(s.value, 'healthcheck', doc), 'test', doc), doc, read, out, svc);
      command(get(s.value, 'command', doc), doc, read, out, svc, ctx, what('command'));
      // Each binding carries the names the service answers to here, so a reference by any of them resolves to it.
      for (const b of out.extraction.bindings.slice(before)) b.names = [...svc.own];
    }
    return out.extraction;
  },
};

function shortOf(m: Mapped | undefined, out: DeployOutput, what: string) {
  return m ? shortPort(m, out, what) : undefined;
}

/**
 * The names a compose service answers to on its networks, lower-cased as DNS compares them:
 * its key, `container_name`, `hostname` and each network's `aliases`.
 */
function networkNames(key: string, node: unknown, doc: Document): Set<string> {
  const names = new Set([key.toLowerCase()]);
  for (const k of ['container_name', 'hostname']) {
    const v = get(node, k, doc);
    if (isScalar(v) && v.value !== null) names.add(String(v.value).toLowerCase());
  }
  for (const network of entries(get(node, 'networks', doc), doc))
    for (const alias of items(get(network.value, 'aliases', doc), doc)) if (isScalar(alias) && alias.value !== null) names.add(String(alias.value).toLowerCase());
  return names;
}

/** The repository's name for a compose service (see the module comment). */
function serviceName(key: string, node: unknown, doc: Document, ctx: ExtractContext): string {
  const known = ctx.services;
  if (known.has(key)) return known.canonical(key);
  const containerName = get(node, 'container_name', doc);
  if (isScalar(containerName) && known.has(String(containerName.value))) return known.canonical(String(containerName.value));
  const build = get(node, 'build', doc);
  const paths = isScalar(build) ? [build] : [get(build, 'context', doc), get(build, 'dockerfile', doc)];
  for (const p of paths) {
    const dir = isScalar(p) ? /(?:^|\/)services\/([^/]+)/.exec(String(p.value))?.[1] : undefined;
    if (dir && known.has(dir)) return known.canonical(dir);
  }
  return known.canonical(key);
}

