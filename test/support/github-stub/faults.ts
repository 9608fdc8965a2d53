/** Fault injection: answer chosen requests with an error instead of the handler's response. */

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
  response: FaultResponse;
}

/** A 500 as GitHub's front end sends it. */
export const SERVER_ERROR: FaultResponse = {
  status: 500,
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

  /** The response for this request if a fault hits it. */
  take(operationId: string, method: string): FaultResponse | undefined {
    const fault = this.faults.find((f) => f.times > 0 && (f.operationId === undefined || f.operationId === operationId) && (!f.writesOnly || method !== 'GET'));
    if (!fault) return undefined;
    fault.times -= 1;
    return fault.response;
  }
}
