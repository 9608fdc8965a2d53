import { describe, expect, it } from 'vitest';
import { parseRegistry } from '../../src/extract/registry/index.js';
import { extractServiceDoc } from '../../src/extract/service-doc/index.js';
import { MAX_MARKDOWN_INDENT, tooDeepLine } from '../../src/extract/markdown-depth.js';
import { HostModel } from '../../src/model/hosts.js';
import { createLocator } from '../../src/model/location.js';
import { ServiceIndex } from '../../src/model/services.js';

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
