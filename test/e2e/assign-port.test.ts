/**
 * End-to-end: `/assign-port` through the bundled Action (`node dist/index.js` on an
 * `issue_comment` event), against a real temporary git repository and the stand-in for
 * api.github.com, which checks every request against GitHub's OpenAPI description and keeps
 * file contents per branch with compare-and-swap on blob shas.
 *
 * PORTWARDEN_RECORD=1 writes the request log of each scenario to
 * test/e2e/__requests__/assign-port-<scenario>.txt.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, type TestContext } from 'vitest';
import { issueCommentEvent } from '../support/events.js';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';
import { startGitHubStub, type GitHubStub } from '../support/github-stub.js';
import { runAction, whyActionUnavailable, type ActionRun } from './run-action.js';
import { REQUEST_LOG_DIR } from './scenario.js';

const unavailable = whyActionUnavailable();
if (unavailable) console.warn(`[e2e] skipping the /assign-port end-to-end suite: ${unavailable}`);

const OWNER = 'acme';
const REPO = 'ports';
const REGISTRY = 'docs/PORT_SCHEMA.md';
const PR = 7;
const ISSUE = 12;

const REGISTRY_TEXT = `# Port Schema

## 3020-3039: AI/ML Services

| Port | Service | Runtime | Description |
|------|---------|---------|-------------|
| 3020 | mana-llm | Python | LLM abstraction |
| 3021 | mana-stt | Python | Speech-to-Text |
| 3022-3039 | *(reserved)* | | |

## 4000-4099: Misc

| Port | Service | Description |
|------|---------|-------------|
| 4000 | landings | Static pages |
`;

const BASE = {
  [REGISTRY]: REGISTRY_TEXT,
  'services/mana-llm/CLAUDE.md': '# mana-llm\n\n**Port:** 3020\n',
  // mana-stt's code binds 3022 on the dev host: the allocator must skip it.
  'services/mana-stt/CLAUDE.md': '# mana-stt\n\n**Port:** 3021\n',
  'services/mana-stt/docker-compose.yml': 'services:\n  mana-stt:\n    image: stt\n    ports:\n      - "3022:3022"\n',
  'services/mana-foo/CLAUDE.md': '# mana-foo\n\nA new service.\n',
};

interface Setup {
  gh: GitHubStub;
  repo: TempRepo;
  mainSha: string;
  headSha: string;
  /** Runs the Action on one comment. */
  comment(body: string, options?: { login?: string; onPullRequest?: boolean; id?: number; bot?: boolean; action?: string }): Promise<ActionRun>;
}

async function setup(ctx: TestContext, name: string, options: { fork?: boolean } = {}): Promise<Setup> {
  const gh = await startGitHubStub({ owner: OWNER, repo: REPO });
  let nextComment = 5000;
  const repo = createTempRepo('pw-assign-e2e-');
  repo.write(BASE);
  const mainSha = repo.commit('base');
  repo.checkout('feature', { create: true });
  const change = { 'services/mana-foo/app.py': 'print("hello")\n' };
  repo.write(change);
  const headSha = repo.commit('feature');
  repo.checkout('main');
  gh.state.seedBranch('main', mainSha, BASE);
  gh.state.seedBranch('feature', headSha, { ...BASE, ...change });
  gh.state.addPull({ number: PR, headSha, baseSha: mainSha, headRef: 'feature', baseRef: 'main', ...(options.fork ? { fork: true, headRepoFullName: 'stranger/ports' } : {}) });
  gh.state.issues.add(ISSUE);
  gh.state.permissions.set('alice', 'write').set('mia', 'maintain').set('rob', 'read');
  ctx.onTestFinished(async () => {
    if (process.env.PORTWARDEN_RECORD) {
      mkdirSync(REQUEST_LOG_DIR, { recursive: true });
      writeFileSync(join(REQUEST_LOG_DIR, `assign-port-${name}.txt`), gh.requestLines().join('\n') + '\n');
    }
    await gh.close();
    repo.remove();
  });
  const comment: Setup['comment'] = async (body, o = {}) => {
    const id = o.id ?? nextComment++;
    const number = o.onPullRequest === false ? ISSUE : PR;
    const login = o.login ?? 'alice';
    const event = issueCommentEvent({ repository: `${OWNER}/${REPO}`, number, body, login, onPullRequest: o.onPullRequest !== false, commentId: id });
    event.repository.default_branch = 'main';
    if (o.bot) event.comment.user = { ...event.comment.user, login, type: 'Bot' };
    if (o.action) event.action = o.action;
    gh.state.issueComments.push({ issue: number, data: { ...event.comment, id } });
    return runAction({ workspace: repo.dir, eventName: 'issue_comment', event, apiUrl: gh.url, repository: `${OWNER}/${REPO}`, sha: mainSha, ref: 'refs/heads/main', timeoutMs: 180_000 });
  };
  return { gh, repo, mainSha, headSha, comment };
}

