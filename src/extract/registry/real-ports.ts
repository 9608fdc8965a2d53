/**
 * The "Real ports today" blockquote: what really runs, grouped by host. After the marker
 * (a heading or paragraph containing "Real ports today"), a bold host label opens a group;
 * the lists right after it (and the rest of the label's paragraph, as in the `Not deployed`
 * group) hold `` name `port` `` entries. Any other paragraph ends the group: the bullets after
 * "The two latent collisions ... were resolved by:" are history and bind nothing.
 */
import type { Blockquote, BlockContent, DefinitionContent, Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { hostId } from '../../model/hosts.js';
import type { DatedLine } from '../../model/registry.js';
import { isValidPort, NOT_DEPLOYED_HOST, type Binding, type Host } from '../../model/types.js';
import { addProblem, canonicalService, nodeLocation, span, type ParseContext } from './context.js';
import { readHostLabel } from './host-label.js';
import { inlineTokens } from './inline-tokens.js';
import { findPortPairs } from './port-pairs.js';
import { walk } from './walk.js';

/** What the blockquote says. */
export interface RealPorts {
  hosts: Host[];
  actual: Binding[];
  /** The date of the marker, `Real ports today (2026-04-08)`. */
  dated?: DatedLine;
}

const MARKER = /real ports today/i;
const MARKER_DATE = /\((\d{4}-\d{2}-\d{2})\)/;

/** Reads the first blockquote holding a "Real ports today" marker; empty when there is none. */
export function readRealPorts(tree: Root, ctx: ParseContext): RealPorts {
  const out: RealPorts = { hosts: [], actual: [] };
  let found: { quote: Blockquote; index: number } | undefined;
  walk(tree, (node) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'table') return 'skip';
    if (node.type !== 'blockquote') return undefined;
    const quote = node as Blockquote;
    const index = quote.children.findIndex((c) => (c.type === 'heading' || c.type === 'paragraph') && MARKER.test(toString(c)));
    if (index < 0) return undefined;
    found = { quote, index };
    return 'stop';
  });
  if (!found) return out;
  const marker = found.quote.children[found.index]!;
  const dated = markerDate(marker, ctx);
  if (dated) out.dated = dated;
  let host: string | undefined;
  for (const child of found.quote.children.slice(found.index + 1)) {
    if (child.type === 'paragraph') {
      host = readGroupLabel(child, ctx, out);
    } else if (child.type === 'list' && host !== undefined) {
      const owner = host;
      walk(child, (node) => {
        if (node.type !== 'paragraph') return undefined;
        readEntries((node as Paragraph).children, owner, ctx, out);
        return 'skip';
      });
    } else if (child.type !== 'list') {
      host = undefined;
    }
  }
  return out;
}

/** Opens a host group when `p` starts with a label; returns the group's host id or undefined. */
function readGroupLabel(p: Paragraph, ctx: ParseContext, out: RealPorts): string | undefined {
  const label = readHostLabel(p);
  if (!label) return undefined;
  const id = label.notDeployed ? NOT_DEPLOYED_HOST : hostId(label.label);
  if (!label.notDeployed && !out.hosts.some((h) => h.id === id)) {
    out.hosts.push({ id, label: label.label, aliases: [], addresses: label.addresses, location: nodeLocation(ctx, label.strong) });
  }
  readEntries(label.rest, id, ctx, out);
  return id;
}

/** Adds an actual binding for every `` name `port` `` pair of the inline content. */
function readEntries(nodes: Paragraph['children'], host: string, ctx: ParseContext, out: RealPorts): void {
  for (const pair of findPortPairs(inlineTokens(nodes, ctx.text))) {
    if (!isValidPort(pair.port)) {
      const message = `Port \`${pair.port}\` of \`${pair.name}\` on host \`${host}\` is not a valid port; expected an integer in 1..65535`;
      addProblem(ctx, 'invalid-port', message, pair.start, pair.end, `actual:${host}:${pair.name}:${pair.port}`);
      continue;
    }
    out.actual.push({
      service: canonicalService(ctx, pair.name),
      port: pair.port,
      host,
      kind: 'registry-actual',
      source: 'registry',
      strength: 'declaration',
      location: ctx.locator.range(pair.start, pair.end),
      via: 'real ports today',
    });
  }
}

/** The date in the marker's parentheses, located on the date itself. */
function markerDate(marker: BlockContent | DefinitionContent, ctx: ParseContext): DatedLine | undefined {
  const s = span(marker);
  if (!s) return undefined;
  const source = ctx.text.slice(s[0], s[1]);
  const m = MARKER_DATE.exec(source);
  if (!m) return undefined;
  const start = s[0] + m.index + 1;
  return { label: 'Real ports today', date: m[1]!, location: ctx.locator.range(start, start + m[1]!.length) };
}
