/**
 * Pull requests for `/assign-port`: the one a command was typed on, the other open ones (whose
 * registry changes claim ports), and a new branch with a pull request for a command typed on
 * an issue.
 */
import type { GitHubClient } from './octokit.js';

export interface PullHead {
  number: number;
  headSha: string;
  headRef: string;
  baseSha: string;
  baseRef: string;
  /** True when the head branch lives in another repository (the token cannot push there). */
  fork: boolean;
}

/** At most this many open pull requests are looked at for claims (one page). */
export const OPEN_PULLS_LIMIT = 100;

/** The head of pull request `number`. */
export async function pullHead(client: GitHubClient, owner: string, repo: string, number: number): Promise<PullHead> {
  const { data } = await client.rest.pulls.get({ owner, repo, pull_number: number });
  const headRepo = data.head.repo?.full_name ?? '';
  return { number, headSha: data.head.sha, headRef: data.head.ref, baseSha: data.base.sha, baseRef: data.base.ref, fork: headRepo.toLowerCase() !== `${owner}/${repo}`.toLowerCase() };
}

/** The open pull requests (first {@link OPEN_PULLS_LIMIT}), newest first. */
export async function openPulls(client: GitHubClient, owner: string, repo: string): Promise<PullHead[]> {
  const { data } = await client.rest.pulls.list({ owner, repo, state: 'open', per_page: OPEN_PULLS_LIMIT });
  return data.map((p) => ({ number: p.number, headSha: p.head.sha, headRef: p.head.ref, baseSha: p.base.sha, baseRef: p.base.ref, fork: (p.head.repo?.full_name ?? '').toLowerCase() !== `${owner}/${repo}`.toLowerCase() }));
}

/** Whether pull request `number` changes `path` (its first 100 files). */
export async function changesFile(client: GitHubClient, owner: string, repo: string, number: number, path: string): Promise<boolean> {
  const { data } = await client.rest.pulls.listFiles({ owner, repo, pull_number: number, per_page: 100 });
  return data.some((f) => f.filename === path);
}

/** The commit `branch` points at. */
export async function branchHead(client: GitHubClient, owner: string, repo: string, branch: string): Promise<string> {
  const { data } = await client.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
  return data.object.sha;
}

/** Creates `branch` at `sha`. */
export async function createBranch(client: GitHubClient, owner: string, repo: string, branch: string, sha: string): Promise<void> {
  await client.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha });
}

/** Opens a pull request from `head` into `base`; returns its number and URL. */
export async function openPull(client: GitHubClient, owner: string, repo: string, pull: { head: string; base: string; title: string; body: string }): Promise<{ number: number; url: string }> {
  const { data } = await client.rest.pulls.create({ owner, repo, ...pull });
  return { number: data.number, url: data.html_url };
}
