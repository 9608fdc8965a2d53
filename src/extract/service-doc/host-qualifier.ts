/**
 * Which host a qualified port declaration speaks of: `**Port:** 3015 (production)`,
 * `## Port: 3024 (dev)`, `**Port (Mac Mini):** 3023`. A qualifier that names no known
 * host leaves the statement on the doc's default host, because guessing a machine would
 * invent collisions.
 */
import type { HostModel } from '../../core/hosts.js';
import { DEV_HOST, NOT_DEPLOYED_HOST } from '../../core/statements.js';

const DEV_WORDS = /^(?:dev|development|local|localhost|local dev)$/i;
const PROD_WORDS = /^(?:prod|production)$/i;
const NOT_DEPLOYED_WORDS = /^not[\s-]deployed$/i;

/**
 * The first parenthesised qualifier in `text` (`(production)` → `production`), or
 * undefined. Only the text right after the port is passed in, so prose further along the
 * line cannot qualify it.
 */
export function qualifierOf(text: string): string | undefined {
  const m = /^\s*\(([^()]{1,60})\)/.exec(text);
  return m?.[1]?.trim() || undefined;
}

/**
 * Resolves a qualifier to a host id: `dev`/`local` → `dev`; `not deployed`; `production` →
 * the one known host whose label says `(production)` (the registry's
 * `Mac Mini (production)`); otherwise any host the host model resolves by name or address.
 * Returns undefined when nothing resolves.
 */
export function hostOfQualifier(qualifier: string, hosts: HostModel): string | undefined {
  const q = qualifier.trim();
  if (DEV_WORDS.test(q)) return DEV_HOST;
  if (NOT_DEPLOYED_WORDS.test(q)) return NOT_DEPLOYED_HOST;
  if (PROD_WORDS.test(q)) {
    const prod = hosts.list().filter((h) => [h.label, ...h.aliases].some((n) => /\((?:prod|production)\)|^(?:prod|production)$/i.test(n.trim())));
    if (prod.length === 1) return prod[0]?.id;
  }
  return hosts.resolve(q)?.id;
}
