/**
 * GitHub API faults never lose a finding. The real reporters, planned as the Action plans
 * them, write through the real client (createOctokit: retry and throttling plugins) to the
 * api.github.com stand-in, which checks every request against GitHub's OpenAPI description
 * and injects the fault: 500/502, 403 and 429 rate limits, a 422 for a comment off GitHub's
 * diff, a 404 for a comment deleted meanwhile, a dropped connection. Each test asserts that
 * every new finding reaches at least one output (check-run annotations, the review, the sticky
 * comment, the job summary, workflow-command annotations) and that the requests stay bounded.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Bottleneck from 'bottleneck';
import fc from 'fast-check';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { analyse, type Analysis } from '../../src/action/analyse.js';
import type { RunContext } from '../../src/github/context.js';
import { createOctokit, MAX_RATE_LIMIT_WAIT_SECONDS, RATE_LIMIT_RETRIES, SERVER_ERROR_RETRIES } from '../../src/github/octokit.js';
import type { Finding } from '../../src/core/finding.js';
import { planReporters } from '../../src/action/plan.js';
import { fingerprintMarker, RESOLVED_MARKER } from '../../src/report/review.js';
import { REVIEW_ATTEMPTS } from '../../src/github/review-submit.js';
import { CREATE_ATTEMPTS } from '../../src/github/post-once.js';
import type { Delivery, ReporterResult } from '../../src/github/reporter.js';
import { reviewPlacements } from '../../src/action/head-files.js';
import { runReporters } from '../../src/github/run-reporters.js';
import { STICKY_MARKER } from '../../src/report/sticky-comment.js';
import { verdict } from '../../src/baseline/verdict.js';
import { readSettings, type Settings } from '../../src/action/settings.js';
import { VERSION } from '../../src/version.js';
import { createPullRequestRepo, pushToPullRequest, type FileTree, type PullRequestRepo } from '../support/git-repo.js';
import { BAD_GATEWAY, primaryRateLimit, SECONDARY_RATE_LIMIT, SERVER_ERROR, startGitHubStub, tooManyRequests, type Fault, type GitHubStub } from '../support/github-stub.js';
import type { PullFile } from '../support/github-stub/state.js';

/** Milliseconds per second of `retry-after` (and per retry step) in these tests. */
const BASE_MS = 40;
const PR = 7;
const REGISTRY = 'docs/PORT_SCHEMA.md';
const DOC = 'services/svc-a/CLAUDE.md';

const registry = (entries: [string, number][]) => ['# Port Schema', '', '> **Real ports today**', '>', '> **Mac Mini (production):**', ...entries.map(([s, p]) => `> - ${s} \`${p}\``), ''].join('\n');
const doc = (port: number) => `# svc-a\n\nSome text.\n\n- **Port:** ${port}\n- **Other:** x\n`;

/** Base: svc-a documented at its registry port. Head: the doc drifts to 3050 and svc-c takes svc-b's 3001 (three new findings, in two files). */
const BASE = { [REGISTRY]: registry([['svc-a', 3024], ['svc-b', 3001]]), [DOC]: doc(3024) };
const HEAD = { [REGISTRY]: registry([['svc-a', 3024], ['svc-c', 3001], ['svc-b', 3001]]), [DOC]: doc(3050) };

interface Harness {
  gh: GitHubStub;
  pr: PullRequestRepo;
  /** Pushes `change` onto the PR branch and tells the stand-in (a `synchronize`). */
  push(change: FileTree): void;
  /** Runs the planned reporters once; returns the results and what the fallback channels received. */
  report(over?: Partial<Settings>): Promise<Outcome>;
  /** The run of the last `report()`. */
  run?: Delivery;
}

