/**
 * A guard run before any markdown parse. micromark's time grows much faster than linearly
 * with list nesting: 500 nested list levels (a 250 KB file) take seconds, 1,000 levels
 * (1 MB, still under the size limit) about half a minute. No registry or service doc indents
 * a line by hundreds of columns, so such a line refuses the file, with the line named.
 */

/** Leading whitespace, in columns (a tab counts 4), above which a markdown file is not parsed. */
export const MAX_MARKDOWN_INDENT = 240;

/** A line indented too deeply to parse safely: its offsets and width, or undefined. */
export interface DeepLine {
  start: number;
  end: number;
  columns: number;
}

/** The first line indented by more than {@link MAX_MARKDOWN_INDENT} columns, if any. */
export function tooDeepLine(text: string): DeepLine | undefined {
  let lineStart = 0;
  while (lineStart <= text.length) {
    let i = lineStart;
    let columns = 0;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 32) columns += 1;
      else if (c === 9) columns += 4;
      else break;
      if (columns > MAX_MARKDOWN_INDENT) return { start: lineStart, end: i + 1, columns: columnsOf(text, lineStart) };
    }
    const next = text.indexOf('\n', i);
    if (next < 0) return undefined;
    lineStart = next + 1;
  }
  return undefined;
}

function columnsOf(text: string, start: number): number {
  let columns = 0;
  for (let i = start; i < text.length && (text[i] === ' ' || text[i] === '\t'); i++) columns += text[i] === '\t' ? 4 : 1;
  return columns;
}
