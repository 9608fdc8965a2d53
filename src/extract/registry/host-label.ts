/**
 * Host labels of the "Real ports today" list: a paragraph that opens with bold text ending
 * in a colon, e.g. `**Windows GPU server (`192.168.178.11`):**`, `**Mac Mini (production):**`
 * or `**Not deployed:**`. A trailing parenthesis holding only addresses gives the host's
 * addresses; any other qualifier (`(production)`) stays part of the label.
 */
import type { Paragraph, PhrasingContent, Strong } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { hostKey } from '../../core/hosts.js';

/** A bold host label and the inline content that follows it in the same paragraph. */
export interface HostLabel {
  label: string;
  addresses: string[];
  /** True for the `Not deployed` group. */
  notDeployed: boolean;
  strong: Strong;
  rest: PhrasingContent[];
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const IPV6 = /^\[?[0-9a-f]*:[0-9a-f:]+\]?$/i;
const DNS_NAME = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i;
/** A bold label followed by a date is a dated line (`**Reality reconciled:** 2026-04-08`). */
const DATE_AFTER = /^\s*:?\s*\d{4}-\d{2}-\d{2}/;

/** True when `s` looks like a network address rather than a qualifier word. */
export function isAddress(s: string): boolean {
  return IPV4.test(s) || IPV6.test(s) || DNS_NAME.test(s);
}

/** Reads the host label opening `p`; undefined when `p` does not open with one. */
export function readHostLabel(p: Paragraph): HostLabel | undefined {
  let i = 0;
  while (i < p.children.length && isBlank(p.children[i]!)) i++;
  const strong = p.children[i];
  if (strong?.type !== 'strong') return undefined;
  const rest = p.children.slice(i + 1);
  const next = rest[0]?.type === 'text' ? rest[0].value : '';
  const raw = toString(strong).trim();
  if (!raw.endsWith(':') && !next.trimStart().startsWith(':')) return undefined;
  if (DATE_AFTER.test(next)) return undefined;
  let label = raw.replace(/:$/, '').trim();
  let addresses: string[] = [];
  const qualifier = /\(([^()]*)\)\s*$/.exec(label);
  if (qualifier) {
    const parts = qualifier[1]!.split(/[\s,]+/).filter(Boolean);
    if (parts.length > 0 && parts.every(isAddress)) {
      addresses = parts;
      label = label.slice(0, qualifier.index).trim();
    }
  }
  if (label === '') return undefined;
  return { label, addresses, notDeployed: hostKey(label) === 'notdeployed', strong, rest };
}

function isBlank(node: PhrasingContent): boolean {
  return node.type === 'text' && node.value.trim() === '';
}
