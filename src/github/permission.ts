/** Whether a user may make portwarden write: `admin`, `maintain` or `write` on the repository. */
import type { GitHubClient } from './octokit.js';

/** The roles that may assign a port. */
export const WRITE_ROLES = ['admin', 'maintain', 'write'] as const;

/** The user's role on the repository (`role_name`: `admin`, `maintain`, `write`, `triage`, `read` or `none`). */
export async function roleOf(client: GitHubClient, owner: string, repo: string, username: string): Promise<string> {
  const { data } = await client.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username });
  return data.role_name || data.permission;
}