interface Outcome {
  results: ReporterResult[];
  warnings: string[];
  logs: string[];
  summary: string;
  commands: string[];
  ms: number;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/**
 * A pull request on disk (real git), analysed by the engine, and a stand-in seeded with it;
 * `files` replaces the diff GitHub holds (to make it differ from git's).
 */
/** One repository and its analyses (by head), shared by the tests that do not push. */
let shared: PullRequestRepo | undefined;
const analyses = new Map<string, Promise<Analysis>>();
afterAll(() => shared?.repo.remove());

async function harness(options: { files?: (files: PullFile[]) => PullFile[]; pushes?: boolean; head?: FileTree; requestTimeoutMs?: number } = {}): Promise<Harness> {
  const own = options.pushes || options.head !== undefined;
  let pr = own ? createPullRequestRepo(BASE, options.head ?? HEAD) : (shared ??= createPullRequestRepo(BASE, HEAD));
  const gh = await startGitHubStub({ owner: 'acme', repo: 'ports' });
  const temp = mkdtempSync(join(tmpdir(), 'pw-api-faults-'));
  if (own) cleanups.push(() => pr.repo.remove());
  cleanups.push(() => gh.close(), () => rmSync(temp, { recursive: true, force: true }));
  const seed = (commits: string[]) => gh.state.addPull({ number: PR, headSha: pr.headSha, baseSha: pr.baseSha, headRef: pr.headRef, baseRef: pr.baseRef, files: options.files ? options.files(pr.files) : pr.files, commits });
  seed([pr.headSha]);
  let runs = 0;
  const h: Harness = {
    gh,
    get pr() {
      return pr;
    },
    push(change) {
      const pushed = pushToPullRequest(pr, change);
      pr = pushed;
      seed([...pushed.previousHeads, pushed.headSha]);
    },
    async report(over = {}) {
      const settings: Settings = { ...readSettings(() => ''), token: 't', ...over };
      const info = { number: PR, baseSha: pr.baseSha, headSha: pr.headSha, baseRef: pr.baseRef, headRepoFullName: 'acme/ports', fork: false };
      const key = `${pr.repo.dir}@${pr.headSha}`;
      if (!analyses.has(key)) analyses.set(key, analyse({ workspace: pr.repo.dir, workingDirectory: settings.workingDirectory, compare: info }));
      const analysis = await analyses.get(key)!;
      const context: RunContext = { event: 'pull_request', owner: 'acme', repo: 'ports', sha: pr.mergeSha, headSha: pr.headSha, workspace: pr.repo.dir, apiUrl: gh.url, serverUrl: 'https://github.com', pr: info };
      const run: Delivery = { context, settings, analysis, ...verdict(analysis.classified, settings.failLevel), placements: reviewPlacements(analysis), version: VERSION };
      h.run = run;
      const logs: string[] = [];
      const warnings: string[] = [];
      const commands: string[] = [];
      const summaryPath = join(temp, `summary-${++runs}.md`);
      writeFileSync(summaryPath, '');
      // The plugin spaces writes 1 s (3 s when they notify) in groups shared by the process: fresh, unspaced ones here.
      const octokit = createOctokit({
        token: 't',
        baseUrl: gh.url,
        retryBaseMs: BASE_MS,
        ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
        log: (m) => logs.push(m),
        throttle: { id: `run-${runs}`, write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }), notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }) },
      });
      const plan = planReporters(settings, context, octokit, { write: (l) => commands.push(l), summaryPath });
      const started = Date.now();
      const results = await runReporters(run, plan, { info: (m) => logs.push(m), warning: (m) => warnings.push(m) });
      return { results, warnings, logs, summary: readFileSync(summaryPath, 'utf8'), commands, ms: Date.now() - started };
    },
  };
  return h;
}

/** The sticky comments on the PR. */
const stickies = (gh: GitHubStub) => gh.state.issueCommentsOn(PR).filter((c) => String(c.body).startsWith(STICKY_MARKER));

/** Whether a markdown report (sticky comment, job summary) holds a row for `f`. */
function inMarkdown(markdown: string, f: Finding): boolean {
  const path = f.location.file.split('/').map(encodeURIComponent).join('/');
  return markdown.split('\n').some((row) => row.includes(`\`${f.ruleId}\``) && row.includes(`/${path}#L${f.location.line}`));
}

