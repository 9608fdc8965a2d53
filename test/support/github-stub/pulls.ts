/** Pull requests: the PR itself, its files, reviews and review comments (stored, listable). */
import { placementProblem, type Placement } from './diff-lines.js';
import { botUser, example, githubError, MAX_COMMENT_BODY, paginate, type Handler, type HandlerContext } from './handler.js';
import type { PullSeed } from './state.js';

type Json = Record<string, any>;

function pullOr404(ctx: HandlerContext): PullSeed | undefined {
  return ctx.state.pulls.get(ctx.params.pull_number);
}

export const getPull: Handler = (ctx) => {
  const seed = pullOr404(ctx);
  if (!seed) return githubError(404, 'Not Found');
  const pr = example(ctx, 'pulls/get', {});
  const full = ctx.state.fullName;
  const headFull = seed.headRepoFullName ?? full;
  const side = (sha: string, ref: string, repoFull: string, fork: boolean) => ({
    ...pr.base,
    label: `${repoFull.split('/')[0]}:${ref}`,
    ref,
    sha,
    repo: { ...pr.base.repo, name: repoFull.split('/')[1], full_name: repoFull, fork, owner: { ...pr.base.repo.owner, login: repoFull.split('/')[0] } },
  });
  return {
    status: 200,
    body: {
      ...pr,
      number: seed.number,
      state: 'open',
      url: `${ctx.baseUrl}/repos/${full}/pulls/${seed.number}`,
      html_url: `https://github.com/${full}/pull/${seed.number}`,
      head: side(seed.headSha, seed.headRef, headFull, seed.fork ?? false),
      base: side(seed.baseSha, seed.baseRef, full, false),
      // GitHub's example omits `type` on requested teams, which its own schema requires.
      requested_teams: [],
      changed_files: seed.files?.length ?? pr.changed_files,
    },
  };
};

/** `GET /pulls?state=open`: the seeded pull requests and those opened through the API, newest first. */
export const listPulls: Handler = (ctx) => {
  const simple = example(ctx, 'pulls/list', {});
  const full = ctx.state.fullName;
  const items = [...ctx.state.pulls.values()]
    .sort((a, b) => b.number - a.number)
    .map((seed) => {
      const pr = getPull({ ...ctx, params: { pull_number: seed.number } }).body as Json;
      return { ...simple, number: seed.number, state: 'open', url: pr.url, html_url: pr.html_url, head: pr.head, base: pr.base, requested_teams: [], title: seed.title ?? simple.title };
    });
  return paginate(ctx, ctx.query.state === 'closed' ? [] : items.map((i) => ({ ...i, url: `${ctx.baseUrl}/repos/${full}/pulls/${i.number}` })));
};

/** `POST /pulls`: a pull request from a branch of this repository. */
export const createPull: Handler = (ctx) => {
  const { head, base, title } = ctx.body as { head: string; base: string; title: string };
  const headSha = ctx.state.branches.get(head);
  const baseSha = ctx.state.branches.get(base);
  if (!headSha || !baseSha) return githubError(422, 'Validation Failed', [{ resource: 'PullRequest', field: headSha ? 'base' : 'head', code: 'invalid' }]);
  const number = Math.max(0, ...ctx.state.pulls.keys(), ...ctx.state.issues) + 1;
  ctx.state.addPull({ number, headSha, baseSha, headRef: head, baseRef: base, title });
  ctx.state.createdPulls.push(ctx.body);
  const pr = getPull({ ...ctx, params: { pull_number: number } }).body as Json;
  return { status: 201, body: { ...example(ctx, 'pulls/create', {}, 201), ...pr, title, body: ctx.body.body ?? null } };
};

export const listPullFiles: Handler = (ctx) => {
  const seed = pullOr404(ctx);
  if (!seed) return githubError(404, 'Not Found');
  const template = example(ctx, 'pulls/list-files', {});
  return paginate(ctx, (seed.files ?? []).map((f) => ({ ...template, sha: seed.headSha, ...f, blob_url: `https://github.com/${ctx.state.fullName}/blob/${seed.headSha}/${f.filename}`, raw_url: `https://github.com/${ctx.state.fullName}/raw/${seed.headSha}/${f.filename}`, contents_url: `${ctx.baseUrl}/repos/${ctx.state.fullName}/contents/${f.filename}?ref=${seed.headSha}` })));
};

export const listReviewComments: Handler = (ctx) => {
  if (!pullOr404(ctx)) return githubError(404, 'Not Found');
  return paginate(ctx, ctx.state.reviewCommentsOn(ctx.params.pull_number));
};

/** Refusals GitHub makes for one inline comment: off-diff lines, oversized bodies. */
function commentProblem(ctx: HandlerContext, seed: PullSeed, c: Placement & { body: string }): string | undefined {
  if (c.body.length > MAX_COMMENT_BODY) return `Body is too long (maximum is ${MAX_COMMENT_BODY} characters)`;
  const diff = ctx.state.diffOf(seed.number);
  return diff ? placementProblem(diff, c) : undefined;
}

