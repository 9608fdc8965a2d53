/**
 * API faults end to end: the bundled Action (`node dist/index.js`, or PORTWARDEN_E2E_ENTRY)
 * against the api.github.com stand-in, with dropped connections, 5xx, 429 and a 422 for a
 * comment off GitHub's diff. The step exits as `fail-level` says, never with a stack trace;
 * the finding reaches an output; the requests stay within a constant budget; none of them is
 * malformed. test/github/api-faults.test.ts covers each fault in detail at the reporter level.
 */
import { describe, expect, it, type TestContext } from 'vitest';
import { BAD_GATEWAY, tooManyRequests, type GitHubStub } from '../support/github-stub.js';
import { whyActionUnavailable, type ActionRun } from './run-action.js';
import { PR_NUMBER, registry, registryLine, startScenario, type Scenario } from './scenario.js';

const unavailable = whyActionUnavailable();

const STICKY = '<!-- portwarden:sticky -->';
const REGISTRY = 'docs/PORT_SCHEMA.md';
/** Base with svc-a on 3001 and svc-b on 3002; the PR moves svc-b onto 3001 (one new collision). */
const COLLIDING_PR = [{ [REGISTRY]: registry([['svc-a', 3001], ['svc-b', 3002]]), 'README.md': '# ports\n' }, { [REGISTRY]: registry([['svc-a', 3001], ['svc-b', 3001]]) }] as const;

async function scenario(ctx: TestContext, name: string, options?: Parameters<typeof startScenario>[3]): Promise<Scenario> {
  const s = await startScenario(name, ...COLLIDING_PR, options);
  ctx.onTestFinished(() => s.finish());
  return s;
}

function expectExit(run: ActionRun, code: number): void {
  expect({ exitCode: run.exitCode, stderr: run.stderr.slice(-2000), stdout: run.exitCode === code ? '' : run.stdout.slice(-3000) }).toMatchObject({ exitCode: code });
  expect(run.stderr, 'no crash').not.toMatch(/\n\s+at .+:\d+:\d+/);
}

function expectValidTraffic(gh: GitHubStub): void {
  expect(gh.validationFailures).toEqual([]);
  expect(gh.responseProblems).toEqual([]);
}

/** Where the PR's one new finding (svc-b's collision on the registry line) ended up. */
function outputs(s: Scenario, run: ActionRun): string[] {
  const line = registryLine(1);
  const out: string[] = [];
  const check = [...s.gh.state.checkRuns.values()].flatMap((r) => r.annotations);
  if (check.some((a) => a.path === REGISTRY && a.start_line === line && a.title === 'collision/same-host')) out.push('check-run');
  if (s.gh.state.reviewCommentsOn(PR_NUMBER).some((c) => c.path === REGISTRY && c.line === line)) out.push('review');
  const row = (md: string) => md.split('\n').some((r) => r.includes('`collision/same-host`') && r.includes(`/${REGISTRY}#L${line}`));
  if (s.gh.state.issueCommentsOn(PR_NUMBER).some((c) => String(c.body).startsWith(STICKY) && row(c.body))) out.push('comment');
  if (row(run.summary)) out.push('job-summary');
  if (run.commands.some((c) => c.command === 'error' && c.properties.file === REGISTRY && c.properties.line === String(line))) out.push('annotations');
  return out;
}

const statuses = (gh: GitHubStub, op: string) => gh.calls(op).map((r) => (r.reset ? `reset ${r.reset}` : r.status));

describe.skipIf(unavailable !== undefined).concurrent('the Action under GitHub API faults', { timeout: 90_000 }, () => {
  it('a dropped connection, a lost answer and a 502, one per write: each retried, every channel posts once', async (ctx) => {
    const s = await scenario(ctx, 'fault-reset-502-per-write');
    s.gh.resetNext('checks/create', 1, 'before');
    s.gh.resetNext('pulls/create-review', 1, 'after');
    s.gh.failNext('issues/create-comment', 1, BAD_GATEWAY);
    const run = await s.run();
    expectExit(run, 1);
    expect(run.outputs.new).toBe('1');
    expect(statuses(s.gh, 'checks/create')).toEqual(['reset before', 201]);
    expect(statuses(s.gh, 'pulls/create-review'), 'the stored review is found, not posted twice').toEqual(['reset after']);
    expect(statuses(s.gh, 'issues/create-comment')).toEqual([502, 201]);
    expect(s.gh.state.checkRuns.size).toBe(1);
    expect(s.gh.state.reviewCommentsOn(PR_NUMBER)).toHaveLength(1);
    expect(s.gh.state.issueCommentsOn(PR_NUMBER).filter((c) => String(c.body).startsWith(STICKY))).toHaveLength(1);
    expect(outputs(s, run)).toEqual(['check-run', 'review', 'comment', 'job-summary']);
    expect(s.gh.requests.length).toBeLessThanOrEqual(10 + 3);
    expectValidTraffic(s.gh);
  });

  it('every write dropped: the step still fails as fail-level says, and ::error plus the job summary carry the finding', async (ctx) => {
    const s = await scenario(ctx, 'fault-every-write-reset');
    s.gh.resetNext(undefined, Infinity, 'before', true);
    const run = await s.run();
    expectExit(run, 1);
    expect(run.outputs.new).toBe('1');
    expect(run.outputs.conclusion).toBe('failure');
    expect(outputs(s, run)).toEqual(['job-summary', 'annotations']);
    const writes = s.gh.requests.filter((r) => r.method !== 'GET');
    expect(writes.every((r) => r.reset === 'before')).toBe(true);
    // 4 tries of the check run, 3 of the review, 3 of the comment: a constant.
    expect(writes.length).toBe(10);
    expect(run.stdout).toMatch(/A reporter failed: adding workflow-command annotations and the job summary/);
    expectValidTraffic(s.gh);
  });

  it('a 429 with retry-after on the review is waited out once; a comment GitHub refuses as off its diff still reaches the summary', async (ctx) => {
    const s = await scenario(ctx, 'fault-429-then-422');
    s.gh.failNext('pulls/create-review', 1, tooManyRequests(1));
    // GitHub's diff shows no patch for the registry (as for a file too large to display).
    const pull = s.gh.state.pulls.get(PR_NUMBER)!;
    s.gh.state.addPull({ ...pull, files: pull.files!.map((f) => (f.filename === REGISTRY ? { ...f, patch: undefined } : f)) });
    const run = await s.run();
    expectExit(run, 1);
    const reviews = s.gh.calls('pulls/create-review');
    expect(reviews.map((r) => r.status)).toEqual([429, 422]);
    // PORTWARDEN_RETRY_BASE_MS=50: retry-after 1 is 50 ms.
    expect(reviews[1]!.at - reviews[0]!.at).toBeGreaterThanOrEqual(50);
    expect(s.gh.calls('pulls/list-files')).toHaveLength(1);
    expect(s.gh.state.reviewComments).toEqual([]);
    expect(run.stdout).toContain('review: no review posted; 0 already commented; 0 off the diff (in the summary); 0 resolved; 1 refused by GitHub as off its diff (in the summary)');
    expect(outputs(s, run)).toEqual(['check-run', 'comment', 'job-summary']);
    expect(s.gh.requests.length).toBeLessThanOrEqual(10 + 3);
    expectValidTraffic(s.gh);
  });
});
