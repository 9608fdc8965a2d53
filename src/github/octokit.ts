/**
 * The only place an Octokit is built: REST with the retry plugin (5xx) and the throttling
 * plugin (primary and secondary rate limits, each retried at most twice, honouring
 * `retry-after`). It uses the global fetch, which works against a plain local HTTP server.
 */
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';

const PortwardenOctokit = Octokit.plugin(retry, throttling);
/** The client type every reporter receives. */
export type GitHubClient = InstanceType<typeof PortwardenOctokit>;

/** How many times a rate-limited request is retried before it fails. */
export const RATE_LIMIT_RETRIES = 2;

export interface OctokitOptions {
  token: string;
  baseUrl: string;
  /** Log lines about retries; `core.info` in the Action. */
  log?: (message: string) => void;
  /**
   * Milliseconds per second of `retry-after` and per retry step. Test-only: the env
   * `PORTWARDEN_RETRY_BASE_MS` lowers it so stand-in servers answer quickly.
   */
  retryBaseMs?: number;
}

/** Builds the client. */
export function createOctokit(options: OctokitOptions): GitHubClient {
  const log = options.log ?? (() => {});
  const envBase = Number(process.env.PORTWARDEN_RETRY_BASE_MS);
  const base = options.retryBaseMs ?? (Number.isFinite(envBase) && envBase >= 0 && process.env.PORTWARDEN_RETRY_BASE_MS ? envBase : 1000);
  const onLimit = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    const again = retryCount < RATE_LIMIT_RETRIES;
    log(`${kind} rate limit on ${request.method} ${request.url}; ${again ? `retrying after ${retryAfter}s` : 'giving up'}.`);
    return again;
  };
  return new PortwardenOctokit({
    auth: options.token,
    baseUrl: options.baseUrl.replace(/\/$/, ''),
    userAgent: 'portwarden',
    retry: { retryAfterBaseValue: base },
    throttle: { retryAfterBaseValue: base, onRateLimit: onLimit('Primary'), onSecondaryRateLimit: onLimit('Secondary') },
  });
}
