/**
 * Self-test of the api.github.com stand-in: what Octokit sends passes GitHub's description,
 * malformed requests are refused and recorded, state round-trips, and faults fire.
 */
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { READ_ONLY_TOKEN, SECONDARY_RATE_LIMIT, SERVER_ERROR, startGitHubStub, type GitHubStub } from '../support/github-stub.js';

const HEAD = 'a'.repeat(40);
const BASE = 'b'.repeat(40);
const PATCH = ['@@ -1,3 +1,4 @@', ' services:', '   a:', "-    ports: ['3001:3000']", "+    ports: ['3002:3000']", '+    restart: always'].join('\n');

let gh: GitHubStub;
let octokit: Octokit;
const repo = { owner: 'acme', repo: 'ports' };

async function raw(method: string, path: string, body?: unknown, auth = true): Promise<Response> {
  return fetch(gh.url + path, {
    method,
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: 'token t' } : {}) },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

beforeEach(async () => {
  gh = await startGitHubStub(repo);
  gh.state.addPull({ number: 7, headSha: HEAD, baseSha: BASE, headRef: 'feature', baseRef: 'main', files: [{ filename: 'docker-compose.yml', status: 'modified', additions: 2, deletions: 1, changes: 3, patch: PATCH }] });
  octokit = new Octokit({ auth: 't', baseUrl: gh.url });
});

afterEach(async () => {
  await gh.close();
});

describe('GitHub stand-in: valid traffic', () => {
  it('accepts what Octokit sends and answers with schema-valid bodies', async () => {
    const pr = await octokit.rest.pulls.get({ ...repo, pull_number: 7 });
    expect(pr.data.head.sha).toBe(HEAD);
    expect(pr.data.base.ref).toBe('main');
    const run = await octokit.rest.checks.create({ ...repo, name: 'portwarden', head_sha: HEAD, status: 'in_progress', output: { title: 't', summary: 's', annotations: [{ path: 'a.yml', start_line: 2, end_line: 2, start_column: 5, end_column: 9, annotation_level: 'failure', message: 'm', title: 'collision/same-host' }] } });
    await octokit.rest.checks.update({ ...repo, check_run_id: run.data.id, conclusion: 'failure', output: { title: 't', summary: 's2', annotations: [{ path: 'b.yml', start_line: 1, end_line: 3, annotation_level: 'warning', message: 'm2' }] } });
    const stored = gh.state.checkRuns.get(run.data.id)!;
    expect(stored.annotations.map((a) => a.path)).toEqual(['a.yml', 'b.yml']);
    expect(stored.status).toBe('completed');
    expect(stored.output.summary).toBe('s2');
    await octokit.rest.pulls.createReview({ ...repo, pull_number: 7, commit_id: HEAD, event: 'COMMENT', body: 'review', comments: [{ path: 'docker-compose.yml', line: 3, side: 'RIGHT', body: 'inline <!-- portwarden:fp=abc -->' }] });
    const comments = await octokit.paginate(octokit.rest.pulls.listReviewComments, { ...repo, pull_number: 7, per_page: 100 });
    expect(comments.map((c) => [c.path, c.line, c.body])).toEqual([['docker-compose.yml', 3, 'inline <!-- portwarden:fp=abc -->']]);
    await octokit.rest.pulls.updateReviewComment({ ...repo, comment_id: comments[0]!.id, body: '~~inline~~' });
    const sticky = await octokit.rest.issues.createComment({ ...repo, issue_number: 7, body: '<!-- portwarden:sticky -->\nhello' });
    await octokit.rest.issues.updateComment({ ...repo, comment_id: sticky.data.id, body: '<!-- portwarden:sticky -->\nagain' });
    const issueComments = await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: 7, per_page: 100 });
    expect(issueComments.map((c) => c.body)).toEqual(['<!-- portwarden:sticky -->\nagain']);
    await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: 'octocat' });
    await octokit.rest.repos.get(repo);
    await octokit.rest.pulls.listFiles({ ...repo, pull_number: 7 });
    await octokit.graphql('mutation($id: ID!) { resolveReviewThread(input: {threadId: $id}) { thread { id } } }', { id: 'T1' });
    expect(gh.validationFailures).toEqual([]);
    expect(gh.rejections).toEqual([]);
    expect(gh.responseProblems).toEqual([]);
    expect(gh.requestLines()[1]).toBe(`POST /repos/acme/ports/check-runs 201`);
  });

  it('pages lists 100 at a time with Link headers Octokit follows', async () => {
    for (let i = 0; i < 130; i++) await octokit.rest.issues.createComment({ ...repo, issue_number: 7, body: `c${i}` });
    const all = await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: 7, per_page: 100 });
    expect(all).toHaveLength(130);
    expect(all[129]!.body).toBe('c129');
    expect(all.map((c) => c.id)).toEqual([...all.map((c) => c.id)].sort((a, b) => a - b));
    expect(gh.calls('issues/list-comments').map((r) => r.path)).toEqual(['/repos/acme/ports/issues/7/comments?per_page=100', '/repos/acme/ports/issues/7/comments?per_page=100&page=2']);
  });
});

