/**
 * Runs a source extractor on a fixture the way the engine does: a SourceFile built from the
 * fixture text with `createLocator`, a ServiceIndex, an empty HostModel and no `.env`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Extractor, SourceFile } from '../../../src/extract/extractor.js';
import { HostModel } from '../../../src/core/hosts.js';
import { createLocator } from '../../../src/core/location.js';
import { ServiceIndex } from '../../../src/core/services.js';
import type { Extraction } from '../../../src/core/statements.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/source');

/** The text of `test/fixtures/source/<name>`. */
export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** Where the file sits in the pretend repository, and what the repository knows. */
export interface Place {
  path: string;
  service?: string;
  host?: string;
  services?: string[];
}

/** Extracts `text` as if it were the file at `place.path`. */
export async function run(extractor: Extractor, text: string, place: Place): Promise<Extraction> {
  const services = new ServiceIndex();
  for (const s of place.services ?? []) services.add(s);
  if (place.service) services.add(place.service);
  const file: SourceFile = { path: place.path, text, locator: createLocator(place.path, text) };
  if (place.service) file.service = place.service;
  if (place.host) file.host = place.host;
  return extractor.extract(file, { hosts: new HostModel(), services, env: new Map() });
}

/** The ports of the bindings, in order. */
export const ports = (e: Extraction) => e.bindings.map((b) => b.port);

/** `line:column-endLine:endColumn` of a location, short enough to compare in one assertion. */
export const span = (l: { line: number; column: number; endLine: number; endColumn: number }) => `${l.line}:${l.column}-${l.endLine}:${l.endColumn}`;
