import { describe, expect, it } from 'vitest';
import { parseRegistry } from '../../../src/extract/registry/index.js';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseFixture, pos, repoRoot, triple } from './helpers.js';

describe('plan tables: bad rows', () => {
  it('reports a row with missing cells and still reads its port and service', () => {
    const { doc, problems } = parseFixture('malformed-table.md');
    const short = problems.filter((p) => p.ruleId === 'input/malformed-table');
    expect(short.map((p) => [p.location.line, p.location.column])).toEqual([
      [8, 1],
      [9, 1],
    ]);
    expect(short[0]!.message).toBe('Table row `3002 | mana-credits` has 2 of 4 cells; expected one per header (`Port | Service | Runtime | Description`).');
    expect(short[1]!.message).toContain('has an empty Port cell');
    // The fingerprint holds no line number: the same rows a line lower keep theirs.
    const lower = parseRegistry('test/fixtures/registry/malformed-table.md', `\n${readFileSync(resolve(repoRoot, 'test/fixtures/registry/malformed-table.md'), 'utf8')}`);
    expect(lower.problems.filter((p) => p.ruleId === 'input/malformed-table').map((p) => [p.location.line, p.fingerprint])).toEqual(short.map((p) => [p.location.line + 1, p.fingerprint]));
    // The short row still counts; the row without a port cannot, the row after it does.
    expect(doc.plan.map(triple)).toEqual(['plan mana-auth 3001', 'plan mana-credits 3002', 'plan mana-analytics 3005']);
    expect(doc.sections[0]!.rows.find((r) => r.portText === '3002')!.columns).toEqual({});
  });

  it('reports ports outside 1..65535 at the number, and keeps the good ports of a list', () => {
    const { doc, problems } = parseFixture('port-70000.md');
    const bad = problems.map((p) => [p.ruleId, p.location.line, p.location.column, p.location.endColumn]);
    expect(bad).toEqual([
      ['input/invalid-port', 8, 3, 8],
      ['input/invalid-port', 9, 3, 4],
      ['input/invalid-port', 10, 9, 14],
      ['input/invalid-port', 11, 3, 12],
    ]);
    expect(problems[0]!.message).toBe('A port of row `mana-huge | Out of range` is a 5-digit number above 65535; expected an integer from 1 to 65535.');
    expect(problems[3]!.message).toContain('runs backwards');
    expect(doc.plan.map(triple)).toEqual(['plan mana-auth 3001', 'plan mana-half 3008']);
    const rows = doc.sections[0]!.rows;
    expect(rows.map((r) => [r.portText, r.ports])).toEqual([
      ['3001', [3001]],
      ['70000', []],
      ['0', []],
      ['3008, 70001', [3008]],
      ['3009-3007', []],
    ]);
    expect(rows[4]!.isRange).toBe(true);
  });

  it('reports a Port cell that is not a number and reads the rows after it', () => {
    const { doc, problems } = parseFixture('non-numeric-port.md');
    expect(problems.map((p) => [p.ruleId, p.location.line, p.location.column, p.location.endColumn])).toEqual([
      ['input/invalid-port', 8, 3, 6],
      ['input/invalid-port', 9, 3, 7],
    ]);
    expect(problems[0]!.message).toBe(
      'The Port cell of row `mana-later | Not assigned yet` is 3 characters, not a port; expected a port (`3001`), a range (`3006-3009`) or a list (`3017, 3019`).',
    );
    expect(doc.plan.map(triple)).toEqual(['plan mana-auth 3001', 'plan mana-next 3003']);
    // The row is kept with its service, so rules still know the name exists.
    expect(doc.sections[0]!.rows[1]).toMatchObject({ portText: 'TBD', ports: [], service: 'mana-later' });
  });
});

describe('plan tables: headings and cells', () => {
  it('reads range headings written with an en dash, with and without a title', () => {
    const { doc, problems } = parseFixture('en-dash-heading.md');
    expect(problems).toEqual([]);
    expect(doc.sections.map((s) => [s.title, s.range])).toEqual([
      ['Core Platform Services', { start: 3000, end: 3009 }],
      ['', { start: 3010, end: 3019 }],
    ]);
    const reserved = doc.sections[0]!.rows[1]!;
    expect(reserved).toMatchObject({ portText: '3006–3009', ports: [3006, 3007, 3008, 3009], reserved: true, isRange: true });
  });

  it('expands a list cell into one binding per port, each at its own number', () => {
    const { doc } = parseFixture('en-dash-heading.md');
    const pair = doc.plan.filter((b) => b.service === 'mana-pair');
    expect(pair.map((b) => `${b.port}@${pos(b)}`)).toEqual(['3017@15:3-7', '3019@15:9-13']);
    expect(doc.sections[1]!.rows[1]!.isRange).toBe(false);
  });

  it('gives sections without a range and ignores tables without a Port column', () => {
    const { doc, problems } = parseFixture('section-without-range.md');
    expect(problems).toEqual([]);
    expect(doc.sections.map((s) => [s.title, s.range, s.rows.length])).toEqual([
      ['Principles', undefined, 0],
      ['SearXNG (Internal Only)', undefined, 1],
      ['Owners', undefined, 0],
    ]);
    expect(doc.plan.map(triple)).toEqual(['plan searxng 8080']);
    expect(doc.aspirational).toBe(false);
  });

  it('puts a table that precedes every ## heading into an untitled section', () => {
    const { doc } = parseRegistry('docs/PORT_SCHEMA.md', '| Port | Service |\n|---|---|\n| 3001 | mana-auth |\n\n## Later\n');
    expect(doc.sections.map((s) => [s.title, s.rows.length])).toEqual([
      ['', 1],
      ['Later', 0],
    ]);
    expect(doc.plan.map(triple)).toEqual(['plan mana-auth 3001']);
  });
});

describe('plan tables read Port cells as ASCII digits', () => {
  it.each([
    ['3_000', 'is a number with `_` separators, which text does not allow'],
    ['３０００', 'is 4 digits that are not ASCII 0-9'],
    ['3000.5', 'is a number with a fraction, not a whole number'],
  ])('a Port cell `%s` is reported without its text, never read as port 3 or 3000', (value, what) => {
    const { doc, problems } = parseRegistry('docs/PORT_SCHEMA.md', `# Ports\n\n| Port | Service |\n|---|---|\n| ${value} | mana-x |\n| 3001 | mana-y |\n`);
    expect(doc.plan.map((b) => [b.service, b.port])).toEqual([['mana-y', 3001]]);
    expect(problems.map((p) => [p.ruleId, p.location.line, p.message])).toEqual([
      ['input/invalid-port', 5, `The Port cell of row \`mana-x\` ${what}; expected a port (\`3001\`), a range (\`3006-3009\`) or a list (\`3017, 3019\`).`],
    ]);
  });
});
