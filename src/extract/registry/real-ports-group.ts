/**
 * One host group of the "Real ports today" list: the bold label that opens it and the
 * `` name `port` `` entries that become actual bindings on that host.
 */
import type { Paragraph } from 'mdast';
import { hostId } from '../../core/hosts.js';
import { isValidPort, NOT_DEPLOYED_HOST, type Binding, type Host } from '../../core/statements.js';
import { describeValue, valueKey } from '../value-text.js';
import { addProblem, canonicalService, nodeLocation, type ParseContext } from './context.js';
import { readHostLabel } from './host-label.js';
import { inlineTokens } from './inline-tokens.js';
import { findPortPairs } from './port-pairs.js';
import { quote } from '../../core/quote.js';

/** Where a group's hosts and bindings are collected. */
export interface GroupSink {
  hosts: Host[];
  actual: Binding[];
}

/**
 * Opens a host group when `p` starts with a label (recording the host once, and reading the
 * entries that follow the label in the same paragraph); returns the group's host id, or
 * undefined when `p` is not a label.
 */
export function readGroupLabel(p: Paragraph, ctx: ParseContext, out: GroupSink): string | undefined {
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
export function readEntries(nodes: Paragraph['children'], host: string, ctx: ParseContext, out: GroupSink): void {
  for (const pair of findPortPairs(inlineTokens(nodes, ctx.text))) {
    if (!isValidPort(pair.port)) {
      const message = `The real port of ${quote(pair.name)} on host ${quote(host)} ${describeValue(pair.text)}; expected an integer from 1 to 65535.`;
      addProblem(ctx, 'invalid-port', message, pair.start, pair.end, `actual:${host}:${pair.name}:${valueKey(pair.text)}`);
      continue;
    }
    out.actual.push({
      service: canonicalService(ctx, pair.name),
      port: pair.port,
      host,
      kind: 'registry-actual',
      role: 'doc',
      source: 'registry',
      label: host === NOT_DEPLOYED_HOST ? 'registry, not deployed' : 'registry actual',
      strength: 'declaration',
      location: ctx.locator.range(pair.start, pair.end),
      via: 'real ports today',
    });
  }
}
