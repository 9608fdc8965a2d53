// A real run: a tiny repository with a base and a head commit, analysed by the engine, with
// the review's placements as the check command computes them.
import { analyse, type Analysis } from '../../src/action/analyse.js';
import { reviewPlacements } from '../../src/action/head-files.js';
import type { RunContext } from '../../src/github/context.js';
import type { Delivery } from '../../src/github/reporter.js';
import { verdict } from '../../src/baseline/verdict.js';
import { readSettings, type Settings } from '../../src/action/settings.js';
import { VERSION } from '../../src/version.js';
import { tempRepo, type TempRepo } from './git-fixture.js';

export function registry(entries: [string, number][], preamble = ''): string {
  return ['# Port Schema', preamble, '> **Real ports today**', '>', '> **Mac Mini (production):**', ...entries.map(([s, p]) => `> - ${s} \`${p}\``), ''].join('\n');
}

export const BASE = registry([
  ['svc-a', 3001],
  ['svc-b', 3001],
  ['svc-c', 3002],
  ['svc-x', 3005],
  ['svc-y', 3005],
]);
export const HEAD = registry([
  ['svc-a', 3001],
  ['svc-b', 3001],
  ['svc-c', 3002],
  ['svc-e', 3002],
  ['svc-x', 3005],
  ['svc-y', 3006],
]);

/** What the channels are handed, with the whole analysis (diff, head tree) for tests that look at it. */
export type FixtureRun = Delivery & { analysis: Analysis; settings: Settings };

export const settings = (over: Partial<Settings> = {}): Settings => ({ ...readSettings(() => ''), token: 't', ...over });

/** Analyses base → head in a new temp repo; `remove()` deletes it. */
export async function prRun(files: { base: Record<string, string>; head: Record<string, string | null> } = { base: { 'docs/PORT_SCHEMA.md': BASE }, head: { 'docs/PORT_SCHEMA.md': HEAD } }, over: Partial<Settings> = {}): Promise<{ run: FixtureRun; repo: TempRepo }> {
  const repo = tempRepo();
  const baseSha = repo.commit(files.base);
  const headSha = repo.commit(files.head);
  const s = settings(over);
  const pr = { number: 7, baseSha, headSha, baseRef: 'main', headRepoFullName: 'octo/mono', fork: false };
  const analysis = await analyse({ workspace: repo.dir, workingDirectory: s.workingDirectory, compare: pr });
  const context: RunContext = { event: 'pull_request', owner: 'octo', repo: 'mono', sha: headSha, headSha, workspace: repo.dir, apiUrl: 'http://127.0.0.1:1', serverUrl: 'https://github.com', pr };
  return { run: { context, settings: s, analysis, ...verdict(analysis.classified, s.failLevel), placements: reviewPlacements(analysis), version: VERSION }, repo };
}
