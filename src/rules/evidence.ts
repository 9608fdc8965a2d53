/**
 * Evidence helpers shared by the rules: how a binding is described in a message, how it
 * becomes a related location, and a stable order so "first" means the same thing every run.
 */
import type { Related } from '../core/finding.js';
import { compareLocations } from '../core/location.js';
import type { Binding, Reference } from '../core/statements.js';
import { NOT_DEPLOYED_HOST } from '../core/statements.js';
import { quote } from '../core/quote.js';

/**
 * `` `mana-sync` binds 3050 here (compose ports) ``: the standard note for a related binding.
 * Plan rows and "Not deployed" entries bind no machine, so they are worded as what they are.
 */
export function relatedBinding(b: Binding, verb = defaultVerb(b)): Related {
  return { location: b.location, message: `${quote(b.service)} ${verb} ${b.port} here (${b.label})` };
}

/** How a binding's claim is worded in a related note. */
function defaultVerb(b: Binding): string {
  if (b.kind === 'registry-plan') return 'is planned at';
  if (b.kind === 'registry-actual' && b.host === NOT_DEPLOYED_HOST) return 'is not deployed; default port';
  return 'binds';
}

/** `host `dev``, or `host `dev` in compose project `django``: where a place is, for messages. */
export function describePlace(host: string, scope?: string): string {
  return scope === undefined ? `host ${quote(host)}` : `host ${quote(host)} in compose project ${quote(scope)}`;
}

/** The standard note for a related reference. */
export function relatedReference(r: Reference): Related {
  return { location: r.location, message: `expects ${quote(r.target)} at ${r.port} here (${r.source} ${r.kind})` };
}

/** Orders bindings by location, then port, so that "the first binding" is stable. */
export function byLocation<T extends { location: Binding['location'] }>(a: T, b: T): number {
  return compareLocations(a.location, b.location);
}

/** A sorted copy. */
export function sorted<T extends { location: Binding['location'] }>(items: readonly T[]): T[] {
  return [...items].sort(byLocation);
}


/** Distinct numbers, ascending. */
export function distinct(ports: readonly number[]): number[] {
  return [...new Set(ports)].sort((a, b) => a - b);
}

/** `` `3002` ``, `` `3002` or `3003` ``: ports written for a message. */
export function portList(ports: readonly number[], joiner = 'or'): string {
  const quoted = distinct(ports).map((p) => `${quote(p)}`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} ${joiner} ${quoted[quoted.length - 1]}`;
}

/** `` `a` ``, `` `a` and `b` ``, `` `a`, `b` and `c` ``: names written for a message. */
export function nameList(names: readonly string[]): string {
  const quoted = names.map((n) => `${quote(n)}`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/** True when a location spans exactly the digits of `port` on one line, so replacing it is safe. */
export function spansPort(location: Binding['location'], port: number): boolean {
  return location.line === location.endLine && location.endColumn - location.column === String(port).length;
}
