/**
 * End-to-end: the bundled Action (`node dist/index.js`) runs as a child process, as on a
 * runner, against real temporary git repositories and a stand-in for api.github.com that
 * checks every request against GitHub's OpenAPI description. Each scenario asserts the exit
 * code, the outputs file, the requests made and that none of them was malformed.
 *
 * PORTWARDEN_E2E_ENTRY=<bundle> tests a bundle outside dist/; PORTWARDEN_RECORD=1 writes the
 * request log of each scenario to test/e2e/__requests__/<scenario>.txt.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, type TestContext } from 'vitest';
import { SECONDARY_RATE_LIMIT, SERVER_ERROR, type GitHubStub } from '../support/github-stub.js';
import { whyActionUnavailable, type ActionRun } from './run-action.js';
import { PR_NUMBER, registry, registryLine, startScenario, type Scenario } from './scenario.js';

const unavailable = whyActionUnavailable();
if (unavailable) console.warn(`[e2e] skipping the Action end-to-end suite: ${unavailable}`);

const STICKY = '<!-- portwarden:sticky -->';
const FP_MARKER = /<!-- portwarden:fp=[^ ]+ -->/;
const REGISTRY = 'docs/PORT_SCHEMA.md';
const README = '# ports\n\nA monorepo.\n';

/** Base with svc-a on 3001 and svc-b on 3002; the PR moves svc-b onto 3001 (line 7). */
const COLLIDING_PR = [
  { [REGISTRY]: registry([['svc-a', 3001], ['svc-b', 3002]]), 'README.md': README },
  { [REGISTRY]: registry([['svc-a', 3001], ['svc-b', 3001]]) },
] as const;

/** A base that already has the svc-a/svc-b collision. */
const DEBT = { [REGISTRY]: registry([['svc-a', 3001], ['svc-b', 3001]]), 'README.md': README };

/** Starts a scenario that is torn down (and its request log written) when the test ends. */
async function scenario(ctx: TestContext, ...args: Parameters<typeof startScenario>): Promise<Scenario> {
  const s = await startScenario(...args);
  ctx.onTestFinished(() => s.finish());
  return s;
}

/** No request was malformed, refused by GitHub's rules, or answered wrongly by the stand-in. */
function expectCleanTraffic(gh: GitHubStub): void {
  expect(gh.validationFailures, 'requests GitHub would reject as malformed').toEqual([]);
  expect(gh.rejections.map((r) => `${r.method} ${r.path}: ${JSON.stringify(r.response)}`), 'requests GitHub would refuse').toEqual([]);
  expect(gh.responseProblems).toEqual([]);
}

/** Exit code with the logs attached, so a failure shows why. */
function expectExit(run: ActionRun, code: number): void {
  expect({ exitCode: run.exitCode, stderr: run.stderr.slice(-2000), stdout: run.exitCode === code ? '' : run.stdout.slice(-3000) }).toMatchObject({ exitCode: code });
}

/** Outputs `new`, `existing`, `fixed`, `conclusion`, and a readable JSON `report`. */
function expectOutputs(run: ActionRun, expected: { new: number; existing: number; fixed: number; conclusion: string }): void {
  expect({ new: run.outputs.new, existing: run.outputs.existing, fixed: run.outputs.fixed, conclusion: run.outputs.conclusion }).toEqual({
    new: String(expected.new),
    existing: String(expected.existing),
    fixed: String(expected.fixed),
    conclusion: expected.conclusion,
  });
  expect(run.outputs.report, 'the report output').toBeTruthy();
  expect(existsSync(run.outputs.report!)).toBe(true);
  expect(() => JSON.parse(readFileSync(run.outputs.report!, 'utf8'))).not.toThrow();
}

/** The one check run, and that it belongs to the PR head (not the merge commit). */
function onlyCheckRun(s: Scenario) {
  const runs = [...s.gh.state.checkRuns.values()];
  expect(runs).toHaveLength(1);
  expect(runs[0]!.head_sha).toBe(s.pr.headSha);
  return runs[0]!;
}

