/**
 * Converting a {@link Location} (end exclusive) into the inclusive line/column spans GitHub's
 * annotations and review comments use.
 */
import type { Location } from '../core/location.js';

export interface LineSpan {
  startLine: number;
  endLine: number;
  /** Present only when the span is on one line (GitHub ignores columns across lines). */
  startColumn?: number;
  /** Inclusive, as GitHub reads it. */
  endColumn?: number;
}

/** The inclusive span of `loc`; an end at column 1 of a later line ends on the line before. */
export function lineSpan(loc: Location): LineSpan {
  const endLine = loc.endLine > loc.line && loc.endColumn <= 1 ? loc.endLine - 1 : Math.max(loc.line, loc.endLine);
  if (endLine !== loc.line) return { startLine: loc.line, endLine };
  const single = loc.endLine === loc.line;
  return { startLine: loc.line, endLine, startColumn: loc.column, ...(single ? { endColumn: Math.max(loc.column, loc.endColumn - 1) } : {}) };
}
