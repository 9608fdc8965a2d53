/**
 * Recognising API failures: "this token may not write here" (fork PRs on `pull_request` get
 * a read-only token and every write answers 403 "Resource not accessible by integration"),
 * a rate limit not worth waiting for, a lost answer, a comment deleted meanwhile. The first
 * two switch the run to the fallback channels.
 */

/** The message GitHub sends when the token lacks a permission. */
export const NOT_ACCESSIBLE = 'Resource not accessible by integration';

/** The HTTP status of an Octokit RequestError, if `error` is one. */
export function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/**
 * True for a 403 or 429 (any reason: a read-only token, or a rate limit the throttling plugin
 * gave up on) and for a 404 on a write that says the resource is not accessible: in each case
 * the API cannot carry the report and the fallback must.
 */
export function isWriteDenied(error: unknown): boolean {
  const status = httpStatus(error);
  return status === 403 || status === 429 || (status === 404 && /not accessible/i.test(String((error as Error).message)));
}

/**
 * True when the answer was lost rather than refused: a 5xx, or a connection that dropped or
 * timed out (Octokit reports those as 500 too). The write may or may not have happened.
 */
export function isTransient(error: unknown): boolean {
  const status = httpStatus(error);
  return status !== undefined && status >= 500;
}

/** True for a 404 on something that was there a moment ago (deleted meanwhile), as opposed to one the token may not see. */
export function isGone(error: unknown): boolean {
  return httpStatus(error) === 404 && !isWriteDenied(error);
}

/** True for a rate limit (primary or secondary, 403 or 429) that the throttling plugin gave up on. */
export function isRateLimited(error: unknown): boolean {
  const status = httpStatus(error);
  return (status === 403 || status === 429) && /rate limit/i.test(String((error as Error).message));
}

/** A one-line description of an API error for logs. */
export function describeError(error: unknown): string {
  const status = httpStatus(error);
  const message = error instanceof Error ? error.message : String(error);
  return status === undefined ? message : `HTTP ${status}: ${message}`;
}
