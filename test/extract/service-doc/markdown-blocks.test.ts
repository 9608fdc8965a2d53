/**
 * A service doc is parsed from the blocks that can hold a port only, stitched into one tree
 * with the whole file's positions. Checked two ways, on the fixtures and the example, the seed,
 * the corpus repositories' markdown, a generated bench tree's docs and assembled documents:
 * - every node a reader could take a port from (its text holds `port` as a word or after `_`,
 *   or a colon before a digit) comes out exactly as from the whole-file parse;
 * - the extraction (bindings, references, problems, their locations) equals the one the same
 *   extractor makes from a whole-file parse, which also checks that no reader needs a block
 *   without such text.
 */
import type { Nodes, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseServiceDoc, portBlocks } from '../../../src/extract/service-doc/markdown.js';
import { extractServiceDoc } from '../../../src/extract/service-doc/index.js';
import { remarkGfmTable } from '../../../src/extract/markdown-pieces.js';
import { createLocator } from '../../../src/core/location.js';
import { ServiceIndex } from '../../../src/core/services.js';
import type { Extraction } from '../../../src/core/statements.js';
import { assembledDoc, corpusMarkdown, generatedMarkdown, repoMarkdown, seedMarkdown, type MarkdownInput } from '../markdown-inputs.js';
import { corpusOptions } from '../../corpus/corpus.js';
import { needsShared } from '../../support/shared.js';
import { seedHosts, seedServices } from './helpers.js';

/** The same parser as the extractor's, on the text as given (nothing left out). */
const whole = unified().use(remarkParse).use(remarkGfmTable);

/** The extractor with its parse swapped for the whole-file one. */
let extractWhole: typeof extractServiceDoc;
beforeAll(async () => {
  vi.resetModules();
  vi.doMock('../../../src/extract/service-doc/markdown.js', async (original) => ({
    ...(await original<typeof import('../../../src/extract/service-doc/markdown.js')>()),
    parseServiceDoc: (text: string) => whole.parse(text),
  }));
  extractWhole = (await import('../../../src/extract/service-doc/index.js')).extractServiceDoc;
  vi.doUnmock('../../../src/extract/service-doc/markdown.js');
});

const READABLE = /(?:\b|_)port|:\d/i;
const READ_TYPES = new Set(['heading', 'paragraph', 'table', 'tableRow', 'tableCell', 'code', 'inlineCode', 'text', 'definition', 'link', 'strong']);

/** Every node a reader looks at whose text can hold a port: type, position, and what shapes its reading. */
function readable(tree: Root, text: string): string[] {
  const out: string[] = [];
  visit(tree, (node: Nodes) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (!READ_TYPES.has(node.type) || start === undefined || end === undefined || !READABLE.test(text.slice(start, end))) return;
    const extra = node.type === 'code' ? ` lang=${node.lang} meta=${node.meta}` : node.type === 'heading' ? ` depth=${node.depth}` : node.type === 'link' ? ` url=${node.url}` : '';
    const at = `${node.position!.start.line}:${node.position!.start.column}-${node.position!.end.line}:${node.position!.end.column}`;
    out.push(`${node.type} ${start}-${end} ${at}${extra} children=${'children' in node ? node.children.length : 0}`);
  });
  return out;
}

/** Services for the extraction: the seed's and the generated tree's. */
function services(): ServiceIndex {
  const s = seedServices();
  for (let i = 0; i < 300; i++) s.add(`svc-${i}`);
  for (const n of ['auth', 'docs', 'x', 'localhost']) s.add(n);
  return s;
}

function extractWith(extract: typeof extractServiceDoc, text: string): Extraction {
  const path = 'services/svc-1/CLAUDE.md';
  return extract({ path, text, locator: createLocator(path, text), service: 'svc-1' }, { hosts: seedHosts(), services: services(), env: new Map() }) as Extraction;
}

function expectSameReading(input: MarkdownInput): void {
  expect(readable(parseServiceDoc(input.text), input.text), input.name).toEqual(readable(whole.parse(input.text), input.text));
  expect(extractWith(extractServiceDoc, input.text), input.name).toEqual(extractWith(extractWhole, input.text));
}