/** Every output that carries `f`. */
function outputsOf(gh: GitHubStub, outcome: Outcome, f: Finding): string[] {
  const out: string[] = [];
  const checks = [...gh.state.checkRuns.values()].flatMap((r) => r.annotations);
  if (checks.some((a) => a.path === f.location.file && a.start_line === f.location.line && a.title === f.ruleId)) out.push('check-run');
  if (gh.state.reviewCommentsOn(PR).some((c) => String(c.body).includes(fingerprintMarker(f.fingerprint)))) out.push('review');
  if (stickies(gh).some((c) => inMarkdown(c.body, f))) out.push('comment');
  if (inMarkdown(outcome.summary, f)) out.push('job-summary');
  if (outcome.commands.some((l) => l.startsWith(`::${f.severity} file=${f.location.file},line=${f.location.line},`) && l.includes(`title=${f.ruleId}`))) out.push('annotations');
  return out;
}

/** Every new finding reached at least one output; returns the outputs per finding. */
function expectEveryFindingDelivered(h: Harness, outcome: Outcome): string[][] {
  const findings = h.run!.analysis.classified.new;
  expect(findings.length).toBeGreaterThanOrEqual(3);
  const reached = findings.map((f) => outputsOf(h.gh, outcome, f));
  expect(reached.map((r, i) => (r.length > 0 ? 'delivered' : `lost: ${findings[i]!.ruleId} at ${findings[i]!.location.file}:${findings[i]!.location.line}`))).toEqual(findings.map(() => 'delivered'));
  return reached;
}

/** No request was malformed, and the stand-in answered by GitHub's schemas. */
function expectValidTraffic(gh: GitHubStub): void {
  expect(gh.validationFailures).toEqual([]);
  expect(gh.responseProblems).toEqual([]);
}

const ops = (gh: GitHubStub, op: string) => gh.calls(op).map((r) => (r.reset ? `reset ${r.reset}` : r.status));
const writes = (gh: GitHubStub) => gh.requests.filter((r) => r.method !== 'GET');
const byName = (outcome: Outcome) => Object.fromEntries(outcome.results.map((r) => [r.reporter, r]));

describe('API faults: a fault-free run for comparison', () => {
  it('posts the check run, one review with every inline comment and one sticky comment, in 6 requests', async () => {
    const h = await harness();
    const outcome = await h.report();
    expect(outcome.results.every((r) => r.ok)).toBe(true);
    const reached = expectEveryFindingDelivered(h, outcome);
    for (const r of reached) expect(r).toEqual(expect.arrayContaining(['check-run', 'review', 'comment', 'job-summary']));
    expect(h.gh.requestLines().map((l) => l.replace(/ \/repos\/acme\/ports/, ' ').replace(/\?.*? /, ' '))).toEqual([
      'POST /check-runs 201',
      'GET /pulls/7/comments 200',
      'POST /pulls/7/reviews 200',
      'GET /issues/7/comments 200',
      'POST /issues/7/comments 201',
      'GET /issues/7/comments 200',
    ]);
    expect(outcome.commands, 'no fallback annotations when every channel worked').toEqual([]);
    expectValidTraffic(h.gh);
  });
});

