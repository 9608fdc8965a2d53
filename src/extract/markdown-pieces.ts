/**
 * Parsing markdown in independent pieces. micromark's time per character is high (a few
 * microseconds) and grows faster than linearly with the length of one parse (its event list is
 * spliced as it goes: a 2,000-row registry parsed whole costs twice what its sections cost
 * parsed one by one), so the extractors hand it only the blocks they need, in pieces of
 * bounded size, and stitch the trees back together with every position (line, column,
 * offset) that of the whole file.
 *
 * The unit is a block: a run of lines that starts at column 0 right after a blank line whose
 * previous non-blank line also starts at column 0 (all outside a fenced code block or an HTML
 * comment), and runs to the next such start. Markdown closes every container at such a line,
 * so a block parses the same alone as after the blocks before it: an indented line after a
 * blank one (a list item's continuation, an indented code block) never starts a block, and no
 * block starts right after indented code (after which micromark reads `2.` as text rather than
 * a list). Four things reach across blocks, and each is kept together: a list continued by
 * an item after a blank line (a piece never starts at a list item), a fence or HTML left open
 * inside a list item, which ends where the next block starts (that block goes with it: see
 * {@link mayLeaveOpen}), link and footnote definitions (a file holding one is parsed whole,
 * or, where blocks are dropped, every block that may define one is kept), and HTML blocks
 * other than comments, which may run across blank lines (such files are parsed whole).
 */
import type { Root, RootContent } from 'mdast';
import { fromMarkdown, type Options } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkGfm from 'remark-gfm';
import { unified, type Processor } from 'unified';
import type { Point, Position } from 'unist';

/** A unified plugin adding GFM's tables (alone, as remark-gfm loads them) to remark-parse. */
export function remarkGfmTable(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

/**
 * The options remark-parse hands mdast-util-from-markdown once `plugin` has run: the micromark
 * and mdast extensions it put in the processor's data.
 */
function parseOptions(plugin: typeof remarkGfm | typeof remarkGfmTable): Options {
  const processor = unified().use(plugin).freeze();
  return { extensions: processor.data('micromarkExtensions') ?? [], mdastExtensions: processor.data('fromMarkdownExtensions') ?? [] };
}

/** What {@link parseMarkdown} parses with: all of GFM (remark-gfm), GFM's tables alone, or CommonMark (remark-parse alone). */
const SYNTAX = { gfm: parseOptions(remarkGfm), gfmTables: parseOptions(remarkGfmTable), commonmark: {} };

/**
 * What a GFM table needs: its delimiter row holds a `|`, or a `:` right next to a `-` (`a` over
 * `:-` is a table of one column). Text without either parses the same without GFM's tables:
 * the syntax never matches, and the mdast side only changes what is inside a table.
 */
const MAY_HOLD_TABLE = /\||:-|-:/;

/** GFM's tables, or CommonMark alone where `text` cannot hold a table (a fifth less parse time on a short service doc). */
export function tablesIfAny(text: string): 'gfmTables' | 'commonmark' {
  return MAY_HOLD_TABLE.test(text) ? 'gfmTables' : 'commonmark';
}

/**
 * Parses markdown into the tree a unified processor with remark-parse and `syntax`'s plugin
 * gives, through the same mdast-util-from-markdown call remark-parse makes, with its options
 * built once: a processor's parse also makes a VFile and checks the processor, per call.
 */
export function parseMarkdown(text: string, syntax: keyof typeof SYNTAX): Root {
  return fromMarkdown(text, SYNTAX[syntax]);
}

/**
 * A run of lines of the text, `[start, end)`, and the 1-based line it starts on. It starts a
 * line, unless `column` (1-based, in UTF-16 code units) says where on its first line it starts.
 */
export interface Span {
  start: number;
  end: number;
  line: number;
  column?: number;
}

/**
 * What one parse is given: its spans, concatenated. A piece cut from a long table starts with
 * that table, of `tableRows` rows under its header; when it `continuesTable`, its first span
 * is a copy of the table's header and delimiter rows, and its rows join the table the previous
 * piece ended with.
 */
export interface Piece {
  spans: Span[];
  tableRows?: number;
  continuesTable?: boolean;
}

/** A top-level fence line: its marker run and what follows it. */
const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})([^]*)$/;
/** A line that starts with a space or a tab. */
const INDENTED = /^[ \t]/;
/** Markdown's blank line: spaces and tabs only (a no-break space is text). */
const BLANK = /^[ \t]*$/;
/** An HTML block other than a comment: it may run across blank lines. */
const OTHER_HTML_BLOCK = /^ {0,3}<(?:[A-Za-z/?]|![A-Za-z[])/m;
/**
 * A line that may hold a link or footnote definition (`[label]: url`, `[^1]: note`), also
 * inside a blockquote or a list item: such a definition changes how brackets elsewhere in the
 * file parse. Loose on purpose: a false match only costs a larger parse.
 */
const MAY_DEFINE = /^[ \t>]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+[ \t>]*)*\[(?:[^\]\\]|\\.)+\]:/m;

