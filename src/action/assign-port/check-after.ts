/**
 * The check of the new head. A commit made with the workflow token starts no workflow, so the
 * command checks the edited tree itself, against its base (the pull request's merge base, or
 * the default branch the new branch starts from), and posts the `portwarden` check run on the
 * new commit.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { classify } from '../../baseline/classify.js';
import { check, type CheckResult } from '../../engine.js';
import type { FileEdit } from '../../assign/assign.js';
import type { RunContext } from '../../github/context.js';
import type { GitHubClient } from '../../github/octokit.js';
import { checkRunReporter } from '../../github/check-run.js';
import type { Delivery, ReporterResult } from '../../github/reporter.js';
import { verdict } from '../../baseline/verdict.js';
import type { Settings } from '../settings.js';
import { VERSION } from '../../version.js';

export interface CheckAfterInput {
  client: GitHubClient;
  context: RunContext;
  settings: Settings;
  /** The monorepo root of the exported tree the edits were made on. */
  root: string;
  configPath?: string;
  edits: readonly FileEdit[];
  /** The base's check. */
  base: CheckResult;
}

/** Writes the edits into the exported tree, checks it and posts the check run on `context.headSha`. */
export async function postCheckAfter(input: CheckAfterInput): Promise<ReporterResult> {
  for (const edit of input.edits) await writeFile(join(input.root, edit.path), edit.text);
  const head = await check({ root: input.root, ...(input.configPath ? { configPath: input.configPath } : { defaultConfig: true }) });
  const classified = classify(head.findings, input.base.findings, { suppressed: head.suppressed });
  const analysis = { mode: 'pull-request' as const, head, classified, prefix: '', notes: [], suppressions: [] };
  const run: Delivery = { context: input.context, settings: input.settings, analysis, ...verdict(classified, input.settings.failLevel), placements: [], version: VERSION };
  return checkRunReporter(input.client).report(run);
}
