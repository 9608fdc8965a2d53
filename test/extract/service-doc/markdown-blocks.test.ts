/**
 * Parsing only the blocks of a service doc that can hold a port: the blanked text keeps every
 * offset, and every node a reader could draw a port from comes out of the parse exactly as it
 * does from the whole file, on the docs of the fixtures and the example and on a thousand
 * docs assembled from the shapes that make markdown context-dependent (lists continued after
 * blank lines, fences and HTML comments holding blank lines, indented code, tables,
 * blockquotes, reference definitions, CRLF).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Nodes, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import { blankBlocksWithoutPorts, parseServiceDoc } from '../../../src/extract/service-doc/markdown.js';

/** The same parser as the extractor's, on the text as given (nothing blanked). */
const whole = unified()
  .use(remarkParse)
  .use(function (this: ReturnType<typeof unified>) {
    const data = this.data();
    (data.micromarkExtensions ??= []).push(gfmTable());
    (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
  });

const CAN_HOLD_PORT = /port|:\d/i;
const READ_TYPES = new Set(['heading', 'paragraph', 'table', 'tableRow', 'tableCell', 'code', 'inlineCode', 'text', 'definition', 'link', 'strong']);

/** Every node a reader looks at whose text can hold a port: type, offsets, and what shapes its reading. */
function readable(tree: Root, text: string): string[] {
  const out: string[] = [];
  visit(tree, (node: Nodes) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (!READ_TYPES.has(node.type) || start === undefined || end === undefined || !CAN_HOLD_PORT.test(text.slice(start, end))) return;
    const extra = node.type === 'code' ? ` lang=${node.lang} meta=${node.meta}` : node.type === 'heading' ? ` depth=${node.depth}` : node.type === 'link' ? ` url=${node.url}` : '';
    out.push(`${node.type} ${start}-${end}${extra} children=${'children' in node ? node.children.length : 0}`);
  });
  return out;
}

function expectSameReading(text: string): void {
  const blanked = blankBlocksWithoutPorts(text);
  expect(blanked.length).toBe(text.length);
  expect(blanked.replace(/[^\r\n]/g, '')).toBe(text.replace(/[^\r\n]/g, ''));
  expect(readable(parseServiceDoc(text), text)).toEqual(readable(whole.parse(text), text));
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => join(e.parentPath, e.name));
}

describe('blankBlocksWithoutPorts', () => {
  it('blanks a block without a port word or a colon before a digit, and keeps the others', () => {
    const text = '# svc\n\nOwns invoices since 2024.\n\n- **Port:** 3001\n\nCalls http://auth:3002/x.\n';
    const blanked = blankBlocksWithoutPorts(text);
    expect(blanked).toBe('# svc\n\n                         \n\n- **Port:** 3001\n\nCalls http://auth:3002/x.\n'.replace('# svc', '     '));
  });

  it('never starts a block at an indented line, inside a fence or inside an HTML comment', () => {
    const continued = '1. Start it:\n\n    ```bash\n    PORT=3001 npm start\n    ```\n';
    expect(blankBlocksWithoutPorts(continued)).toBe(continued);
    const fenced = '```text\nintro\n\nmore\n```\n\nPORT=1\n';
    expect(blankBlocksWithoutPorts(fenced)).toBe(fenced.replace(/^```text\nintro\n\nmore\n```/, (m) => m.replace(/[^\n]/g, ' ')));
    const fencedPort = '```text\nintro\n\nPORT=3001\n```\n\nDone.\n';
    expect(blankBlocksWithoutPorts(fencedPort).startsWith('```text\nintro\n\nPORT=3001\n```')).toBe(true);
    const comment = '<!--\nnote\n\nport 3001\n-->\n\nText.\n';
    expect(blankBlocksWithoutPorts(comment).startsWith('<!--\nnote\n\nport 3001\n-->')).toBe(true);
  });

  it('keeps reference definitions, and parses docs with other HTML blocks or lone CRs whole', () => {
    const defs = 'See [the docs][d].\n\n[d]: https://example.com/guide\n\nPort: 3001\n';
    expect(blankBlocksWithoutPorts(defs)).toContain('[d]: https://example.com/guide');
    const html = '<div>\n\nhello\n\n</div>\n\nPort: 3001\n';
    expect(blankBlocksWithoutPorts(html)).toBe(html);
    const cr = 'hello\r\rPort: 3001\r';
    expect(blankBlocksWithoutPorts(cr)).toBe(cr);
  });

  it('reads every fixture and example doc as the whole-file parse does', () => {
    const root = resolve(import.meta.dirname, '../../..');
    const files = [...markdownFiles(join(root, 'test/fixtures')), ...markdownFiles(join(root, 'examples'))];
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) expectSameReading(readFileSync(file, 'utf8'));
  });

  it('reads a thousand assembled docs as the whole-file parse does', { timeout: 120_000 }, () => {
    const pieces = [
      '# Title\n', '## Port: 3024 (dev)\n', 'Plain prose with 2024-01-02 and v1.2.3.\n', '- **Port:** 3021\n', '**Port**: 3022 (production)\n',
      'Port: 3023\n', '- item one\n', '- item two\n  continued lazily\n', '1. first\n', '2. second with `PORT=3040`\n', '  indented continuation http://auth:3001\n',
      '    indented code PORT=3050\n', '```bash\nPORT=3060 npm start\n\ncurl http://localhost:3061/health\n```\n', '```\nno port here\n\nstill none\n```\n',
      '~~~~\n```\ninner\n\n~~~~\n', '```js ``` not a fence\n', '| Variable | Default |\n|---|---|\n| PORT | 3070 |\n| AUTH_URL | http://auth:3001 |\n',
      '| a | b |\n|---|---|\n| 1 | 2 |\n', '> quoted\n> port 3080\n', '> quoted without\n', '<!-- portwarden-ignore doc/registry-drift: moving -->\n',
      '<!--\nmulti\n\nline port 1\n-->\n', '[ref]: http://docs:8080/x\n', 'A [link][ref] and [another](http://x:3090/y).\n', 'Setext\n===\n', 'Port\n---\n',
      '  - nested item with :3001\n', '\tTabbed PORT=1\n', 'Text\u00a0\n', '\u00a0\nafter nbsp\n', '***\n', '- - deep\n', '   ```\n   spaced fence\n\n   ```\n',
    ];
    let seed = 12345;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % 65536) / 65536;
    for (let round = 0; round < 1000; round++) {
      const count = 2 + Math.floor(next() * 8);
      let text = '';
      for (let k = 0; k < count; k++) {
        text += pieces[Math.floor(next() * pieces.length)];
        text += next() < 0.7 ? '\n' : next() < 0.5 ? '' : '\n\n';
      }
      if (next() < 0.1) text = text.replace(/\n/g, '\r\n');
      expectSameReading(text);
    }
  });
});
