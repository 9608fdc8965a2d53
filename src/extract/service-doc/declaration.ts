/**
 * Port declarations, the strongest statements a CLAUDE.md makes about its service:
 * `## Port: 3024` (with optional trailing text such as `(dev)`), `- **Port:** 3021`,
 * `- **Port**: 3021`, `**Port:** 3015 (production)` and a paragraph starting `Port: 3024`.
 * The mdast node isolates the heading or the bold label; port-value.ts then reads the value on
 * the line that follows it in the original text, so positions come straight from offsets.
 */
import type { Heading, Paragraph, Strong } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { DocScan } from './doc-scan.js';
import { hostOfQualifier, qualifierOf } from './host-qualifier.js';
import { readPortValue } from './port-value.js';

/** A `Port` label, optionally qualified: `Port`, `Port:`, `Port (production):`. */
const LABEL = /^port\s*(?:\(([^()]*)\))?\s*(:?)$/i;

/** A heading `## Port: 3024 …` or `## Port (dev): 3024`. */
const HEADING = /^[ \t]{0,3}#{1,6}[ \t]+port[ \t]*(?:\(([^()]*)\))?[ \t]*:[ \t]*/i;

/**
 * Reads the value after a label ending at `offset` (port-value.ts skips markdown wrappers and
 * struck-through history). Binds it on the host a qualifier names (`labelQualifier` from
 * `**Port (x):**`, or a parenthesis right after the value).
 */
function readValue(scan: DocScan, offset: number, via: string, labelQualifier?: string): void {
  const value = readPortValue(scan.file.text, offset);
  if (!value) return;
  const qualifier = labelQualifier ?? qualifierOf(value.after);
  const host = qualifier !== undefined ? hostOfQualifier(qualifier, scan.ctx.hosts) : undefined;
  scan.bind({ text: value.text, start: value.start, end: value.end }, 'declaration', via, host ?? scan.host);
}

/** `## Port: 3024 (dev)`. */
export function readHeading(scan: DocScan, node: Heading): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return;
  const m = HEADING.exec(scan.slice(start, end));
  if (!m) return;
  readValue(scan, start + m[0].length, '## Port:', m[1]?.trim() || undefined);
}

/** `**Port:** 3021`, `**Port**: 3021`, `**Port (production):** 3015` anywhere in a paragraph. */
function readStrong(scan: DocScan, node: Strong): void {
  const m = LABEL.exec(toString(node).trim());
  const end = node.position?.end.offset;
  if (!m || end === undefined) return;
  let offset = end;
  let via = '**Port:**';
  if (m[2] !== ':') {
    // `**Port**: 3021`: the colon follows the bold label; without one it is not a declaration.
    const colon = /^[ \t]*:/.exec(scan.slice(end, end + 8));
    if (!colon) return;
    offset += colon[0].length;
    via = '**Port**:';
  }
  readValue(scan, offset, via, m[1]?.trim() || undefined);
}

/** Declarations inside one paragraph: bold labels, or a plain `Port: 3024` opening it. */
export function readParagraph(scan: DocScan, node: Paragraph): void {
  for (const child of node.children) if (child.type === 'strong') readStrong(scan, child);
  const start = node.position?.start.offset;
  const first = node.children[0];
  if (start === undefined || first?.type !== 'text') return;
  const m = /^Port[ \t]*:[ \t]*/.exec(scan.slice(start, start + 16));
  if (m) readValue(scan, start + m[0].length, 'Port:');
}