describe('API faults: 5xx', () => {
  it('retries a 502 on each write once and posts everything exactly once', async () => {
    const h = await harness();
    for (const op of ['checks/create', 'pulls/create-review', 'issues/create-comment']) h.gh.failNext(op, 1, BAD_GATEWAY);
    const outcome = await h.report();
    expect(outcome.results.every((r) => r.ok)).toBe(true);
    expect(ops(h.gh, 'checks/create')).toEqual([502, 201]);
    expect(ops(h.gh, 'pulls/create-review')).toEqual([502, 200]);
    expect(ops(h.gh, 'issues/create-comment')).toEqual([502, 201]);
    expect(h.gh.state.checkRuns.size).toBe(1);
    expect(h.gh.state.reviews).toHaveLength(1);
    expect(stickies(h.gh)).toHaveLength(1);
    for (const r of expectEveryFindingDelivered(h, outcome)) expect(r).toEqual(expect.arrayContaining(['check-run', 'review', 'comment']));
    expect(h.gh.requests.length).toBe(6 + 3 + 2); // + one retry per write + a look before the review and the comment are posted again
    expectValidTraffic(h.gh);
  });

  it('when every write answers 500, gives up after a bounded number of tries and falls back to annotations and the job summary', async () => {
    const h = await harness();
    h.gh.inject({ writesOnly: true, times: Infinity, response: SERVER_ERROR });
    const outcome = await h.report();
    const results = byName(outcome);
    expect([results['check-run']!.ok, results.review!.ok, results.comment!.ok]).toEqual([false, false, false]);
    expect(results['check-run']!.detail).toContain('HTTP 500');
    expect(ops(h.gh, 'checks/create')).toHaveLength(1 + SERVER_ERROR_RETRIES);
    expect(ops(h.gh, 'pulls/create-review')).toHaveLength(REVIEW_ATTEMPTS);
    // Spaced as the retry plugin spaces its tries: 1, then 4 retry steps.
    const reviews = h.gh.calls('pulls/create-review');
    expect(reviews[1]!.at - reviews[0]!.at).toBeGreaterThanOrEqual(BASE_MS);
    expect(reviews[2]!.at - reviews[1]!.at).toBeGreaterThanOrEqual(4 * BASE_MS);
    expect(ops(h.gh, 'issues/create-comment')).toHaveLength(CREATE_ATTEMPTS);
    expect(outcome.warnings.some((w) => w.includes('adding workflow-command annotations and the job summary'))).toBe(true);
    for (const r of expectEveryFindingDelivered(h, outcome)) expect(r).toEqual(['job-summary', 'annotations']);
    // A constant: it does not grow with the findings.
    expect(h.gh.requests.length).toBe(1 + SERVER_ERROR_RETRIES + 1 + 2 * REVIEW_ATTEMPTS + 1 + 2 * CREATE_ATTEMPTS);
    expectValidTraffic(h.gh);
  });
});

describe('API faults: the check run', () => {
  it('an update that keeps failing leaves the check run with its first 50 annotations; the fallback carries every finding', async () => {
    const pairs: [string, number][] = [['svc-a', 3024]];
    for (let i = 0; i < 60; i++) pairs.push([`pair-${String(i).padStart(2, '0')}-x`, 4000 + i], [`pair-${String(i).padStart(2, '0')}-y`, 4000 + i]);
    const h = await harness({ head: { [REGISTRY]: registry(pairs) } });
    h.gh.inject({ operationId: 'checks/update', times: Infinity, response: SERVER_ERROR });
    const outcome = await h.report({ reporters: ['check-run', 'job-summary'] });
    const check = byName(outcome)['check-run']!;
    expect(check.ok).toBe(false);
    expect(check.detail).toMatch(/^check run \d+ \(failure\) got 50 of \d+ annotations; then HTTP 500: Server Error$/);
    expect(ops(h.gh, 'checks/update')).toHaveLength(1 + SERVER_ERROR_RETRIES);
    expect(h.gh.requests.length, 'one create, the update and its retries').toBe(1 + 1 + SERVER_ERROR_RETRIES);
    const [run] = [...h.gh.state.checkRuns.values()];
    expect(run!.conclusion).toBe('failure');
    expect(run!.annotations).toHaveLength(50);
    const findings = h.run!.analysis.classified.new;
    expect(findings.filter((f) => f.ruleId === 'collision/same-host').length).toBeGreaterThanOrEqual(60);
    const reached = findings.map((f) => outputsOf(h.gh, outcome, f));
    expect(reached.filter((r) => r.includes('annotations') && r.includes('job-summary'))).toHaveLength(findings.length);
    expect(reached.filter((r) => r.includes('check-run'))).toHaveLength(50);
    expectValidTraffic(h.gh);
  });
});