const stickyComments = (s: Scenario) => s.gh.state.issueCommentsOn(PR_NUMBER).filter((c) => c.body.includes(STICKY));
const writes = (s: Scenario) => s.gh.requests.filter((r) => r.method !== 'GET');
/** The contract's budget: a constant number of requests plus one per further 50 annotations. */
const budget = (annotations: number) => 10 + Math.max(0, Math.ceil(annotations / 50) - 1);

// Each Action run waits about a second between writes (Octokit's throttling); a scenario of
// three runs on a busy 2-core machine needs more than the default 30 s.
describe.skipIf(unavailable !== undefined).concurrent('the Action on pull requests (node dist/index.js against a GitHub stand-in)', { timeout: 90_000 }, () => {
  it('fails the check and posts ONE review with an inline comment on the line that introduces a same-host collision', async (ctx) => {
    const s = await scenario(ctx, 'new-collision', ...COLLIDING_PR);
    const run = await s.run();
    expectExit(run, 1);
    expectOutputs(run, { new: 1, existing: 0, fixed: 0, conclusion: 'failure' });
    const check = onlyCheckRun(s);
    expect(check.status).toBe('completed');
    expect(check.conclusion).toBe('failure');
    expect(check.annotations).toEqual([expect.objectContaining({ path: REGISTRY, start_line: registryLine(1), end_line: registryLine(1), annotation_level: 'failure' })]);
    expect(s.gh.calls('pulls/create-review')).toHaveLength(1);
    const inline = s.gh.state.reviewCommentsOn(PR_NUMBER);
    expect(inline).toHaveLength(1);
    expect(inline[0]).toMatchObject({ path: REGISTRY, line: registryLine(1), side: 'RIGHT', commit_id: s.pr.headSha });
    expect(inline[0]!.body).toContain('svc-a');
    expect(inline[0]!.body, 'names where the other service binds the port').toMatch(/PORT_SCHEMA\.md(#L|:)6\b/);
    expect(inline[0]!.body).toMatch(FP_MARKER);
    expect(stickyComments(s)).toHaveLength(1);
    expect(run.summary).toContain('svc-b');
    expect(s.gh.requests.length).toBeLessThanOrEqual(budget(1));
    expectCleanTraffic(s.gh);
  });

  it('reports a finding the PR fixes as fixed and passes the check', async (ctx) => {
    const s = await scenario(ctx, 'fixes-old-finding', DEBT, { [REGISTRY]: registry([['svc-a', 3001], ['svc-b', 3002]]) });
    const run = await s.run();
    expectExit(run, 0);
    expectOutputs(run, { new: 0, existing: 0, fixed: 1, conclusion: 'success' });
    const check = onlyCheckRun(s);
    expect(check.conclusion).toBe('success');
    expect(check.output.summary).toMatch(/fixed/i);
    expect(s.gh.calls('pulls/create-review')).toEqual([]);
    for (const c of stickyComments(s)) expect(c.body).toMatch(/fixed/i);
    expect(s.gh.requests.length).toBeLessThanOrEqual(budget(0));
    expectCleanTraffic(s.gh);
  });

  it('passes a PR that touches nothing port-related and lists the old debt as existing (job summary; sticky comment with comment: always)', async (ctx) => {
    const s = await scenario(ctx, 'unrelated-change-with-debt', DEBT, { 'README.md': README + '\nMore words, no ports.\n' });
    // The default `on-findings` posts no new sticky comment when the PR changes nothing
    // (no new or fixed findings); `always` asks for it, which is what this scenario checks.
    const run = await s.run({ comment: 'always' });
    expectExit(run, 0);
    expectOutputs(run, { new: 0, existing: 1, fixed: 0, conclusion: 'success' });
    expect(onlyCheckRun(s).conclusion).toBe('success');
    expect(s.gh.calls('pulls/create-review')).toEqual([]);
    expect(s.gh.state.reviewComments).toEqual([]);
    const sticky = stickyComments(s);
    expect(sticky).toHaveLength(1);
    expect(sticky[0]!.body).toMatch(/existing/i);
    expect(sticky[0]!.body).toContain('svc-b');
    expect(run.summary).toMatch(/existing/i);
    expect(run.summary).toContain('svc-b');
    expect(s.gh.requests.length).toBeLessThanOrEqual(budget(1));
    expectCleanTraffic(s.gh);
  });

  it('with the default comment mode, posts no sticky comment on a PR that changes no finding', async (ctx) => {
    const s = await scenario(ctx, 'unrelated-change-default-comment', DEBT, { 'README.md': README + '\nMore words, no ports.\n' });
    const run = await s.run();
    expectExit(run, 0);
    expectOutputs(run, { new: 0, existing: 1, fixed: 0, conclusion: 'success' });
    expect(s.gh.calls('issues/create-comment')).toEqual([]);
    expect(run.summary).toContain('svc-b');
    expectCleanTraffic(s.gh);
  });

  it('on pull_request_target, reads the fork PR head from git objects as data, leaves the base checkout untouched, and comments', async (ctx) => {
    const s = await scenario(ctx, 'pull-request-target', ...COLLIDING_PR, { forkFrom: 'contributor/ports', target: true });
    const baseRegistry = readFileSync(`${s.workspace.dir}/${REGISTRY}`, 'utf8');
    const run = await s.run();
    expectExit(run, 1);
    expectOutputs(run, { new: 1, existing: 0, fixed: 0, conclusion: 'failure' });
    // The check run and the review are on the PR head, though the workspace holds the base.
    expect(onlyCheckRun(s).conclusion).toBe('failure');
    const inline = s.gh.state.reviewCommentsOn(PR_NUMBER);
    expect(inline).toHaveLength(1);
    expect(inline[0]).toMatchObject({ path: REGISTRY, line: registryLine(1), commit_id: s.pr.headSha });
    expect(readFileSync(`${s.workspace.dir}/${REGISTRY}`, 'utf8'), 'the base checkout is never overwritten').toBe(baseRegistry);
    expect(s.workspace.git('status', '--porcelain')).toBe('');
    expectCleanTraffic(s.gh);
  });

  it('on a fork PR with a read-only token, falls back to workflow-command annotations and the job summary, exiting as fail-level says', async (ctx) => {
    const s = await scenario(ctx, 'fork-read-only-token', ...COLLIDING_PR, { forkFrom: 'contributor/ports' });
    s.gh.failWrites();
    const run = await s.run();
    expectExit(run, 1);
    expect(run.stderr, 'no crash').not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(run.outputs.new).toBe('1');
    const error = run.commands.find((c) => c.command === 'error' && c.properties.file === REGISTRY);
    expect(error, `an ::error for ${REGISTRY} in stdout`).toBeDefined();
    expect(error!.properties).toMatchObject({ line: String(registryLine(1)), col: '12' });
    expect(error!.properties.title).toContain('collision/same-host');
    expect(error!.message).toContain('svc-a');
    expect(run.summary).toContain('collision/same-host');
    expect(run.summary).toContain('svc-b');
    // Every write was refused; none was retried (403 "not accessible" is final).
    const w = writes(s);
    expect(w.every((r) => r.status === 403)).toBe(true);
    expect(new Set(w.map((r) => `${r.method} ${r.path}`)).size).toBe(w.length);
    expect(w.length).toBeLessThanOrEqual(4);
    expectCleanTraffic(s.gh);
  });

  it('on a second run on the same head, adds no duplicate review comment and edits the sticky comment instead of posting another', async (ctx) => {
    const s = await scenario(ctx, 'second-run-same-head', ...COLLIDING_PR);
    expectExit(await s.run(), 1);
    const afterFirst = s.gh.state.reviewComments.length;
    const before = s.gh.requests.length;
    const second = await s.run();
    expectExit(second, 1);
    expectOutputs(second, { new: 1, existing: 0, fixed: 0, conclusion: 'failure' });
    expect(afterFirst).toBe(1);
    expect(s.gh.state.reviewComments).toHaveLength(1);
    expect(s.gh.calls('pulls/create-review')).toHaveLength(1);
    expect(s.gh.calls('issues/create-comment')).toHaveLength(1);
    const secondRun = s.gh.requests.slice(before);
    expect(secondRun.filter((r) => r.operationId === 'issues/update-comment' && r.status === 200)).toHaveLength(1);
    expect(stickyComments(s)).toHaveLength(1);
    expect(secondRun.length).toBeLessThanOrEqual(budget(1));
    expectCleanTraffic(s.gh);
  });

  it('with cache-file, writes the cache under the runner temp directory and, run again with it restored, reports the same without a warning', async (ctx) => {
    // A service with a file of its own, so that the cache holds a result.
    const env = { 'services/svc-a/.env': 'PORT=3001\n' };
    const s = await scenario(ctx, 'cache-file', { ...COLLIDING_PR[0], ...env }, COLLIDING_PR[1]);
    // As actions/cache would keep it: outside the workspace, under the runner's temp directory.
    const file = join(mkdtempSync(join(tmpdir(), 'portwarden-runner-cache-')), 'portwarden', 'extraction.cache');
    const first = await s.run({ 'cache-file': file });
    expectExit(first, 1);
    expect(existsSync(file)).toBe(true);
    const saved = readFileSync(file, 'utf8');
    expect(saved.split('\n')[0]).toContain('portwarden-extraction-cache');
    expect(saved).toContain('services/svc-a/.env');
    const second = await s.run({ 'cache-file': file });
    expectExit(second, 1);
    const verdict = (run: ActionRun) => ({ new: run.outputs.new, existing: run.outputs.existing, fixed: run.outputs.fixed, conclusion: run.outputs.conclusion });
    expect(verdict(second)).toEqual(verdict(first));
    expect(verdict(first)).toMatchObject({ new: '1', conclusion: 'failure' });
    const latest = [...s.gh.state.checkRuns.values()].at(-1);
    expect(latest?.annotations).toEqual([expect.objectContaining({ path: REGISTRY, start_line: registryLine(1), annotation_level: 'failure' })]);
    for (const run of [first, second]) expect(run.commands.filter((c) => c.command === 'warning' && /cache/i.test(c.message))).toEqual([]);
    // Nothing changed between the runs: the file is left as the first run wrote it.
    expect(readFileSync(file, 'utf8')).toBe(saved);
    expectCleanTraffic(s.gh);
  });

  it('after a push that fixes a commented finding, edits that review comment to say it was resolved, once', async (ctx) => {
    const s = await scenario(ctx, 'push-resolves-comment', ...COLLIDING_PR);
    expectExit(await s.run(), 1);
    const [comment] = s.gh.state.reviewCommentsOn(PR_NUMBER);
    expect(comment).toBeDefined();
    s.push({ [REGISTRY]: registry([['svc-a', 3001], ['svc-b', 3002]]), 'README.md': README + '\nsvc-b stays on its own port.\n' });
    const second = await s.run();
    expectExit(second, 0);
    expectOutputs(second, { new: 0, existing: 0, fixed: 0, conclusion: 'success' });
    const edits = s.gh.calls('pulls/update-review-comment');
    expect(edits.map((r) => [r.path, r.status])).toEqual([[`/repos/acme/ports/pulls/comments/${comment!.id}`, 200]]);
    const edited = s.gh.state.reviewCommentsOn(PR_NUMBER);
    expect(edited).toHaveLength(1);
    expect(edited[0]!.body).toMatch(/resolved/i);
    expect(edited[0]!.body).toContain(s.pr.headSha.slice(0, 7));
    expect(edited[0]!.body, 'keeps its fingerprint, so it is recognised next time').toMatch(FP_MARKER);
    // The sticky comment exists since run 1, so it is updated even though nothing is left to say.
    expect(s.gh.calls('issues/create-comment')).toHaveLength(1);
    expect(s.gh.calls('issues/update-comment').filter((r) => r.status === 200)).toHaveLength(1);
    const check = [...s.gh.state.checkRuns.values()].find((r) => r.head_sha === s.pr.headSha);
    expect(check?.conclusion).toBe('success');
    // A third run on the same head leaves the resolved comment alone.
    expectExit(await s.run(), 0);
    expect(s.gh.calls('pulls/update-review-comment')).toHaveLength(1);
    expectCleanTraffic(s.gh);
  });

  it('sends 120 annotations as one create with 50 and two updates with 50 and 20, within every size limit', async (ctx) => {
    const pairs: [string, number][] = [['svc-a', 3001]];
    for (let i = 0; i < 120; i++) pairs.push([`pair-${String(i).padStart(3, '0')}-x`, 4000 + i], [`pair-${String(i).padStart(3, '0')}-y`, 4000 + i]);
    const s = await scenario(ctx, 'many-findings-120', { [REGISTRY]: registry([['svc-a', 3001]]) }, { [REGISTRY]: registry(pairs) });
    const run = await s.run();
    expectExit(run, 1);
    expectOutputs(run, { new: 120, existing: 0, fixed: 0, conclusion: 'failure' });
    const created = s.gh.calls('checks/create');
    expect(created).toHaveLength(1);
    expect(created[0]!.body.output.annotations).toHaveLength(50);
    const updates = s.gh.calls('checks/update').filter((r) => r.body.output?.annotations?.length > 0);
    expect(updates.map((r) => r.body.output.annotations.length)).toEqual([50, 20]);
    const check = onlyCheckRun(s);
    expect(check.annotations).toHaveLength(120);
    expect(new Set(check.annotations.map((a) => `${a.path}:${a.start_line}`)).size).toBe(120);
    expect(check.conclusion).toBe('failure');
    expect(check.output.summary.length).toBeLessThanOrEqual(65_535);
    for (const c of stickyComments(s)) expect(c.body.length).toBeLessThanOrEqual(65_536);
    expect(Buffer.byteLength(run.summary)).toBeLessThanOrEqual(1024 * 1024);
    expect(s.gh.calls('pulls/create-review').length).toBeLessThanOrEqual(1);
    expect(s.gh.requests.length).toBeLessThanOrEqual(budget(120));
    expectCleanTraffic(s.gh);
  });

  it('retries a 500 from the check-runs endpoint and succeeds', async (ctx) => {
    const s = await scenario(ctx, 'server-error-then-success', ...COLLIDING_PR);
    s.gh.failNext('checks/create', 1, SERVER_ERROR);
    const run = await s.run({ 'fail-level': 'never' });
    expectExit(run, 0);
    // fail-level never: the new error is shown, not blocking.
    expect(run.outputs.conclusion).toBe('neutral');
    expect(s.gh.calls('checks/create').map((r) => r.status)).toEqual([500, 201]);
    expect(onlyCheckRun(s).conclusion).toBe('neutral');
    expect(s.gh.state.reviewComments).toHaveLength(1);
    expect(stickyComments(s)).toHaveLength(1);
    expectCleanTraffic(s.gh);
  });

  it('waits out a secondary rate limit (403, retry-after: 1) and succeeds', async (ctx) => {
    const s = await scenario(ctx, 'secondary-rate-limit', ...COLLIDING_PR);
    s.gh.failNext('pulls/create-review', 1, SECONDARY_RATE_LIMIT);
    const run = await s.run({ 'fail-level': 'never' });
    expectExit(run, 0);
    const reviews = s.gh.calls('pulls/create-review');
    expect(reviews.map((r) => r.status)).toEqual([403, 200]);
    expect(reviews[1]!.at - reviews[0]!.at, 'honours retry-after: 1').toBeGreaterThanOrEqual(950);
    expect(s.gh.state.reviewComments).toHaveLength(1);
    expect(onlyCheckRun(s).conclusion).toBe('neutral');
    expect(stickyComments(s)).toHaveLength(1);
    expectCleanTraffic(s.gh);
  });
});
