/**
 * Webhook payloads as GitHub sends them, from `@octokit/webhooks-examples`, patched with the
 * repository, numbers and shas of a test's temporary repository. URLs keep GitHub's host:
 * the Action must talk to GITHUB_API_URL, never to a URL taken from the payload.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

type Json = Record<string, any>;

interface WebhookDefinition {
  name: string;
  examples: Json[];
}

let definitions: WebhookDefinition[] | undefined;

/** A deep copy of the first example of `event` with `action`. */
export function webhookExample(event: string, action: string): Json {
  definitions ??= JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@octokit/webhooks-examples'), 'utf8')) as WebhookDefinition[];
  const example = definitions.find((d) => d.name === event)?.examples.find((e) => e.action === action);
  if (!example) throw new Error(`@octokit/webhooks-examples has no ${event}.${action} example`);
  return structuredClone(example);
}

/** Replaces every `from` with `to` in the strings of `node` (URLs, full names, labels). */
function renameDeep(node: unknown, from: string, to: string): unknown {
  if (typeof node === 'string') return node.split(from).join(to);
  if (Array.isArray(node)) return node.map((n) => renameDeep(n, from, to));
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, renameDeep(v, from, to)]));
  return node;
}

/** Points a repository object of the payload at `owner/name`. */
function retarget(repo: Json, fullName: string, fork: boolean): Json {
  const [owner, name] = fullName.split('/') as [string, string];
  const from = repo.full_name as string;
  const out = renameDeep(repo, from, fullName) as Json;
  return { ...out, name, full_name: fullName, fork, owner: { ...out.owner, login: owner, url: `https://api.github.com/users/${owner}`, html_url: `https://github.com/${owner}` } };
}

export interface PullRequestEventOptions {
  action?: 'opened' | 'synchronize' | 'reopened';
  /** `owner/repo` of the base repository. */
  repository: string;
  number: number;
  headSha: string;
  baseSha: string;
  headRef: string;
  baseRef: string;
  /** `owner/repo` of the head; another repository makes it a fork PR. */
  headRepository?: string;
  /** For `synchronize`: the head before the push. */
  before?: string;
}

/** A `pull_request` event payload. */
export function pullRequestEvent(o: PullRequestEventOptions): Json {
  const action = o.action ?? 'opened';
  const event = webhookExample('pull_request', action);
  const from = event.repository.full_name as string;
  const headFull = o.headRepository ?? o.repository;
  const fork = headFull !== o.repository;
  const pr = renameDeep(event.pull_request, `${from}/`, `${o.repository}/`) as Json;
  const [owner] = o.repository.split('/') as [string];
  const [headOwner] = headFull.split('/') as [string];
  pr.number = o.number;
  pr.state = 'open';
  pr.url = `https://api.github.com/repos/${o.repository}/pulls/${o.number}`;
  pr.html_url = `https://github.com/${o.repository}/pull/${o.number}`;
  pr.issue_url = `https://api.github.com/repos/${o.repository}/issues/${o.number}`;
  pr.head = { ...pr.head, ref: o.headRef, sha: o.headSha, label: `${headOwner}:${o.headRef}`, repo: retarget(event.pull_request.head.repo, headFull, fork), user: { ...pr.head.user, login: headOwner } };
  pr.base = { ...pr.base, ref: o.baseRef, sha: o.baseSha, label: `${owner}:${o.baseRef}`, repo: retarget(event.pull_request.base.repo, o.repository, false) };
  const out: Json = { ...event, action, number: o.number, pull_request: pr, repository: retarget(event.repository, o.repository, false) };
  if (action === 'synchronize') {
    out.before = o.before ?? o.baseSha;
    out.after = o.headSha;
  }
  return out;
}

export interface IssueCommentEventOptions {
  repository: string;
  /** Issue or pull request number. */
  number: number;
  body: string;
  /** Comment author. */
  login: string;
  authorAssociation?: string;
  /** True for a comment on a pull request (GitHub then sets `issue.pull_request`). */
  onPullRequest?: boolean;
  commentId?: number;
}

/** An `issue_comment.created` event payload (none of the examples is on a PR; this adds `issue.pull_request`). */
export function issueCommentEvent(o: IssueCommentEventOptions): Json {
  const event = webhookExample('issue_comment', 'created');
  const from = event.repository.full_name as string;
  const out = renameDeep(event, `${from}/`, `${o.repository}/`) as Json;
  out.repository = retarget(event.repository, o.repository, false);
  out.issue.number = o.number;
  out.issue.url = `https://api.github.com/repos/${o.repository}/issues/${o.number}`;
  out.issue.html_url = `https://github.com/${o.repository}/${o.onPullRequest ? 'pull' : 'issues'}/${o.number}`;
  if (o.onPullRequest) {
    out.issue.pull_request = {
      url: `https://api.github.com/repos/${o.repository}/pulls/${o.number}`,
      html_url: `https://github.com/${o.repository}/pull/${o.number}`,
      diff_url: `https://github.com/${o.repository}/pull/${o.number}.diff`,
      patch_url: `https://github.com/${o.repository}/pull/${o.number}.patch`,
      merged_at: null,
    };
  } else delete out.issue.pull_request;
  out.comment = { ...out.comment, id: o.commentId ?? out.comment.id, body: o.body, author_association: o.authorAssociation ?? 'CONTRIBUTOR', user: { ...out.comment.user, login: o.login, type: 'User' } };
  out.sender = { ...out.sender, login: o.login, type: 'User' };
  return out;
}
