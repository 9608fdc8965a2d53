/**
 * The Action's run(): an event that is not for portwarden (an issue comment that is no
 * command) logs why and leaves the step green; a broken input fails the step, naming it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/action/main.js';

const saved = { ...process.env };
let written: string[];

beforeEach(() => {
  written = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  process.exitCode = undefined;
});

afterEach(() => {
  vi.restoreAllMocks();
  process.env = { ...saved };
  process.exitCode = undefined;
});

describe('run', () => {
  it('an issue comment goes to /assign-port: one that is no command says so and exits 0', async () => {
    const event = join(mkdtempSync(join(tmpdir(), 'pw-main-')), 'event.json');
    writeFileSync(event, JSON.stringify({ action: 'created', issue: { number: 1 }, comment: { id: 2, body: 'LGTM', user: { login: 'u', type: 'User' } } }));
    process.env.GITHUB_EVENT_NAME = 'issue_comment';
    process.env.GITHUB_EVENT_PATH = event;
    await run();
    expect(process.exitCode).toBeUndefined();
    expect(written.join('')).toContain('portwarden /assign-port: the first line of the comment is not an /assign-port command.');
  });

  it('a bad input fails the step with a message naming it, before anything is read', async () => {
    process.env.GITHUB_EVENT_NAME = 'push';
    process.env['INPUT_FAIL-LEVEL'] = 'fatal';
    await run();
    expect(process.exitCode).toBe(1);
    expect(written.join('')).toContain('::error::Input `fail-level` is `fatal`; expected one of error, warning, notice, never.');
  });
});
