/**
 * The check command (pull_request, pull_request_target, merge_group, push and the scheduled
 * events): analysis (with a baseline on pull requests) → verdict → placement of inline
 * comments → every selected channel → outputs → exit code.
 */
import * as core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { openCacheStore } from '../cache-store.js';
import { verdict } from '../baseline/verdict.js';
import { sortFindings } from '../core/finding.js';
import type { RunContext } from '../github/context.js';
import { createOctokit } from '../github/octokit.js';
import type { Delivery, Logger } from '../github/reporter.js';
import { runReporters } from '../github/run-reporters.js';
import { toJsonReport } from '../report/json.js';
import { VERSION } from '../version.js';
import { analyse, type Analysis } from './analyse.js';
import { reviewPlacements } from './head-files.js';
import { planReporters } from './plan.js';
import type { Settings } from './settings.js';

/** Runs the check on `context` and sets the outputs; a failing verdict fails the step. Throws on errors the run cannot recover from. */
export async function runCheck(settings: Settings, context: RunContext, log: Logger): Promise<void> {
  const store = settings.cacheFile ? openCacheStore(resolve(context.workspace, settings.workingDirectory, settings.cacheFile), log.warning, settings.cacheFile) : undefined;
  const analysis = await analyse({
    workspace: context.workspace,
    workingDirectory: settings.workingDirectory,
    ...(settings.configPath ? { configPath: settings.configPath } : {}),
    ...(context.compare ? { compare: context.compare } : {}),
    // Under pull_request_target the pull request is data: its head is read from git objects, never checked out or run.
    headFromGit: context.event === 'pull_request_target',
    ...(store ? { cache: store.cache } : {}),
    log: log.info,
  });
  store?.save();
  try {
    for (const note of analysis.notes) log.warning(note);
    const run: Delivery = { context, settings, analysis, ...verdict(analysis.classified, settings.failLevel), placements: reviewPlacements(analysis), version: VERSION };

    const octokit = settings.token ? createOctokit({ token: settings.token, baseUrl: context.apiUrl, log: log.info }) : undefined;
    if (!octokit) log.warning('Input `token` is empty; nothing is written through the GitHub API.');
    await runReporters(run, planReporters(settings, context, octokit), log);

    const path = await writeJsonReport(analysis, context.workspace);
    const { classified } = analysis;
    core.setOutput('new', classified.new.length);
    core.setOutput('existing', classified.existing.length);
    core.setOutput('fixed', classified.fixed.length);
    core.setOutput('not-checked', classified.notChecked.length);
    core.setOutput('suppressed', classified.suppressed.length);
    core.setOutput('suppressions-added', analysis.suppressions.length);
    core.setOutput('conclusion', run.conclusion);
    core.setOutput('report', path);

    if (run.failing.length > 0) {
      const scope = analysis.mode === 'pull-request' ? 'new finding' : 'finding';
      core.setFailed(`portwarden: ${run.failing.length} ${scope}${run.failing.length === 1 ? '' : 's'} at or above fail-level \`${settings.failLevel}\`.`);
    } else log.info(`portwarden: ${run.conclusion}.`);
  } finally {
    await analysis.dispose();
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