/**
 * True when `text` may hold a link or footnote definition ({@link MAY_DEFINE}). Every
 * definition holds `]:`, which most text does not: looking for it first spares the line-by-line
 * pattern.
 */
export function mayDefine(text: string): boolean {
  return text.includes(']:') && MAY_DEFINE.test(text);
}
/** A line opening a list item (bullet, or ordered with `.` or `)`), which may continue a list across a blank line. */
const LIST_ITEM = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
/** A GFM table delimiter row: pipes, dashes, colons and whitespace, with a dash and a pipe. */
const DELIMITER_ROW = /^(?=[^-]*-)(?=[^|]*\|)[ \t|:-]+$/;

/** The line of `text` from `at` (without its line ending), and where the next one starts. */
function lineAt(text: string, at: number): { line: string; next: number } {
  const newline = text.indexOf('\n', at);
  const end = newline < 0 ? text.length : newline;
  return { line: text.slice(at, end > at && text[end - 1] === '\r' ? end - 1 : end), next: newline < 0 ? text.length : newline + 1 };
}

/**
 * The blocks of `text` in order, as spans covering it whole; undefined when the text must be
 * parsed in one piece: it holds an HTML block other than a comment, or a carriage return that
 * ends a line alone (markdown's line ending, but not the locator's).
 */
export function markdownBlocks(text: string): Span[] | undefined {
  if (OTHER_HTML_BLOCK.test(text) || /\r(?!\n)/.test(text)) return undefined;
  const blocks: Span[] = [{ start: 0, end: text.length, line: 1 }];
  let fence: { char: string; length: number } | undefined;
  let comment = false;
  let afterBlank = false;
  let lastIndented = false;
  let lineNumber = 1;
  for (let at = 0; at < text.length; lineNumber++) {
    const { line, next } = lineAt(text, at);
    const blank = BLANK.test(line);
    if (fence) {
      const m = FENCE_LINE.exec(line);
      if (m && m[1]![0] === fence.char && m[1]!.length >= fence.length && BLANK.test(m[2]!)) fence = undefined;
    } else if (comment) {
      if (line.includes('-->')) comment = false;
    } else if (blank) {
      afterBlank = true;
    } else {
      if (afterBlank && !lastIndented && !INDENTED.test(line)) {
        blocks.at(-1)!.end = at;
        blocks.push({ start: at, end: text.length, line: lineNumber });
      }
      afterBlank = false;
      const m = FENCE_LINE.exec(line);
      if (m && !(m[1]![0] === '`' && m[2]!.includes('`'))) fence = { char: m[1]![0]!, length: m[1]!.length };
      else if (/^ {0,3}<!--/.test(line) && !line.slice(line.indexOf('<!--') + 4).includes('-->')) comment = true;
    }
    if (!blank) lastIndented = INDENTED.test(line);
    at = next;
  }
  return blocks;
}

