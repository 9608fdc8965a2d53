/**
 * Whether the registry calls itself aspirational ("PARTIALLY ASPIRATIONAL"): the word
 * anywhere before the first range heading, where a document states what it is. Later
 * mentions (a row description, say) do not make the whole plan aspirational.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { span } from './context.js';

const WORD = /\baspirational\b/i;

/** True when the text before `firstRangeOffset` (the whole document when undefined) says so. */
export function isAspirational(tree: Root, firstRangeOffset: number | undefined): boolean {
  for (const node of tree.children) {
    const s = span(node);
    if (firstRangeOffset !== undefined && s && s[0] >= firstRangeOffset) break;
    if (WORD.test(toString(node))) return true;
  }
  return false;
}
