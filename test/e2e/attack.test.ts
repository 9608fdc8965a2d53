/**
 * The attack on `pull_request_target`, end to end through the bundled Action: the job's
 * workspace is the base branch as `actions/checkout` leaves it, with the token persisted in
 * `.git/config` (`extraheader = AUTHORIZATION: basic <base64 of x-access-token:TOKEN>`). A fork
 * pull request adds a root `.env` that is a symlink to that file, and a compose port that
 * interpolates `${extraheader}`; another adds an env file with a database password and a port
 * that interpolates it. Neither secret may reach anything the world can read: a request body
 * sent to GitHub (check run, review, comments), a log line, the outputs file, the job summary,
 * the JSON report or the SARIF file.
 *
 * PORTWARDEN_E2E_ENTRY=<bundle> tests a bundle outside dist/ (see run-action.ts).
 */
import { existsSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, type TestContext } from 'vitest';
import { pullRequestEvent } from '../support/events.js';
import { createTempRepo, type FileTree, type TempRepo } from '../support/git-repo.js';
import { startGitHubStub } from '../support/github-stub.js';
import { runAction, TEST_TOKEN, whyActionUnavailable, type ActionRun } from './run-action.js';
import { OWNER, PR_NUMBER, REPO, registry } from './scenario.js';

const unavailable = whyActionUnavailable();
if (unavailable) console.warn(`[e2e] skipping the attack suite: ${unavailable}`);

const REGISTRY = 'docs/PORT_SCHEMA.md';
/** The header value `actions/checkout` persists: base64 of `x-access-token:<token>`. */
const BASIC = Buffer.from(`x-access-token:${TEST_TOKEN}`).toString('base64');
const REPORTERS = 'check-run,review,comment,job-summary,annotations,sarif';

/** What a fork PR adds on top of the base; `link` makes `path` a symlink to `target` (absolute). */
interface HostilePr {
  files: FileTree;
  link?: { path: string; target: (workspace: string) => string };
}

/** Everything a run leaves where people can read it. */
interface Exposure {
  requestBodies: string;
  stdout: string;
  stderr: string;
  outputs: string;
  summary: string;
  report: string;
  sarif: string;
}

/**
 * Builds the base repository, the workspace checked out at the base with the token in its
 * `.git/config` (as actions/checkout does), the fork's head commit, and the GitHub stand-in;
 * runs the Action on `pull_request_target`; returns the run and what it exposed.
 */
async function attack(ctx: TestContext, pr: HostilePr): Promise<{ run: ActionRun; exposed: Exposure; requests: number }> {
  const origin = createTempRepo();
  const dirs: TempRepo[] = [origin];
  const gh = await startGitHubStub({ owner: OWNER, repo: REPO });
  ctx.onTestFinished(async () => {
    await gh.close();
    for (const d of dirs) d.remove();
  });

  origin.write({ [REGISTRY]: registry([['web', 3001]]), 'README.md': '# ports\n' });
  const baseSha = origin.commit('base');

  // The workspace: the base branch at depth 1, and the persisted credential checkout leaves.
  const workspace = createTempRepo('portwarden-workspace-');
  dirs.push(workspace);
  workspace.git('remote', 'add', 'origin', `file://${origin.dir}`);
  workspace.git('fetch', '-q', '--no-tags', '--depth=1', 'origin', `+${baseSha}:refs/remotes/origin/main`);
  workspace.git('checkout', '-q', '--force', 'refs/remotes/origin/main');
  workspace.git('config', '--local', 'http.https://github.com/.extraheader', `AUTHORIZATION: basic ${BASIC}`);
  expect(readFileSync(join(workspace.dir, '.git/config'), 'utf8')).toContain(BASIC);

  // The fork's head: plain files, and a symlink pointing at the runner's `.git/config`.
  origin.checkout('feature', { create: true });
  origin.write(pr.files);
  if (pr.link) symlinkSync(pr.link.target(workspace.dir), join(origin.dir, pr.link.path));
  const headSha = origin.commit('hostile change');
  origin.git('update-ref', `refs/pull/${PR_NUMBER}/head`, headSha);
  origin.git('config', 'uploadpack.allowAnySHA1InWant', 'true');
  const fork = 'mallory/ports';
  gh.state.addPull({ number: PR_NUMBER, headSha, baseSha, headRef: 'feature', baseRef: 'main', files: origin.pullFiles(baseSha, headSha), fork: true, commits: [headSha], headRepoFullName: fork });

  const run = await runAction({
    workspace: workspace.dir,
    eventName: 'pull_request_target',
    event: pullRequestEvent({ action: 'opened', repository: `${OWNER}/${REPO}`, number: PR_NUMBER, headSha, baseSha, headRef: 'feature', baseRef: 'main', headRepository: fork }),
    apiUrl: gh.url,
    repository: `${OWNER}/${REPO}`,
    sha: baseSha,
    ref: 'refs/heads/main',
    headRef: 'feature',
    baseRef: 'main',
    inputs: { reporters: REPORTERS, comment: 'always', 'fail-level': 'never' },
  });
  ctx.onTestFinished(() => rmSync(run.runnerTemp, { recursive: true, force: true }));
  const read = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : '');
  const exposed: Exposure = {
    requestBodies: JSON.stringify(gh.requests.map((r) => r.body ?? null)),
    // `::add-mask::` lines are the runner's protocol for registering a secret: the runner
    // consumes them and never shows them. Every other line is the public log.
    stdout: run.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n'),
    stderr: run.stderr,
    outputs: read(join(run.runnerTemp, 'output')),
    summary: run.summary,
    report: read(join(run.runnerTemp, 'portwarden-report.json')),
    sarif: read(join(workspace.dir, 'portwarden.sarif')),
  };
  return { run, exposed, requests: gh.requests.length };
}

