/**
 * Which new findings can be review comments: GitHub takes comments only on lines of the diff,
 * a multi-line comment must stay in one hunk, and a suggestion replaces exactly the commented
 * lines. The filter marks, never drops: findings that cannot sit inline say why, and the
 * summary shows them all. The head files a suggestion is made from are handed in, read by the
 * caller (see {@link suggestionFiles}).
 */
import { hunkContaining, isChangedLine, type DiffMap, type LineRange } from '../baseline/diff.js';
import type { Finding } from '../core/finding.js';
import { createLocator } from '../core/location.js';
import { lineSpan } from './span.js';

/** Inline comments per review; beyond this a pull request's page becomes unusable (the summary still lists every finding). */
export const MAX_INLINE_COMMENTS = 30;

export type Placement =
  | { kind: 'inline'; finding: Finding; path: string; line: number; startLine?: number; suggestion?: string }
  /** The file is in the PR but the line is not in its diff: summarised, not commented (see review.ts). */
  | { kind: 'file'; finding: Finding }
  | { kind: 'summary'; finding: Finding; reason: string };

export interface PlacementInput {
  findings: Finding[];
  diff: DiffMap;
  /** Files whose analysed lines may not match the PR head. */
  shifted: Set<string>;
  /** Texts of head files by repository-relative path (those of {@link suggestionFiles}); a file missing here gets no suggestion. */
  headFiles: ReadonlyMap<string, string>;
}

/** The head files whose text a suggestion may need: those of new findings with a certain fix in the same file. */
export function suggestionFiles(findings: readonly Finding[]): string[] {
  return [...new Set(findings.filter((f) => f.fix && f.fix.location.file === f.location.file).map((f) => f.location.file))];
}

/** Places each finding. */
export function placeFindings(input: PlacementInput): Placement[] {
  const out: Placement[] = [];
  let inline = 0;
  for (const finding of input.findings) {
    const path = finding.location.file;
    const file = input.diff.get(path);
    if (!file || file.status === 'deleted') {
      out.push({ kind: 'summary', finding, reason: 'file not changed by this pull request' });
      continue;
    }
    if (input.shifted.has(path)) {
      out.push({ kind: 'summary', finding, reason: 'the base branch changed this file since; line numbers may not match the PR' });
      continue;
    }
    const span = lineSpan(finding.location);
    const lines = { start: span.startLine, end: span.endLine };
    if (!touchesChange(input.diff, path, lines) || !hunkContaining(input.diff, path, lines.start, lines.end)) {
      out.push({ kind: 'file', finding });
      continue;
    }
    if (inline >= MAX_INLINE_COMMENTS) {
      out.push({ kind: 'summary', finding, reason: `more than ${MAX_INLINE_COMMENTS} inline comments` });
      continue;
    }
    inline++;
    const placed = withSuggestion(input, finding, lines);
    out.push({ kind: 'inline', finding, path, line: placed.range.end, ...(placed.range.start < placed.range.end ? { startLine: placed.range.start } : {}), ...(placed.suggestion !== undefined ? { suggestion: placed.suggestion } : {}) });
  }
  return out;
}

function touchesChange(diff: DiffMap, path: string, lines: LineRange): boolean {
  for (let l = lines.start; l <= lines.end; l++) if (isChangedLine(diff, path, l)) return true;
  return false;
}

/**
 * The comment's range and suggestion: when the fix lies in the same hunk as the finding,
 * the comment covers both and the suggestion is those lines with the fix applied.
 */
function withSuggestion(input: PlacementInput, finding: Finding, lines: LineRange): { range: LineRange; suggestion?: string } {
  const fix = finding.fix;
  if (!fix || fix.location.file !== finding.location.file) return { range: lines };
  const fixSpan = lineSpan(fix.location);
  const range = { start: Math.min(lines.start, fixSpan.startLine), end: Math.max(lines.end, fixSpan.endLine) };
  if (!hunkContaining(input.diff, finding.location.file, range.start, range.end)) return { range: lines };
  const text = input.headFiles.get(finding.location.file);
  if (text === undefined) return { range: lines };
  const suggestion = applyFix(text, fix.location, fix.text, range);
  return suggestion === undefined ? { range: lines } : { range, suggestion };
}

/** Lines `range` of `text` with `[start, end)` of `loc` replaced by `replacement`; undefined when the location is outside the text. */
export function applyFix(text: string, loc: Finding['location'], replacement: string, range: LineRange): string | undefined {
  const locator = createLocator('', text);
  const start = locator.offset(loc.line, loc.column);
  const end = locator.offset(loc.endLine, loc.endColumn);
  const from = locator.offset(range.start, 1);
  if (start < 0 || end < start || from < 0 || from > start) return undefined;
  const next = locator.offset(range.end + 1, 1);
  const to = next < 0 ? text.length : next;
  if (end > to) return undefined;
  return (text.slice(from, start) + replacement + text.slice(end, to)).replace(/\r?\n$/, '');
}
