/**
 * Guards run before any markdown parse, in one linear pass over the text. micromark's time
 * grows much faster than linearly with some shapes that no registry or service doc needs:
 * deep nesting (500 list levels, a 250 KB file, take seconds; 4,000 `>` overflow the stack),
 * containers closed over and over (`> a`, blank, `b`, repeated a few thousand times, or
 * `- - x` lines: each closing splices into the whole event list), thousands of link
 * reference definitions and tables of tens of thousands of cells. Each shape has a named
 * limit; a file past one is refused with the line that crossed it, instead of stalling the
 * check.
 */

/** Leading whitespace, in columns (a tab counts 4), above which a markdown file is not parsed. */
export const MAX_MARKDOWN_INDENT = 240;
/** Container markers (`>`, `-`, `*`, `+`, `1.`, `1)`) opening one line, above which a file is not parsed. */
export const MAX_MARKDOWN_NESTING = 32;
/** Containers closed by a later line (a blockquote ended by a paragraph, a nested list ended by the next item). */
export const MAX_MARKDOWN_CONTAINER_CLOSINGS = 500;
/** Lines that look like link reference definitions (`[label]: url`). */
export const MAX_LINK_DEFINITIONS = 1_000;
/** Emphasis marks, link brackets and HTML openers (`*`, `_`, `[`, `]`, `<`) in one block of non-blank lines. */
export const MAX_INLINE_MARKERS_PER_BLOCK = 5_000;
/** One run of the same `*`, `_`, `~`, `[` or `]` inside text (a thematic break line `*****` aside). */
export const MAX_DELIMITER_RUN = 64;
/** Lines holding a `|` in one block of non-blank lines (a table's rows, or a paragraph GFM keeps testing as one). */
export const MAX_PIPE_LINES_PER_BLOCK = 2_000;
/** Columns of one table (pipes in its delimiter row). */
export const MAX_TABLE_COLUMNS = 128;
/** Cells of one table: columns × rows. */
export const MAX_TABLE_CELLS = 20_000;
/**
 * Characters of one service doc (CLAUDE.md). micromark reads dense markdown at roughly 70 KB
 * per CPU-second (linear, but slow: a 1 MiB doc of headings took about 15 s); a hand-written
 * doc is a few tens of kilobytes, so a larger one is refused rather than parsed. The registry,
 * one file the whole check depends on, has no such limit.
 */
export const MAX_SERVICE_DOC_CHARS = 262_144;

/** A line indented too deeply to parse safely: its offsets and width, or undefined. */
export interface DeepLine {
  start: number;
  end: number;
  columns: number;
}

/** A limit a markdown text crossed: where, which, what was found. */
export interface MarkdownLimitHit {
  /** `too-deep` for indentation and nesting (input/markdown-too-deep), `too-complex` for the others (input/too-complex). */
  kind: 'too-deep' | 'too-complex';
  start: number;
  end: number;
  /** What the line holds, in words: "indents a line by 300 columns", "opens 4000 nested containers on one line". */
  found: string;
  /** The limit, in words: "at most 240 columns". */
  expected: string;
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

/** One container marker at the start of a line: `>` or a list marker, and the column its content starts at. */
interface Marker {
  quote: boolean;
  column: number;
  content: number;
}

const isSpace = (c: number) => c === 32 || c === 9;
const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * The container markers opening the line `text[start, end)`, stopping after `max + 1`, and
 * the column where the line's content starts. A list marker needs a space, tab or line end
 * after it, as CommonMark says; `***` or `-1` is content.
 */
function lineMarkers(text: string, start: number, end: number, max: number): { markers: Marker[]; indent: number; contentAt: number } {
  const markers: Marker[] = [];
  let i = start;
  let column = 0;
  let indent = -1;
  while (i < end && markers.length <= max) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      column += c === 9 ? 4 : 1;
      i++;
      continue;
    }
    if (indent < 0) indent = column;
    if (c === 62 /* > */) {
      markers.push({ quote: true, column, content: column + 1 });
      i++;
      column++;
      continue;
    }
    let j = i;
    if (c === 45 || c === 42 || c === 43) j = i + 1;
    else {
      while (j < end && j - i < 9 && isDigit(text.charCodeAt(j))) j++;
      if (j === i || j >= end || (text.charCodeAt(j) !== 46 && text.charCodeAt(j) !== 41)) break;
      j++;
    }
    if (j < end && !isSpace(text.charCodeAt(j))) break;
    markers.push({ quote: false, column, content: column + (j - i) + 1 });
    column += j - i;
    i = j;
  }
  return { markers, indent: indent < 0 ? column : indent, contentAt: i };
}