/** Names the channels that contain any of `secrets`. */
function leaks(exposed: Exposure, secrets: string[]): string[] {
  return Object.entries(exposed).flatMap(([channel, text]) => secrets.filter((s) => text.includes(s)).map((s) => `${channel} contains ${s.slice(0, 12)}…`));
}

/** The run did its job: no crash, a check run and a summary written, so the absence of the secret means something. */
function expectRanToTheEnd(run: ActionRun, exposed: Exposure, requests: number): void {
  expect({ exitCode: run.exitCode, stderr: run.stderr.slice(-2000) }).toMatchObject({ exitCode: 0 });
  expect(run.stderr, 'no crash').not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(requests, 'the Action talked to GitHub').toBeGreaterThan(0);
  expect(exposed.requestBodies).toContain('portwarden');
  expect(exposed.summary.length, 'a job summary was written').toBeGreaterThan(0);
  expect(exposed.report, 'the JSON report was written').toContain('"findings"');
}

describe.skipIf(unavailable !== undefined)('a hostile pull request on pull_request_target', { timeout: 90_000 }, () => {
  it('cannot get the job token out through a root .env linked to .git/config and a compose port ${extraheader}', async (ctx) => {
    const { run, exposed, requests } = await attack(ctx, {
      files: { 'docker-compose.yml': 'services:\n  web:\n    image: nginx\n    ports:\n      - "${extraheader}:80"\n    environment:\n      PORT: ${extraheader}\n' },
      link: { path: '.env', target: (workspace) => join(workspace, '.git', 'config') },
    });
    expectRanToTheEnd(run, exposed, requests);
    expect(leaks(exposed, [TEST_TOKEN, BASIC, 'AUTHORIZATION: basic'])).toEqual([]);
    // The token was registered with the runner in both forms, so its log masks them too.
    expect(run.stdout).toContain(`::add-mask::${TEST_TOKEN}`);
    expect(run.stdout).toContain(`::add-mask::${BASIC}`);
  });

  it('cannot get a database password out of an env file through a compose port that interpolates it', async (ctx) => {
    const password = 's3cretPass';
    const { run, exposed, requests } = await attack(ctx, {
      files: {
        '.env': 'APP_NAME=web\nDATABASE_URL=postgres://user:s3cretPass@db:5432/app\n',
        'docker-compose.yml': 'services:\n  web:\n    image: nginx\n    ports:\n      - "${DATABASE_URL}:80"\n    expose:\n      - "${DATABASE_URL}"\n    environment:\n      PORT: ${DATABASE_URL}\n',
      },
    });
    expectRanToTheEnd(run, exposed, requests);
    expect(leaks(exposed, [password, 'user:s3cret', TEST_TOKEN, BASIC])).toEqual([]);
    // The value was read and judged: the findings name the variable and where it came from.
    expect(exposed.summary + exposed.requestBodies).toMatch(/`\$\{DATABASE_URL\}` from `\.env:2`/);
  });
});