describe('API faults: rate limits', () => {
  it('waits out a 403 secondary rate limit as retry-after says, then posts', async () => {
    const h = await harness();
    h.gh.failNext('issues/create-comment', 1, SECONDARY_RATE_LIMIT);
    const outcome = await h.report();
    expect(outcome.results.every((r) => r.ok)).toBe(true);
    const calls = h.gh.calls('issues/create-comment');
    expect(calls.map((r) => r.status)).toEqual([403, 201]);
    expect(calls[1]!.at - calls[0]!.at, 'retry-after: 1').toBeGreaterThanOrEqual(BASE_MS);
    expect(outcome.logs).toContain('Secondary rate limit on POST /repos/{owner}/{repo}/issues/{issue_number}/comments; retrying after 1s.');
    expect(h.gh.requests.length).toBe(6 + 1);
    expect(stickies(h.gh)).toHaveLength(1);
    expectEveryFindingDelivered(h, outcome);
    expectValidTraffic(h.gh);
  });

  it('waits out a 429 with retry-after: 3 once, never retrying it on its own schedule as well', async () => {
    const h = await harness();
    h.gh.failNext('checks/create', 1, tooManyRequests(3));
    const outcome = await h.report();
    expect(outcome.results.every((r) => r.ok)).toBe(true);
    const calls = h.gh.calls('checks/create');
    expect(calls.map((r) => r.status)).toEqual([429, 201]);
    expect(calls[1]!.at - calls[0]!.at, 'retry-after: 3').toBeGreaterThanOrEqual(3 * BASE_MS);
    expect(h.gh.requests.length).toBe(6 + 1);
    expect(h.gh.state.checkRuns.size).toBe(1);
    expectEveryFindingDelivered(h, outcome);
    expectValidTraffic(h.gh);
  });

  it('a 429 that does not lift: gives up after the retries, skips the other writes and falls back', async () => {
    const h = await harness();
    h.gh.inject({ writesOnly: true, times: Infinity, response: tooManyRequests(1) });
    const outcome = await h.report();
    expect(ops(h.gh, 'checks/create')).toEqual(Array(1 + RATE_LIMIT_RETRIES).fill(429));
    expect(writes(h.gh)).toHaveLength(1 + RATE_LIMIT_RETRIES);
    expect(h.gh.requests.length, 'the other writes are not tried').toBe(1 + RATE_LIMIT_RETRIES);
    const results = byName(outcome);
    expect(results.review!.detail).toBe("skipped: GitHub's rate limit stopped the writes");
    expect(outcome.warnings).toContain("GitHub's rate limit outlasted the retries: falling back to workflow-command annotations and the job summary.");
    for (const r of expectEveryFindingDelivered(h, outcome)) expect(r).toEqual(['job-summary', 'annotations']);
    expectValidTraffic(h.gh);
  });

  it('a spent primary limit that resets in an hour: gives up at once instead of sleeping, and falls back', async () => {
    const h = await harness();
    h.gh.inject({ writesOnly: true, times: Infinity, response: primaryRateLimit(3600) });
    const outcome = await h.report();
    expect(writes(h.gh).map((r) => r.status)).toEqual([403]);
    expect(h.gh.requests.length).toBe(1);
    expect(outcome.logs.some((l) => l.includes(`longer than the ${MAX_RATE_LIMIT_WAIT_SECONDS}s portwarden waits`))).toBe(true);
    // 3600 s at BASE_MS per second would be 144 s.
    expect(outcome.ms).toBeLessThan(20_000);
    for (const r of expectEveryFindingDelivered(h, outcome)) expect(r).toEqual(['job-summary', 'annotations']);
    expectValidTraffic(h.gh);
  });
});