/**
 * The first limit `text` crosses, or undefined. One pass: per line, the container markers
 * that open it (nesting), an estimate of the containers it closes (a simplified CommonMark
 * container stack: `>` continues a blockquote, indentation past a list item's content
 * column continues the item, a new item at the same level closes what was nested in the
 * previous one, a paragraph after a blank line closes the rest), link definition lines and
 * table sizes.
 */
export function markdownLimitHit(text: string): MarkdownLimitHit | undefined {
  const deep = tooDeepLine(text);
  if (deep) return { kind: 'too-deep', start: deep.start, end: deep.end, found: `indents a line by ${deep.columns} columns`, expected: `at most ${MAX_MARKDOWN_INDENT}` };
  let stack: Marker[] = [];
  let closings = 0;
  let definitions = 0;
  let blankBefore = true;
  let fenced = false;
  let table: { columns: number; rows: number } | undefined;
  let previousPipes = -1;
  let inlineMarkers = 0;
  let pipeLines = 0;
  for (let lineStart = 0; lineStart <= text.length; ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const next = lineEnd + 1;
    const { markers, indent, contentAt } = lineMarkers(text, lineStart, lineEnd, MAX_MARKDOWN_NESTING);
    if (markers.length > MAX_MARKDOWN_NESTING) {
      return { kind: 'too-deep', start: lineStart, end: lineEnd, found: `opens more than ${MAX_MARKDOWN_NESTING} nested blockquotes or lists on one line`, expected: `at most ${MAX_MARKDOWN_NESTING}` };
    }
    const blank = markers.length === 0 && (contentAt >= lineEnd || (text.charCodeAt(contentAt) === 13 && contentAt + 1 >= lineEnd));
    if (text.startsWith('```', contentAt) || text.startsWith('~~~', contentAt)) fenced = !fenced;
    if (!blank) {
      // Walk the open containers: which ones does this line continue?
      let k = 0;
      let m = 0;
      while (k < stack.length) {
        const open = stack[k]!;
        if (open.quote) {
          if (markers[m]?.quote) {
            k++;
            m++;
            continue;
          }
          break;
        }
        const at = markers[m]?.column ?? indent;
        if (at >= open.content) {
          k++;
          continue;
        }
        break;
      }
      if (k < stack.length) {
        const first = markers[m];
        if (first && !first.quote && !stack[k]!.quote) closings += stack.length - k - 1; // a sibling item
        else if (first || blankBefore) closings += stack.length - k;
        else k = stack.length; // a lazy continuation line keeps its containers
      }
      if (k < stack.length || m < markers.length) stack = [...stack.slice(0, k), ...markers.slice(m)];
      if (closings > MAX_MARKDOWN_CONTAINER_CLOSINGS) {
        return { kind: 'too-complex', start: lineStart, end: lineEnd, found: `closes more than ${MAX_MARKDOWN_CONTAINER_CLOSINGS} blockquotes or lists by this line`, expected: `at most ${MAX_MARKDOWN_CONTAINER_CLOSINGS}` };
      }
      if (!fenced && text.charCodeAt(contentAt) === 91 /* [ */ && /^\[[^\]]{1,999}\]:/.test(text.slice(contentAt, Math.min(lineEnd, contentAt + 1004)))) {
        if (++definitions > MAX_LINK_DEFINITIONS) {
          return { kind: 'too-complex', start: lineStart, end: lineEnd, found: `holds more than ${MAX_LINK_DEFINITIONS} link reference definitions by this line`, expected: `at most ${MAX_LINK_DEFINITIONS}` };
        }
      }
    }
    if (blank) inlineMarkers = pipeLines = 0;
    else if (!fenced) {
      const inline = scanInline(text, contentAt, lineEnd);
      if (inline.run > MAX_DELIMITER_RUN) {
        return { kind: 'too-complex', start: lineStart, end: lineEnd, found: `has a run of ${inline.run} \`${text[inline.runAt]}\` in text`, expected: `at most ${MAX_DELIMITER_RUN}` };
      }
      inlineMarkers += inline.markers;
      if (inlineMarkers > MAX_INLINE_MARKERS_PER_BLOCK) {
        return { kind: 'too-complex', start: lineStart, end: lineEnd, found: `has more than ${MAX_INLINE_MARKERS_PER_BLOCK} emphasis marks and link brackets in one block by this line`, expected: `at most ${MAX_INLINE_MARKERS_PER_BLOCK}` };
      }
    }
    // Tables: a delimiter row (only | - : and spaces, with a - and a |) after a row with pipes.
    const pipes = blank ? -1 : countPipes(text, contentAt, lineEnd);
    if (table && pipes >= 0) {
      table.rows++;
      if (table.rows * table.columns > MAX_TABLE_CELLS) {
        return { kind: 'too-complex', start: lineStart, end: lineEnd, found: `has a table of more than ${MAX_TABLE_CELLS} cells (${table.columns} columns) by this line`, expected: `at most ${MAX_TABLE_CELLS} cells` };
      }
    } else table = undefined;
    if (!table && previousPipes > 0 && isDelimiterRow(text, contentAt, lineEnd)) {
      const columns = Math.max(1, countPipes(text, contentAt, lineEnd) - 1);
      if (columns > MAX_TABLE_COLUMNS) {
        return { kind: 'too-complex', start: lineStart, end: lineEnd, found: `has a table of ${columns} columns`, expected: `at most ${MAX_TABLE_COLUMNS}` };
      }
      table = { columns, rows: 2 };
    }
    if (pipes > 0 && ++pipeLines > MAX_PIPE_LINES_PER_BLOCK) {
      return { kind: 'too-complex', start: lineStart, end: lineEnd, found: `has more than ${MAX_PIPE_LINES_PER_BLOCK} lines with \`|\` in one block by this line`, expected: `at most ${MAX_PIPE_LINES_PER_BLOCK}` };
    }
    previousPipes = pipes;
    blankBefore = blank;
    lineStart = next;
  }
  return undefined;
}

