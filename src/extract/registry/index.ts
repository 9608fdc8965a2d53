/**
 * The registry parser: reads `docs/PORT_SCHEMA.md` (sections, plan tables, the "Real ports
 * today" blocks, dated lines) into a {@link RegistryDoc}. Markdown is parsed with remark
 * (all of GFM) in pieces of a few kilobytes, long tables cut between rows, and stitched back
 * into the tree a whole-file parse gives (../markdown-pieces.ts): micromark's time grows
 * faster than linearly with the length of one parse. Every position comes from mdast offsets
 * into the original text. Never throws: anything it cannot read becomes an `input/*` finding.
 */
import type { Root, Table } from 'mdast';
import { createLocator } from '../../core/location.js';
import type { RegistryDoc } from '../../core/registry.js';
import type { ServiceIndex } from '../../core/services.js';
import type { Finding } from '../../core/finding.js';
import { isAspirational } from './aspirational.js';
import { addProblem, span, type ParseContext } from './context.js';
import { readDatedLines } from './dates.js';
import { readPlanTable } from './plan-table.js';
import { readRealPorts } from './real-ports.js';
import { readSections, sectionAt, type PlacedSection } from './sections.js';
import { walk } from '../mdast-walk.js';
import { markdownLimitHit } from '../markdown-depth.js';
import { boundedPieces, markdownBlocks, mayDefine, parseMarkdown, parsePieces, tablesIfAny } from '../markdown-pieces.js';

/**
 * What the rest of GFM starts from: `~` (strikethrough), `[^` (footnotes), `[ ]` and `[x]`
 * (task list items), and autolink literals (`www.`, `http://`, an email's `@`). A piece
 * without any of them parses the same with GFM's tables alone, at a third less time (and
 * with CommonMark alone when it cannot hold a table either: `tablesIfAny`).
 */
const OTHER_GFM = /~|\[\^|\[[\sxX]\]|www\.|:\/\/|@/i;

/** The size of one parse: blocks are grouped up to `chars` characters, tables cut every `rows` rows. */
const PIECE_SIZE = { chars: 2_000, rows: 25 };

/**
 * The registry's tree, as one parse of the whole text gives it. A registry holding a link or
 * footnote definition, which reaches across pieces, is parsed whole.
 */
export function parseRegistryTree(text: string, size = PIECE_SIZE): Root {
  const blocks = mayDefine(text) ? undefined : markdownBlocks(text);
  if (!blocks) return parseMarkdown(text, 'gfm');
  return parsePieces(text, boundedPieces(text, blocks, size.chars, size.rows), (piece) => parseMarkdown(piece, OTHER_GFM.test(piece) ? 'gfm' : tablesIfAny(piece)));
}

/** What {@link parseRegistry} returns. */
export interface RegistryResult {
  doc: RegistryDoc;
  problems: Finding[];
}

/**
 * Parses the registry at `path` (repo-relative) with contents `text`. Service names are
 * canonicalised through `services` when given.
 */
export function parseRegistry(path: string, text: string, services?: ServiceIndex): RegistryResult {
  const ctx: ParseContext = { path, text, locator: createLocator(path, text), problems: [] };
  if (services) ctx.services = services;
  const doc: RegistryDoc = { path, aspirational: false, sections: [], plan: [], actual: [], hosts: [], dates: [] };
  const limit = markdownLimitHit(text);
  if (limit) {
    addProblem(ctx, limit.kind === 'too-deep' ? 'markdown-too-deep' : 'too-complex', `The registry ${limit.found}; expected ${limit.expected} (the markdown parser's time grows much faster than linearly with this), so the registry was not read.`, limit.start, limit.end, limit.kind);
    return { doc, problems: ctx.problems };
  }
  try {
    return readTree(parseRegistryTree(text), ctx, doc);
  } catch (err) {
    // remark accepts any string, but a shape past the limits above can still overflow a
    // recursion (in the parser or in the walks below): that document gets one problem
    // instead of a crash.
    addProblem(ctx, 'unparsable', `Cannot parse the registry as markdown (${(err as Error).message}); expected CommonMark with GFM tables.`, 0, 0, 'unparsable');
    return { doc: { ...doc, sections: [], plan: [], actual: [], hosts: [], dates: [] }, problems: ctx.problems };
  }
}

/** Reads the parsed tree into `doc`. */
function readTree(tree: Root, ctx: ParseContext, doc: RegistryDoc): RegistryResult {
  const placed = readSections(tree, ctx);
  readTables(tree, placed, ctx, doc);
  doc.sections = placed.map((p) => p.section);
  const firstRange = placed.find((p) => p.rangeHeading)?.start;
  doc.aspirational = isAspirational(tree, firstRange);
  const real = readRealPorts(tree, ctx);
  doc.hosts = real.hosts;
  doc.actual = real.actual;
  doc.dates = [...readDatedLines(tree, ctx), ...real.dates].sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
  return { doc, problems: ctx.problems };
}

/**
 * Reads every table with a Port column into the section whose heading precedes it. Tables
 * before the first `##` heading go to an untitled leading section, created on demand.
 */
function readTables(tree: Root, placed: PlacedSection[], ctx: ParseContext, doc: RegistryDoc): void {
  let preamble: PlacedSection | undefined;
  walk(tree, (node) => {
    // Tables live at block level: never inside a paragraph, a heading or another table.
    if (node.type === 'paragraph' || node.type === 'heading') return 'skip';
    if (node.type !== 'table') return undefined;
    const table = node as Table;
    const result = readPlanTable(table, ctx);
    if (!result) return 'skip';
    const start = span(table)?.[0] ?? 0;
    let owner = sectionAt(placed, start);
    if (!owner) {
      preamble ??= { section: { title: '', location: ctx.locator.range(0, 0), rows: [] }, start: 0, rangeHeading: false };
      owner = preamble;
    }
    owner.section.rows.push(...result.rows);
    doc.plan.push(...result.bindings);
    return 'skip';
  });
  if (preamble) placed.unshift(preamble);
}
