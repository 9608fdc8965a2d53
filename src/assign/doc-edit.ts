/**
 * The port line an assignment adds to a service's CLAUDE.md that states no port:
 * `**Port:** 3027`, after the title and the paragraph introducing the service (where the
 * service docs of the seed keep it), as an insertion that leaves every other byte alone.
 */
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse);

/** `text` with the line `**Port:** <port>` added. */
export function addPortLine(text: string, port: number): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const line = `**Port:** ${port}`;
  const tree = processor.parse(text) as Root;
  const title = tree.children.findIndex((n) => n.type === 'heading' && n.depth === 1);
  if (title < 0) return line + eol + eol + text;
  const next = tree.children[title + 1];
  const after = next?.type === 'paragraph' ? next : tree.children[title]!;
  const at = after.position?.end.offset;
  if (at === undefined) return line + eol + eol + text;
  return text.slice(0, at) + eol + eol + line + (at === text.length ? eol : '') + text.slice(at);
}
