/**
 * A real HTTP server on 127.0.0.1 standing in for api.github.com in end-to-end tests.
 *
 * Every request is checked against GitHub's official OpenAPI description (path, method,
 * parameters, body; plus body properties the schema does not declare, which GitHub would
 * silently ignore). A request that fails gets 400/404/422 and lands in `validationFailures`,
 * which tests assert to be empty. Requests GitHub would refuse for reasons beyond the
 * schema (a review comment off the diff, a 70,000-character body) get GitHub's 422 and land
 * in `rejections`. Everything is recorded in `requests`.
 *
 *   const gh = await startGitHubStub({ owner: 'acme', repo: 'ports' });
 *   gh.state.addPull({ number: 7, headSha, baseSha, headRef: 'feature', baseRef: 'main' });
 *   gh.failNext('checks/create', 1, SERVER_ERROR);
 *   gh.resetNext('pulls/create-review', 1, 'after');   // the review is stored, its answer lost
 *   gh.inject({ operationId: 'issues/list-comments', times: 1, then: (s) => s.issueComments.splice(0) });
 *   // GITHUB_API_URL=gh.url ...
 *   await gh.close();
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultQueue, READ_ONLY_TOKEN, type Fault, type FaultResponse } from './github-stub/faults.js';
import type { Handler, HandlerContext, StubResponse } from './github-stub/handler.js';
import { checkRequest } from './github-stub/check-request.js';
import { githubError } from './github-stub/handler.js';
import { loadGitHubApi } from './github-stub/openapi.js';
import { HANDLERS } from './github-stub/routes.js';
import { GitHubState } from './github-stub/state.js';

export { BAD_GATEWAY, primaryRateLimit, READ_ONLY_TOKEN, SECONDARY_RATE_LIMIT, SERVER_ERROR, tooManyRequests, type Fault, type FaultResponse } from './github-stub/faults.js';
export { BOT_LOGIN, GitHubState, type PullFile, type PullSeed } from './github-stub/state.js';

/** One request as the stand-in saw it. */
export interface RecordedRequest {
  method: string;
  /** Pathname plus query string. */
  path: string;
  /** GitHub's operationId, or null when no operation matches. */
  operationId: string | null;
  body: any;
  /** The status the stand-in answered; 0 when it dropped the connection instead (`reset`). */
  status: number;
  /** Whether the answer came from an injected fault (a reset included). */
  injected: boolean;
  /** The connection was destroyed instead of answered; `after`: the request had been handled. */
  reset?: 'before' | 'after';
  /** The stand-in never answered (status 0). */
  hung?: boolean;
  /** Milliseconds since the stand-in started, when the request arrived. */
  at: number;
}

/** A request that GitHub's description says is malformed (or that no operation matches). */
export interface ValidationFailure {
  method: string;
  path: string;
  operationId: string | null;
  errors: string[];
}

export interface GitHubStub {
  /** Base URL for GITHUB_API_URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly state: GitHubState;
  readonly requests: RecordedRequest[];
  readonly validationFailures: ValidationFailure[];
  /** Requests refused with a 4xx by GitHub's rules beyond the schema (not counting injected faults). */
  readonly rejections: (RecordedRequest & { response: unknown })[];
  /** The stand-in's own answers that GitHub's response schemas reject (a bug in the stand-in). */
  readonly responseProblems: string[];
  /** Adds a fault; see `failNext` and `failWrites` for the common ones. */
  inject(fault: Fault): void;
  /** Answers the next `times` calls to `operationId` with `response`. */
  failNext(operationId: string, times: number, response: FaultResponse): void;
  /** Answers every non-GET request with `response` (default: the fork PR's read-only token). */
  failWrites(response?: FaultResponse): void;
  /**
   * Drops the connection on the next `times` calls to `operationId` (any operation when
   * undefined; writes only when `writesOnly`), `before` handling them or `after`.
   */
  resetNext(operationId: string | undefined, times: number, when?: 'before' | 'after', writesOnly?: boolean): void;
  /** `METHOD /path?query STATUS` per request, for the request logs. */
  requestLines(): string[];
  /** Requests to one operation, in order. */
  calls(operationId: string): RecordedRequest[];
  close(): Promise<void>;
}

