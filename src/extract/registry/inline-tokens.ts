/**
 * Flattens the inline content of a paragraph into a token stream: words, inline code with
 * its exact offsets, and the punctuation that structures a "Real ports today" bullet
 * (parentheses, commas, semicolons). Emphasis and links are transparent.
 */
import type { PhrasingContent } from 'mdast';
import { span } from './context.js';

/** One token of inline content. */
export type InlineToken =
  | { kind: 'word'; text: string }
  | { kind: 'code'; value: string; start: number; end: number }
  | { kind: 'punct'; char: string }
  /** Anything else (an image, raw HTML, a hard break): separates names from ports. */
  | { kind: 'other' };

/** Tokens of `nodes`, in order. `text` is the original document, for code offsets. */
export function inlineTokens(nodes: readonly PhrasingContent[], text: string): InlineToken[] {
  const out: InlineToken[] = [];
  for (const node of nodes) pushTokens(node, text, out);
  return out;
}

function pushTokens(node: PhrasingContent, text: string, out: InlineToken[]): void {
  switch (node.type) {
    case 'text':
      for (const m of node.value.matchAll(/[^\s(),;]+|[(),;]/g)) {
        const t = m[0];
        out.push(t.length === 1 && '(),;'.includes(t) ? { kind: 'punct', char: t } : { kind: 'word', text: t });
      }
      return;
    case 'inlineCode': {
      const [start, end] = codeSpan(node.value, span(node), text);
      out.push({ kind: 'code', value: node.value.trim(), start, end });
      return;
    }
    case 'strong':
    case 'emphasis':
    case 'delete':
    case 'link':
    case 'linkReference':
      for (const child of node.children) pushTokens(child, text, out);
      return;
    default:
      out.push({ kind: 'other' });
  }
}

/** The offsets of a code span's value inside its backticks (the node span includes them). */
function codeSpan(value: string, nodeSpan: [number, number] | undefined, text: string): [number, number] {
  if (!nodeSpan) return [0, 0];
  const trimmed = value.trim();
  const at = text.slice(nodeSpan[0], nodeSpan[1]).indexOf(trimmed);
  return at < 0 || trimmed === '' ? nodeSpan : [nodeSpan[0] + at, nodeSpan[0] + at + trimmed.length];
}
