/** The one reply a command gets: a new comment on the issue or pull request it was typed on. */
import type { GitHubClient } from './octokit.js';

/** Posts `body` on issue (or pull request) `number`; returns the comment's URL. */
export async function reply(client: GitHubClient, owner: string, repo: string, number: number, body: string): Promise<string> {
  const { data } = await client.rest.issues.createComment({ owner, repo, issue_number: number, body });
  return data.html_url;
}
