/**
 * The Action's run(): settings → context → analysis (with a baseline on pull requests) →
 * reporters → outputs → exit code. It holds the only top-level catch; an event that is not
 * for portwarden logs why and exits 0.
 */
import * as core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { analyse, type Analysis } from './baseline/analyse.js';
import { readContext } from './github/context.js';
import { createOctokit } from './github/octokit.js';
import { sortFindings } from './core/finding.js';
import { toJsonReport } from './report/json.js';
import { planReporters } from './report/plan.js';
import type { Logger, RunReport } from './report/reporter.js';
import { runReporters } from './report/run-reporters.js';
import { verdict } from './report/verdict.js';
import { readSettings } from './settings.js';
import { VERSION } from './version.js';

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
    const settings = readSettings();
    const read = readContext();
    if ('skip' in read) {
      info(`portwarden: ${read.skip}`);
      return;
    }
    const context = read.context;
    const analysis = await analyse({
      workspace: context.workspace,
      workingDirectory: settings.workingDirectory,
      ...(settings.configPath ? { configPath: settings.configPath } : {}),
      ...(context.compare ? { compare: context.compare } : {}),
      // Under pull_request_target the PR is data: its head is read from git objects, never checked out or run.
      headFromGit: context.event === 'pull_request_target',
      log: info,
    });
    for (const note of analysis.notes) core.warning(note);
    const report: RunReport = { context, settings, analysis, ...verdict(analysis.classified, settings.failLevel) };

    const octokit = settings.token ? createOctokit({ token: settings.token, baseUrl: context.apiUrl, log: info }) : undefined;
    if (!octokit) core.warning('Input `token` is empty; nothing is written through the GitHub API.');
    await runReporters(report, planReporters(settings, context, octokit), logger);

    const path = await writeJsonReport(analysis, context.workspace);
    const { classified } = analysis;
    core.setOutput('new', classified.new.length);
    core.setOutput('existing', classified.existing.length);
    core.setOutput('fixed', classified.fixed.length);
    core.setOutput('not-checked', classified.notChecked.length);
    core.setOutput('suppressed', classified.suppressed.length);
    core.setOutput('suppressions-added', analysis.suppressions.length);
    core.setOutput('conclusion', report.conclusion);
    core.setOutput('report', path);

    if (report.failing.length > 0) {
      const scope = analysis.mode === 'pull-request' ? 'new finding' : 'finding';
      core.setFailed(`portwarden: ${report.failing.length} ${scope}${report.failing.length === 1 ? '' : 's'} at or above fail-level \`${settings.failLevel}\`.`);
    } else info(`portwarden: ${report.conclusion}.`);
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}

/** Writes the JSON report to `$RUNNER_TEMP/portwarden-report.json` (or under the workspace) and returns its path. */
async function writeJsonReport(analysis: Analysis, workspace: string): Promise<string> {
  const path = process.env.RUNNER_TEMP ? join(process.env.RUNNER_TEMP, 'portwarden-report.json') : join(workspace, '.portwarden', 'report.json');
  const { classified } = analysis;
  const pr = analysis.mode === 'pull-request';
  const json = toJsonReport(analysis.head, VERSION, pr ? { findings: sortFindings([...classified.new, ...classified.existing]), fixed: classified.fixed, notChecked: classified.notChecked, suppressions: analysis.suppressions } : {});
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, JSON.stringify(json, null, 2) + '\n');
  return path;
}
