/**
 * The Action's run(): reads the settings and the event, and dispatches to the command the
 * event is for. It holds the only top-level catch; an event that is not for portwarden logs
 * why and exits 0.
 */
import * as core from '@actions/core';
import { readContext } from '../github/context.js';
import type { Logger } from '../github/reporter.js';
import { runAssignPort } from './assign-port/run.js';
import { runCheck } from './check.js';
import { readSettings } from './settings.js';

/**
 * One log line, made inert: `core.info` writes raw, and text from the pull request (a config
 * key, a file name, a git error) could otherwise start a line with `::` and be run as a
 * workflow command (`::add-mask::`, `::stop-commands::`, fake annotations).
 */
export function logLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ⏎ ').replace(/^::/, ': :');
}

const info = (m: string) => core.info(logLine(m));
const logger: Logger = { info, warning: (m) => core.warning(m) };

/** Runs the Action. Never throws: failures become `core.setFailed`. */
export async function run(): Promise<void> {
  try {
    // `issue_comment` is the `/assign-port` command, with its own gates and replies.
    if (process.env.GITHUB_EVENT_NAME === 'issue_comment') return await runAssignPort();
    const settings = readSettings();
    const read = readContext();
    if ('skip' in read) {
      info(`portwarden: ${read.skip}`);
      return;
    }
    await runCheck(settings, read.context, logger);
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}
