import { describe, expect, it } from 'vitest';
import { parseRegistry } from '../../src/extract/registry/index.js';
import { extractServiceDoc } from '../../src/extract/service-doc/index.js';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  MAX_DELIMITER_RUN,
  MAX_INLINE_MARKERS_PER_BLOCK,
  MAX_LINK_DEFINITIONS,
  MAX_MARKDOWN_CONTAINER_CLOSINGS,
  MAX_MARKDOWN_INDENT,
  MAX_MARKDOWN_NESTING,
  MAX_SERVICE_DOC_CHARS,
  MAX_TABLE_CELLS,
  MAX_TABLE_COLUMNS,
  markdownLimitHit,
  tooDeepLine,
} from '../../src/extract/markdown-depth.js';
import { HostModel } from '../../src/core/hosts.js';
import { createLocator } from '../../src/core/location.js';
import { ServiceIndex } from '../../src/core/services.js';

/** 500 nested list levels: a quarter-megabyte file that would keep micromark busy for seconds. */
const NESTED = ['# mana-auth', '', '- **Port:** 3001', ...Array.from({ length: 500 }, (_, i) => `${' '.repeat(2 * i)}- level ${i}`)].join('\n');
const firstDeepLine = 3 + Math.floor(MAX_MARKDOWN_INDENT / 2) + 2; // 1-based: the first line indented past the limit

describe('markdown nested too deep', () => {
  it('finds the first line indented past the limit, counting tabs as 4', () => {
    expect(tooDeepLine('a\n' + ' '.repeat(MAX_MARKDOWN_INDENT) + 'ok\n')).toBeUndefined();
    expect(tooDeepLine('a\n\t'.repeat(1) + '\t'.repeat(61) + 'deep')).toMatchObject({ start: 2, columns: 248 });
  });

  it('refuses such a service doc with one problem naming the line, instead of parsing it', () => {
    const file = { path: 'services/mana-auth/CLAUDE.md', text: NESTED, locator: createLocator('services/mana-auth/CLAUDE.md', NESTED), service: 'mana-auth' };
    const out = extractServiceDoc(file, { hosts: new HostModel(), services: new ServiceIndex(), env: new Map() });
    expect(out.bindings).toEqual([]);
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]).toMatchObject({ ruleId: 'input/markdown-too-deep', location: { file: 'services/mana-auth/CLAUDE.md', line: firstDeepLine, column: 1 } });
    expect(out.problems[0]!.message).toContain(`expected at most ${MAX_MARKDOWN_INDENT}`);
  });

  it('refuses such a registry the same way', () => {
    const { doc, problems } = parseRegistry('docs/PORT_SCHEMA.md', NESTED);
    expect(doc.plan).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ ruleId: 'input/markdown-too-deep', location: expect.objectContaining({ line: firstDeepLine }) })]);
  });
});

