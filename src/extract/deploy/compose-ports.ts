/**
 * Compose `ports:` entries. Only the published (host) side binds the host's network:
 * `'3041:3000'` binds 3041 on the host (containerPort 3000) and 3000 inside the container.
 * Short forms: `'3001'`, `'3041:3000'`, `'127.0.0.1:3041:3000'`, `'[::1]:3041:3000/udp'`,
 * `'9000-9001:9000-9001'`; long form: `{ target, published, host_ip, protocol }`.
 */
import type { Document } from 'yaml';
import type { Mapped } from '../../core/mapped.js';
import { slice } from '../../core/mapped.js';
import type { DeployOutput, PortHit } from './output.js';
import { readPortRange } from './port-list.js';
import { get } from './yaml-nodes.js';

/** One published mapping: host ports (may be empty) and container ports, paired by index. */
export interface PortMapping {
  published: PortHit[];
  target: PortHit[];
}

/** Parses the short syntax in `m` (already interpolated). */
export function shortPort(m: Mapped, out: DeployOutput, what: string): PortMapping | undefined {
  let s = m.value;
  const slash = s.lastIndexOf('/');
  if (slash > s.lastIndexOf(']')) s = s.slice(0, slash);
  let from = 0;
  if (s.startsWith('[')) {
    const close = s.indexOf(']:');
    if (close < 0) return undefined;
    from = close + 2;
  }
  // Parts after an optional IP: [host[:container]] as index ranges into m.
  const parts: [number, number][] = [];
  let a = from;
  for (let i = from; i <= s.length; i++) {
    if (i === s.length || s[i] === ':') {
      parts.push([a, i]);
      a = i + 1;
    }
  }
  const container = parts[parts.length - 1] as [number, number];
  // A lone container port (`'3000'`) or an empty host part (`127.0.0.1::3000`) publishes an
  // ephemeral host port, as Docker does: nothing fixed binds the host.
  const host = parts.length >= 2 ? parts[parts.length - 2] : undefined;
  const target = readPortRange(m, container[0], container[1], out, what);
  const published = host && host[1] > host[0] ? readPortRange(m, host[0], host[1], out, what) : [];
  return pair({ published, target }, slice(m, from), out, what);
}

/** Reads the long syntax map `{ target, published, ... }`; `read` yields a scalar's interpolated text. */
export function longPort(node: unknown, doc: Document, read: (n: unknown) => Mapped | undefined, out: DeployOutput, what: string): PortMapping | undefined {
  const t = read(get(node, 'target', doc));
  if (!t) return undefined;
  const target = readPortRange(t, 0, t.value.length, out, what);
  const p = read(get(node, 'published', doc));
  const published = p && p.value !== '' ? readPortRange(p, 0, p.value.length, out, what) : [];
  return pair({ published, target }, t, out, what);
}

/** Checks that a host range pairs with the container range (or a single container port). */
function pair(m: PortMapping, where: Mapped, out: DeployOutput, what: string): PortMapping | undefined {
  if (m.target.length === 0) return undefined;
  if (m.published.length > 0 && m.target.length > 1 && m.published.length !== m.target.length) {
    const first = m.published[0] as PortHit;
    out.problem(
      'input/invalid-port',
      `Found ${m.published.length} published ports for ${m.target.length} container ports in ${what}; expected ranges of equal length.`,
      first.start,
      (m.target[m.target.length - 1] as PortHit).end,
      `${out.file.path}|${what}|${where.value}`,
    );
    return undefined;
  }
  return m;
}
