/**
 * The registry is parsed in pieces (blocks grouped to a bounded size, long tables cut between
 * rows, GFM's tables alone where nothing else of GFM can apply) and stitched back together:
 * the tree must be exactly the one a whole-file parse with all of remark-gfm gives, every
 * node, value and position, on every markdown input we have, with the real piece size and
 * with pieces as small as one block and tables cut every row.
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRegistry, parseRegistryTree } from '../../../src/extract/registry/index.js';
import { assembledDoc, corpusMarkdown, generatedMarkdown, repoMarkdown, seedMarkdown, type MarkdownInput } from '../markdown-inputs.js';
import { corpusOptions } from '../../corpus/corpus.js';
import { needsShared } from '../../support/shared.js';

const whole = unified().use(remarkParse).use(remarkGfm);

/** Sizes to cut with: the registry's own, and the smallest (every block and every row apart). */
const SIZES = [undefined, { chars: 1, rows: 1 }, { chars: 300, rows: 3 }];

function expectSameTree(input: MarkdownInput): void {
  const expected: Root = whole.parse(input.text);
  for (const size of SIZES) {
    expect(parseRegistryTree(input.text, size), `${input.name} cut at ${JSON.stringify(size)}`).toEqual(expected);
  }
}

describe('parseRegistryTree', () => {
  it('gives the whole-file tree for every fixture and example doc', () => {
    const inputs = repoMarkdown();
    expect(inputs.length).toBeGreaterThan(20);
    inputs.forEach(expectSameTree);
  });

  it('gives the whole-file tree for the seed registry and its lossy copy', needsShared('seed/PORT_SCHEMA.md', 'seed/PORT_SCHEMA.lossy.md'), () => {
    const inputs = seedMarkdown();
    expect(inputs).toHaveLength(2);
    inputs.forEach(expectSameTree);
  });

  describe('on the corpus', corpusOptions(), () => {
    let corpus: ReturnType<typeof corpusMarkdown>;
    beforeAll(() => {
      corpus = corpusMarkdown();
    });
    afterAll(() => corpus.dispose());
    it('gives the whole-file tree for every markdown file of the four repositories', { timeout: 120_000 }, () => {
      expect(corpus.inputs.length).toBeGreaterThan(50);
      corpus.inputs.forEach(expectSameTree);
    });
  });

  describe('on a generated bench tree', () => {
    let generated: ReturnType<typeof generatedMarkdown>;
    beforeAll(() => {
      generated = generatedMarkdown(250);
    });
    afterAll(() => generated.dispose());
    it('gives the whole-file tree for its registry (three tables of up to 100 rows, cut) and its service docs', { timeout: 120_000 }, () => {
      expectSameTree(generated.registry);
      generated.docs.slice(0, 40).forEach(expectSameTree);
      // The registry read from pieces is the registry read from the whole tree.
      const text = generated.registry.text;
      expect(parseRegistry('docs/PORT_SCHEMA.md', text).doc.plan).toHaveLength(250);
    });
  });

  it('gives the whole-file tree for assembled documents', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(assembledDoc, (text) => expectSameTree({ name: JSON.stringify(text), text })),
      { numRuns: 600, seed: 20261202 },
    );
  });

  it('cuts a long table between rows, and keeps a list continued after a blank line in one piece', () => {
    const rows = Array.from({ length: 60 }, (_, i) => `| ${3000 + i} | svc-${i} |\n`).join('');
    const text = `# Ports\n\n| Port | Service |\n|---|---|\n${rows}\n- a\n\n- b\n\n1. c\n\n2. d\n`;
    const tree = parseRegistryTree(text, { chars: 1, rows: 7 });
    expect(tree).toEqual(whole.parse(text));
    expect(tree.children.map((c) => c.type)).toEqual(['heading', 'table', 'list', 'list']);
  });
});