function storeReviewComment(ctx: HandlerContext, seed: PullSeed, c: Json, commitId: string, reviewId: number): Json {
  const id = ctx.state.nextId();
  const now = ctx.state.now();
  const full = ctx.state.fullName;
  const data = example(ctx, 'pulls/list-review-comments', {
    id,
    node_id: `PRRC_${id}`,
    pull_request_review_id: reviewId,
    path: c.path,
    body: c.body,
    commit_id: commitId,
    original_commit_id: commitId,
    position: c.position ?? null,
    original_position: c.position ?? null,
    line: c.line ?? null,
    original_line: c.line ?? null,
    side: c.side ?? 'RIGHT',
    start_line: c.start_line ?? null,
    original_start_line: c.start_line ?? null,
    start_side: c.start_line !== undefined ? (c.start_side ?? c.side ?? 'RIGHT') : null,
    subject_type: c.subject_type ?? 'line',
    user: botUser(ctx),
    author_association: 'NONE',
    created_at: now,
    updated_at: now,
    url: `${ctx.baseUrl}/repos/${full}/pulls/comments/${id}`,
    html_url: `https://github.com/${full}/pull/${seed.number}#discussion_r${id}`,
    pull_request_url: `${ctx.baseUrl}/repos/${full}/pulls/${seed.number}`,
  });
  delete data.in_reply_to_id;
  // `position` (deprecated) is typed non-null; line-based comments leave it out here.
  if (c.position === undefined) {
    delete data.position;
    delete data.original_position;
  }
  ctx.state.reviewComments.push({ pull: seed.number, data });
  return data;
}

export const createReview: Handler = (ctx) => {
  const seed = pullOr404(ctx);
  if (!seed) return githubError(404, 'Not Found');
  const b = ctx.body;
  const commits = seed.commits ?? [seed.headSha];
  const problems: string[] = [];
  if (b.commit_id !== undefined && !commits.includes(b.commit_id)) problems.push(`commit_id ${b.commit_id} is not part of the pull request`);
  if ((b.event === 'COMMENT' || b.event === 'REQUEST_CHANGES') && !b.body && !(b.comments?.length > 0)) problems.push(`Review body is required for event ${b.event}`);
  if (b.event === 'APPROVE') problems.push('GitHub Actions is not permitted to approve pull requests.');
  if (typeof b.body === 'string' && b.body.length > MAX_COMMENT_BODY) problems.push(`Body is too long (maximum is ${MAX_COMMENT_BODY} characters)`);
  for (const c of b.comments ?? []) {
    const p = commentProblem(ctx, seed, c);
    if (p) problems.push(p);
  }
  if (problems.length > 0) return githubError(422, 'Unprocessable Entity', problems);
  const id = ctx.state.nextId();
  const commitId = b.commit_id ?? seed.headSha;
  const state = b.event === 'REQUEST_CHANGES' ? 'CHANGES_REQUESTED' : b.event === 'COMMENT' ? 'COMMENTED' : 'PENDING';
  const review = example(ctx, 'pulls/create-review', {
    id,
    node_id: `PRR_${id}`,
    user: botUser(ctx),
    body: b.body ?? '',
    state,
    commit_id: commitId,
    html_url: `https://github.com/${ctx.state.fullName}/pull/${seed.number}#pullrequestreview-${id}`,
    pull_request_url: `${ctx.baseUrl}/repos/${ctx.state.fullName}/pulls/${seed.number}`,
    submitted_at: state === 'PENDING' ? undefined : ctx.state.now(),
  });
  ctx.state.reviews.push({ pull: seed.number, data: review });
  for (const c of b.comments ?? []) storeReviewComment(ctx, seed, c, commitId, id);
  return { status: 200, body: review };
};

export const createReviewComment: Handler = (ctx) => {
  const seed = pullOr404(ctx);
  if (!seed) return githubError(404, 'Not Found');
  const b = ctx.body;
  const commits = seed.commits ?? [seed.headSha];
  const problems: string[] = [];
  if (!commits.includes(b.commit_id)) problems.push(`commit_id ${b.commit_id} is not part of the pull request`);
  const p = commentProblem(ctx, seed, b);
  if (p) problems.push(p);
  if (problems.length > 0) return githubError(422, 'Unprocessable Entity', problems);
  return { status: 201, body: storeReviewComment(ctx, seed, b, b.commit_id, ctx.state.nextId()) };
};

export const updateReviewComment: Handler = (ctx) => {
  const stored = ctx.state.reviewComments.find((c) => c.data.id === ctx.params.comment_id);
  if (!stored) return githubError(404, 'Not Found');
  if (ctx.body.body.length > MAX_COMMENT_BODY) return githubError(422, 'Unprocessable Entity', [`Body is too long (maximum is ${MAX_COMMENT_BODY} characters)`]);
  stored.data = { ...stored.data, body: ctx.body.body, updated_at: ctx.state.now() };
  return { status: 200, body: stored.data };
};
