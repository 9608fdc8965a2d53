/**
 * Recognising API failures that mean "this token may not write here" (GUIDE 4.5): fork PRs
 * on `pull_request` get a read-only token and every write answers 403 "Resource not
 * accessible by integration". Such a failure switches the run to the fallback channels.
 */

/** The message GitHub sends when the token lacks a permission. */
export const NOT_ACCESSIBLE = 'Resource not accessible by integration';

/** The HTTP status of an Octokit RequestError, if `error` is one. */
export function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/**
 * True for a 403 (any reason: a read-only token, or a rate limit the throttling plugin gave
 * up on) and for a 404 on a write, which GitHub also answers when the token cannot see the
 * resource: in each case, the API cannot carry the report and the fallback must.
 */
export function isWriteDenied(error: unknown): boolean {
  const status = httpStatus(error);
  return status === 403 || (status === 404 && /not accessible/i.test(String((error as Error).message)));
}

/** A one-line description of an API error for logs. */
export function describeError(error: unknown): string {
  const status = httpStatus(error);
  const message = error instanceof Error ? error.message : String(error);
  return status === undefined ? message : `HTTP ${status}: ${message}`;
}
