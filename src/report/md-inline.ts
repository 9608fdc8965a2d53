/**
 * Inline markdown pieces shared by every markdown-writing reporter: escaping text from the
 * repository (which may be hostile: it can hold HTML, pipes or @-mentions) and blob links.
 */
import type { RunReport } from './reporter.js';

/** Escapes text for a table cell, leaving `code spans` as code (only `|` needs escaping there). */
export function inline(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .split(/(`[^`]*`)/)
    .map((part, i) =>
      i % 2 === 1
        ? part.replace(/\|/g, '\\|')
        : part
            .replace(/&/g, '&amp;')
            .replace(/</g, '&lt;')
            .replace(/>/g, '&gt;')
            .replace(/([\\*_[\]])/g, '\\$1')
            .replace(/\|/g, '\\|')
            // No accidental @-mentions of whoever a file names.
            .replace(/@(?=\w)/g, '@\u200b'),
    )
    .join('');
}

/**
 * `text` as a code span in a table cell: nothing inside a code span is an escape or an entity,
 * so only `|` (which ends a GFM cell first) is escaped, and the fence is longer than any run of
 * backticks in the text.
 */
export function code(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
  const fence = '`'.repeat(Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A link to `path` at `sha` in the repository, at `line` when given. */
export function blobUrl(run: Pick<RunReport, 'context'>, sha: string, path: string, line?: number): string {
  const { serverUrl, owner, repo } = run.context;
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return `${serverUrl}/${owner}/${repo}/blob/${sha}/${encoded}${line ? `#L${line}` : ''}`;
}


/** A link to commit `sha`'s page. */
export function commitUrl(run: Pick<RunReport, 'context'>, sha: string): string {
  const { serverUrl, owner, repo } = run.context;
  return `${serverUrl}/${owner}/${repo}/commit/${sha}`;
}

/** A link to the workflow run (whose page holds the job summary), when the run id is known. */
export function runUrl(run: Pick<RunReport, 'context'>): string | undefined {
  const { serverUrl, owner, repo, runId } = run.context;
  return runId ? `${serverUrl}/${owner}/${repo}/actions/runs/${encodeURIComponent(runId)}` : undefined;
}
