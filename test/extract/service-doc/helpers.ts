/** Test helpers: run the service-doc extractor on a fixture or an inline text. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractServiceDoc } from '../../../src/extract/service-doc/index.js';
import { HostModel } from '../../../src/core/hosts.js';
import { createLocator } from '../../../src/core/location.js';
import { ServiceIndex } from '../../../src/core/services.js';
import type { Extraction } from '../../../src/core/statements.js';

/** Hosts as the registry parser would report them for the seed. */
export function seedHosts(): HostModel {
  return new HostModel([
    { id: 'windows-gpu-server', label: 'Windows GPU server', aliases: [], addresses: ['192.168.178.11'] },
    { id: 'mac-mini', label: 'Mac Mini (production)', aliases: [], addresses: [] },
  ]);
}

/** Services the repository knows. */
export function seedServices(): ServiceIndex {
  const s = new ServiceIndex();
  for (const n of ['mana-auth', 'mana-credits', 'mana-sync', 'mana-search', 'mana-user', 'redis', 'postgres', 'chat-server']) s.add(n);
  return s;
}

/** Extracts `text` as the CLAUDE.md of `service` (`null`: a doc outside any service). */
export function extractText(text: string, service: string | null = 'svc', opts: { host?: string; hosts?: HostModel } = {}): Extraction {
  const path = service === null ? 'CLAUDE.md' : `services/${service}/CLAUDE.md`;
  return extractServiceDoc(
    { path, text, locator: createLocator(path, text), ...(service !== null ? { service } : {}), ...(opts.host ? { host: opts.host } : {}) },
    { hosts: opts.hosts ?? seedHosts(), services: seedServices(), env: new Map() },
  ) as Extraction;
}

/** Extracts the fixture `test/fixtures/service-doc/<name>/CLAUDE.md` as the doc of `service`. */
export function extractFixture(name: string, service = 'svc', opts: { host?: string; hosts?: HostModel } = {}): Extraction {
  const text = readFileSync(fileURLToPath(new URL(`../../fixtures/service-doc/${name}/CLAUDE.md`, import.meta.url)), 'utf8');
  return extractText(text, service, opts);
}
