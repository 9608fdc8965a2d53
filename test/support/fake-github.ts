// An in-memory stand-in for the few REST endpoints the reporters call: the boundary is
// mocked, nothing of portwarden is. HTTP-level behaviour is the e2e suite's job.
import type { GitHubClient } from '../../src/github/octokit.js';

export interface Call {
  route: string;
  params: Record<string, any>;
}

export interface FakeGitHub {
  client: GitHubClient;
  calls: Call[];
  issueComments: { id: number; body: string; user?: { login: string; type: string } }[];
  reviewComments: { id: number; body: string; path?: string; line?: number; user?: { login: string; type: string } }[];
  /** Makes every write answer like a fork PR's read-only token. */
  denyWrites: boolean;
}

/** The account the Actions token writes as. */
export const BOT = { login: 'github-actions[bot]', type: 'Bot' };
/** A person. */
export const HUMAN = { login: 'alice', type: 'User' };

export function fakeGitHub(): FakeGitHub {
  let next = 100;
  const fake: FakeGitHub = { calls: [], issueComments: [], reviewComments: [], denyWrites: false, client: undefined as unknown as GitHubClient };
  const write = <T>(route: string, fn: (p: Record<string, any>) => T) => async (params: Record<string, any>) => {
    fake.calls.push({ route, params });
    if (fake.denyWrites) throw Object.assign(new Error('Resource not accessible by integration'), { status: 403 });
    return { data: fn(params) };
  };
  const read = <T>(route: string, fn: (p: Record<string, any>) => T) => async (params: Record<string, any>) => {
    fake.calls.push({ route, params });
    return { data: fn(params) };
  };
  const rest = {
    checks: {
      create: write('POST /check-runs', () => ({ id: next++, html_url: 'https://github.com/check' })),
      update: write('PATCH /check-runs/{id}', (p) => ({ id: p.check_run_id })),
    },
    issues: {
      listComments: read('GET /issues/{n}/comments', () => fake.issueComments.map((c) => ({ ...c }))),
      createComment: write('POST /issues/{n}/comments', (p) => {
        const c = { id: next++, body: p.body as string, user: BOT };
        fake.issueComments.push(c);
        return { ...c, html_url: `https://github.com/c/${c.id}` };
      }),
      updateComment: write('PATCH /issues/comments/{id}', (p) => {
        const c = fake.issueComments.find((x) => x.id === p.comment_id)!;
        c.body = p.body;
        return { ...c, html_url: `https://github.com/c/${c.id}` };
      }),
      deleteComment: write('DELETE /issues/comments/{id}', (p) => {
        fake.issueComments = fake.issueComments.filter((x) => x.id !== p.comment_id);
        return {};
      }),
    },
    pulls: {
      listReviewComments: read('GET /pulls/{n}/comments', () => fake.reviewComments.map((c) => ({ ...c }))),
      createReview: write('POST /pulls/{n}/reviews', (p) => {
        for (const c of p.comments as { body: string; path: string; line: number }[]) fake.reviewComments.push({ id: next++, ...c, user: BOT });
        return { id: next++ };
      }),
      updateReviewComment: write('PATCH /pulls/comments/{id}', (p) => {
        const c = fake.reviewComments.find((x) => x.id === p.comment_id)!;
        c.body = p.body;
        return c;
      }),
    },
  };
  const paginate = async (fn: (p: Record<string, any>) => Promise<{ data: unknown[] }>, params: Record<string, any>) => (await fn(params)).data;
  fake.client = { rest, paginate } as unknown as GitHubClient;
  return fake;
}
