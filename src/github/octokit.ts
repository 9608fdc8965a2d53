/**
 * The only place an Octokit is built: REST with the retry plugin (5xx and dropped
 * connections, each write tried at most {@link SERVER_ERROR_RETRIES} more times) and the
 * throttling plugin (primary and secondary rate limits, 403 or 429, each retried at most
 * {@link RATE_LIMIT_RETRIES} times, honouring `retry-after`). Rate limits are the throttling
 * plugin's alone: were the retry plugin to retry a 429 as well, one write could go out a dozen
 * times, ignoring `retry-after`. It uses the global fetch, which works against a plain local
 * HTTP server.
 */
import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';

const PortwardenOctokit = Octokit.plugin(retry, throttling);
/** The client type every reporter receives. */
export type GitHubClient = InstanceType<typeof PortwardenOctokit>;

/** How many times a rate-limited request is retried before it fails. */
export const RATE_LIMIT_RETRIES = 2;
/** How many times a request answered 5xx (or whose connection dropped) is retried. */
export const SERVER_ERROR_RETRIES = 3;
/**
 * The longest wait for a rate limit, in seconds. A spent primary limit resets up to an hour
 * later; a job that sleeps that long only delays what the job summary and the annotations can
 * show at once, so portwarden gives up on the API instead.
 */
export const MAX_RATE_LIMIT_WAIT_SECONDS = 90;
/**
 * Milliseconds one request may take. A server that accepts the connection and never answers
 * would otherwise hold the job until GitHub's six-hour limit; a request over time counts as a
 * lost answer (500): retried, then the fallback channels.
 */
export const REQUEST_TIMEOUT_MS = 30_000;
/**
 * Statuses never retried by the retry plugin: client errors that would fail again, and 429,
 * which the throttling plugin waits out with `retry-after`.
 */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];

/** The throttling options a test may replace: the write spacing (`write`, `notifications` groups) and the limiter key. */
export type ThrottleOverrides = Partial<Pick<Extract<ThrottlingOptions, { onRateLimit: unknown }>, 'write' | 'notifications' | 'id'>>;

export interface OctokitOptions {
  token: string;
  baseUrl: string;
  /** Log lines about retries and failed requests; `core.info` in the Action. */
  log?: (message: string) => void;
  /**
   * Milliseconds per second of `retry-after` and per retry step. Test-only: the env
   * `PORTWARDEN_RETRY_BASE_MS` lowers it so stand-in servers answer quickly.
   */
  retryBaseMs?: number;
  /** Test-only: a shorter {@link REQUEST_TIMEOUT_MS}. */
  requestTimeoutMs?: number;
  /**
   * Test-only: the throttling plugin spaces writes 1 s apart (3 s for those that notify
   * people) in groups shared by every client of the process; tests pass their own groups.
   */
  throttle?: ThrottleOverrides;
}

/** Whether to retry after a rate limit: within the retry count and the longest wait. */
export function retryRateLimit(retryAfterSeconds: number, retryCount: number): boolean {
  return retryCount < RATE_LIMIT_RETRIES && retryAfterSeconds <= MAX_RATE_LIMIT_WAIT_SECONDS;
}

/** The global fetch with a time limit per request, on top of any signal the caller passes. */
export function fetchWithTimeout(ms: number): typeof fetch {
  return (input, init = {}) => {
    const timeout = AbortSignal.timeout(ms);
    return fetch(input, { ...init, signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
  };
}

/** The retry base of each client built here (milliseconds per retry step). */
const retryBases = new WeakMap<object, number>();

/**
 * Waits before try `attempt + 1` of a request that portwarden retries itself (creates that
 * must not be retried blindly): `attempt²` retry steps, as the retry plugin spaces its tries.
 */
export function pauseBeforeRetry(client: GitHubClient, attempt: number): Promise<void> {
  const ms = attempt * attempt * (retryBases.get(client) ?? 1000);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Builds the client. */
export function createOctokit(options: OctokitOptions): GitHubClient {
  const log = options.log ?? (() => {});
  const envBase = Number(process.env.PORTWARDEN_RETRY_BASE_MS);
  const base = options.retryBaseMs ?? (Number.isFinite(envBase) && envBase >= 0 && process.env.PORTWARDEN_RETRY_BASE_MS ? envBase : 1000);
  const onLimit = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    const again = retryRateLimit(retryAfter, retryCount);
    const why = retryCount >= RATE_LIMIT_RETRIES ? `giving up after ${retryCount} retries` : `giving up: it resets in ${retryAfter}s, longer than the ${MAX_RATE_LIMIT_WAIT_SECONDS}s portwarden waits`;
    log(`${kind} rate limit on ${request.method} ${request.url}; ${again ? `retrying after ${retryAfter}s` : why}.`);
    return again;
  };
  const client = new PortwardenOctokit({
    auth: options.token,
    baseUrl: options.baseUrl.replace(/\/$/, ''),
    userAgent: 'portwarden',
    request: { fetch: fetchWithTimeout(options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS) },
    // Failed requests are logged as one line each, never to stderr as bare console output.
    log: { debug: () => {}, info: () => {}, warn: log, error: log },
    retry: { retryAfterBaseValue: base, retries: SERVER_ERROR_RETRIES, doNotRetry: DO_NOT_RETRY },
    throttle: { retryAfterBaseValue: base, onRateLimit: onLimit('Primary'), onSecondaryRateLimit: onLimit('Secondary'), ...options.throttle },
  });
  retryBases.set(client, base);
  return client;
}
