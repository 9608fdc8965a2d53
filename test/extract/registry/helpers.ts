/** Shared helpers of the registry tests: repo-relative paths, fixtures, compact views. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import type { Binding } from '../../../src/core/statements.js';
import { parseRegistry } from '../../../src/extract/registry/index.js';
import { SHARED_DIR } from '../../support/shared.js';

/** The repository root, from this file's location (not from the cwd). */
export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** `../shared/seed` beside the checkout; absent in a plain clone. */
export const seedDir = join(SHARED_DIR, 'seed');

/** Parses `test/fixtures/registry/<name>` under a stable repo-relative path. */
export function parseFixture(name: string) {
  const path = `test/fixtures/registry/${name}`;
  return parseRegistry(path, readFileSync(resolve(repoRoot, path), 'utf8'));
}

/** `host service port`, the identity of a binding without its location. */
export function triple(b: Binding): string {
  return `${b.host} ${b.service} ${b.port}`;
}

/** `line:column-endColumn` of a binding's port. */
export function pos(b: Binding | undefined): string {
  return b ? `${b.location.line}:${b.location.column}-${b.location.endColumn}` : 'missing';
}
