/**
 * URLs with an explicit port inside one string literal (`'http://mana-credits:3061/api'`,
 * `postgres://u:p@db:5432/x`), read by `new URL` (../url-port.ts): the password is never a
 * port, `localhost:3000.5` is not 3000. The scan runs over the isolated literal only. Only the
 * source extractors' view of it lives here (wildcard bind addresses left out): no parsing.
 */
import { findUrlPorts as findUrls } from '../url-port.js';

/** A `host:port` found in a URL; offsets are relative to the scanned string. */
export interface UrlPort {
  /** The host as written: `mana-credits`, `localhost`, `192.168.178.11`, `[::1]`. */
  target: string;
  /** The port part as written, starting with a digit (may be out of range or `3000.5`; the caller checks). */
  digits: string;
  start: number;
  end: number;
}

/** Hosts that mean "every interface": where a server binds, never where a client connects. */
const WILDCARD = new Set(['0.0.0.0', '[::]', '[0:0:0:0:0:0:0:0]']);

/**
 * Every URL with a port part in `value` (it starts with a digit; `http://localhost:PORT` is a
 * placeholder). A URL to a wildcard address (`http://0.0.0.0:8080`) is a bind address, not a
 * reference, and is left out.
 */
export function findUrlPorts(value: string): UrlPort[] {
  return findUrls(value)
    .filter((u) => !WILDCARD.has(u.host))
    .map((u) => ({ target: u.host, digits: u.portText, start: u.portStart, end: u.portEnd }));
}