/** No request malformed or refused, apart from the lost compare-and-swaps of a race (409) when `conflicts` allows them. */
function expectCleanTraffic(gh: GitHubStub, conflicts = false): void {
  expect(gh.validationFailures, 'requests GitHub would reject as malformed').toEqual([]);
  const refused = gh.rejections.filter((r) => !(conflicts && r.status === 409 && r.operationId === 'repos/create-or-update-file-contents'));
  expect(refused.map((r) => `${r.method} ${r.path} ${r.status}`), 'requests GitHub would refuse').toEqual([]);
  expect(gh.responseProblems).toEqual([]);
}

function expectExit(run: ActionRun, code: number): void {
  expect({ exitCode: run.exitCode, stderr: run.stderr.slice(-2000), stdout: run.exitCode === code ? '' : run.stdout.slice(-3000) }).toMatchObject({ exitCode: code });
}

/** The replies posted on `number`, apart from the command comments themselves. */
const replies = (s: Setup, number = PR) => s.gh.state.issueCommentsOn(number).filter((c) => c.user.type === 'Bot').map((c) => c.body as string);
const operations = (s: Setup) => s.gh.requests.map((r) => `${r.method} ${r.operationId} ${r.status}`);
const reactions = (s: Setup) => s.gh.calls('reactions/create-for-issue-comment').map((r) => r.body.content);

