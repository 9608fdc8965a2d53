/**
 * The sticky summary comment's body: the markdown report under the hidden marker that finds
 * the comment again (src/github/sticky-comment.ts posts and edits it).
 */
import { COMMENT_BODY_CHARS } from './limits.js';
import { renderReport } from './markdown.js';
import type { RunReport } from './reporter.js';

/** The hidden marker that identifies the sticky comment; it is the body's first line. */
export const STICKY_MARKER = '<!-- portwarden:sticky -->';

/** The sticky comment's body. */
export function stickyBody(run: RunReport): string {
  return renderReport(run, { limit: COMMENT_BODY_CHARS, unit: 'chars', fullListIn: 'the job summary / report.json', marker: STICKY_MARKER });
}
