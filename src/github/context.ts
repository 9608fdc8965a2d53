/**
 * What the run is about, read from the runner's environment and the event payload into a
 * plain object. Nothing else reads GITHUB_* variables, so the rest of the Action can be tested
 * with a literal context.
 */
import { readFileSync } from 'node:fs';

/** The events the Action acts on. */
export const HANDLED_EVENTS = ['pull_request', 'pull_request_target', 'merge_group', 'push', 'workflow_dispatch', 'schedule'] as const;
export type HandledEvent = (typeof HANDLED_EVENTS)[number];

/** `pull_request` actions that change what the PR contains (or make it reviewable). */
export const PR_ACTIONS = ['opened', 'synchronize', 'reopened', 'ready_for_review'] as const;

export interface PullRequestInfo {
  number: number;
  headSha: string;
  baseSha: string;
  baseRef: string;
  /** `owner/repo` of the head branch; empty when the fork was deleted. */
  headRepoFullName: string;
  /** True when the head branch lives in another repository. */
  fork: boolean;
}

/** Two commits to compare: the findings of `headSha` against those of its merge base with `baseSha`. */
export interface Comparison {
  baseSha: string;
  headSha: string;
}

export interface RunContext {
  event: HandledEvent;
  owner: string;
  repo: string;
  /** The commit the workflow runs on (`GITHUB_SHA`: a merge commit on `pull_request`). */
  sha: string;
  /** The commit results belong to: the PR head on pull requests, else {@link sha}. */
  headSha: string;
  workspace: string;
  apiUrl: string;
  serverUrl: string;
  /** `GITHUB_RUN_ID`, for a link to the workflow run; absent outside a runner. */
  runId?: string;
  pr?: PullRequestInfo;
  /**
   * What to compare against: the PR's base on pull requests, the queue's base on
   * `merge_group` (so debt the base branch already has never stalls the merge queue).
   */
  compare?: Comparison;
}

/** Either a context to act on, or the reason this event is not for us. */
export type ContextResult = { context: RunContext } | { skip: string };

/** An environment that lacks what the runner always sets. */
export class ContextError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContextError';
  }
}

type Env = Record<string, string | undefined>;

/** Reads the event from `env` (the runner's variables); the payload from GITHUB_EVENT_PATH. */
export function readContext(env: Env = process.env): ContextResult {
  const event = env.GITHUB_EVENT_NAME ?? '';
  if (!(HANDLED_EVENTS as readonly string[]).includes(event)) {
    return { skip: `event \`${event || '(none)'}\` is not one portwarden checks (it handles ${HANDLED_EVENTS.join(', ')}); nothing to do.` };
  }
  const payload = readPayload(env.GITHUB_EVENT_PATH);
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (owner === '' || repo === '') throw new ContextError(`GITHUB_REPOSITORY is \`${env.GITHUB_REPOSITORY ?? ''}\`; expected \`owner/repo\`.`);
  const sha = env.GITHUB_SHA ?? '';
  const base = {
    event: event as HandledEvent,
    owner,
    repo,
    sha,
    headSha: sha,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    ...(env.GITHUB_RUN_ID ? { runId: env.GITHUB_RUN_ID } : {}),
  };
  if (event === 'merge_group') {
    const group = obj(payload.merge_group);
    const headSha = str(group.head_sha) || sha;
    const baseSha = str(group.base_sha);
    return { context: { ...base, headSha, ...(baseSha ? { compare: { baseSha, headSha } } : {}) } };
  }
  if (event !== 'pull_request' && event !== 'pull_request_target') return { context: base };

  const action = str(payload.action);
  if (!(PR_ACTIONS as readonly string[]).includes(action)) {
    return { skip: `\`${event}\` action \`${action || '(none)'}\` does not change the code under review (portwarden runs on ${PR_ACTIONS.join(', ')}); nothing to do.` };
  }
  const pr = readPullRequest(payload, `${owner}/${repo}`);
  return { context: { ...base, headSha: pr.headSha, pr, compare: { baseSha: pr.baseSha, headSha: pr.headSha } } };
}

function readPullRequest(payload: Record<string, unknown>, fullName: string): PullRequestInfo {
  const pull = obj(payload.pull_request);
  const head = obj(pull.head);
  const baseBranch = obj(pull.base);
  const number = Number(pull.number ?? payload.number);
  const headSha = str(head.sha);
  const baseSha = str(baseBranch.sha);
  if (!Number.isInteger(number) || headSha === '' || baseSha === '') {
    throw new ContextError('The pull_request payload lacks `number`, `head.sha` or `base.sha`; expected the event as GitHub sends it.');
  }
  const headRepoFullName = str(obj(head.repo).full_name);
  const baseRepoFullName = str(obj(baseBranch.repo).full_name) || fullName;
  return {
    number,
    headSha,
    baseSha,
    baseRef: str(baseBranch.ref),
    headRepoFullName,
    // A deleted fork has no head repo: treat it as a fork (its token is read-only too).
    fork: headRepoFullName === '' || headRepoFullName.toLowerCase() !== baseRepoFullName.toLowerCase(),
  };
}

/**
 * The event payload GitHub writes for the run (`GITHUB_EVENT_PATH`, outside the repository):
 * the runner's file, not a repository file, so it is read directly rather than through the
 * safe reader (collect/read.ts), which is for the checked tree's bytes.
 */
function readPayload(path: string | undefined): Record<string, unknown> {
  if (!path) return {};
  try {
    return obj(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    throw new ContextError(`Cannot read the event payload at GITHUB_EVENT_PATH \`${path}\`: ${(error as Error).message}`);
  }
}

function obj(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
