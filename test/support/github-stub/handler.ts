/** What an operation handler receives and returns, plus GitHub-shaped error bodies. */
import type { OpenAPIBackend } from 'openapi-backend';
import { exampleResponse } from './openapi.js';
import { BOT_LOGIN, type GitHubState } from './state.js';

type Json = Record<string, any>;

export interface HandlerContext {
  api: OpenAPIBackend;
  state: GitHubState;
  /** Path parameters, coerced to the schema's types. */
  params: Json;
  query: Record<string, string>;
  body: any;
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  /** The request's pathname. */
  path: string;
}

export interface StubResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (ctx: HandlerContext) => StubResponse;

/** A GitHub error body: `{ message, documentation_url, status }` (plus `errors` for 422s). */
export function githubError(status: number, message: string, errors?: unknown[]): StubResponse {
  return {
    status,
    body: {
      message,
      ...(errors ? { errors } : {}),
      documentation_url: 'https://docs.github.com/rest',
      status: String(status),
    },
  };
}

/** The user the Actions token posts as, shaped like GitHub's simple-user. */
export function botUser(ctx: HandlerContext): Json {
  const user = exampleResponse(ctx.api, 'issues/get-comment').user;
  return { ...user, login: BOT_LOGIN, id: 41898282, node_id: 'MDM6Qm90NDE4OTgyODI=', type: 'Bot', html_url: 'https://github.com/apps/github-actions' };
}

/** GitHub's own example for `operationId`, with `overrides` applied on top. */
export function example(ctx: HandlerContext, operationId: string, overrides: Json, status?: number): Json {
  const base = exampleResponse(ctx.api, operationId, status);
  const first = Array.isArray(base) ? base[0] : base;
  return { ...first, ...overrides };
}

/** One page of `items` with a `Link` header, as Octokit's paginate follows it. */
export function paginate(ctx: HandlerContext, items: unknown[]): StubResponse {
  const perPage = Math.min(Number(ctx.query.per_page ?? 30), 100);
  const page = Number(ctx.query.page ?? 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (p: number, rel: string) => {
    const u = new URL(ctx.path, ctx.baseUrl);
    for (const [k, v] of Object.entries(ctx.query)) u.searchParams.set(k, v);
    u.searchParams.set('per_page', String(perPage));
    u.searchParams.set('page', String(p));
    return `<${u.href}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
  return {
    status: 200,
    body: items.slice((page - 1) * perPage, page * perPage),
    ...(links.length > 0 ? { headers: { link: links.join(', ') } } : {}),
  };
}

/** GitHub's limit on comment bodies (issue and review comments alike). */
export const MAX_COMMENT_BODY = 65_536;
