/**
 * Dated lines: a bold label ending in a colon followed by an ISO date, such as
 * `**Originally drafted:** 2026-03-28` or `**Reality reconciled**: 2026-04-08`. They are
 * found wherever they are (the lossy copy folds them into the blockquote's last paragraph).
 * The location is the date itself, the span a fix would update.
 */
import type { Root, Strong } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { DatedLine } from '../../core/registry.js';
import { span, type ParseContext } from './context.js';
import { walk } from '../mdast-walk.js';

const DATE_AFTER = /^\s*(:?)\s*(\d{4}-\d{2}-\d{2})(?!\d)/;

/** Every dated line of the document, in document order. */
export function readDatedLines(tree: Root, ctx: ParseContext): DatedLine[] {
  const out: DatedLine[] = [];
  walk(tree, (n, parent, index) => {
    if (n.type !== 'strong') return undefined;
    const node = n as Strong;
    const next = parent?.children[index + 1];
    if (next?.type !== 'text' || !('value' in next) || typeof next.value !== 'string') return undefined;
    const m = DATE_AFTER.exec(next.value);
    const raw = toString(node).trim();
    if (!m || (!raw.endsWith(':') && m[1] !== ':')) return undefined;
    const label = raw.replace(/:$/, '').trim();
    const s = span(next);
    if (!s || label === '') return undefined;
    const date = m[2]!;
    const at = ctx.text.slice(s[0], s[1]).indexOf(date);
    if (at < 0) return undefined;
    out.push({ label, date, location: ctx.locator.range(s[0] + at, s[0] + at + date.length) });
    return undefined;
  });
  return out;
}
