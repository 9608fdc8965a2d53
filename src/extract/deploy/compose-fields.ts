/**
 * The per-service fields of a compose file beyond `ports:`: `environment:` (map or list),
 * Traefik labels, `healthcheck.test` and `command:`. Each reads interpolated scalars through
 * `read` and reports into the file's {@link DeployOutput}.
 */
import { isSeq, type Document } from 'yaml';
import type { ExtractContext } from '../extractor.js';
import { slice } from '../../core/mapped.js';
import type { DeployOutput } from './output.js';
import type { Interpolated } from './interpolate.js';
import { entries, items } from './yaml-nodes.js';
import { findUrls } from './urls.js';
import { readEnvAddresses } from './env-addresses.js';
import { LOOPBACK } from '../../core/hosts.js';
import { scanShell } from './shell-scan.js';
import { commandPorts } from './command-ports.js';

/** Reads a scalar node as interpolated, mapped text. */
export type Read = (node: unknown) => Interpolated | undefined;

/** The compose service being read. */
export interface Svc {
  /** The repository's name for it. */
  name: string;
  /** `host` under `network_mode: host`, else `container`. */
  network: 'host' | 'container';
  /** Every name on the compose network (service key, container_name, hostname, alias), lower-cased → the repository's name for its service. */
  names: ReadonlyMap<string, string>;
  /** The names this service itself answers to. */
  own: ReadonlySet<string>;
}

const TRAEFIK_PORT = /^traefik\.(http|tcp|udp)\.services\.[^.]+\.loadbalancer\.server\.port$/;

/** `KEY: value` or `- KEY=value` pairs of `environment:` or `labels:`. */
function pairs(node: unknown, doc: Document, read: Read): { key: string; value: Interpolated }[] {
  if (isSeq(node))
    return items(node, doc).flatMap((item) => {
      const r = read(item);
      const eq = r?.value.value.indexOf('=') ?? -1;
      if (!r || eq <= 0) return [];
      return [{ key: r.value.value.slice(0, eq), value: { value: slice(r.value, eq + 1), unresolved: r.unresolved } }];
    });
  return entries(node, doc).flatMap((e) => {
    const value = read(e.value);
    return value ? [{ key: e.key, value }] : [];
  });
}

/**
 * `environment:` `PORT` binds inside the container; other values are read as their names say
 * (./env-addresses.ts): listen addresses bind, allow lists are skipped, URLs and bare
 * `service:port` on the compose network are references resolved to the service they name.
 */
export function environment(node: unknown, doc: Document, read: Read, out: DeployOutput, svc: Svc, what: string): void {
  for (const { key, value } of pairs(node, doc, read)) {
    const m = value.value;
    if (key === 'PORT') {
      out.unresolved(value.unresolved, `${what} PORT`);
      const hit = m.value === '' ? undefined : out.port(m, 0, m.value.length, `${what} PORT`);
      if (hit) out.bind(svc.name, hit, { via: 'environment PORT', network: svc.network });
      continue;
    }
    readEnvAddresses(key, value, out, { service: svc.name, network: svc.network, names: svc.names, own: svc.own, what });
  }
}

/** Traefik `...loadbalancer.server.port` labels, map or list form. */
export function labels(node: unknown, doc: Document, read: Read, out: DeployOutput, svc: Svc, what: string): void {
  for (const { key, value } of pairs(node, doc, read)) {
    if (!TRAEFIK_PORT.test(key)) continue;
    // Other labels may hold unset variables (`Host(`${DOMAIN}`)`); only the port label must resolve.
    out.unresolved(value.unresolved, `${what} ${key}`);
    const hit = out.port(value.value, 0, value.value.value.length, `${what} ${key}`);
    if (hit) out.bind(svc.name, hit, { via: 'traefik label', network: svc.network });
  }
}

/** `healthcheck.test` (string or `["CMD", ...]`): URLs are checked from inside the container. */
export function healthcheck(node: unknown, doc: Document, read: Read, out: DeployOutput, svc: Svc): void {
  for (const part of isSeq(node) ? items(node, doc) : [node]) {
    const m = read(part)?.value;
    if (!m) continue;
    for (const url of findUrls(m)) {
      const hit = out.port(m, url.portStart, url.portEnd, `compose service "${svc.name}" healthcheck`);
      if (!hit) continue;
      // Inside the container, `localhost` is the service itself, as is any of its own names.
      const self = svc.own.has(url.target) || (svc.network === 'container' && LOOPBACK.has(url.target));
      const service = svc.names.get(url.target);
      out.reference(
        {
          target: url.target,
          port: hit.port,
          kind: 'healthcheck',
          fromService: svc.name,
          containerNetwork: svc.network === 'container',
          ...(self ? { self, targetService: svc.name } : service !== undefined ? { targetService: service } : {}),
        },
        hit,
      );
    }
    // `curl localhost:9200/_cluster/health`: a scheme-less loopback address inside the container is the service itself.
    if (svc.network !== 'container') continue;
    for (const bare of m.value.matchAll(BARE_LOOPBACK)) {
      const start = (bare.index ?? 0) + (bare[1] ?? '').length + 1;
      const hit = out.port(m, start, start + (bare[2] ?? '').length, `compose service "${svc.name}" healthcheck`);
      if (hit) out.reference({ target: (bare[1] ?? '').toLowerCase(), port: hit.port, kind: 'healthcheck', fromService: svc.name, containerNetwork: true, self: true, targetService: svc.name }, hit);
    }
  }
}

/** A loopback `host:port` with no scheme before it (`localhost:9200/health`, `127.0.0.1:8080`). */
const BARE_LOOPBACK = /(?<![\w.:/@-])(localhost|127\.0\.0\.1):(\d+)(?![\w.:-])/g;

/** `command:` as a string (run by the image's shell form) or a list of words. */
export function command(node: unknown, doc: Document, read: Read, out: DeployOutput, svc: Svc, ctx: ExtractContext, what: string): void {
  if (isSeq(node)) {
    const words = items(node, doc).flatMap((n) => {
      const value = read(n)?.value;
      return value ? [{ value, quoted: true, unresolved: [] }] : [];
    });
    for (const p of commandPorts({ words }).ports) {
      const hit = out.port(p.value, p.a, p.b, `${what} (${p.via})`);
      if (hit) out.bind(svc.name, hit, { via: `command ${p.via}`, network: svc.network });
    }
    return;
  }
  const m = read(node)?.value;
  if (m) scanShell(m, out, { service: svc.name, services: ctx.services, network: svc.network, what });
}
