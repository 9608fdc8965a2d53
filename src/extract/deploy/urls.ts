/**
 * URLs and `host:port` pairs inside one already isolated value (an env value, a health-check
 * command, a tunnel service). Only an explicit port counts: `http://mana-auth` names no port.
 */
import { LOOPBACK } from '../../model/hosts.js';
import type { Mapped } from './mapped.js';

/** A `scheme://host:port` found in a value; indices are into `m.value`. */
export interface UrlHit {
  scheme: string;
  /** Host as written, lower-cased (`mana-auth`, `localhost`, `192.168.178.11`). */
  target: string;
  portStart: number;
  portEnd: number;
}

// Applied to a single value, never a whole file. Userinfo (`user:pass@`) is skipped so the
// password is not read as a port; the port ends at the first character a port cannot hold.
// Bounded repetitions, and the scheme must start a run of scheme characters, so a long value
// of host-like text costs linear time (see test/engine/url-patterns.test.ts).
const URL = /(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]{0,31}):\/\/(?:[^\s@/?#]{0,256}@)?(\[[^\]\s]{0,45}\]|[A-Za-z0-9._~%-]{1,253}):([A-Za-z0-9\u0000]{0,64})/g;

/** Every URL with an explicit port in `m`. */
export function findUrls(m: Mapped): UrlHit[] {
  const hits: UrlHit[] = [];
  for (const match of m.value.matchAll(URL)) {
    const [whole, scheme = '', host = '', port = ''] = match;
    if (port === '') continue;
    const portEnd = (match.index ?? 0) + whole.length;
    hits.push({ scheme: scheme.toLowerCase(), target: host.toLowerCase(), portStart: portEnd - port.length, portEnd });
  }
  return hits;
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