/**
 * The emphasis marks and brackets of one line, and its longest run of one such character.
 * A line of only `*`, `-`, `_` and spaces is a thematic break: its runs do not count.
 */
function scanInline(text: string, start: number, end: number): { markers: number; run: number; runAt: number } {
  let markers = 0;
  let run = 0;
  let runAt = start;
  let current = 0;
  let currentChar = -1;
  let other = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const marker = c === 42 || c === 95 || c === 91 || c === 93 || c === 126 || c === 60;
    if (marker) {
      if (c !== 126) markers++;
      if (c !== 42 && c !== 95) other = true;
      if (c === 60) {
        currentChar = -1; // `<` counts toward the block, not as a run
        continue;
      }
      current = c === currentChar ? current + 1 : 1;
      currentChar = c;
      if (current > run) {
        run = current;
        runAt = i;
      }
    } else {
      currentChar = -1;
      if (!isSpace(c) && c !== 45 && c !== 13) other = true;
    }
  }
  return other ? { markers, run, runAt } : { markers: 0, run: 0, runAt };
}

function countPipes(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 124) n++;
  return n;
}

function isDelimiterRow(text: string, start: number, end: number): boolean {
  let dash = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 45) dash = true;
    else if (c !== 124 && c !== 58 && !isSpace(c) && c !== 13) return false;
  }
  return dash;
}
