/**
 * Golden files: `expectGolden(path, actual)` compares with the committed file; run with
 * `UPDATE_GOLDENS=1 npm test` to rewrite them after an intended change, then review the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';

export function expectGolden(path: string, actual: string): void {
  if (process.env.UPDATE_GOLDENS === '1' || !existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    if (process.env.UPDATE_GOLDENS !== '1' && process.env.CI) throw new Error(`Golden ${path} was missing; it has been written: review and commit it.`);
    return;
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