/**
 * True when the block may leave a fence or an HTML block open inside a list item: where such
 * a block ends depends on the first lines of the block after it, so the two are parsed
 * together.
 */
export function mayLeaveOpen(text: string, block: Span): boolean {
  return /```|~~~|</.test(text.slice(block.start, block.end));
}

/** True when the block may continue a list that an earlier block opened. */
function opensListItem(text: string, block: Span): boolean {
  return LIST_ITEM.test(lineAt(text, block.start).line);
}

/** `spans` with adjacent ones merged. */
export function merged(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const last = out.at(-1);
    if (last && last.end === s.start) last.end = s.end;
    else out.push({ ...s });
  }
  return out;
}

/**
 * The rows of a table block, when it is one table of more than `maxRows` rows that can be
 * cut between rows: a header line, a delimiter row, then rows that each start with `|` at
 * column 0 (nothing else can start there inside a table), up to the block's trailing blank
 * lines. Returns the spans of the header (with the delimiter row) and of each row.
 */
function tableRows(text: string, block: Span, maxRows: number): { header: Span; rows: Span[] } | undefined {
  const header = lineAt(text, block.start);
  if (!header.line.includes('|') || header.next >= block.end) return undefined;
  const delimiter = lineAt(text, header.next);
  if (!DELIMITER_ROW.test(delimiter.line)) return undefined;
  const rows: Span[] = [];
  let line = block.line + 2;
  let at = delimiter.next;
  for (; at < block.end; line++) {
    const row = lineAt(text, at);
    if (BLANK.test(row.line)) break;
    if (row.line[0] !== '|') return undefined;
    rows.push({ start: at, end: row.next, line });
    at = row.next;
  }
  // Only blank lines may follow the rows inside the block.
  for (let rest = at; rest < block.end; ) {
    const { line: l, next } = lineAt(text, rest);
    if (!BLANK.test(l)) return undefined;
    rest = next;
  }
  if (rows.length <= maxRows) return undefined;
  rows.at(-1)!.end = block.end;
  return { header: { start: block.start, end: delimiter.next, line: block.line }, rows };
}

/**
 * Cuts the blocks of a file into pieces of about `maxChars` characters each, every block
 * kept: a piece ends before a block only when that block opens no list item and the block
 * before it leaves nothing open ({@link mayLeaveOpen}), and a table of more than `maxRows`
 * rows is cut between rows, each later piece repeating its header.
 */
export function boundedPieces(text: string, blocks: readonly Span[], maxChars: number, maxRows: number): Piece[] {
  const pieces: Piece[] = [];
  let current: Piece | undefined;
  let size = 0;
  let open = false;
  for (const block of blocks) {
    const glued = open;
    open = mayLeaveOpen(text, block);
    const table = glued ? undefined : tableRows(text, block, maxRows);
    if (table) {
      // A table's rows hold inline content only: nothing of it stays open.
      open = false;
      if (current) pieces.push(current);
      for (let i = 0; i < table.rows.length; i += maxRows) {
        const rows = table.rows.slice(i, i + maxRows);
        const body = { start: rows[0]!.start, end: rows.at(-1)!.end, line: rows[0]!.line };
        pieces.push(i === 0 ? { spans: [{ ...table.header, end: body.end }], tableRows: rows.length } : { spans: [table.header, body], tableRows: rows.length, continuesTable: true });
      }
      current = pieces.pop();
      size = maxChars;
      continue;
    }
    if (!current || (size >= maxChars && !glued && !opensListItem(text, block))) {
      if (current) pieces.push(current);
      current = { spans: [] };
      size = 0;
    }
    current.spans = merged([...current.spans, block]);
    size += block.end - block.start;
  }
  if (current) pieces.push(current);
  return pieces;
}

/**
 * `spans` without the blank line that ends them, unless they end the text. In the file the
 * block after a piece closes every container at its first line, and what a piece leaves open
 * (a fence or an HTML comment inside a list item) runs up to the blank line before that line;
 * at the end of a parse it would run over that blank line too.
 */
function withoutTrailingBlankLine(text: string, spans: readonly Span[]): Span[] {
  const last = spans.at(-1);
  if (!last || last.end === text.length) return [...spans];
  const lineStart = Math.max(last.start, text.lastIndexOf('\n', last.end - 2) + 1);
  if (!BLANK.test(text.slice(lineStart, last.end).replace(/\r?\n$/, ''))) return [...spans];
  return lineStart > last.start ? [...spans.slice(0, -1), { ...last, end: lineStart }] : spans.slice(0, -1);
}

/** One span of a piece: where it starts in the piece's text and in the file. */
interface Segment {
  at: number;
  line: number;
  span: Span;
}

/**
 * Moves a point of the piece's parse to the file. An end point at a segment's start belongs to
 * the segment before. On the first line of a span that starts mid-line, columns shift by where
 * the span starts.
 */
function mapPoint(point: Point, segments: readonly Segment[], end: boolean): Point {
  const offset = point.offset ?? 0;
  let i = segments.length - 1;
  while (i > 0 && (end ? segments[i]!.at >= offset : segments[i]!.at > offset)) i--;
  const s = segments[i]!;
  const column = point.line === s.line && s.span.column !== undefined ? point.column + s.span.column - 1 : point.column;
  return { line: s.span.line + point.line - s.line, column, offset: s.span.start + offset - s.at };
}

/** Moves every position under `root` (not its own) from the piece to the file. */
function mapPositions(root: Root, segments: readonly Segment[]): void {
  const stack: { children?: RootContent[]; position?: Position }[] = [...root.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const position = node.position;
    if (position) node.position = { start: mapPoint(position.start, segments, false), end: mapPoint(position.end, segments, true) };
    const children = node.children;
    if (children) for (let i = 0; i < children.length; i++) stack.push(children[i]!);
  }
}

/**
 * Parses each piece of `text` with `parse` and stitches the trees into one root, positions
 * those of `text`. The pieces must be in document order and each span must start a line or
 * say its column.
 * Should a table piece not come out as the rows it was cut from (which the cut rules above
 * prevent), the whole text is parsed instead.
 */
export function parsePieces(text: string, pieces: readonly Piece[], parse: (text: string) => Root): Root {
  if (pieces.length === 1 && pieces[0]!.spans.length === 1 && pieces[0]!.spans[0]!.start === 0 && pieces[0]!.spans[0]!.end === text.length) return parse(text);
  const root: Root = { type: 'root', children: [] };
  let first: Point | undefined;
  let last: Point | undefined;
  for (const piece of pieces) {
    const segments: Segment[] = [];
    let pieceText = '';
    let line = 1;
    for (const span of withoutTrailingBlankLine(text, piece.spans)) {
      segments.push({ at: pieceText.length, line, span });
      const slice = text.slice(span.start, span.end);
      pieceText += slice;
      for (let i = slice.indexOf('\n'); i >= 0; i = slice.indexOf('\n', i + 1)) line++;
    }
    const tree = parse(pieceText);
    mapPositions(tree, segments);
    let children = tree.children;
    if (piece.tableRows !== undefined) {
      // Every line cut from the table must have come out as one of its rows (a line that is
      // no row would have ended the table, which the cut rules above prevent).
      const table = children[0];
      if (table?.type !== 'table' || table.children.length !== piece.tableRows + 1 || !table.position) return parse(text);
      if (piece.continuesTable) {
        const previous = root.children.at(-1);
        if (previous?.type !== 'table' || !previous.position) return parse(text);
        previous.children.push(...table.children.slice(1));
        previous.position = { start: previous.position.start, end: table.position.end };
        children = children.slice(1);
      }
    }
    root.children.push(...children);
    if (tree.position) {
      first ??= mapPoint(tree.position.start, segments, false);
      last = mapPoint(tree.position.end, segments, true);
    }
  }
  if (first && last) root.position = { start: first, end: last };
  return root;
}