describe('API faults: 422, a review comment off GitHub diff', () => {
  it("posts the comments GitHub's diff accepts; the refused one is in the sticky comment and the check run", async () => {
    // GitHub's diff of the PR leaves the doc out (as for a file too large to show): its comment is refused.
    const h = await harness({ files: (files) => files.map((f) => (f.filename === DOC ? { ...f, patch: undefined } : f)) });
    const outcome = await h.report();
    expect(outcome.results.every((r) => r.ok)).toBe(true);
    expect(ops(h.gh, 'pulls/create-review')).toEqual([422, 200]);
    expect(h.gh.calls('pulls/list-files')).toHaveLength(1);
    expect(byName(outcome).review!.detail).toContain('1 review with 2 inline comments');
    expect(byName(outcome).review!.detail).toContain('1 refused by GitHub as off its diff (in the summary)');
    const reached = expectEveryFindingDelivered(h, outcome);
    const findings = h.run!.analysis.classified.new;
    const drift = findings.findIndex((f) => f.location.file === DOC);
    expect(reached[drift]).toEqual(['check-run', 'comment', 'job-summary']);
    for (const [i, r] of reached.entries()) if (i !== drift) expect(r).toContain('review');
    expect(h.gh.requests.length).toBe(6 + 2);
    expectValidTraffic(h.gh);
  });

  it('a 422 for another reason (the head moved on) is not retried blindly: the review fails, the rest still posts', async () => {
    const h = await harness();
    // GitHub no longer takes this head as the PR's commit.
    h.gh.state.addPull({ ...h.gh.state.pulls.get(PR)!, commits: ['f'.repeat(40)] });
    const outcome = await h.report();
    const results = byName(outcome);
    expect(results.review!.ok).toBe(false);
    expect(results.review!.detail).toMatch(/HTTP 422/);
    expect(ops(h.gh, 'pulls/create-review')).toEqual([422]);
    // GitHub's diff is read once: it accepts every placement, so the refusal has another cause.
    expect(h.gh.calls('pulls/list-files')).toHaveLength(1);
    expect(h.gh.requests.length).toBe(6 + 1);
    expect(results.comment!.ok).toBe(true);
    for (const r of expectEveryFindingDelivered(h, outcome)) expect(r).toEqual(['check-run', 'comment', 'job-summary', 'annotations']);
    expectValidTraffic(h.gh);
  });
});

describe('API faults: 404, a comment deleted between list and update', () => {
  it('the sticky comment deleted after the list: posts a new one', async () => {
    const h = await harness();
    await h.report();
    expect(stickies(h.gh)).toHaveLength(1);
    const first = stickies(h.gh)[0]!.id;
    const before = h.gh.requests.length;
    h.gh.inject({ operationId: 'issues/list-comments', times: 1, then: (s) => s.issueComments.splice(0) });
    const outcome = await h.report();
    expect(outcome.results.every((r) => r.ok)).toBe(true);
    expect(ops(h.gh, 'issues/update-comment')).toEqual([404]);
    expect(h.gh.requests.length - before, 'check run, review list, comment list, 404, create, re-list').toBe(6);
    expect(byName(outcome).comment!.detail).toMatch(new RegExp(`^comment ${first} was deleted meanwhile; created comment \\d+$`));
    expect(stickies(h.gh)).toHaveLength(1);
    expect(stickies(h.gh)[0]!.id).not.toBe(first);
    for (const r of expectEveryFindingDelivered(h, outcome)) expect(r).toContain('comment');
    expectValidTraffic(h.gh);
  });

  it('a review comment deleted before it could be marked resolved: skipped, the others resolved, the run goes on', async () => {
    const h = await harness({ pushes: true });
    await h.report();
    expect(h.gh.state.reviewCommentsOn(PR)).toHaveLength(3);
    // A push takes svc-c out again: the collision and the orphan are gone, two comments are stale.
    h.push({ [REGISTRY]: registry([['svc-a', 3024], ['svc-b', 3001]]) });
    const before = h.gh.requests.length;
    // Someone deletes the first of them right after portwarden listed the comments.
    h.gh.inject({ operationId: 'pulls/list-review-comments', times: 1, then: (s) => s.reviewComments.splice(0, 1) });
    const outcome = await h.report();
    expect(outcome.results.every((r) => r.ok)).toBe(true);
    expect(ops(h.gh, 'pulls/update-review-comment')).toEqual([404, 200]);
    expect(h.gh.requests.length - before, 'check run, review list, two edits, comment list, comment update').toBe(6);
    expect(byName(outcome).review!.detail).toContain('1 resolved; 1 deleted before they could be marked resolved');
    expect(h.run!.analysis.classified.new.length).toBeGreaterThanOrEqual(1);
    for (const f of h.run!.analysis.classified.new) expect(outputsOf(h.gh, outcome, f)).not.toEqual([]);
    expectValidTraffic(h.gh);
  });
});