describe.skipIf(unavailable !== undefined).concurrent('/assign-port (node dist/index.js on issue_comment against a GitHub stand-in)', { timeout: 300_000 }, () => {
  it('an allowed user on a pull request: the row and the port line are committed on its branch, the check run posted on the new head', async (ctx) => {
    const s = await setup(ctx, 'pull-request');
    const run = await s.comment('/assign-port mana-foo in 3020-3039');
    expectExit(run, 0);
    expectCleanTraffic(s.gh);
    const registry = s.gh.state.filesAt('feature')!.get(REGISTRY)!.content;
    expect(registry).toContain('| 3022 | *(reserved)* | | |\n| 3023 | mana-foo | | |\n| 3024-3039 | *(reserved)* | | |\n');
    expect(registry.replace('| 3022 | *(reserved)* | | |\n| 3023 | mana-foo | | |\n| 3024-3039 | *(reserved)* | | |\n', '| 3022-3039 | *(reserved)* | | |\n')).toBe(REGISTRY_TEXT);
    expect(s.gh.state.filesAt('feature')!.get('services/mana-foo/CLAUDE.md')!.content).toBe('# mana-foo\n\nA new service.\n\n**Port:** 3023\n');
    expect(s.gh.state.filesAt('main')!.get(REGISTRY)!.content).toBe(REGISTRY_TEXT);
    const [reply] = replies(s);
    expect(reply).toMatch(/^<!-- portwarden:assign-port -->\n\*\*3023\*\* for `mana-foo` \(range 3020-3039, section `AI\/ML Services`\)\. Committed as \[[0-9a-f]{7}\]\(https:\/\/github.com\/acme\/ports\/commit\/[0-9a-f]{40}\)\./);
    expect(reply).toContain('<details><summary>3 lower ports skipped</summary>');
    expect(reply).toContain('3022: used by `mana-stt` on host `dev`');
    const runs = [...s.gh.state.checkRuns.values()];
    expect(runs.map((r) => [r.head_sha, r.conclusion])).toEqual([[s.gh.state.branches.get('feature'), 'success']]);
    expect(reactions(s)).toEqual(['eyes', 'rocket']);
    expect(operations(s)).toEqual([
      'GET repos/get-collaborator-permission-level 200',
      'POST reactions/create-for-issue-comment 201',
      'GET pulls/get 200',
      'GET pulls/list 200',
      'PUT repos/create-or-update-file-contents 200',
      'PUT repos/create-or-update-file-contents 200',
      'POST checks/create 201',
      'POST issues/create-comment 201',
      'POST reactions/create-for-issue-comment 201',
    ]);
  });

  it('an allowed user on an issue: a branch from the default branch, the commit there, a pull request that closes the issue', async (ctx) => {
    const s = await setup(ctx, 'issue');
    const run = await s.comment('/assign-port mana-foo in "AI/ML Services"', { onPullRequest: false, login: 'mia' });

    expectExit(run, 0);
    expectCleanTraffic(s.gh);
    const branch = [...s.gh.state.branchFiles.keys()].find((b) => b.startsWith('assign-port/'))!;
    expect(branch).toMatch(/^assign-port\/mana-foo-\d+$/);
    expect(s.gh.state.filesAt(branch)!.get(REGISTRY)!.content).toContain('| 3023 | mana-foo | | |');
    expect(s.gh.state.createdPulls).toEqual([{ head: branch, base: 'main', title: 'Assign port 3023 to mana-foo', body: expect.stringContaining(`Closes #${ISSUE}`) }]);
    expect(replies(s, ISSUE)[0]).toMatch(/Opened \[pull request 13\]\(https:\/\/github.com\/acme\/ports\/pull\/13\) with the change\./);
    expect([...s.gh.state.checkRuns.values()].map((r) => r.head_sha)).toEqual([s.gh.state.branches.get(branch)]);
    expect(operations(s)).toEqual([
      'GET repos/get-collaborator-permission-level 200',
      'POST reactions/create-for-issue-comment 201',
      'GET pulls/list 200',
      'GET pulls/list-files 200',
      'POST git/create-ref 201',
      'PUT repos/create-or-update-file-contents 200',
      'PUT repos/create-or-update-file-contents 200',
      'POST pulls/create 201',
      'POST checks/create 201',
      'POST issues/create-comment 201',
      'POST reactions/create-for-issue-comment 201',
    ]);
  });

  it('a read-only user is told so and nothing is written; a bot and an edit get no request at all', async (ctx) => {
    const s = await setup(ctx, 'refused');
    expectExit(await s.comment('/assign-port mana-foo in 3020-3039', { login: 'rob' }), 0);
    expect(replies(s)).toEqual(['<!-- portwarden:assign-port -->\n`rob` has the `read` role here; `/assign-port` needs write, maintain or admin. Nothing was changed.']);
    expect(operations(s)).toEqual(['GET repos/get-collaborator-permission-level 200', 'POST issues/create-comment 201']);
    const before = s.gh.requests.length;
    const bot = await s.comment('/assign-port mana-foo in 3020-3039', { login: 'renovate[bot]', bot: true });
    expectExit(bot, 0);
    expect(bot.stdout).toContain('the comment is by a bot (renovate[bot])');
    const edit = await s.comment('/assign-port mana-foo in 3020-3039', { action: 'edited' });
    expectExit(edit, 0);
    expect(edit.stdout).toContain('the comment was edited, not created');
    expect(s.gh.requests.length).toBe(before);
    expectCleanTraffic(s.gh);
  });

  it('a fork pull request gets the change as a suggestion; a dry run explains and writes nothing', async (ctx) => {
    const s = await setup(ctx, 'fork', { fork: true });
    expectExit(await s.comment('/assign-port mana-foo in 3020-3039'), 0);
    expectExit(await s.comment('/assign-port mana-foo in 3020-3039 --dry-run'), 0);
    expectCleanTraffic(s.gh);
    const [fork, dry] = replies(s);
    expect(fork).toContain('This pull request comes from a fork, which the workflow token cannot push to. Apply this change to the branch:');
    expect(fork).toContain('```diff\n@@ -8,3 +8,5 @@\n | 3021 | mana-stt | Python | Speech-to-Text |\n-| 3022-3039 | *(reserved)* | | |\n+| 3022 | *(reserved)* | | |\n+| 3023 | mana-foo | | |\n+| 3024-3039 | *(reserved)* | | |\n \n```');
    expect(dry).toContain('Dry run: nothing was written.');
    expect(s.gh.calls('repos/create-or-update-file-contents')).toEqual([]);
    expect(s.gh.state.checkRuns.size).toBe(0);
    expect(reactions(s)).toEqual(['eyes', 'rocket', 'eyes', 'rocket']);
  });

  it('help and malformed input each get one plain reply', async (ctx) => {
    const s = await setup(ctx, 'help-malformed');
    expectExit(await s.comment('/assign-port help'), 0);
    expectExit(await s.comment('/assign-port Mana_Foo in 3020-3039 <b>@team</b>'), 0);
    expectCleanTraffic(s.gh);
    const [help, malformed] = replies(s);
    expect(help).toContain('`/assign-port <service> in <lo>-<hi>`');
    expect(malformed).toBe(
      '<!-- portwarden:assign-port -->\nThis is not a command portwarden understands: `/assign-port Mana_Foo in 3020-3039 <b>@team</b>` (it does not follow the form below). Expected one of:\n\n' +
        help!.split('\n\n')[1],
    );
    expect(reactions(s)).toEqual([]);
  });

  it('ten commands at once on one pull request end with ten distinct ports and ten rows', { timeout: 300_000 }, async (ctx) => {
    const s = await setup(ctx, 'race');
    const services = Array.from({ length: 10 }, (_, i) => `svc-${String.fromCharCode(97 + i)}`);
    const runs = await Promise.all(services.map((name) => s.comment(`/assign-port ${name} in 3020-3039`)));
    for (const run of runs) expectExit(run, 0);
    expectCleanTraffic(s.gh, true);
    const registry = s.gh.state.filesAt('feature')!.get(REGISTRY)!.content;
    const rows = services.map((name) => new RegExp(`^\\| (\\d+) \\| ${name} \\| \\| \\|$`, 'm').exec(registry)?.[1]);
    expect(rows.every((r) => r !== undefined), registry).toBe(true);
    expect(new Set(rows).size).toBe(10);
    expect(rows.map(Number).sort((a, b) => a - b)).toEqual([3023, 3024, 3025, 3026, 3027, 3028, 3029, 3030, 3031, 3032]);
    const puts = s.gh.calls('repos/create-or-update-file-contents');
    console.log(`[e2e] race: ${puts.length} PUTs (${puts.filter((p) => p.status === 409).length} conflicts) for 10 rows`);
  });
});