export interface StubOptions {
  owner?: string;
  repo?: string;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, response: StubResponse, remaining: number): void {
  const headers: Record<string, string> = {
    'x-github-request-id': `STUB:${remaining}`,
    'x-ratelimit-limit': '1000',
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-used': String(1000 - remaining),
    'x-ratelimit-resource': 'core',
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
    ...response.headers,
  };
  if (response.body === undefined) {
    res.writeHead(response.status, headers).end();
    return;
  }
  headers['content-type'] = 'application/json; charset=utf-8';
  res.writeHead(response.status, headers).end(JSON.stringify(response.body));
}

/** Starts a stand-in on a random port of 127.0.0.1. */
export async function startGitHubStub(options: StubOptions = {}): Promise<GitHubStub> {
  const api = await loadGitHubApi();
  const state = new GitHubState(options.owner ?? 'acme', options.repo ?? 'ports');
  const faults = new FaultQueue();
  const requests: RecordedRequest[] = [];
  const validationFailures: ValidationFailure[] = [];
  const rejections: GitHubStub['rejections'] = [];
  const responseProblems: string[] = [];
  let baseUrl = '';
  const startedAt = Date.now();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const at = Date.now() - startedAt;
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', baseUrl);
    const query = Object.fromEntries(url.searchParams);
    const raw = await readBody(req);
    const record = (operationId: string | null, body: unknown, response: StubResponse, injected: boolean, reset?: 'before' | 'after') => {
      const entry: RecordedRequest = { method, path: url.pathname + url.search, operationId, body, status: reset ? 0 : response.status, injected: injected || reset !== undefined, at, ...(reset ? { reset } : {}) };
      requests.push(entry);
      // A reset: the client sees the socket close with no answer (undici: "other side closed").
      if (reset) req.socket.destroy();
      else send(res, response, Math.max(1, 1000 - requests.length));
      return entry;
    };
    const fail = (operationId: string | null, errors: string[], response: StubResponse, body: unknown) => {
      validationFailures.push({ method, path: url.pathname + url.search, operationId, errors });
      record(operationId, body, response, false);
    };

    const checked = checkRequest(api, { method, pathname: url.pathname, query, headers: req.headers, raw });
    if (!checked.ok) return fail(checked.operationId, checked.errors, checked.response, checked.body);
    const { operation, operationId, body, params } = checked;

    const fault = faults.take(operationId, method);
    if (fault?.hang) {
      requests.push({ method, path: url.pathname + url.search, operationId, body, status: 0, injected: true, at, hung: true });
      return;
    }
    if (fault?.reset === 'before' || fault?.response) {
      record(operationId, body, fault.response ?? { status: 0 }, true, fault.reset === 'before' ? 'before' : undefined);
      fault.then?.(state);
      return;
    }

    const handler: Handler | undefined = HANDLERS[operationId];
    if (!handler) return fail(operationId, [`the stand-in has no handler for ${operationId}`], githubError(501, 'Not Implemented'), body);
    const ctx: HandlerContext = { api, state, params, query, body, baseUrl, path: url.pathname };
    const response = handler(ctx);
    if (response.status < 300 && response.body !== undefined) {
      const check = api.validateResponse(response.body, operation, response.status);
      for (const e of check.errors ?? []) responseProblems.push(`${operationId} ${response.status} ${e.instancePath || '/'} ${e.message}`);
    }
    const entry = record(operationId, body, response, false, fault?.reset);
    if (response.status >= 400) rejections.push({ ...entry, response: response.body });
    fault?.then?.(state);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      validationFailures.push({ method: req.method ?? '?', path: req.url ?? '?', operationId: null, errors: [`stand-in crashed: ${String((error as Error)?.stack ?? error)}`] });
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: baseUrl,
    state,
    requests,
    validationFailures,
    rejections,
    responseProblems,
    inject: (fault) => faults.add(fault),
    failNext: (operationId, times, response) => faults.add({ operationId, times, response }),
    failWrites: (response = READ_ONLY_TOKEN) => faults.add({ writesOnly: true, times: Infinity, response }),
    resetNext: (operationId, times, when = 'before', writesOnly = false) => faults.add({ ...(operationId ? { operationId } : {}), times, reset: when, writesOnly }),
    requestLines: () => requests.map((r) => `${r.method} ${r.path} ${r.reset ? `reset ${r.reset}` : r.hung ? 'no answer' : r.status}`),
    calls: (operationId) => requests.filter((r) => r.operationId === operationId),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
