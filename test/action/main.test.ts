/**
 * The Action's run(): an event that is not for portwarden (an issue comment, while no command
 * takes it) logs why and leaves the step green; a broken input fails the step, naming it.
 */
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
  it('an issue comment is not for the check: says so and exits 0', async () => {
    process.env.GITHUB_EVENT_NAME = 'issue_comment';
    delete process.env.GITHUB_EVENT_PATH;
    await run();
    expect(process.exitCode).toBeUndefined();
    expect(written.join('')).toContain('portwarden: event `issue_comment` is not one portwarden checks');
  });

  it('a bad input fails the step with a message naming it, before anything is read', async () => {
    process.env.GITHUB_EVENT_NAME = 'push';
    process.env['INPUT_FAIL-LEVEL'] = 'fatal';
    await run();
    expect(process.exitCode).toBe(1);
    expect(written.join('')).toContain('::error::Input `fail-level` is `fatal`; expected one of error, warning, notice, never.');
  });
});
