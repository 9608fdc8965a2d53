/** Issue comments (the sticky summary lives here) and reactions on them. */
import { botUser, example, githubError, MAX_COMMENT_BODY, paginate, type Handler, type HandlerContext } from './handler.js';

type Json = Record<string, any>;

function findComment(ctx: HandlerContext): { issue: number; data: Json } | undefined {
  return ctx.state.issueComments.find((c) => c.data.id === ctx.params.comment_id);
}

const tooLong = (body: string) => body.length > MAX_COMMENT_BODY;
const tooLongError = () => githubError(422, 'Validation Failed', [{ resource: 'IssueComment', code: 'custom', field: 'body', message: `body is too long (maximum is ${MAX_COMMENT_BODY} characters)` }]);

export const listIssueComments: Handler = (ctx) => {
  if (!ctx.state.hasIssue(ctx.params.issue_number)) return githubError(404, 'Not Found');
  return paginate(ctx, ctx.state.issueCommentsOn(ctx.params.issue_number));
};

export const createIssueComment: Handler = (ctx) => {
  const issue = ctx.params.issue_number;
  if (!ctx.state.hasIssue(issue)) return githubError(404, 'Not Found');
  if (tooLong(ctx.body.body)) return tooLongError();
  const id = ctx.state.nextId();
  const now = ctx.state.now();
  const full = ctx.state.fullName;
  const data = example(ctx, 'issues/create-comment', {
    id,
    node_id: `IC_${id}`,
    body: ctx.body.body,
    user: botUser(ctx),
    author_association: 'NONE',
    created_at: now,
    updated_at: now,
    url: `${ctx.baseUrl}/repos/${full}/issues/comments/${id}`,
    html_url: `https://github.com/${full}/pull/${issue}#issuecomment-${id}`,
    issue_url: `${ctx.baseUrl}/repos/${full}/issues/${issue}`,
  }, 201);
  ctx.state.issueComments.push({ issue, data });
  return { status: 201, body: data };
};

export const getIssueComment: Handler = (ctx) => {
  const found = findComment(ctx);
  return found ? { status: 200, body: found.data } : githubError(404, 'Not Found');
};

export const updateIssueComment: Handler = (ctx) => {
  const found = findComment(ctx);
  if (!found) return githubError(404, 'Not Found');
  if (tooLong(ctx.body.body)) return tooLongError();
  found.data = { ...found.data, body: ctx.body.body, updated_at: ctx.state.now() };
  return { status: 200, body: found.data };
};

export const deleteIssueComment: Handler = (ctx) => {
  const index = ctx.state.issueComments.findIndex((c) => c.data.id === ctx.params.comment_id);
  if (index < 0) return githubError(404, 'Not Found');
  ctx.state.issueComments.splice(index, 1);
  return { status: 204 };
};

export const createCommentReaction: Handler = (ctx) => {
  if (!findComment(ctx)) return githubError(404, 'Not Found');
  const id = ctx.state.nextId();
  return { status: 201, body: example(ctx, 'reactions/create-for-issue-comment', { id, node_id: `REA_${id}`, content: ctx.body.content, user: botUser(ctx), created_at: ctx.state.now() }, 201) };
};
