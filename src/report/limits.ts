/**
 * GitHub's size limits, named once with the page that states them, and the one helper that
 * fits markdown under a limit. Text over a limit is rejected by the API (422) or silently cut;
 * so the report drops whole rows, lowest priority first, and says how many it dropped.
 */

/** Annotations per check-run create or update request. https://docs.github.com/en/rest/checks/runs#update-a-check-run */
export const ANNOTATIONS_PER_REQUEST = 50;
/** Annotations sent at most per run, so the request count stays bounded (README, "Requests per run"): 10 requests. */
export const MAX_ANNOTATIONS = 500;
/** Characters of a check run's `output.summary` (and `output.text`). https://docs.github.com/en/rest/checks/runs#create-a-check-run */
export const CHECK_SUMMARY_CHARS = 65_535;
/** Characters of an issue, pull request or review comment body. https://docs.github.com/en/rest/issues/comments#create-an-issue-comment */
export const COMMENT_BODY_CHARS = 65_536;
/** Bytes of one step's job summary. https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/workflow-commands-for-github-actions#step-isolation-and-limits */
export const JOB_SUMMARY_BYTES = 1024 * 1024;
/** Workflow-command annotations GitHub shows per level per step; the rest are dropped. https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/workflow-commands-for-github-actions#setting-an-error-message */
export const WORKFLOW_ANNOTATIONS_SHOWN = 10;
/** Characters of one table cell's message before it is clipped (keeps rows readable and small). */
export const CELL_CHARS = 600;

/** A piece of a markdown document. */
export interface Chunk {
  text: string;
  /** 0: always kept (headings, structure). Higher numbers are dropped first. */
  priority: number;
  /** How many findings this chunk shows (for the "N more" note). */
  findings?: number;
}

export interface TruncateOptions {
  limit: number;
  /** How GitHub measures the limit. */
  unit: 'chars' | 'bytes';
  /** Where the reader finds the full list, e.g. `the job summary / report.json`. */
  fullListIn: string;
}

/** Measures `text` in `unit`. */
export function measure(text: string, unit: 'chars' | 'bytes'): number {
  return unit === 'bytes' ? Buffer.byteLength(text, 'utf8') : text.length;
}

/** The note appended when rows were dropped. */
export function moreNote(omitted: number, fullListIn: string): string {
  return `\n… ${omitted} more finding${omitted === 1 ? '' : 's'} not shown; the full list is in ${fullListIn}.\n`;
}

/**
 * Joins `chunks` in order, keeping as many as fit within `limit` (priority 0 first, then 1, …,
 * each in document order), and appends a note counting the findings left out.
 */
export function truncate(chunks: Chunk[], options: TruncateOptions): string {
  const total = chunks.reduce((n, c) => n + measure(c.text, options.unit), 0);
  if (total <= options.limit) return chunks.map((c) => c.text).join('');
  const allFindings = chunks.reduce((n, c) => n + (c.findings ?? 0), 0);
  // Reserve room for the longest possible note.
  let budget = options.limit - measure(moreNote(allFindings, options.fullListIn), options.unit);
  const keep = new Set<number>();
  const order = chunks.map((_, i) => i).sort((a, b) => chunks[a]!.priority - chunks[b]!.priority || a - b);
  let closed = false;
  for (const i of order) {
    const chunk = chunks[i]!;
    const size = measure(chunk.text, options.unit);
    // Once one row does not fit, later rows of lower priority stay out too: no gaps mid-table.
    if (chunk.priority > 0 && (closed || size > budget)) {
      closed = true;
      continue;
    }
    keep.add(i);
    budget -= size;
  }
  const shown = chunks.filter((_, i) => keep.has(i));
  const omitted = allFindings - shown.reduce((n, c) => n + (c.findings ?? 0), 0);
  let text = shown.map((c) => c.text).join('') + (omitted > 0 ? moreNote(omitted, options.fullListIn) : '');
  // Structure alone over the limit (pathological): cut hard, the note still last.
  if (measure(text, options.unit) > options.limit) text = clipTo(text, options.limit - 200, options.unit) + moreNote(omitted, options.fullListIn);
  return text;
}

/** `text` shortened to at most `limit` units, with an ellipsis when cut. */
export function clipTo(text: string, limit: number, unit: 'chars' | 'bytes' = 'chars'): string {
  if (measure(text, unit) <= limit) return text;
  const ellipsis = measure('…', unit);
  let end = Math.max(0, Math.min(text.length, limit - ellipsis));
  // Bytes: a character may take up to 4; step down until it fits.
  while (end > 0 && measure(text.slice(0, end), unit) + ellipsis > limit) end = Math.floor(end * 0.95);
  // Do not split a surrogate pair.
  if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end--;
  return text.slice(0, end) + '…';
}
