/**
 * The markdown parser for service docs: unified + remark-parse with GFM's table syntax (the
 * same micromark and mdast extensions remark-gfm loads for tables). The rest of GFM —
 * autolink literals, footnotes, strikethrough, task lists — carries no port statement (bare
 * URLs stay text, which the reference scan reads anyway), and leaving it out halves the
 * parse time of thousands of CLAUDE.md files (bench/README.md). The registry, one file,
 * keeps all of remark-gfm. Only the blocks of a doc that can hold a port are parsed
 * (../markdown-pieces.ts).
 */
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { MAY_DEFINE, markdownBlocks, parsePieces, remarkGfmTable, type Span } from '../markdown-pieces.js';

const parser = unified().use(remarkParse).use(remarkGfmTable);

/**
 * Parses a service doc into mdast with exact positions, from the blocks that can hold a port
 * ({@link portBlocks}): the others yield no node a reader looks at.
 */
export function parseServiceDoc(text: string): Root {
  const blocks = portBlocks(text);
  if (!blocks) return parser.parse(text);
  return parsePieces(text, blocks.length > 0 ? [{ spans: blocks }] : [], (piece) => parser.parse(piece));
}

/**
 * What can hold a port in a service doc: `port` as a word or after `_` (`## Port:`,
 * `**Port:**`, `PORT=`, `--port`, `REDIS_PORT=`, a `PORT` table row: every reader of this
 * extractor that takes a port from a word needs one of them; `imports` and `reports` do
 * not), or a colon before a digit (URLs and `host:port`).
 */
const CAN_HOLD_PORT = /(?:\b|_)port|:\d/i;

/**
 * The blocks of `text` that can hold a port, in order, or undefined when the doc is to be
 * parsed whole (../markdown-pieces.ts says when). A block that may define a link is kept
 * too: the definition changes how links in the other blocks parse.
 */
export function portBlocks(text: string): Span[] | undefined {
  const blocks = markdownBlocks(text);
  if (!blocks) return undefined;
  return blocks.filter((b) => {
    const block = text.slice(b.start, b.end);
    return CAN_HOLD_PORT.test(block) || MAY_DEFINE.test(block);
  });
}
