/**
 * Envoy proxy configs (`envoy*.yaml`, `*-envoy.yml`, their `.template` forms, and YAML under an
 * `envoy` directory), read with `yaml`: every `socket_address { address, port_value }` is
 * - under `listeners` or `admin`: where the proxy itself listens, a binding of the service
 *   owning the file inside its container (a list of listen addresses: a listener and the
 *   admin port are two ports of one proxy);
 * - anywhere else (a cluster's `load_assignment` endpoint, a legacy `hosts` entry): a
 *   reference to the service it names, on the container network when the address is a name.
 * `${VAR}` (templates rendered with envsubst when the container starts) is resolved from the
 * repository's root `.env`; with no value there, nothing is read from that address.
 */
import { isMap, isSeq, type Document } from 'yaml';
import type { ServiceIndex } from '../../core/services.js';
import type { Extractor, SourceFile } from '../extractor.js';
import { UNRESOLVED, interpolate } from './interpolate.js';
import { DeployOutput } from './output.js';
import { deref, entries, get, items, parseYaml, scalarText } from './yaml-nodes.js';
import { isAddress } from './urls.js';

const TEMPLATE = /\.(?:template|tmpl)$/;

/** Sections whose socket addresses are the proxy's own. */
const OWN_SECTIONS = new Set(['listeners', 'admin']);

/** Deeper than any real Envoy config; the walk stops there. */
const MAX_DEPTH = 64;

/** True for Envoy config paths (see the module comment). */
export function isEnvoyConfig(path: string): boolean {
  // Most paths are not YAML, templated or not: that is known before the path is split.
  if (!/\.ya?ml(?:\.template|\.tmpl)?$/.test(path)) return false;
  const parts = path.split('/');
  const name = (parts.pop() ?? '').replace(TEMPLATE, '');
  if (!/\.ya?ml$/.test(name)) return false;
  return /envoy/i.test(name) || parts.some((p) => /^envoy$/i.test(p));
}

/** The service owning the file, else a known service its directory names (`front-proxy/envoy.yaml`). */
function envoyService(file: SourceFile, services: ServiceIndex): string | undefined {
  if (file.service) return file.service;
  const known = file.path.split('/').slice(0, -1).reverse().find((p) => services.has(p));
  return known === undefined ? undefined : services.canonical(known);
}

/** Reads Envoy listeners and cluster endpoints. */
export const envoyExtractor: Extractor = {
  id: 'envoy',
  accepts: isEnvoyConfig,
  prefilter: (text) => text.includes('socket_address'),
  extract(file, ctx) {
    const out = new DeployOutput(file, 'envoy', { runtime: 'process' });
    const doc = parseYaml(out);
    if (!doc) return out.extraction;
    const service = envoyService(file, ctx.services);
    const read = (node: unknown) => {
      const raw = scalarText(node, file.text);
      return raw && interpolate(raw, (name) => ctx.env.get(name), {}).value;
    };
    for (const { node, own } of socketAddresses(doc)) {
      const port = read(get(node, 'port_value', doc));
      if (!port || port.value.includes(UNRESOLVED)) continue;
      const hit = out.port(port, 0, port.value.length, 'Envoy socket_address port_value');
      if (!hit) continue;
      if (own) {
        out.bind(service, hit, { via: 'listen address', network: 'container', listener: true });
        continue;
      }
      const address = read(get(node, 'address', doc))?.value.toLowerCase();
      if (!address || address.includes(UNRESOLVED)) continue;
      out.reference({ target: address, port: hit.port, kind: 'url', fromService: service, containerNetwork: !isAddress(address) }, hit);
    }
    return out.extraction;
  },
};

/** Every `socket_address` map in the document, in order, and whether it lies under `listeners` or `admin`. */
function socketAddresses(doc: Document): { node: unknown; own: boolean }[] {
  const found: { node: unknown; own: boolean }[] = [];
  const todo: { node: unknown; own: boolean; depth: number }[] = [{ node: doc.contents, own: false, depth: 0 }];
  const seen = new Set<unknown>();
  while (todo.length > 0) {
    const { node: raw, own, depth } = todo.pop()!;
    const node = deref(raw, doc);
    // An alias may point back at a map already walked: each node is read once.
    if (!node || seen.has(node) || depth > MAX_DEPTH) continue;
    seen.add(node);
    const next: { node: unknown; own: boolean; depth: number }[] = [];
    if (isMap(node)) {
      for (const e of entries(node, doc)) {
        if (e.key === 'socket_address') found.push({ node: e.value, own });
        else next.push({ node: e.value, own: own || OWN_SECTIONS.has(e.key), depth: depth + 1 });
      }
    } else if (isSeq(node)) {
      for (const item of items(node, doc)) next.push({ node: item, own, depth: depth + 1 });
    }
    todo.push(...next.reverse());
  }
  return found;
}
