/**
 * Self-test of the stand-in's fault hooks: dropped connections (before or after the request
 * is handled), state changed by "someone else" right after a request, and the rate-limit
 * answers, each as a plain fetch sees it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BAD_GATEWAY, primaryRateLimit, startGitHubStub, tooManyRequests, type GitHubStub } from '../support/github-stub.js';

const HEAD = 'a'.repeat(40);
let gh: GitHubStub;

const post = (path: string, body: unknown) => fetch(gh.url + path, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'token t' }, body: JSON.stringify(body) });
const get = (path: string) => fetch(gh.url + path, { headers: { authorization: 'token t' } });

beforeEach(async () => {
  gh = await startGitHubStub({ owner: 'acme', repo: 'ports' });
  gh.state.addPull({ number: 7, headSha: HEAD, baseSha: 'b'.repeat(40), headRef: 'feature', baseRef: 'main' });
});
afterEach(() => gh.close());

describe('GitHub stand-in: connection faults', () => {
  it('a reset before the handler: the client gets no answer and nothing is stored', async () => {
    gh.resetNext('issues/create-comment', 1, 'before');
    await expect(post('/repos/acme/ports/issues/7/comments', { body: 'x' })).rejects.toThrow(/fetch failed/);
    expect(gh.state.issueComments).toEqual([]);
    expect((await post('/repos/acme/ports/issues/7/comments', { body: 'x' })).status).toBe(201);
    expect(gh.requestLines()).toEqual(['POST /repos/acme/ports/issues/7/comments reset before', 'POST /repos/acme/ports/issues/7/comments 201']);
    expect(gh.requests[0]).toMatchObject({ status: 0, injected: true, reset: 'before' });
  });

  it('a reset after the handler: the write is stored but its answer is lost', async () => {
    gh.resetNext('issues/create-comment', 1, 'after');
    await expect(post('/repos/acme/ports/issues/7/comments', { body: 'x' })).rejects.toThrow(/fetch failed/);
    expect(gh.state.issueCommentsOn(7).map((c) => c.body)).toEqual(['x']);
  });

  it('writesOnly resets spare the reads', async () => {
    gh.resetNext(undefined, Infinity, 'before', true);
    expect((await get('/repos/acme/ports/issues/7/comments')).status).toBe(200);
    await expect(post('/repos/acme/ports/issues/7/comments', { body: 'x' })).rejects.toThrow();
    await expect(post('/repos/acme/ports/check-runs', { name: 'x', head_sha: HEAD })).rejects.toThrow();
  });
});

describe('GitHub stand-in: state changed by someone else', () => {
  it('`then` runs after the request is answered, so the next request sees the change', async () => {
    const created = (await (await post('/repos/acme/ports/issues/7/comments', { body: 'x' })).json()) as { id: number };
    gh.inject({ operationId: 'issues/list-comments', times: 1, then: (s) => s.issueComments.splice(0) });
    expect(((await (await get('/repos/acme/ports/issues/7/comments')).json()) as unknown[]).length).toBe(1);
    const update = await fetch(`${gh.url}/repos/acme/ports/issues/comments/${created.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json', authorization: 'token t' }, body: JSON.stringify({ body: 'y' }) });
    expect(update.status).toBe(404);
    expect(gh.calls('issues/list-comments')[0]!.injected).toBe(false);
  });
});

describe('GitHub stand-in: error answers', () => {
  it('502, 429 with retry-after, and a spent primary limit carry the headers clients read', async () => {
    gh.failNext('checks/create', 1, BAD_GATEWAY);
    gh.failNext('checks/create', 1, tooManyRequests(2));
    gh.failNext('checks/create', 1, primaryRateLimit(600));
    const body = { name: 'x', head_sha: HEAD };
    expect((await post('/repos/acme/ports/check-runs', body)).status).toBe(502);
    const limited = await post('/repos/acme/ports/check-runs', body);
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '2']);
    expect(((await limited.json()) as { message: string }).message).toMatch(/secondary rate limit/);
    const spent = await post('/repos/acme/ports/check-runs', body);
    expect([spent.status, spent.headers.get('x-ratelimit-remaining')]).toEqual([403, '0']);
    expect(Number(spent.headers.get('x-ratelimit-reset')) - Date.now() / 1000).toBeGreaterThan(590);
    expect((await post('/repos/acme/ports/check-runs', body)).status).toBe(201);
  });
});
