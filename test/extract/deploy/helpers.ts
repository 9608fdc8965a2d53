/** Runs one deploy extractor on a fixture or an inline text, as the engine would. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ExtractContext, Extractor, SourceFile } from '../../../src/extract/extractor.js';
import { createLocator, type Location } from '../../../src/core/location.js';
import { HostModel } from '../../../src/core/hosts.js';
import { ServiceIndex } from '../../../src/core/services.js';
import type { Extraction } from '../../../src/core/statements.js';

/** Reads `test/fixtures/deploy/<name>`. */
export function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/deploy/${name}`, import.meta.url)), 'utf8');
}

export interface RunOptions {
  service?: string;
  host?: string;
  known?: string[];
  env?: Record<string, string>;
}

/** Builds the SourceFile and context and extracts. */
export async function run(extractor: Extractor, path: string, text: string, o: RunOptions = {}): Promise<Extraction> {
  const services = new ServiceIndex();
  for (const name of o.known ?? []) services.add(name);
  const file: SourceFile = { path, text, locator: createLocator(path, text) };
  if (o.service) file.service = o.service;
  if (o.host) file.host = o.host;
  const ctx: ExtractContext = {
    hosts: new HostModel([{ id: 'mac-mini', label: 'Mac Mini', aliases: ['macmini'], addresses: [] }]),
    services,
    env: new Map(Object.entries(o.env ?? {})),
  };
  return extractor.extract(file, ctx);
}

/** The text a location covers, for asserting that a span is exactly the port digits. */
export function covered(text: string, loc: Location): string {
  const locator = createLocator(loc.file, text);
  return text.slice(locator.offset(loc.line, loc.column), locator.offset(loc.endLine, loc.endColumn));
}

/** `service:port@host/network via` lines, easy to compare. */
export function summary(x: Extraction): string[] {
  return x.bindings.map((b) => `${b.service}:${b.port}${b.containerPort ? `->${b.containerPort}` : ''}@${b.host}/${b.network} ${b.via}`);
}

/** `kind target:port` lines of the references. */
export function refs(x: Extraction): string[] {
  return x.references.map((r) => `${r.kind} ${r.target}:${r.port}${r.containerNetwork ? ' (container)' : ''}`);
}