describe('API faults: a dropped connection', () => {
  it('a reset before each write is handled: retried, everything posted once', async () => {
    const h = await harness();
    for (const op of ['checks/create', 'pulls/create-review', 'issues/create-comment']) h.gh.resetNext(op, 1, 'before');
    const outcome = await h.report();
    expect(outcome.results.every((r) => r.ok)).toBe(true);
    expect(ops(h.gh, 'checks/create')).toEqual(['reset before', 201]);
    expect(ops(h.gh, 'pulls/create-review')).toEqual(['reset before', 200]);
    expect(ops(h.gh, 'issues/create-comment')).toEqual(['reset before', 201]);
    expect(h.gh.requests.length, 'one more try per write, and a look before the review and the comment are posted again').toBe(6 + 3 + 2);
    expect(h.gh.state.reviewComments).toHaveLength(3);
    expect(stickies(h.gh)).toHaveLength(1);
    for (const r of expectEveryFindingDelivered(h, outcome)) expect(r).toEqual(expect.arrayContaining(['check-run', 'review', 'comment']));
    expectValidTraffic(h.gh);
  });

  it('a reset after the write was stored (the answer lost): no review comment and no sticky comment twice', async () => {
    const h = await harness();
    h.gh.resetNext('pulls/create-review', 1, 'after');
    h.gh.resetNext('issues/create-comment', 1, 'after');
    const outcome = await h.report();
    expect(outcome.results.every((r) => r.ok)).toBe(true);
    expect(ops(h.gh, 'pulls/create-review'), 'looked, found it stored, did not post again').toEqual(['reset after']);
    expect(h.gh.state.reviews).toHaveLength(1);
    expect(h.gh.state.reviewComments).toHaveLength(3);
    expect(byName(outcome).review!.detail).toContain('its answer was lost, but the review was stored');
    expect(ops(h.gh, 'issues/create-comment'), 'the stored comment is found, not posted twice').toEqual(['reset after']);
    expect(h.gh.calls('issues/delete-comment')).toEqual([]);
    expect(h.gh.requests.length, 'a look each for the review and the comment').toBe(6 + 2);
    expect(stickies(h.gh)).toHaveLength(1);
    for (const r of expectEveryFindingDelivered(h, outcome)) expect(r).toEqual(expect.arrayContaining(['check-run', 'review', 'comment']));
    expectValidTraffic(h.gh);
  });

  it('a finding that comes back after its comment was resolved: a dropped review is posted again, not taken for the resolved one', async () => {
    const h = await harness({ pushes: true });
    await h.report();
    h.push({ [REGISTRY]: registry([['svc-a', 3024], ['svc-b', 3001]]), [DOC]: doc(3024) });
    await h.report();
    expect(h.gh.state.reviewCommentsOn(PR).filter((c) => String(c.body).includes(RESOLVED_MARKER))).toHaveLength(3);
    // The PR goes back to the first head's content: the same three findings, the same fingerprints.
    h.push(HEAD);
    h.gh.resetNext('pulls/create-review', 1, 'before');
    const outcome = await h.report();
    expect(ops(h.gh, 'pulls/create-review')).toEqual([200, 'reset before', 200]);
    expect(byName(outcome).review!.detail).toMatch(/^1 review with 3 inline comments; /);
    const open = h.gh.state.reviewCommentsOn(PR).filter((c) => !String(c.body).includes(RESOLVED_MARKER));
    expect(open).toHaveLength(3);
    for (const r of expectEveryFindingDelivered(h, outcome)) expect(r).toContain('review');
    expectValidTraffic(h.gh);
  });

  it('every write reset: bounded tries, then annotations and the job summary carry every finding', async () => {
    const h = await harness();
    h.gh.resetNext(undefined, Infinity, 'before', true);
    const outcome = await h.report();
    const results = byName(outcome);
    expect([results['check-run']!.ok, results.review!.ok, results.comment!.ok]).toEqual([false, false, false]);
    expect(results['check-run']!.detail).toMatch(/^HTTP 500: /);
    expect(writes(h.gh).every((r) => r.reset === 'before')).toBe(true);
    expect(writes(h.gh)).toHaveLength(1 + SERVER_ERROR_RETRIES + REVIEW_ATTEMPTS + CREATE_ATTEMPTS);
    expect(results['job-summary']!.ok).toBe(true);
    expect(results.annotations!.ok).toBe(true);
    for (const r of expectEveryFindingDelivered(h, outcome)) expect(r).toEqual(['job-summary', 'annotations']);
    expectValidTraffic(h.gh);
  });
});

