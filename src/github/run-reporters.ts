/**
 * Runs the selected reporters one after another (API writes are rate-limited per repo, so no
 * parallel bursts). A reporter that throws never loses the others' output. When GitHub refuses
 * a write for lack of permission (a fork PR's read-only token) or a rate limit outlasts the retries,
 * the other writes are skipped and the run falls back to workflow-command annotations plus the
 * full list in the job summary, both of which need no permission; any other reporter failure
 * (a 5xx or a dropped connection after the retries) adds them too, after the other writes
 * have had their try.
 */
import { describeError, isRateLimited, isWriteDenied } from './errors.js';
import type { Delivery, Logger, Reporter, ReporterResult } from './reporter.js';

export interface ReporterPlan {
  /** Reporters in the order they run. */
  reporters: Reporter[];
  /** Used when a write is denied or a reporter failed, unless they ran already. */
  fallback: Reporter[];
  /** True when the API is known to be unusable before any request (no token). */
  deniedUpFront?: boolean;
}

/** Runs the plan; every reporter's result is returned, fallbacks included. */
export async function runReporters(run: Delivery, plan: ReporterPlan, log: Logger): Promise<ReporterResult[]> {
  const results: ReporterResult[] = [];
  const ran = new Set<string>();
  // A rate limit the client gave up on also stops the writes, but the token is not to blame.
  let rateLimited = false;
  const runOne = async (reporter: Reporter) => {
    ran.add(reporter.name);
    let result: ReporterResult;
    try {
      result = await reporter.report(run);
    } catch (error) {
      rateLimited ||= isRateLimited(error);
      result = { reporter: reporter.name, ok: false, denied: isWriteDenied(error), detail: describeError(error) };
    }
    results.push(result);
    if (result.ok) log.info(`${result.reporter}: ${result.detail}${result.url ? ` (${result.url})` : ''}`);
    else log.warning(`${result.reporter} failed: ${result.detail}`);
  };
  for (const reporter of plan.reporters) {
    // Once GitHub has refused one write, the others would be refused too: skip them.
    if (reporter.writes && results.some((r) => r.denied)) {
      results.push({ reporter: reporter.name, ok: false, denied: true, detail: rateLimited ? "skipped: GitHub's rate limit stopped the writes" : 'skipped: the token cannot write' });
      continue;
    }
    await runOne(reporter);
  }
  const denied = plan.deniedUpFront || results.some((r) => r.denied);
  const failed = results.some((r) => !r.ok);
  if (denied || failed) {
    log.warning(
      plan.deniedUpFront
        ? 'No token to write with: using workflow-command annotations and the job summary.'
        : denied && rateLimited
        ? "GitHub's rate limit outlasted the retries: falling back to workflow-command annotations and the job summary."
        : denied
        ? 'GitHub refused a write (a read-only token, as on fork pull requests): falling back to workflow-command annotations and the job summary.'
        : 'A reporter failed: adding workflow-command annotations and the job summary so the findings still reach you.',
    );
    for (const reporter of plan.fallback) if (!ran.has(reporter.name)) await runOne(reporter);
  }
  return results;
}
