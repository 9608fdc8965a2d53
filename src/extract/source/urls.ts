/**
 * URLs with an explicit port inside one string literal (`'http://mana-credits:3061/api'`,
 * `postgres://u:p@db:5432/x`). The regex runs over the isolated literal only, never a file.
 */

/** A `host:port` found in a URL; offsets are relative to the scanned string. */
export interface UrlPort {
  /** The host as written: `mana-credits`, `localhost`, `192.168.178.11`, `[::1]`. */
  target: string;
  /** The digits as written (may be out of range; the caller checks). */
  digits: string;
  start: number;
  end: number;
}

// scheme://[user[:pass]@]host:port followed by a non-word character or the end.
// Bounded repetitions, and the scheme must start a run of scheme characters, so a long line
// of host-like text costs linear time (see test/engine/url-patterns.test.ts).
const URL_PORT = /(?<![a-z0-9+.-])[a-z][a-z0-9+.-]{0,31}:\/\/(?:[^\s/?#@'"`]{0,256}@)?(\[[0-9a-f:.]{2,45}\]|[a-z0-9_](?:[a-z0-9_.-]{0,251}[a-z0-9_])?):(\d+)(?!\w)/gi;

/** Every URL with an explicit port in `value`. */
export function findUrlPorts(value: string): UrlPort[] {
  const found: UrlPort[] = [];
  for (const m of value.matchAll(URL_PORT)) {
    const target = m[1] ?? '';
    const digits = m[2] ?? '';
    const end = (m.index ?? 0) + m[0].length;
    found.push({ target, digits, start: end - digits.length, end });
  }
  return found;
}
