/**
 * The seed registry (../shared/seed, present in CI and developer sessions, absent from a plain
 * clone), parsed once for the assignment tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Binding } from '../../src/core/statements.js';
import { parseRegistry } from '../../src/extract/registry/index.js';

export const SEED_DIR = resolve(import.meta.dirname, '../../../shared/seed');
const path = join(SEED_DIR, 'PORT_SCHEMA.md');

/** The seed's registry text, or undefined (with a line saying why the tests are skipped). */
export const seedText: string | undefined = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
if (seedText === undefined) console.log(`assignment seed tests skipped: ${path} is absent (a plain clone has no ../shared)`);

/** The seed parsed as `docs/PORT_SCHEMA.md`. */
export function seedRegistry() {
  return parseRegistry('docs/PORT_SCHEMA.md', seedText ?? '').doc;
}


/** `usesOf` over a list of bindings, as the model's occupancy answers it: every binding on the port, container-internal ports excluded. */
export function usesOver(bindings: readonly Binding[]): (port: number) => readonly Binding[] {
  return (port) => bindings.filter((b) => b.port === port && b.network !== 'container');
}