describe('portBlocks', () => {
  /** The text kept, in order. */
  const kept = (text: string) => portBlocks(text)!.map((b) => text.slice(b.start, b.end)).join('');

  it('keeps the blocks with a port word or a colon before a digit, not `imports` or `reports`', () => {
    const text = '# svc\n\nOwns reports and imports since 2024.\n\n- **Port:** 3001\n\nCalls http://auth:3002/x.\n\nSets REDIS_PORT=6379.\n';
    expect(kept(text)).toBe('**Port:** 3001\n\nCalls http://auth:3002/x.\n\nSets REDIS_PORT=6379.\n');
  });

  it('keeps only the items of a plain bullet list that can hold a port, and the blank lines closing it', () => {
    const text = '- **Port:** 3001\n- **Owner:** team-2\n- calls http://auth:3002\n\nOwned by team-2.\n';
    expect(kept(text)).toBe('**Port:** 3001\ncalls http://auth:3002\n\n');
    // A continued item, a break or an item opening HTML makes the list no plain one: it is kept whole.
    for (const list of ['- **Port:** 3001\n  more\n- b\n\n', '- **Port:** 3001\n- - -\n- b\n\n', '- **Port:** 3001\n- <!-- x\n- b\n\n']) expect(kept(list)).toBe(list);
  });

  it('keeps an item without its marker and up to four spaces, with the column its content starts at', () => {
    const text = '# svc\n\n- **Port:** 3001\n-  calls http://auth:3002\n- \tPORT=3003\n-     PORT=3004\n';
    // A tab or five spaces after the marker keep the line whole (here joined to the line before).
    expect(portBlocks(text)).toEqual([
      { start: 9, end: 24, line: 3, column: 3 },
      { start: 27, end: 79, line: 4, column: 4 },
    ]);
    expect(kept(text)).toBe('**Port:** 3001\ncalls http://auth:3002\n- \tPORT=3003\n-     PORT=3004\n');
    // A doc that may define a link keeps its items whole: all it keeps is then parsed at once.
    const defined = '- **Port:** 3001\n\n[d]: http://docs:8080\n';
    expect(kept(defined)).toBe(defined);
  });

  it('never starts a block at an indented line, inside a fence or inside an HTML comment', () => {
    const continued = '1. Start it:\n\n    ```bash\n    PORT=3001 npm start\n    ```\n';
    expect(kept(continued)).toBe(continued);
    expect(kept('```text\nintro\n\nmore\n```\n\nPORT=1\n')).toBe('PORT=1\n');
    // A block that may leave a fence or HTML open keeps the block after it, where that ends.
    const fencedPort = '```text\nintro\n\nPORT=3001\n```\n\nDone.\n\nMore.\n';
    expect(kept(fencedPort)).toBe('```text\nintro\n\nPORT=3001\n```\n\nDone.\n\n');
    const comment = '<!--\nnote\n\nport 3001\n-->\n\nText.\n';
    expect(kept(comment)).toBe(comment);
  });

  it('keeps blocks that may define a link, and leaves docs with other HTML blocks or lone CRs whole', () => {
    const defs = 'See [the docs][d].\n\n> [d]: https://example.com/guide\n\nPort: 3001\n';
    expect(kept(defs)).toBe('> [d]: https://example.com/guide\n\nPort: 3001\n');
    expect(portBlocks('<div>\n\nhello\n\n</div>\n\nPort: 3001\n')).toBeUndefined();
    expect(portBlocks('hello\r\rPort: 3001\r')).toBeUndefined();
  });
});

describe('parseServiceDoc', () => {
  it('reads every fixture and example doc as the whole-file parse does', () => {
    const inputs = repoMarkdown();
    expect(inputs.length).toBeGreaterThan(20);
    inputs.forEach(expectSameReading);
  });

  it('reads the seed registry and its lossy copy as the whole-file parse does', needsShared('seed/PORT_SCHEMA.md', 'seed/PORT_SCHEMA.lossy.md'), () => {
    seedMarkdown().forEach(expectSameReading);
  });

  describe('on the corpus', corpusOptions(), () => {
    let corpus: ReturnType<typeof corpusMarkdown>;
    beforeAll(() => {
      corpus = corpusMarkdown();
    });
    afterAll(() => corpus.dispose());
    it('reads every markdown file of the four repositories as the whole-file parse does', { timeout: 120_000 }, () => {
      expect(corpus.inputs.length).toBeGreaterThan(50);
      corpus.inputs.forEach(expectSameReading);
    });
  });

  describe('on a generated bench tree', () => {
    let generated: ReturnType<typeof generatedMarkdown>;
    beforeAll(() => {
      generated = generatedMarkdown(120);
    });
    afterAll(() => generated.dispose());
    it('reads its service docs as the whole-file parse does, from a fifth of their text', () => {
      let all = 0;
      let parsed = 0;
      for (const doc of generated.docs) {
        expectSameReading(doc);
        all += doc.text.length;
        for (const b of portBlocks(doc.text) ?? []) parsed += b.end - b.start;
      }
      expect(parsed / all).toBeLessThan(0.25);
    });
  });

  it('reads items kept without their marker as the whole-file parse does, in a tight list or a loose one', () => {
    const items = ['- **Port:** 3001', '- # Port: 3002', '- > Port: 3003', '- 1. port 3004', '- 2) port 3005', '- - port 3006', '- ===', '- a | port:3007', '- --- | ---', '- Port: 3008  ', '- `PORT=3009`', '- [api](http://auth:3010/x)', '* star port 3011', '+ plus port 3012', '-    four spaces PORT=3013', '- Port\\', '- ---x port 3014'];
    for (const a of items) {
      for (const b of items) {
        for (const gap of ['\n', '\n\n']) {
          const text = `# svc\n\n${a}${gap}${b}\n\nPort: 3020\n`;
          expectSameReading({ name: JSON.stringify(text), text });
          expectSameReading({ name: JSON.stringify(text), text: text.replace(/\n/g, '\r\n') });
        }
      }
    }
  });

  it('reads assembled docs as the whole-file parse does', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(assembledDoc, (text) => expectSameReading({ name: JSON.stringify(text), text })),
      { numRuns: 1000, seed: 20261202 },
    );
  });
});