describe('API faults: a server that never answers', () => {
  it('a request over time is abandoned and retried; one that never gets an answer fails alone, the other channels post', async () => {
    const h = await harness({ requestTimeoutMs: 400 });
    h.gh.inject({ operationId: 'checks/create', times: Infinity, hang: true });
    h.gh.inject({ operationId: 'issues/create-comment', times: 1, hang: true });
    const outcome = await h.report();
    const results = byName(outcome);
    expect(results['check-run']!.ok).toBe(false);
    expect(results['check-run']!.detail).toMatch(/^HTTP 500: .*timeout/i);
    expect(h.gh.calls('checks/create').map((r) => r.hung)).toEqual(Array(1 + SERVER_ERROR_RETRIES).fill(true));
    expect([results.review!.ok, results.comment!.ok]).toEqual([true, true]);
    expect(h.gh.calls('issues/create-comment').map((r) => r.hung ?? r.status)).toEqual([true, 201]);
    expect(h.gh.requests.length, 'the check run tried 4 times, the comment twice with a look between').toBe(6 + SERVER_ERROR_RETRIES + 2);
    for (const r of expectEveryFindingDelivered(h, outcome)) expect(r).toEqual(['review', 'comment', 'job-summary', 'annotations']);
    expectValidTraffic(h.gh);
  });
});

describe('API faults: any mix of them (property)', () => {
  /** Faults a write or a read may meet; each run draws one (or none) per operation. */
  const FAULTS: Record<string, Omit<Fault, 'operationId'> | undefined> = {
    none: undefined,
    '500 once': { times: 1, response: SERVER_ERROR },
    '502 always': { times: Infinity, response: BAD_GATEWAY },
    'reset before once': { times: 1, reset: 'before' },
    'reset after once': { times: 1, reset: 'after' },
    'reset after always': { times: Infinity, reset: 'after' },
    '429 once': { times: 1, response: tooManyRequests(1) },
    '403 secondary always': { times: Infinity, response: SECONDARY_RATE_LIMIT },
  };
  const OPS = ['checks/create', 'pulls/list-review-comments', 'pulls/create-review', 'issues/list-comments', 'issues/create-comment'] as const;

  it('every finding reaches an output, nothing is posted twice, the requests stay bounded', async () => {
    await fc.assert(
      fc.asyncProperty(fc.tuple(...OPS.map(() => fc.constantFrom(...Object.keys(FAULTS)))), async (drawn) => {
        const h = await harness();
        try {
          drawn.forEach((name, i) => {
            const fault = FAULTS[name];
            if (fault) h.gh.inject({ ...fault, operationId: OPS[i] });
          });
          const outcome = await h.report();
          expectEveryFindingDelivered(h, outcome);
          expect(stickies(h.gh).length).toBeLessThanOrEqual(1);
          expect(h.gh.state.reviews.length).toBeLessThanOrEqual(1);
          const fps = h.gh.state.reviewCommentsOn(PR).map((c) => String(c.body));
          expect(new Set(fps).size).toBe(fps.length);
          expect(h.gh.requests.length).toBeLessThanOrEqual(30);
          expectValidTraffic(h.gh);
        } finally {
          while (cleanups.length) await cleanups.pop()!();
        }
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
