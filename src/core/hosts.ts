/**
 * The host model: named machines from the registry's labels and the config, plus `dev`,
 * `not-deployed` and `plan`. Host names match loosely: case, spaces, hyphens, underscores
 * and a parenthesised qualifier do not matter, so "Mac Mini (production)", `macmini` and
 * `mac-mini` are one host.
 */
import picomatch from 'picomatch';
import type { Host } from './statements.js';
import { DEV_HOST, NOT_DEPLOYED_HOST, PLAN_HOST } from './statements.js';

/** Addresses that mean "the machine the caller runs on". */
export const LOOPBACK = new Set(['localhost', '127.0.0.1', '0.0.0.0', '::1', '[::1]', 'host.docker.internal']);

/** The comparison key of a host name: lower case, no qualifier, no separators. */
export function hostKey(name: string): string {
  return name
    .replace(/\([^)]*\)/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** A readable id for a host label: `Mac Mini (production)` → `mac-mini`. */
export function hostId(label: string): string {
  const id = label
    .replace(/\([^)]*\)/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return id || hostKey(label);
}

/** Host declarations from the config: which files describe which host. */
export interface HostFiles {
  host: string;
  files: string[];
}

export class HostModel {
  private readonly byKey = new Map<string, Host>();
  private readonly byAddress = new Map<string, Host>();
  private readonly fileRules: { host: string; match: (path: string) => boolean }[] = [];
  /** The host a path part names, for {@link placeFile}: the same few parts recur in every path. */
  private readonly byPart = new Map<string, Host | undefined>();

  constructor(hosts: Host[] = [], files: HostFiles[] = []) {
    for (const h of hosts) this.add(h);
    for (const f of files) this.fileRules.push({ host: this.add({ id: hostId(f.host), label: f.host, aliases: [], addresses: [] }).id, match: picomatch(f.files, { dot: true }) });
  }

  /** Adds a host, merging it into a known one when any name or address matches. Returns the merged host. */
  add(host: Host): Host {
    const names = [host.id, host.label, ...host.aliases];
    let known = names.map((n) => this.byKey.get(hostKey(n))).find(Boolean) ?? host.addresses.map((a) => this.byAddress.get(a)).find(Boolean);
    if (!known) {
      known = { ...host, aliases: [...host.aliases], addresses: [...host.addresses] };
    } else {
      for (const n of [host.label, ...host.aliases]) if (!known.aliases.includes(n) && n !== known.label) known.aliases.push(n);
      for (const a of host.addresses) if (!known.addresses.includes(a)) known.addresses.push(a);
      known.location ??= host.location;
    }
    for (const n of [known.id, known.label, ...known.aliases]) this.byKey.set(hostKey(n), known);
    for (const a of known.addresses) this.byAddress.set(a, known);
    // A new name may make a part name a host.
    this.byPart.clear();
    return known;
  }

  /** The named hosts, in insertion order, without duplicates. */
  list(): Host[] {
    return [...new Set(this.byKey.values())];
  }

  /** Finds a named host by any of its names or addresses. */
  resolve(nameOrAddress: string): Host | undefined {
    return this.byAddress.get(nameOrAddress) ?? this.byKey.get(hostKey(nameOrAddress));
  }

  /** True when `name` is a special or named host id. */
  isKnown(id: string): boolean {
    return id === DEV_HOST || id === NOT_DEPLOYED_HOST || id === PLAN_HOST || this.byKey.has(hostKey(id));
  }

  /** The host a config `files:` glob places `path` on, if any. */
  placedByConfig(path: string): string | undefined {
    return this.fileRules.find((rule) => rule.match(path))?.host;
  }

  /**
   * The host a file describes, when its path says so: a configured glob first, then a
   * path segment or a dotted part of the file name that names a known host
   * (`scripts/mac-mini/run.sh`, `docker-compose.macmini.yml`). Undefined otherwise.
   * `service`, the directory name of the service owning the file, never counts as a host.
   */
  placeFile(path: string, service?: string): string | undefined {
    const configured = this.placedByConfig(path);
    if (configured) return configured;
    const segments = path.split('/');
    const base = segments.pop() ?? '';
    const parts = [...segments, ...base.split('.').slice(0, -1), ...base.split('.').slice(1)];
    for (const part of parts) {
      // A service named like a host (`services/prod/`) does not move its own files there.
      if (part === '' || part === service) continue;
      const host = this.hostOfPart(part);
      if (host) return host.id;
    }
    return undefined;
  }

  private hostOfPart(part: string): Host | undefined {
    if (this.byPart.has(part)) return this.byPart.get(part);
    const host = this.byKey.get(hostKey(part));
    this.byPart.set(part, host);
    return host;
  }
}
