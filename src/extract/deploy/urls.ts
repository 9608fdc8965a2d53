/**
 * URLs and `host:port` pairs inside one already isolated value (an env value, a health-check
 * command, a tunnel service). Only an explicit port counts: `http://mana-auth` names no port,
 * and `http://mana-auth:80` names the scheme's default, no port either. URLs are read by
 * `new URL` through ../url-port.ts; `host:port` has no URL parser to use (`new URL('db:5432')`
 * reads `db:` as a scheme), so {@link splitHostPort} splits it at its last colon.
 */
import { LOOPBACK } from '../../core/hosts.js';
import { findUrlPorts } from '../url-port.js';
import type { Mapped } from '../../core/mapped.js';

/** A `scheme://host:port` found in a value; indices are into `m.value`. */
export interface UrlHit {
  scheme: string;
  /** Host as written, lower-cased (`mana-auth`, `localhost`, `192.168.178.11`). */
  target: string;
  portStart: number;
  portEnd: number;
}

/**
 * Every URL with a port part in `m` (read by `new URL`: userinfo, paths and a scheme's
 * default port are never ports; see ../url-port.ts). A part that is not a port is returned
 * too, so the caller reports it.
 */
export function findUrls(m: Mapped): UrlHit[] {
  return findUrlPorts(m.value).map((u) => ({ scheme: u.scheme, target: u.host.toLowerCase(), portStart: u.portStart, portEnd: u.portEnd }));
}

/** A `host:port` target (`mana-sync:3050`, `[::1]:9090`); indices are into `value`. */
export interface HostPort {
  target: string;
  portStart: number;
  portEnd: number;
}

/** Splits `host:port` at its last colon; undefined when there is no port part. */
export function splitHostPort(value: string): HostPort | undefined {
  const colon = value.lastIndexOf(':');
  if (colon <= 0 || colon === value.length - 1) return undefined;
  const host = value.slice(0, colon);
  // A bare IPv6 address (`::1`) has colons but no port.
  if (host.includes(':') && !host.startsWith('[')) return undefined;
  return { target: host.toLowerCase(), portStart: colon + 1, portEnd: value.length };
}

/** True for a loopback name or a literal IPv4/IPv6 address: not a container-network name. */
export function isAddress(target: string): boolean {
  return LOOPBACK.has(target) || /^\d{1,3}(\.\d{1,3}){3}$/.test(target) || target.startsWith('[') || target.includes(':');
}
