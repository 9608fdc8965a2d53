/**
 * Fault injection: answer chosen requests with an error instead of the handler's response,
 * drop the connection (before the request is handled, or after, so the write happened but
 * its answer is lost), or change the repository right after a request as another actor would
 * (a person deleting a comment between portwarden's list and its update).
 */
import type { GitHubState } from './state.js';

/** What to answer instead. */
export interface FaultResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Which requests a fault hits, and how many times. */
export interface Fault {
  /** An operationId such as `checks/create`; omitted = any operation. */
  operationId?: string;
  /** Only non-GET requests (what a read-only token cannot do). */
  writesOnly?: boolean;
  /** How many matching requests fail; `Infinity` for all of them. */
  times: number;
  /** Answered instead of the handler's response. */
  response?: FaultResponse;
  /**
   * Destroys the socket instead of answering, as a connection reset does: `before` the
   * handler runs (nothing was written) or `after` it (the write happened, the answer is lost).
   */
  reset?: 'before' | 'after';
  /** Never answers: the connection stays open (and nothing is handled) until the client gives up. */
  hang?: boolean;
  /** Runs once the request has been answered: someone else changing the repository meanwhile. */
  then?: (state: GitHubState) => void;
}

/** A 500 as GitHub's front end sends it. */
export const SERVER_ERROR: FaultResponse = {
  status: 500,
  body: { message: 'Server Error' },
};

/** A 502 from GitHub's front end (a deploy or an overloaded backend). */
export const BAD_GATEWAY: FaultResponse = {
  status: 502,
  body: { message: 'Server Error' },
};

/** A secondary rate limit, asking to wait one second (what Octokit's throttling honours). */
export const SECONDARY_RATE_LIMIT: FaultResponse = {
  status: 403,
  headers: { 'retry-after': '1' },
  body: {
    message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
    documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
  },
};

/** A secondary rate limit answered with 429, as GitHub also does; `retry-after` in seconds. */
export function tooManyRequests(retryAfterSeconds: number): FaultResponse {
  return {
    status: 429,
    headers: { 'retry-after': String(retryAfterSeconds) },
    body: {
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
      status: '429',
    },
  };
}

/**
 * The primary limit spent: 403 with `x-ratelimit-remaining: 0` and the reset `resetInSeconds`
 * from now (GitHub sends no `retry-after` then; clients wait for the reset).
 */
export function primaryRateLimit(resetInSeconds: number): FaultResponse {
  return {
    status: 403,
    headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + resetInSeconds) },
    body: { message: 'API rate limit exceeded for installation ID 1.', documentation_url: 'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting', status: '403' },
  };
}

/** What every write answers for a fork PR's read-only `GITHUB_TOKEN`. */
export const READ_ONLY_TOKEN: FaultResponse = {
  status: 403,
  headers: { 'x-accepted-github-permissions': 'checks=write; pull_requests=write; issues=write' },
  body: {
    message: 'Resource not accessible by integration',
    documentation_url: 'https://docs.github.com/rest',
    status: '403',
  },
};

/** The pending faults of one stand-in; the first match is consumed. */
export class FaultQueue {
  private readonly faults: Fault[] = [];

  add(fault: Fault): void {
    this.faults.push({ ...fault });
  }

  /** The fault that hits this request, if any (counted as used). */
  take(operationId: string, method: string): Fault | undefined {
    const fault = this.faults.find((f) => f.times > 0 && (f.operationId === undefined || f.operationId === operationId) && (!f.writesOnly || method !== 'GET'));
    if (!fault) return undefined;
    fault.times -= 1;
    return fault;
  }
}
