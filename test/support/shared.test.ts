import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { needsShared } from './shared.js';

const ROOT = resolve(import.meta.dirname, '../..');

describe('tests that need ../shared', () => {
  it('are not skipped when their files are present', () => {
    expect(needsShared()).toEqual({ skip: false, meta: {} });
  });

  it('are skipped when it is absent, and the run says once how many and why', { timeout: 120_000 }, async () => {
    const empty = mkdtempSync(join(tmpdir(), 'pw-no-shared-'));
    const { stdout } = await promisify(execFile)(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'test/cli/seed.test.ts', 'test/rules/all-rules.test.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORTWARDEN_SHARED_DIR: empty, NO_COLOR: '1', CI: '1' },
    });
    const lines = stdout.split('\n').filter((l) => l.includes('skipped: '));
    expect(lines).toEqual([
      `3 tests skipped: ${join(empty, 'seed/PORT_SCHEMA.lossy.md')}, ${join(empty, 'seed/PORT_SCHEMA.md')} are absent (a plain clone has no ../shared). Skipped in test/cli/seed.test.ts (2), test/rules/all-rules.test.ts (1).`,
    ]);
  });
});
