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
import { MAY_DEFINE, markdownBlocks, mayLeaveOpen, merged, parseMarkdown, parsePieces, tablesIfAny, type Span } from '../markdown-pieces.js';

const parse = (text: string): Root => parseMarkdown(text, tablesIfAny(text));

/**
 * Parses a service doc into mdast with exact positions, from the blocks that can hold a port
 * ({@link portBlocks}): the others yield no node a reader looks at.
 */
export function parseServiceDoc(text: string): Root {
  const blocks = portBlocks(text);
  if (!blocks) return parse(text);
  return parsePieces(text, blocks.length > 0 ? [{ spans: blocks }] : [], parse);
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
 * is a plain bullet list ({@link bulletLines}) only the items that can. A block that may
 * define a link is kept whole: the definition changes how links in the other blocks parse.
 */
export function portBlocks(text: string): Span[] | undefined {
  const blocks = markdownBlocks(text);
  if (!blocks) return undefined;
  const out: Span[] = [];
  let open = false;
  for (const b of blocks) {
    const block = text.slice(b.start, b.end);
    // The block after one kept that may leave something open is kept too, so that ends as in the file.
    if (MAY_DEFINE.test(block) || open) out.push(b);
    else if (CAN_HOLD_PORT.test(block)) out.push(...(bulletItems(text, b) ?? [b]));
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
 * last item kept, so what follows in the parse does not continue it. Undefined for any other
 * block.
 */
function bulletItems(text: string, block: Span): Span[] | undefined {
  const items: Span[] = [];
  let line = block.line;
  let at = block.start;
  for (; at < block.end; line++) {
    const newline = text.indexOf('\n', at);
    const next = newline < 0 || newline >= block.end ? block.end : newline + 1;
    const content = text.slice(at, next).replace(/\r?\n$/, '');
    if (/^[ \t]*$/.test(content)) break;
    if (!ONE_LINE_ITEM.test(content) || THEMATIC_BREAK.test(content) || /```|~~~|</.test(content)) return undefined;
    if (CAN_HOLD_PORT.test(content)) items.push({ start: at, end: next, line });
    at = next;
  }
  if (items.length === 0) return undefined;
  // Only blank lines may follow the items; they close the list.
  if (!/^[ \t\r\n]*$/.test(text.slice(at, block.end))) return undefined;
  if (at < block.end) items.push({ start: at, end: block.end, line });
  return items;
}