describe('markdown limits counted before parsing', () => {
  const docOf = (text: string) => {
    const path = 'services/mana-auth/CLAUDE.md';
    const started = performance.now();
    const out = extractServiceDoc({ path, text, locator: createLocator(path, text), service: 'mana-auth' }, { hosts: new HostModel(), services: new ServiceIndex(), env: new Map() });
    return { out, ms: performance.now() - started };
  };

  it('a CLAUDE.md of 40,000 `>` is refused at its line in far less than the minutes it took', () => {
    const { out, ms } = docOf('# mana-auth\n\n- **Port:** 3001\n' + '>'.repeat(40000));
    expect(out.bindings).toEqual([]);
    expect(out.problems).toEqual([expect.objectContaining({ ruleId: 'input/markdown-too-deep', location: expect.objectContaining({ file: 'services/mana-auth/CLAUDE.md', line: 4, column: 1 }) })]);
    expect(out.problems[0]!.message).toContain(`expected at most ${MAX_MARKDOWN_NESTING}`);
    expect(ms).toBeLessThan(5_000); // a hang guard only; figures in bench/README.md
  });

  it('counts nesting markers, not look-alikes', () => {
    expect(markdownLimitHit('> '.repeat(MAX_MARKDOWN_NESTING) + 'x')).toBeUndefined();
    expect(markdownLimitHit('> '.repeat(MAX_MARKDOWN_NESTING + 1) + 'x')).toMatchObject({ kind: 'too-deep', start: 0 });
    expect(markdownLimitHit('1. '.repeat(MAX_MARKDOWN_NESTING + 1))).toMatchObject({ kind: 'too-deep' });
    // `-1`, `***` and `1.5` are content, not list markers.
    expect(markdownLimitHit('-1 '.repeat(100) + '\n' + '1.5 '.repeat(100))).toBeUndefined();
  });

  it('counts a closing when a paragraph after a blank line ends a blockquote, not for sibling items or lazy lines', () => {
    expect(markdownLimitHit('- a\n'.repeat(5000))).toBeUndefined(); // siblings close nothing nested
    expect(markdownLimitHit('> a\nlazy\n'.repeat(5000))).toBeUndefined(); // one blockquote, lazily continued
    expect(markdownLimitHit('- a\n\n  b\n\n'.repeat(2000))).toBeUndefined(); // indented continuation keeps the item
    const hit = markdownLimitHit('> a\n\nb\n\n'.repeat(MAX_MARKDOWN_CONTAINER_CLOSINGS + 1));
    expect(hit).toMatchObject({ kind: 'too-complex' });
    expect(markdownLimitHit('- - x\n'.repeat(MAX_MARKDOWN_CONTAINER_CLOSINGS + 2))).toMatchObject({ kind: 'too-complex' });
  });

  it('counts link definitions, table cells and inline markers; fenced code and thematic breaks are exempt', () => {
    expect(markdownLimitHit('[a]: http://x\n'.repeat(MAX_LINK_DEFINITIONS))).toBeUndefined();
    expect(markdownLimitHit('[a]: http://x\n'.repeat(MAX_LINK_DEFINITIONS + 1))).toMatchObject({ kind: 'too-complex' });
    expect(markdownLimitHit('```\n' + '[a]: http://x\n'.repeat(MAX_LINK_DEFINITIONS + 1) + '```\n')).toBeUndefined();
    expect(markdownLimitHit('|a'.repeat(MAX_TABLE_COLUMNS) + '|\n' + '|-'.repeat(MAX_TABLE_COLUMNS) + '|\n')).toBeUndefined();
    expect(markdownLimitHit('|a'.repeat(MAX_TABLE_COLUMNS + 1) + '|\n' + '|-'.repeat(MAX_TABLE_COLUMNS + 1) + '|\n')).toMatchObject({ kind: 'too-complex' });
    expect(markdownLimitHit('|a|b|\n|-|-|\n' + '|1|2|\n'.repeat(MAX_TABLE_CELLS / 2))).toMatchObject({ kind: 'too-complex' });
    expect(markdownLimitHit('*'.repeat(300) + '\n\n' + '_ '.repeat(300))).toBeUndefined(); // thematic breaks
    expect(markdownLimitHit('a ' + '*'.repeat(MAX_DELIMITER_RUN + 1))).toMatchObject({ kind: 'too-complex' });
    expect(markdownLimitHit('[a] '.repeat(MAX_INLINE_MARKERS_PER_BLOCK / 2) + '\n\n' + '[a] '.repeat(MAX_INLINE_MARKERS_PER_BLOCK / 2))).toBeUndefined();
    expect(markdownLimitHit('[a] '.repeat(MAX_INLINE_MARKERS_PER_BLOCK / 2 + 1))).toMatchObject({ kind: 'too-complex' });
  });

  it('a CLAUDE.md longer than the service-doc limit is refused at once, naming its first line', () => {
    const unit = '## Port: 3001\n\nmana-auth answers on http://localhost:3001/health\n\n';
    // Parsing a doc at the limit takes seconds; a small one stands for "read".
    const read = docOf(unit.repeat(20)).out;
    expect(read.problems).toEqual([]);
    expect(read.bindings.length).toBeGreaterThan(0);
    const { out, ms } = docOf(unit.repeat(Math.floor(MAX_SERVICE_DOC_CHARS / unit.length) + 1));
    expect(out.bindings).toEqual([]);
    expect(out.problems).toEqual([expect.objectContaining({ ruleId: 'input/too-complex', location: expect.objectContaining({ file: 'services/mana-auth/CLAUDE.md', line: 1, column: 1 }) })]);
    expect(out.problems[0]!.message).toContain(`expected at most ${MAX_SERVICE_DOC_CHARS.toLocaleString('en-US')}`);
    expect(ms).toBeLessThan(1_000); // refused before parsing (parsing it takes seconds)
  });

  it('passes every registry and service doc fixture', () => {
    for (const path of fixtureDocs()) expect(markdownLimitHit(readFileSync(path, 'utf8')), path).toBeUndefined();
  });
});

function fixtureDocs(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md')) out.push(p);
    }
  };
  for (const dir of ['test/fixtures', 'examples']) walk(fileURLToPath(new URL(`../../${dir}`, import.meta.url)));
  return out;
}
