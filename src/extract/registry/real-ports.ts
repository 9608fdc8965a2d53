/**
 * The "Real ports today" list: what really runs, grouped by host. It is read from every
 * block that holds a marker ("Real ports today" in a heading or paragraph of a blockquote,
 * or a top-level heading whose section then runs to the next heading of the same or a
 * higher level). After the marker, a bold host label opens a group; the lists right after it
 * (and the rest of the label's paragraph, as in the `Not deployed` group) hold
 * `` name `port` `` entries. A label may also open a list item (`- **Prod:**` with nested
 * bullets); that group ends with its item. Any other paragraph ends the group: the bullets
 * after "The two latent collisions ... were resolved by:" are history and bind nothing.
 * A marker after which nothing can be read is reported, never silently ignored.
 */
import type { Blockquote, Heading, List, Paragraph, Parent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { DatedLine } from '../../core/registry.js';
import type { Binding, Host } from '../../core/statements.js';
import { addProblem, span, type ParseContext } from './context.js';
import { readEntries, readGroupLabel } from './real-ports-group.js';
import { walk } from '../mdast-walk.js';
import { quote } from '../../core/quote.js';

/** What the "Real ports today" blocks say. */
export interface RealPorts {
  hosts: Host[];
  actual: Binding[];
  /** The dates of the markers, `Real ports today (2026-04-08)`, in document order. */
  dates: DatedLine[];
}

/** One marker and the blocks that follow it. */
interface MarkerBlock {
  marker: Heading | Paragraph;
  body: RootContent[];
}

const MARKER = /real ports today/i;
const MARKER_DATE = /\((\d{4}-\d{2}-\d{2})\)/;

/** Reads every "Real ports today" block; empty when there is none. */
export function readRealPorts(tree: Root, ctx: ParseContext): RealPorts {
  const out: RealPorts = { hosts: [], actual: [], dates: [] };
  const seen = new Map<string, number>();
  for (const block of findBlocks(tree)) {
    const dated = markerDate(block.marker, ctx);
    if (dated) out.dates.push(dated);
    const before = out.actual.length + ctx.problems.length;
    readBody(block.body, undefined, ctx, out);
    if (out.actual.length + ctx.problems.length === before) reportUnread(block.marker, ctx, seen);
  }
  return out;
}

/**
 * The marker blocks in document order. A blockquote is searched for its first marker; a
 * top-level heading opens a section. A blockquote inside a section already read is part of
 * that section (its content is read there or not at all), so it is not read twice.
 */
function findBlocks(tree: Root): MarkerBlock[] {
  const blocks: MarkerBlock[] = [];
  let coveredUntil = -1;
  walk(tree, (node, parent, index) => {
    if (node.type === 'heading' && parent === tree && MARKER.test(toString(node))) {
      const heading = node as Heading;
      const body: RootContent[] = [];
      for (const next of tree.children.slice(index + 1)) {
        if (next.type === 'heading' && next.depth <= heading.depth) break;
        body.push(next);
      }
      blocks.push({ marker: heading, body });
      coveredUntil = span(body.at(-1) ?? heading)?.[1] ?? coveredUntil;
      return 'skip';
    }
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'table') return 'skip';
    if (node.type !== 'blockquote') return undefined;
    if ((span(node)?.[0] ?? 0) < coveredUntil) return 'skip';
    const quote = node as Blockquote;
    const at = quote.children.findIndex((c) => (c.type === 'heading' || c.type === 'paragraph') && MARKER.test(toString(c)));
    if (at < 0) return undefined;
    blocks.push({ marker: quote.children[at] as Heading | Paragraph, body: quote.children.slice(at + 1) });
    return 'skip';
  });
  return blocks;
}

/**
 * Reads a run of blocks. `host` is the group open when the run starts (a labelled list
 * item's own group); a label paragraph opens a new one, other paragraphs close it.
 */
function readBody(children: readonly RootContent[], host: string | undefined, ctx: ParseContext, out: RealPorts): void {
  for (const child of children) {
    if (child.type === 'paragraph') host = readGroupLabel(child, ctx, out);
    else if (child.type === 'list') readList(child, host, ctx, out);
    else host = undefined;
  }
}

/** A list item opening with a host label is its own group; other items belong to `host`. */
function readList(list: List, host: string | undefined, ctx: ParseContext, out: RealPorts): void {
  for (const item of list.children) {
    const first = item.children[0];
    const labelled = first?.type === 'paragraph' ? readGroupLabel(first, ctx, out) : undefined;
    if (labelled !== undefined) readBody(item.children.slice(1), labelled, ctx, out);
    else if (host !== undefined) readAllEntries(item, host, ctx, out);
  }
}

/** Every paragraph under `node` holds entries of `host` (wrapped and nested bullets). */
function readAllEntries(node: Parent, host: string, ctx: ParseContext, out: RealPorts): void {
  walk(node, (n) => {
    if (n.type !== 'paragraph') return undefined;
    readEntries((n as Paragraph).children, host, ctx, out);
    return 'skip';
  });
}

/** A marker after which no entry (and no bad port) was found. */
function reportUnread(marker: Heading | Paragraph, ctx: ParseContext, seen: Map<string, number>): void {
  const [start, end] = span(marker) ?? [0, 0];
  const text = toString(marker).trim();
  // The key leaves out the marker's date: updating the date must not make the finding new.
  const name = text.replace(MARKER_DATE, '').replace(/\s+/g, ' ').trim();
  const nth = (seen.get(name) ?? 0) + 1;
  seen.set(name, nth);
  const line = ctx.locator.range(start, end).line;
  const message =
    `Found the marker ${quote(text)} on line ${line} but no \`name \`port\`\` entry after it; expected bold host labels ` +
    '(`**Mac Mini:**`, or `- **Mac Mini:**` as a list item) each followed by bullets like `- mana-auth `3001``, so no real port was read from this block.';
  addProblem(ctx, 'unread-real-ports', message, start, end, `real-ports:${name}:${nth}`);
}

/** The date in the marker's parentheses, located on the date itself. */
function markerDate(marker: Heading | Paragraph, ctx: ParseContext): DatedLine | undefined {
  const s = span(marker);
  if (!s) return undefined;
  const m = MARKER_DATE.exec(ctx.text.slice(s[0], s[1]));
  if (!m) return undefined;
  const start = s[0] + m.index + 1;
  return { label: 'Real ports today', date: m[1]!, location: ctx.locator.range(start, start + m[1]!.length) };
}
