/** Reactions on the comment that carried a command: 👀 when accepted, 🚀 or 😕 at the end. */
import type { GitHubClient } from './octokit.js';

export type Reaction = 'eyes' | 'rocket' | 'confused';

/** Adds `content` to the issue comment `commentId`. */
export async function react(client: GitHubClient, owner: string, repo: string, commentId: number, content: Reaction): Promise<void> {
  await client.rest.reactions.createForIssueComment({ owner, repo, comment_id: commentId, content });
}
