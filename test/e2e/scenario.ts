/**
 * One end-to-end scenario: a temporary repository holding a pull request, a workspace
 * checked out as actions/checkout leaves it, the GitHub stand-in seeded with the PR, and a
 * `run()` that executes the bundled Action against them. `finish()` writes the request log
 * (with PORTWARDEN_RECORD=1) and removes everything.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pullRequestEvent } from '../support/events.js';
import { actionsCheckout, createPullRequestRepo, pushToPullRequest, type FileTree, type PullRequestRepo, type TempRepo } from '../support/git-repo.js';
import { startGitHubStub, type GitHubStub } from '../support/github-stub.js';
import { runAction, type ActionRun } from './run-action.js';

export const OWNER = 'acme';
export const REPO = 'ports';
export const PR_NUMBER = 7;

/** Where request logs go: one `<scenario>.txt` per scenario. */
export const REQUEST_LOG_DIR = fileURLToPath(new URL('./__requests__/', import.meta.url));

export interface Scenario {
  name: string;
  gh: GitHubStub;
  /** The PR as it stands (updated by `push`). */
  pr: PullRequestRepo;
  workspace: TempRepo;
  runs: ActionRun[];
  /** Pushes `change` to the PR branch: new head, a `synchronize` event, a fresh checkout. */
  push(change: FileTree): void;
  /** Runs the Action once more on the same workspace and stand-in. */
  run(inputs?: Record<string, string>): Promise<ActionRun>;
  finish(): Promise<void>;
}

export interface ScenarioOptions {
  /** `owner/repo` of a fork the PR comes from; its token is read-only. */
  forkFrom?: string;
  /** `pull_request_target`: the workspace holds the base branch and GITHUB_SHA is its tip. */
  target?: boolean;
}

/** Builds the repository (base on `main`, `change` on `feature`) and the stand-in for one PR. */
export async function startScenario(name: string, base: FileTree, change: FileTree, options: ScenarioOptions = {}): Promise<Scenario> {
  const gh = await startGitHubStub({ owner: OWNER, repo: REPO });
  let pr = createPullRequestRepo(base, change);
  const checkout = () => actionsCheckout(pr, PR_NUMBER, { base: options.target === true });
  const workspaces = [checkout()];
  const fork = options.forkFrom !== undefined;
  const seed = (commits: string[]) =>
    gh.state.addPull({ number: PR_NUMBER, headSha: pr.headSha, baseSha: pr.baseSha, headRef: pr.headRef, baseRef: pr.baseRef, files: pr.files, fork, commits, ...(fork ? { headRepoFullName: options.forkFrom } : {}) });
  const eventFor = (action: 'opened' | 'synchronize', before?: string) =>
    pullRequestEvent({ action, repository: `${OWNER}/${REPO}`, number: PR_NUMBER, headSha: pr.headSha, baseSha: pr.baseSha, headRef: pr.headRef, baseRef: pr.baseRef, ...(before ? { before } : {}), ...(fork ? { headRepository: options.forkFrom } : {}) });
  seed([pr.headSha]);
  let event = eventFor('opened');
  const runs: ActionRun[] = [];
  const runMarks: number[] = [];
  return {
    name,
    gh,
    get pr() {
      return pr;
    },
    get workspace() {
      return workspaces[workspaces.length - 1]!;
    },
    runs,
    push(next) {
      const before = pr.headSha;
      const pushed = pushToPullRequest(pr, next);
      pr = pushed;
      seed([...pushed.previousHeads, pushed.headSha]);
      event = eventFor('synchronize', before);
      workspaces.push(checkout());
    },
    async run(inputs = {}) {
      const workspace = workspaces[workspaces.length - 1]!;
      runMarks.push(gh.requests.length);
      const result = await runAction({
        workspace: workspace.dir,
        eventName: options.target ? 'pull_request_target' : 'pull_request',
        event,
        apiUrl: gh.url,
        repository: `${OWNER}/${REPO}`,
        sha: options.target ? pr.baseSha : pr.mergeSha,
        ref: options.target ? `refs/heads/${pr.baseRef}` : `refs/pull/${PR_NUMBER}/merge`,
        headRef: pr.headRef,
        baseRef: pr.baseRef,
        inputs,
      });
      runs.push(result);
      return result;
    },
    async finish() {
      if (process.env.PORTWARDEN_RECORD === '1') {
        mkdirSync(REQUEST_LOG_DIR, { recursive: true });
        const lines = gh.requestLines();
        const out: string[] = [];
        runMarks.forEach((start, i) => {
          out.push(`# run ${i + 1} (exit ${runs[i]?.exitCode})`, ...lines.slice(start, runMarks[i + 1] ?? lines.length));
        });
        writeFileSync(`${REQUEST_LOG_DIR}${name}.txt`, out.join('\n') + '\n');
      }
      await gh.close();
      for (const r of runs) rmSync(r.runnerTemp, { recursive: true, force: true });
      for (const w of workspaces) w.remove();
      pr.repo.remove();
    },
  };
}

/** A registry with only a "Real ports today" blockquote; service `i` sits on line `6 + i`. */
export function registry(services: [name: string, port: number][]): string {
  return ['# Port Schema', '', '> ### Real ports today (2026-01-01)', '>', '> **Mac Mini (production):**', ...services.map(([n, p]) => `> - ${n} \`${p}\``), ''].join('\n');
}

/** Line of service `index` in {@link registry}. */
export const registryLine = (index: number) => 6 + index;
