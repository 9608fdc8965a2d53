/**
 * One file through the contents API: read it at a ref (its text and blob sha), and commit a
 * new version with the blob sha the edit was made on, so that a concurrent writer makes the
 * PUT fail with 409 instead of being overwritten. The PUT is never retried by the retry
 * plugin: a 409 resent with the same stale sha fails again, and a 5xx may have committed.
 */
import { httpStatus } from './errors.js';
import type { GitHubClient } from './octokit.js';

export interface RepoFile {
  text: string;
  /** The blob sha, as the contents API names the version of a file. */
  sha: string;
}

/** The file at `ref`, or undefined when it does not exist there (404). */
export async function getFile(client: GitHubClient, owner: string, repo: string, path: string, ref: string): Promise<RepoFile | undefined> {
  try {
    const { data } = await client.rest.repos.getContent({ owner, repo, path, ref });
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) throw new Error(`\`${path}\` at \`${ref}\` is not a file`);
    return { text: Buffer.from(data.content, 'base64').toString('utf8'), sha: data.sha };
  } catch (error) {
    if (httpStatus(error) === 404) return undefined;
    throw error;
  }
}

export interface FileWrite {
  path: string;
  text: string;
  /** The blob sha of the version the edit was made on. */
  sha: string;
  branch: string;
  message: string;
}

/** The commit made, or `conflict` when the file changed since `sha` (409). */
export type WriteResult = { commit: string; url: string } | { conflict: true };

/** Commits `write.text` to `write.path` on `write.branch`. */
export async function putFile(client: GitHubClient, owner: string, repo: string, write: FileWrite): Promise<WriteResult> {
  try {
    const { data } = await client.rest.repos.createOrUpdateFileContents({
      owner,
      repo,
      path: write.path,
      message: write.message,
      content: Buffer.from(write.text, 'utf8').toString('base64'),
      sha: write.sha,
      branch: write.branch,
      request: { retries: 0 },
    });
    return { commit: data.commit.sha ?? '', url: data.commit.html_url ?? '' };
  } catch (error) {
    if (httpStatus(error) === 409) return { conflict: true };
    throw error;
  }
}
