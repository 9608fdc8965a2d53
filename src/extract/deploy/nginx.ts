/**
 * nginx configs (`nginx.conf`, `nginx*.conf`, `*.conf` under an `nginx`, `conf.d` or
 * `sites-*` directory, and their `.template` forms), read with nginx's own grammar
 * (./nginx-config.ts), never a pattern over the file:
 * - `listen` in a `server { }` block is where the proxy itself listens: a binding of the
 *   service owning the file, inside its container (nginx of a repository runs in one; a
 *   `listen 80` per sample must not collide on the developer's machine), as a list of listen
 *   addresses (`listen 80; listen 443 ssl;` are two ports of one server, not a disagreement);
 * - `proxy_pass`, `grpc_pass`, `fastcgi_pass`, `uwsgi_pass`, `scgi_pass` and
 *   `memcached_pass` with an explicit port, and each `server host:port` of an `upstream { }`
 *   block, are references to the service they name, on the container network when the host
 *   is a name. A pass to an upstream's name (`proxy_pass http://app;`) names no port itself.
 * `${VAR}` (the nginx image runs envsubst on `*.template` files) is resolved from the
 * repository's root `.env`; a variable with no value there is the container's business at
 * run time, and nothing is read from it. nginx's own `$variables` are never ports.
 */
import { quote } from '../../core/quote.js';
import type { ServiceIndex } from '../../core/services.js';
import type { Extractor, SourceFile } from '../extractor.js';
import { interpolate } from './interpolate.js';
import type { Mapped } from '../../core/mapped.js';
import { DeployOutput } from './output.js';
import { parseNginx, walk } from './nginx-config.js';
import { findUrls, isAddress, splitHostPort } from './urls.js';

/** The id of a config nginx would refuse to load. */
export const INVALID_NGINX = 'input/invalid-nginx';

/** Directives whose first argument is the address of an upstream server. */
const PASSES = new Set(['proxy_pass', 'grpc_pass', 'fastcgi_pass', 'uwsgi_pass', 'scgi_pass', 'memcached_pass']);

const TEMPLATE = /\.(?:template|tmpl)$/;

/** True for nginx config paths (see the module comment). */
export function isNginxConfig(path: string): boolean {
  // Most paths are no `.conf`, templated or not: that is known before the path is split.
  if (!/\.conf(?:\.template|\.tmpl)?$/.test(path)) return false;
  const parts = path.split('/');
  const name = (parts.pop() ?? '').replace(TEMPLATE, '');
  if (!name.endsWith('.conf')) return false;
  if (name.startsWith('nginx')) return true;
  return parts.some((p) => /nginx/i.test(p) || p === 'conf.d' || p === 'sites-available' || p === 'sites-enabled');
}

/** The service owning the file, else a known service its directory or file name names (`proxy/nginx.conf`). */
function nginxService(file: SourceFile, services: ServiceIndex): string | undefined {
  if (file.service) return file.service;
  const parts = file.path.split('/');
  const name = (parts.pop() ?? '').replace(TEMPLATE, '').replace(/\.conf$/, '');
  const known = [...parts].reverse().find((p) => services.has(p)) ?? (services.has(name) ? name : undefined);
  return known === undefined ? undefined : services.canonical(known);
}

/** Reads nginx listeners and upstreams. */
export const nginxExtractor: Extractor = {
  id: 'nginx',
  accepts: isNginxConfig,
  prefilter: (text) => /listen|_pass|upstream/.test(text),
  extract(file, ctx) {
    const out = new DeployOutput(file, 'nginx', { runtime: 'process' });
    const { directives, errors } = parseNginx(file.text);
    const first = errors[0];
    if (first) {
      out.problem(INVALID_NGINX, `Found ${first.message} in ${file.path}; expected nginx's directive grammar (\`name args;\` or \`name args { ... }\`).`, first.start, first.start + 1, file.path);
    }
    const service = nginxService(file, ctx.services);
    const read = (arg: Mapped) => interpolate(arg, (name) => ctx.env.get(name), {}).value;
    for (const { directive: d, parents } of walk(directives)) {
      const arg = d.args[0];
      if (!arg) continue;
      const parent = parents[parents.length - 1];
      if (d.name === 'listen' && parent === 'server') {
        const m = read(arg);
        const at = listenPort(m.value);
        const hit = at && out.port(m, at[0], at[1], `nginx listen`);
        if (hit) out.bind(service, hit, { via: 'listen address', network: 'container', listener: true });
      } else if ((d.name === 'server' && parent === 'upstream') || PASSES.has(d.name)) {
        const m = read(arg);
        for (const a of upstreamAddresses(m)) {
          const hit = out.port(m, a.portStart, a.portEnd, `nginx ${d.name} ${quote(a.target)}`);
          if (hit) out.reference({ target: a.target, port: hit.port, kind: 'url', fromService: service, containerNetwork: !isAddress(a.target) }, hit);
        }
      }
    }
    return out.extraction;
  },
};

/** The span of the port in a `listen` address: `80`, `8080 default_server`, `127.0.0.1:8080`, `[::]:80`, `*:80`; none for `unix:`. */
function listenPort(value: string): [number, number] | undefined {
  if (value.startsWith('unix:')) return undefined;
  if (/^[0-9\u0000]+$/.test(value)) return [0, value.length];
  const hp = splitHostPort(value);
  return hp && /^[0-9]/.test(value.slice(hp.portStart)) ? [hp.portStart, hp.portEnd] : undefined;
}

/** The `host:port` an upstream address names: a URL (`http://app:3000/api`) or a bare `app:3000`; none for `unix:` sockets and variables. */
function upstreamAddresses(m: Mapped): { target: string; portStart: number; portEnd: number }[] {
  if (m.value.includes('://')) return findUrls(m).filter((u) => !u.target.includes('$'));
  if (m.value.startsWith('unix:') || m.value.includes('$')) return [];
  const hp = splitHostPort(m.value);
  return hp && /^[0-9]/.test(m.value.slice(hp.portStart)) ? [hp] : [];
}
