/**
 * The addresses in one environment value (compose `environment:`, a `.env` line, a Dockerfile
 * `ENV`), read as the setting's name and the value's shape say:
 * - a listen setting (`KAFKA_LISTENERS=PLAINTEXT://0.0.0.0:9092,CONTROLLER://:9093`,
 *   `GUNICORN_BIND=0.0.0.0:8000`; see ../address-keys.ts) binds its holder on each port;
 * - a wildcard address on its own (`0.0.0.0:9092`, `[::]:8080`, `:8080`) is where the holder
 *   binds, whatever the name: nobody connects to "every interface";
 * - an allow list (`CORS_ORIGINS`, `ALLOWED_HOSTS`, `OAUTH_REDIRECT_URI`) names who may call,
 *   so it is neither;
 * - otherwise URLs with a port are references. A compose file also knows the names on its
 *   network, so a bare `backend:9091` naming one of its services is a reference too, resolved
 *   to that service; a name of the holder itself is a self-reference.
 */
import { addressRole } from '../address-keys.js';
import type { Interpolated } from './interpolate.js';
import { UNRESOLVED } from './interpolate.js';
import type { Mapped } from '../../core/mapped.js';
import { spanOf } from '../../core/mapped.js';
import type { DeployOutput } from './output.js';
import { findUrls, isAddress } from './urls.js';

/** The holder of an environment and what its file knows about names. */
export interface EnvHolder {
  /** The service whose environment this is; without one, bindings are dropped. */
  service?: string;
  /** Where the holder's ports are: `container` in a compose service or a Dockerfile. */
  network: 'host' | 'container';
  /** Names on the holder's compose network (key, `container_name`, `hostname`, aliases) → that service. */
  names?: ReadonlyMap<string, string>;
  /** The holder's own names on that network. */
  own?: ReadonlySet<string>;
  /** For messages: `compose service "web" environment`; without it, `<KEY> URL`. */
  what?: string;
  /** False reads only the holder's own addresses (an image's `ENV` names no neighbours). */
  references?: boolean;
}

/** Hosts that mean "every interface": a binding address, never a place to connect to. */
const WILDCARD = new Set(['', '0.0.0.0', '::', '[::]', '*']);

/** One `host:port` item of a value, with indices into the value. */
interface Address {
  host: string;
  portStart: number;
  portEnd: number;
  url: boolean;
}

/** Reads the addresses in `key`'s value `v` into `out`. */
export function readEnvAddresses(key: string, v: Interpolated, out: DeployOutput, holder: EnvHolder): void {
  const role = addressRole(key);
  if (role === 'allow') return;
  const m = v.value;
  const what = holder.what === undefined ? `${key} URL` : `${holder.what} ${key}`;
  if (role === 'listen') {
    for (const a of addressItems(m.value)) if (portReady(a, m, v, out, what)) bindAt(a, m, out, holder, what);
    return;
  }
  const items = addressItems(m.value);
  for (const a of items.filter((x) => !x.url && WILDCARD.has(x.host))) if (portReady(a, m, v, out, what)) bindAt(a, m, out, holder, what);
  if (holder.references === false) return;
  // Bare `name:port` items are references only when the name is a service on the compose network.
  for (const a of items.filter((x) => !x.url && holder.names?.has(x.host))) {
    if (!portReady(a, m, v, out, what)) continue;
    const hit = out.port(m, a.portStart, a.portEnd, what);
    if (hit) out.reference(fields(a.host, hit.port, holder), hit);
  }
  for (const url of findUrls(m)) {
    if (WILDCARD.has(url.target)) continue;
    const a = { host: url.target, portStart: url.portStart, portEnd: url.portEnd, url: true };
    if (!portReady(a, m, v, out, what)) continue;
    const hit = out.port(m, url.portStart, url.portEnd, what);
    if (hit) out.reference(fields(url.target, hit.port, holder), hit);
  }
}

/**
 * The reference fields for `target`, resolved against the compose network when it names a
 * service there. In a compose file, a single-label name that is no address (`otel-collector`)
 * is a name on the container network even when another file of the project defines it, so
 * its port is a container port; a dotted name (`api.example.com`) is DNS, not the network's.
 */
function fields(target: string, port: number, holder: EnvHolder) {
  const service = holder.names?.get(target);
  const self = holder.own?.has(target) === true;
  const onNetwork = service !== undefined || (holder.names !== undefined && !target.includes('.') && !isAddress(target));
  return {
    target,
    port,
    kind: 'env-var' as const,
    fromService: holder.service,
    containerNetwork: onNetwork,
    ...(service !== undefined ? { targetService: service } : {}),
    ...(self ? { self } : {}),
  };
}

/** Binds the holder on the port of `a`. */
function bindAt(a: Address, m: Mapped, out: DeployOutput, holder: EnvHolder, what: string): void {
  const hit = out.port(m, a.portStart, a.portEnd, what);
  if (hit) out.bind(holder.service, hit, { via: 'listen address', network: holder.network, listener: true });
}

/**
 * False when the port of `a` holds a variable with no value: that variable is reported (a
 * port must resolve), and nothing is read.
 */
function portReady(a: Address, m: Mapped, v: Interpolated, out: DeployOutput, what: string): boolean {
  if (!m.value.slice(a.portStart, a.portEnd).includes(UNRESOLVED)) return true;
  const [start, end] = spanOf(m, a.portStart, a.portEnd);
  out.unresolved(
    v.unresolved.filter((u) => u.start < end && u.end > start),
    what,
  );
  return false;
}

/** An item's port: ASCII digits, or a variable with no value standing for them. */
const PORT_TEXT = /^[0-9\u0000]+$/;

/**
 * The `host:port` items of a value: separated by commas, semicolons or white space, each
 * `scheme://host:port/...` or `host:port`; the host may be empty (`:9092`), bracketed IPv6
 * (`[::]:8080`) or a name. Userinfo (`user:secret@`) is skipped, never read as a port.
 */
function addressItems(value: string): Address[] {
  const out: Address[] = [];
  for (const token of value.matchAll(/[^,;\s]+/g)) {
    const text = token[0];
    let from = token.index ?? 0;
    let body = text;
    const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(text);
    if (scheme) {
      from += scheme[0].length;
      body = text.slice(scheme[0].length);
    }
    const end = body.search(/[/?#]/);
    let authority = end < 0 ? body : body.slice(0, end);
    const at = authority.lastIndexOf('@');
    if (at >= 0) {
      from += at + 1;
      authority = authority.slice(at + 1);
    }
    const close = authority.startsWith('[') ? authority.indexOf(']') : -1;
    const colon = authority.indexOf(':', close + 1);
    if (colon < 0) continue;
    const host = authority.slice(0, colon).toLowerCase();
    const port = authority.slice(colon + 1);
    if (!PORT_TEXT.test(port)) continue;
    // A bare IPv6 address (`::1`) is no host:port.
    if (host.includes(':') && !host.startsWith('[')) continue;
    out.push({ host, portStart: from + colon + 1, portEnd: from + colon + 1 + port.length, url: scheme !== null });
  }
  return out;
}