describe('GitHub stand-in: refuses malformed requests', () => {
  it('records a check run without head_sha as a validation failure and answers 422', async () => {
    const res = await raw('POST', '/repos/acme/ports/check-runs', { name: 'x' });
    expect(res.status).toBe(422);
    expect(gh.validationFailures).toHaveLength(1);
    expect(gh.validationFailures[0]!.errors.join()).toContain("must have required property 'head_sha'");
  });

  it('refuses 51 annotations in one request (GitHub caps them at 50)', async () => {
    const annotations = Array.from({ length: 51 }, (_, i) => ({ path: 'a', start_line: i + 1, end_line: i + 1, annotation_level: 'notice', message: 'm' }));
    const res = await raw('POST', '/repos/acme/ports/check-runs', { name: 'x', head_sha: HEAD, output: { title: 't', summary: 's', annotations } });
    expect(res.status).toBe(422);
    expect(gh.validationFailures[0]!.errors.join()).toContain('must NOT have more than 50 items');
  });

  it('flags a misspelt body property GitHub would silently ignore', async () => {
    await raw('POST', '/repos/acme/ports/pulls/7/reviews', { event: 'COMMENT', body: 'b', comments: [{ path: 'docker-compose.yml', line: 3, body: 'x', sdie: 'RIGHT' }] });
    expect(gh.validationFailures[0]!.errors).toEqual(["/comments/0: unknown property 'sdie' (GitHub would silently ignore it)"]);
  });

  it('records unknown routes, bad parameters, broken JSON and a missing token', async () => {
    expect((await raw('GET', '/repos/acme/ports/nonsense')).status).toBe(404);
    expect((await raw('GET', '/repos/acme/ports/pulls/seven')).status).toBe(422);
    expect((await raw('POST', '/repos/acme/ports/issues/7/comments', '{"body":')).status).toBe(400);
    expect((await raw('GET', '/repos/acme/ports/pulls/7', undefined, false)).status).toBe(422);
    expect(gh.validationFailures.map((f) => f.errors[0])).toEqual([
      "no operation in GitHub's description matches GET /repos/acme/ports/nonsense",
      '/path/pull_number must be integer {"type":"integer"}',
      'body is not JSON: {"body":',
      'no token: the Authorization header is missing',
    ]);
  });

  it('answers 422 "must be part of the diff" for a review comment off the diff', async () => {
    const res = await raw('POST', '/repos/acme/ports/pulls/7/reviews', { commit_id: HEAD, event: 'COMMENT', body: 'b', comments: [{ path: 'docker-compose.yml', line: 40, side: 'RIGHT', body: 'x' }] });
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toContain('Pull request review thread line must be part of the diff: docker-compose.yml:40 (RIGHT)');
    expect(gh.validationFailures).toEqual([]);
    expect(gh.rejections).toHaveLength(1);
    expect(gh.state.reviewComments).toEqual([]);
  });

  it('refuses a comment body over 65,536 characters', async () => {
    const res = await raw('POST', '/repos/acme/ports/issues/7/comments', { body: 'x'.repeat(65_537) });
    expect(res.status).toBe(422);
    expect(gh.rejections).toHaveLength(1);
  });
});

describe('GitHub stand-in: fault injection', () => {
  it('fails the next call with a 500, then answers normally', async () => {
    gh.failNext('checks/create', 1, SERVER_ERROR);
    const body = { name: 'x', head_sha: HEAD };
    expect((await raw('POST', '/repos/acme/ports/check-runs', body)).status).toBe(500);
    expect((await raw('POST', '/repos/acme/ports/check-runs', body)).status).toBe(201);
    expect(gh.requests.map((r) => [r.status, r.injected])).toEqual([[500, true], [201, false]]);
    expect(gh.state.checkRuns.size).toBe(1);
  });

  it('makes every write of a read-only token fail with 403 while reads work', async () => {
    gh.failWrites();
    const res = await raw('POST', '/repos/acme/ports/issues/7/comments', { body: 'x' });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { message: string }).message).toBe(READ_ONLY_TOKEN.body && 'Resource not accessible by integration');
    expect((await raw('PATCH', '/repos/acme/ports/check-runs/1', { status: 'completed', conclusion: 'success' })).status).toBe(403);
    expect((await raw('GET', '/repos/acme/ports/issues/7/comments')).status).toBe(200);
  });

  it("a secondary rate limit with retry-after: 1 is retried by Octokit's throttling plugin", async () => {
    const Throttled = Octokit.plugin(throttling, retry);
    const limited: number[] = [];
    const client = new Throttled({
      auth: 't',
      baseUrl: gh.url,
      throttle: { onRateLimit: () => true, onSecondaryRateLimit: (after: number) => (limited.push(after), true) },
    });
    gh.failNext('issues/create-comment', 1, SECONDARY_RATE_LIMIT);
    const started = Date.now();
    await client.rest.issues.createComment({ ...repo, issue_number: 7, body: 'x' });
    expect(limited).toEqual([1]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(gh.requestLines()).toEqual(['POST /repos/acme/ports/issues/7/comments 403', 'POST /repos/acme/ports/issues/7/comments 201']);
  });
});
