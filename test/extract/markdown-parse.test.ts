/**
 * `parseMarkdown` calls mdast-util-from-markdown as remark-parse does, with the extensions
 * remark-gfm or GFM's tables alone put in a processor's data, built once: its tree must be the
 * one the unified processor gives, every node, value and position, on every markdown input we
 * have (the fixtures and the example, the seed, a generated bench tree, assembled documents).
 * And `walk`, which the extractors read trees with, enters the nodes unist-util-visit enters,
 * in the same order.
 */
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import fc from 'fast-check';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMarkdown, remarkGfmTable, tablesIfAny } from '../../src/extract/markdown-pieces.js';
import { walk } from '../../src/extract/mdast-walk.js';
import { assembledDoc, generatedMarkdown, repoMarkdown, seedMarkdown, type MarkdownInput } from './markdown-inputs.js';

const processors = {
  gfm: unified().use(remarkParse).use(remarkGfm),
  gfmTables: unified().use(remarkParse).use(remarkGfmTable),
  commonmark: unified().use(remarkParse),
};

/** `text` without its lines that could make a table (a pipe, `:-`, `-:`): every other shape stays. */
const withoutTableLines = (text: string): string =>
  text
    .split(/(?<=\n)/)
    .filter((line) => !/\||:-|-:/.test(line))
    .join('');

function expectSameTree(input: MarkdownInput): void {
  for (const syntax of ['gfm', 'gfmTables', 'commonmark'] as const) {
    // Twice: the options built once must not carry anything from one parse to the next.
    for (let i = 0; i < 2; i++) expect(parseMarkdown(input.text, syntax), `${input.name} (${syntax})`).toEqual(processors[syntax].parse(input.text));
  }
  // Where no table can be, CommonMark alone gives the tree GFM's tables give.
  const tableless = withoutTableLines(input.text);
  expect(tablesIfAny(tableless), input.name).toBe('commonmark');
  expect(parseMarkdown(tableless, 'commonmark'), `${input.name} without table lines`).toEqual(processors.gfmTables.parse(tableless));
  if (tablesIfAny(input.text) === 'commonmark') expect(parseMarkdown(input.text, 'commonmark'), input.name).toEqual(processors.gfmTables.parse(input.text));
  const tree = processors.gfm.parse(input.text);
  const visited: Node[] = [];
  const walked: Node[] = [];
  visit(tree, (node) => void visited.push(node));
  walk(tree, (node) => void walked.push(node));
  // The same node objects, in the same order.
  expect(walked.length, input.name).toBe(visited.length);
  walked.forEach((node, i) => expect(node, `${input.name}: node ${i}`).toBe(visited[i]));
}

describe('parseMarkdown', () => {
  it('gives the processor tree for every fixture and example doc, the seed registry and its lossy copy', () => {
    const inputs = [...repoMarkdown(), ...seedMarkdown()];
    expect(inputs.length).toBeGreaterThan(20);
    inputs.forEach(expectSameTree);
  });

  describe('on a generated bench tree', () => {
    let generated: ReturnType<typeof generatedMarkdown>;
    beforeAll(() => {
      generated = generatedMarkdown(60);
    });
    afterAll(() => generated.dispose());
    it('gives the processor tree for its registry and its service docs', () => {
      [generated.registry, ...generated.docs].forEach(expectSameTree);
    });
  });

  it('gives the processor tree for assembled documents', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(assembledDoc, (text) => expectSameTree({ name: JSON.stringify(text), text })),
      { numRuns: 500, seed: 20261202 },
    );
  });

  it('walks a deep tree without recursion', () => {
    const tree = processors.gfm.parse(`${'>'.repeat(3_000)} x\n`);
    let nodes = 0;
    walk(tree, () => void nodes++);
    expect(nodes).toBe(3_003);
  });

  it('parses with GFM tables any text that may hold one, a one-column table without a pipe too', () => {
    for (const text of ['a\n:-\n', 'a\n-:\n', '| a |\n| - |\n', 'a | b\n--|--\n', '> a\n> :--:\n']) {
      expect(processors.gfmTables.parse(text).children.some((n) => n.type === 'table' || (n.type === 'blockquote' && n.children[0]?.type === 'table')), text).toBe(true);
      expect(tablesIfAny(text), text).toBe('gfmTables');
    }
    expect(tablesIfAny('- **Port:** 3001\n\n- calls http://auth:3002\n')).toBe('commonmark');
  });

  it('tells the syntaxes apart', () => {
    // What only the rest of GFM reads: a test that compared one syntax with the other would fail here.
    const text = '~~3010~~ and www.example.com\n';
    expect(parseMarkdown(text, 'gfm')).not.toEqual(parseMarkdown(text, 'gfmTables'));
    expect(parseMarkdown('a\n:-\n', 'gfmTables')).not.toEqual(parseMarkdown('a\n:-\n', 'commonmark'));
  });
});
