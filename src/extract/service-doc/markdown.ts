/**
 * The markdown parser for service docs: remark-parse with GFM's table syntax (the same
 * micromark and mdast extensions remark-gfm loads for tables), or without it when the text
 * parsed cannot hold a table (most docs: `- **Port:** 3001` and a dependency or two). The
 * rest of GFM — autolink literals, footnotes, strikethrough, task lists — carries no port
 * statement (bare URLs stay text, which the reference scan reads anyway), and leaving it out
 * halves the parse time of thousands of CLAUDE.md files (bench/README.md). The registry, one
 * file, keeps all of remark-gfm. Only the blocks of a doc that can hold a port are parsed
 * (../markdown-pieces.ts).
 */
import type { Root } from 'mdast';
import { markdownBlocks, mayDefine, mayLeaveOpen, merged, parseMarkdown, parsePieces, tablesIfAny, type Piece, type Span } from '../markdown-pieces.js';

const parse = (text: string): Root => parseMarkdown(text, tablesIfAny(text));

/**
 * Parses a service doc into mdast with exact positions, from the blocks that can hold a port
 * ({@link portBlocks}): the others yield no node a reader looks at.
 */
export function parseServiceDoc(text: string): Root {
  const blocks = portBlocks(text);
  if (!blocks) return parse(text);
  return parsePieces(text, piecesOf(text, blocks), parse);
}

/**
 * The parses `spans` need: one, except that an item's content ({@link itemContent}) right
 * after a line that is not blank starts another (in one parse it would continue that line's
 * paragraph), and so does whatever follows such content, blank lines aside.
 */
function piecesOf(text: string, spans: readonly Span[]): Piece[] {
  const pieces: Piece[] = [];
  let current: Span[] = [];
  for (const span of spans) {
    const last = current.at(-1);
    if (last && (span.column !== undefined || last.column !== undefined) && !endsBlank(text, last) && !BLANK_LINES.test(text.slice(span.start, span.end))) {
      pieces.push({ spans: current });
      current = [];
    }
    current.push(span);
  }
  if (current.length > 0) pieces.push({ spans: current });
  return pieces;
}

/** Blank lines only. */
const BLANK_LINES = /^[ \t\r\n]*$/;

/** True when the last line of `span` is blank. */
function endsBlank(text: string, span: Span): boolean {
  const lineStart = Math.max(span.start, text.lastIndexOf('\n', span.end - 2) + 1);
  return /^[ \t]*\r?\n?$/.test(text.slice(lineStart, span.end));
}

/**
 * What can hold a port in a service doc: `port` as a word or after `_` (`## Port:`,
 * `**Port:**`, `PORT=`, `--port`, `REDIS_PORT=`, a `PORT` table row: every reader of this
 * extractor that takes a port from a word needs one of them; `imports` and `reports` do
 * not), or a colon before a digit (URLs and `host:port`).
 */
const CAN_HOLD_PORT = /(?:\b|_)port|:\d/i;

/**
 * The parts of `text` that can hold a port, in order, or undefined when the doc is to be
 * parsed whole (../markdown-pieces.ts says when): the blocks that can, and of a block that
 * is a plain bullet list ({@link bulletItems}) only the items that can, most of them without
 * their marker ({@link itemContent}). A block that may define a link is kept whole: the
 * definition changes how links in the other blocks parse.
 */
export function portBlocks(text: string): Span[] | undefined {
  const blocks = markdownBlocks(text);
  if (!blocks) return undefined;
  // A definition reaches every parse of the doc only when all it keeps is parsed at once.
  const bare = !mayDefine(text);
  const out: Span[] = [];
  let open = false;
  for (const b of blocks) {
    const block = text.slice(b.start, b.end);
    // The block after one kept that may leave something open is kept too, so that ends as in the file.
    if (open || (!bare && mayDefine(block))) out.push(b);
    else if (CAN_HOLD_PORT.test(block)) out.push(...(bulletItems(text, b, bare) ?? [b]));
    open = out.at(-1)?.end === b.end && mayLeaveOpen(text, b);
  }
  return merged(out);
}

/** A bullet list item that is one line: marker at column 0, a space or tab, content. */
const ONE_LINE_ITEM = /^[-*+][ \t]+\S/;
/** A thematic break (`- - -`, `* * *`), which looks like an item but is none. */
const THEMATIC_BREAK = /^(?:[-*_][ \t]*){3,}$/;

/**
 * The items of a block that can hold a port, when the block is a plain bullet list: every
 * line up to its trailing blank ones opens an item at column 0. Each such line is then a
 * whole item (the next line, a bullet with content, closes it and cannot continue it lazily),
 * so it parses the same without the other items, unless it opens a fence or HTML that the next
 * item closes (such a list is kept whole). The trailing blank lines are kept after the
 * last item kept, so what follows in the parse does not continue it. With `bare`, items are
 * kept without their marker where that parses the same. Undefined for any other block.
 */
function bulletItems(text: string, block: Span, bare: boolean): Span[] | undefined {
  const items: Span[] = [];
  let line = block.line;
  let at = block.start;
  for (; at < block.end; line++) {
    const newline = text.indexOf('\n', at);
    const next = newline < 0 || newline >= block.end ? block.end : newline + 1;
    const content = text.slice(at, next).replace(/\r?\n$/, '');
    if (/^[ \t]*$/.test(content)) break;
    if (!ONE_LINE_ITEM.test(content) || THEMATIC_BREAK.test(content) || /```|~~~|</.test(content)) return undefined;
    if (CAN_HOLD_PORT.test(content)) items.push(bare ? itemContent(text, at, next, line) : { start: at, end: next, line });
    at = next;
  }
  if (items.length === 0) return undefined;
  // Only blank lines may follow the items; they close the list.
  if (!/^[ \t\r\n]*$/.test(text.slice(at, block.end))) return undefined;
  if (at < block.end) items.push({ start: at, end: block.end, line });
  return items;
}

/** A bullet, then one to four spaces: the content of the item starts right after them. */
const PLAIN_MARKER = /^[-*+] {1,4}(?=\S)/;

/**
 * The one-line item `[start, end)` without its marker, when the marker is followed by one to
 * four spaces: the item's content then starts at the first character after them, and parses as
 * that text alone does (a list item holds the same blocks as a document). Parsing a paragraph
 * instead of a list with its item costs a third less, and nothing a reader takes a port from
 * depends on the list around it. Otherwise (a tab, five spaces: indented code) the whole line.
 */
function itemContent(text: string, start: number, end: number, line: number): Span {
  const marker = PLAIN_MARKER.exec(text.slice(start, Math.min(end, start + 6)));
  return marker ? { start: start + marker[0].length, end, line, column: marker[0].length + 1 } : { start, end, line };
}
