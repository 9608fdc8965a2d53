/**
 * The markdown parser for service docs: unified + remark-parse with GFM's table syntax (the
 * same micromark and mdast extensions remark-gfm loads for tables). The rest of GFM —
 * autolink literals, footnotes, strikethrough, task lists — carries no port statement (bare
 * URLs stay text, which the reference scan reads anyway), and leaving it out halves the
 * parse time of thousands of CLAUDE.md files (bench/README.md). The registry, one file,
 * keeps all of remark-gfm. Only the blocks of a doc that can hold a port are parsed.
 */
import type { Root } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

/** A unified plugin adding GFM tables to remark-parse. */
function remarkGfmTable(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const parser = unified().use(remarkParse).use(remarkGfmTable);

/**
 * Parses a service doc into mdast with exact positions. Blocks that cannot hold a port are
 * blanked first ({@link blankBlocksWithoutPorts}): they yield no node a reader looks at.
 */
export function parseServiceDoc(text: string): Root {
  return parser.parse(blankBlocksWithoutPorts(text));
}

/**
 * What can hold a port in a service doc: a port word or a colon before a digit (every reader
 * of this extractor needs one of them inside the block it reads), and link reference
 * definitions, which change how links elsewhere in the file parse.
 */
const CAN_HOLD_PORT = /port|:\d/i;
const DEFINITION = /^ {0,3}\[(?:[^\]\\]|\\.)+\]:/m;
/** A top-level fence line: its marker run and what follows it. */
const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})([^]*)$/;
/** A line that starts with a space or a tab. */
const INDENTED = /^[ \t]/;
/** Markdown's blank line: spaces and tabs only (a no-break space is text). */
const BLANK = /^[ \t]*$/;
/** An HTML block other than a comment: it may run across blank lines, so such docs are parsed whole. */
const OTHER_HTML_BLOCK = /^ {0,3}<(?:[A-Za-z/?]|![A-Za-z[])/m;

/**
 * `text` with every block that cannot hold a port blanked out: each of its characters but
 * line endings becomes a space, so offsets, lines and columns of what is kept are those of the
 * whole file, and the parser spends almost nothing on the rest.
 *
 * A block here is a run of lines that starts at column 0 right after a blank line whose
 * previous non-blank line also starts at column 0 (all outside a fenced code block or an HTML
 * comment), and runs to the next such start. Markdown closes every container at such a line,
 * so what follows parses the same whether the blocks before it are blank or not: an indented
 * line after a blank one (a list item's continuation, an indented code block) never starts a
 * block, and no block starts right after indented code (after which micromark reads `2.` as
 * text rather than a list). Docs holding another HTML block (which may span blank lines) are
 * returned whole.
 */
export function blankBlocksWithoutPorts(text: string): string {
  // A carriage return alone also ends a line in markdown; such rare docs are parsed whole.
  if (!CAN_HOLD_PORT.test(text) || OTHER_HTML_BLOCK.test(text) || /\r(?!\n)/.test(text)) return text;
  const starts: number[] = [0];
  let fence: { char: string; length: number } | undefined;
  let comment = false;
  let afterBlank = false;
  let lastIndented = false;
  for (let at = 0; at < text.length; ) {
    const newline = text.indexOf('\n', at);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(at, end > at && text[end - 1] === '\r' ? end - 1 : end);
    const blank = BLANK.test(line);
    if (fence) {
      const m = FENCE_LINE.exec(line);
      if (m && m[1]![0] === fence.char && m[1]!.length >= fence.length && BLANK.test(m[2]!)) fence = undefined;
    } else if (comment) {
      if (line.includes('-->')) comment = false;
    } else if (blank) {
      afterBlank = true;
    } else {
      if (afterBlank && !lastIndented && !INDENTED.test(line)) starts.push(at);
      afterBlank = false;
      const m = FENCE_LINE.exec(line);
      if (m && !(m[1]![0] === '`' && m[2]!.includes('`'))) fence = { char: m[1]![0]!, length: m[1]!.length };
      else if (/^ {0,3}<!--/.test(line) && !line.slice(line.indexOf('<!--') + 4).includes('-->')) comment = true;
    }
    if (!blank) lastIndented = INDENTED.test(line);
    at = end + 1;
  }
  if (starts.length === 1) return text;
  let out = '';
  let blanked = false;
  for (let i = 0; i < starts.length; i++) {
    const block = text.slice(starts[i], starts[i + 1] ?? text.length);
    if (CAN_HOLD_PORT.test(block) || DEFINITION.test(block)) out += block;
    else {
      out += block.replace(/[^\r\n]/g, ' ');
      blanked = true;
    }
  }
  return blanked ? out : text;
}
