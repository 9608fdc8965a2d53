/**
 * `##` headings split the registry into sections. A range heading (`## 3000-3009: Core
 * Platform Services`, hyphen or en dash, title optional) carries its range; any other `##`
 * heading (`## SearXNG (Internal Only)`) is a section without one. Only top-level headings
 * count: a `##` inside a blockquote or list is not a section of the registry.
 */
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { isValidPort } from '../../core/statements.js';
import type { RegistrySection } from '../../core/registry.js';
import { describeValue, valueKey } from '../value-text.js';
import { addProblem, nodeLocation, span, type ParseContext } from './context.js';
import { quote } from '../../core/quote.js';

/** `3000-3009`, `3000–3009` or `3000—3009`, then an optional `: Title`. */
const RANGE_HEADING = /^(\d+)\s*[-–—]\s*(\d+)(?:\s*:\s*(.*)|\s*)$/s;

/** A section with the offset its heading starts at, so tables can be placed by offset. */
export interface PlacedSection {
  section: RegistrySection;
  start: number;
  /** True when the heading looked like a range heading (valid or not). */
  rangeHeading: boolean;
}

/** Reads the top-level `##` headings of `tree`, in document order. */
export function readSections(tree: Root, ctx: ParseContext): PlacedSection[] {
  const out: PlacedSection[] = [];
  for (const node of tree.children) {
    if (node.type !== 'heading' || node.depth !== 2) continue;
    out.push(readHeading(node, ctx));
  }
  return out;
}

function readHeading(node: Heading, ctx: ParseContext): PlacedSection {
  const text = toString(node).trim();
  const [start, end] = span(node) ?? [0, 0];
  const section: RegistrySection = { title: text, location: nodeLocation(ctx, node), rows: [] };
  const m = RANGE_HEADING.exec(text);
  if (!m) return { section, start, rangeHeading: false };
  const from = Number(m[1]);
  const to = Number(m[2]);
  section.title = (m[3] ?? '').trim();
  // The heading's numbers are not printed unless they are ports (../value-text.ts).
  const named = section.title === '' ? 'A range heading' : `The range heading of ${quote(section.title)}`;
  if (!isValidPort(from) || !isValidPort(to)) {
    const bad = isValidPort(from) ? `its end ${describeValue(m[2] ?? '')}` : `its start ${describeValue(m[1] ?? '')}`;
    addProblem(ctx, 'invalid-port', `${named} names a port outside 1..65535: ${bad}; expected a range like \`3000-3099\`.`, start, end, `range-heading:${section.title}:${valueKey(m[1] ?? '')}-${valueKey(m[2] ?? '')}`);
  } else if (from > to) {
    addProblem(ctx, 'invalid-port', `${named} runs backwards (${from} > ${to}); expected start <= end.`, start, end, `range-heading:${text}`);
  } else {
    section.range = { start: from, end: to };
  }
  return { section, start, rangeHeading: true };
}

/**
 * Finds the section a node at `offset` belongs to: the last heading before it. Sections are
 * in document order, so a binary search keeps placing every table O(log n).
 */
export function sectionAt(sections: PlacedSection[], offset: number): PlacedSection | undefined {
  let lo = 0;
  let hi = sections.length - 1;
  let found: PlacedSection | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sections[mid]!;
    if (s.start <= offset) {
      found = s;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
