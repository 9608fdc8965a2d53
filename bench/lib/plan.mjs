/**
 * The plan of a synthetic monorepo: which services exist, the port each file states for
 * each of them, and which few statements are planted drifts. Rendering reads only this, so
 * what a benchmark tree says is decided in one place and reported back to the caller.
 */
import { createRandom } from './random.mjs';

/** The first planned port; service i plans BASE_PORT + i (ranges of 100 per group). */
export const BASE_PORT = 10000;
/** The most services a tree can have with every planted port still valid (44000 + i ≤ 65535). */
export const MAX_SERVICES = 65535 - 44000 + 1;
/** Every DEPLOY_EVERY-th service is listed under "Real ports today" on the Mac Mini. */
export const DEPLOY_EVERY = 10;
/** Languages of the source default, in rotation. */
export const LANGS = ['ts-nullish', 'ts-env', 'python', 'go'];
/** Planted drift kinds, in rotation; each changes one or two statements of one service. */
export const DRIFT_KINDS = ['doc-stale', 'source-collision', 'compose-drift', 'registry-stale', 'dockerfile-drift', 'stale-reference'];

/**
 * @typedef {object} Service
 * @property {number} index
 * @property {string} name           `svc-<i>`
 * @property {string} lang           one of {@link LANGS}
 * @property {number} group          range group (100 services each)
 * @property {boolean} deployed      listed under "Real ports today"
 * @property {number} plan           port in the registry's plan table
 * @property {number} doc            port in CLAUDE.md
 * @property {number} source         source default
 * @property {number} env            `.env` PORT
 * @property {number} docker         Dockerfile EXPOSE / ENV PORT / HEALTHCHECK
 * @property {number} compose        host side of the compose mapping
 * @property {number} actual         "Real ports today" entry (when deployed)
 * @property {{ name: string, port: number } | undefined} ref  a URL to the previous service
 * @property {string | undefined} drift  the planted drift kind, if any
 */

/**
 * Plans `n` services with seed `seed`. About 1% of services (at least one) get a planted
 * drift, spread evenly over the tree and rotating through {@link DRIFT_KINDS}.
 * @param {number} n
 * @param {number} [seed]
 * @returns {{ services: Service[], drifts: { service: string, kind: string }[] }}
 */
export function planRepo(n, seed = 20260408) {
  // Drifted ports live at 40000 + i .. 44000 + i, so they stay valid and never collide.
  if (!Number.isInteger(n) || n < 1 || n > MAX_SERVICES) {
    throw new RangeError(`N must be an integer from 1 to ${MAX_SERVICES}, got ${n}`);
  }
  const random = createRandom(seed);
  /** @type {Service[]} */
  const services = [];
  for (let i = 0; i < n; i++) {
    const p = BASE_PORT + i;
    services.push({
      index: i,
      name: `svc-${i}`,
      lang: LANGS[i % LANGS.length],
      group: Math.floor(i / 100),
      deployed: i % DEPLOY_EVERY === 0,
      plan: p, doc: p, source: p, env: p, docker: p, compose: p, actual: p,
      ref: undefined,
      drift: undefined,
    });
  }
  const drifts = [];
  const count = Math.max(1, Math.round(n / 100));
  const taken = new Set();
  for (let k = 0; k < count; k++) {
    const kind = DRIFT_KINDS[k % DRIFT_KINDS.length];
    // Evenly spaced slots with a little jitter; compose drift needs a deployed service.
    let index = Math.min(n - 1, Math.floor(((k + random.next()) * n) / count));
    if (kind === 'compose-drift') index -= index % DEPLOY_EVERY;
    while (taken.has(index)) index = (index + 1) % n;
    taken.add(index);
    plant(services, services[index], kind);
    drifts.push({ service: services[index].name, kind });
  }
  // Each service (but the first) calls the previous one, at the port it really listens on.
  for (const s of services.slice(1)) {
    const prev = services[s.index - 1];
    if (s.drift === 'stale-reference') s.ref = { name: prev.name, port: 44000 + prev.index };
    else s.ref = { name: prev.name, port: prev.drift === 'registry-stale' ? prev.doc : prev.plan };
  }
  return { services, drifts };
}

/** Applies one drift kind to a service: the statements a hurried edit would leave behind. */
function plant(services, s, kind) {
  s.drift = kind;
  const i = s.index;
  switch (kind) {
    case 'doc-stale': // CLAUDE.md still names an old port; the code moved on
      s.doc = 40000 + i;
      break;
    case 'source-collision': // config copied from the neighbour: a latent dev collision
      s.source = services[(i + 1) % services.length].plan;
      break;
    case 'compose-drift': // production compose maps another host port than the registry lists
      s.compose = 41000 + i;
      break;
    case 'registry-stale': // the service moved; only the registry's plan table was not updated
      s.doc = s.source = s.env = s.docker = s.compose = s.actual = 42000 + i;
      break;
    case 'dockerfile-drift': // the image exposes a port the code no longer uses
      s.docker = 43000 + i;
      break;
    case 'stale-reference': // handled when references are wired, above
      break;
    default:
      throw new Error(`unknown drift kind ${kind}`);
  }
}
