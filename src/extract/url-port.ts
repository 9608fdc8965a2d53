/**
 * URLs with an explicit port inside one isolated value (an env value, a string literal, a
 * line of a doc), read the way a client reads them: the WHATWG URL parser (`new URL`) decides.
 * So userinfo (`postgres://user:s3cret@db:5432`) is never a port and never returned, a path
 * (`http://host/a:3000`) is not a port, a scheme's default port (`http://host:80`,
 * `https://host:443`) is no reference to that port, and `localhost:3000.5` is not 3000.
 *
 * A server's own listen URL (`ASPNETCORE_URLS=http://*:80`) is read with `listen`: there a
 * scheme's default port is the port it binds, and `*` or `+` (ASP.NET's "every address") is a host.
 *
 * A pattern finds where each URL starts (bounded, so a long value of host-like text costs
 * linear time: test/extract/url-patterns.test.ts); the authority is cut out by hand, to know
 * the offsets of the port, and `new URL` checks what that authority means. `new URL` alone
 * cannot do it: it finds no URL in running text, keeps no offsets, and hides a default port.
 */
import { readPort } from './value-text.js';

/** A URL whose authority has a port part; offsets are into the scanned value. */
export interface UrlPortHit {
  /** Where the scheme starts. */
  start: number;
  /** The scheme, lower-cased (`http`, `postgres`). */
  scheme: string;
  /** The host as written (`mana-auth`, `localhost`, `192.168.178.11`, `[::1]`). */
  host: string;
  /** The text after the host's colon; a valid port, or something that is not one (the caller reports it). */
  portText: string;
  portStart: number;
  portEnd: number;
}

const SCHEME = /(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]{0,31}):\/\//g;
/** Characters that end an authority in running text (RFC 3986 delimiters, quotes, brackets of prose). */
const AUTHORITY_END = /[\s/?#\\"'`<>(){}|^]/;
/** The longest authority read: a user, a password, a 253-character host and a port. */
const MAX_AUTHORITY = 1024;
/** Punctuation that ends a sentence, not a port: `http://localhost:3000.` */
const TRAILING = /[.,;:!]+$/;
/** Characters a host may hold before `new URL` has its say; `\u0000` stands for an unknown variable. */
const HOST = /^(?:\[[0-9A-Fa-f:.]{2,45}\]|[A-Za-z0-9._~%-]{1,253})$/;

/** How a URL is read. */
export interface UrlReading {
  /** A server's listen URL: a default port is its port, and `*` or `+` stands for every address. */
  listen?: boolean;
}

/** ASP.NET's hosts for "every address" in a listen URL; `new URL` reads them as names. */
const LISTEN_WILDCARD = new Set(['*', '+']);

/** Every URL with a port part in `value`, in order. */
export function findUrlPorts(value: string, reading: UrlReading = {}): UrlPortHit[] {
  const hits: UrlPortHit[] = [];
  for (const m of value.matchAll(SCHEME)) {
    const hit = readAuthority(value, m.index ?? 0, m[1] ?? '', (m.index ?? 0) + m[0].length, reading);
    if (hit) hits.push(hit);
  }
  return hits;
}

/** Reads the authority that starts at `from` (just after `//`). */
function readAuthority(value: string, start: number, scheme: string, from: number, reading: UrlReading): UrlPortHit | undefined {
  const rest = value.slice(from, from + MAX_AUTHORITY);
  const cut = rest.search(AUTHORITY_END);
  let authority = cut < 0 ? rest : rest.slice(0, cut);
  // Userinfo runs to the last `@`: its `user:password` is never a host or a port.
  const at = authority.lastIndexOf('@');
  const hostStart = from + at + 1;
  authority = authority.slice(at + 1).replace(TRAILING, '');
  const close = authority.startsWith('[') ? authority.indexOf(']') : -1;
  const colon = authority.indexOf(':', close + 1);
  if (colon < 0) return undefined;
  const host = authority.slice(0, colon);
  // Prose such as `(http://a:3000, http://b:3001)` or `[x](http://a:3000)` ends a port too.
  const portText = /^[^,;)\]]*/.exec(authority.slice(colon + 1))?.[0].replace(TRAILING, '') ?? '';
  // A port part must start with a digit (of any script, so fullwidth `３０００` is reported):
  // `http://host:PORT`, `:%d` and `:$PORT` are placeholders, not ports written wrong.
  // (`\u0000` stands for a variable the caller could not resolve.)
  const wildcard = reading.listen === true && LISTEN_WILDCARD.has(host);
  if (!(wildcard || HOST.test(host)) || !/^[\p{Nd}\u0000]/u.test(portText)) return undefined;
  const portStart = hostStart + colon + 1;
  const hit = { start, scheme: scheme.toLowerCase(), host, portText, portStart, portEnd: portStart + portText.length };
  if (readPort(portText) === undefined) return hit; // not a port: the caller reports it (or skips an unresolved variable)
  try {
    // `new URL` drops a scheme's default port (`http://x:80` has port ''): that is no reference,
    // but it is where a server listening on that URL binds.
    return new URL(`${scheme}://${host}:${portText}/`).port === '' && !reading.listen ? undefined : hit;
  } catch {
    return undefined; // not a URL a client would open (a bad host): nothing is referenced
  }
}
