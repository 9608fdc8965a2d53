import { describe, expect, it } from 'vitest';
import { parseRegistry } from '../../../src/extract/registry/index.js';
import { parseFixture, pos, triple } from './helpers.js';

/** A registry whose blockquote holds `body` (lines without the `> ` prefix). */
function quoted(...body: string[]) {
  const text = ['# Ports', '', ...['### Real ports today (2026-05-01)', '', ...body].map((l) => (l ? `> ${l}` : '>')), ''].join('\n');
  return parseRegistry('docs/PORT_SCHEMA.md', text);
}

describe('the Real ports today blockquote', () => {
  it('reads host labels with an address, with a qualifier, and several addresses', () => {
    const { doc } = quoted('**GPU box (`10.0.0.5`, gpu.lan):**', '- a `3001`', '', '**Mac Mini (production):**', '- b `3002`', '', '**Edge (eu-west)**:', '- c `3003`');
    expect(doc.hosts.map((h) => [h.id, h.label, h.addresses])).toEqual([
      ['gpu-box', 'GPU box', ['10.0.0.5', 'gpu.lan']],
      ['mac-mini', 'Mac Mini (production)', []],
      ['edge', 'Edge (eu-west)', []],
    ]);
    expect(doc.actual.map(triple)).toEqual(['gpu-box a 3001', 'mac-mini b 3002', 'edge c 3003']);
    expect(doc.hosts[0]!.location).toMatchObject({ line: 5, column: 3, endColumn: 37 });
  });

  it('reads several pairs in one bullet, wrapped over lines, at exact positions', () => {
    const { doc } = quoted('**Mac Mini:**', '- mana-credits `3061`, mana-user `3062`,', '  mana-events `3065`; svc.v2 `3066` and other-svc `3067`');
    expect(doc.actual.map((b) => `${triple(b)}@${pos(b)}`)).toEqual([
      'mac-mini mana-credits 3061@6:19-23',
      'mac-mini mana-user 3062@6:37-41',
      'mac-mini mana-events 3065@7:18-22',
      'mac-mini svc.v2 3066@7:33-37',
      'mac-mini other-svc 3067@7:54-58',
    ]);
  });

  it('binds a Not deployed entry to the not-deployed host, through "default port"', () => {
    const { doc } = quoted('**Not deployed:** `mana-voice-bot` (default port `3024`, no plist), `mana-x` (port `3099`).');
    expect(doc.actual.map(triple)).toEqual(['not-deployed mana-voice-bot 3024', 'not-deployed mana-x 3099']);
    expect(doc.hosts).toEqual([]);
  });

  it('takes no ports from parenthesised notes, plain numbers or sentences', () => {
    const { doc } = quoted(
      '**Box:**',
      '- svc-a `3001` (was `3002`, public: `a.example.com`, backup `3003`)',
      '- svc-b 3004 (a plain number is prose)',
      '- Moving svc-c from `3005` to `3006`',
      '- svc-d uses `3007`',
    );
    expect(doc.actual.map(triple)).toEqual(['box svc-a 3001']);
  });

  it('treats bullets after a prose paragraph as history', () => {
    const { doc } = quoted('**Box:**', '- svc-a `3001`', '', 'The old collisions were resolved by:', '- svc-b `3002`', '- Moving `svc-c` to port `3003`');
    expect(doc.actual.map(triple)).toEqual(['box svc-a 3001']);
  });

  it('does not take a dated bold line for a host label', () => {
    const { doc } = quoted('**Checked:** 2026-05-02', '- svc-a `3001`');
    expect(doc.hosts).toEqual([]);
    expect(doc.actual).toEqual([]);
    expect(doc.dates.map((d) => [d.label, d.date])).toEqual([
      ['Real ports today', '2026-05-01'],
      ['Checked', '2026-05-02'],
    ]);
  });

  it('reports an actual port above 65535 at the number', () => {
    const { doc, problems } = quoted('**Box:**', '- svc-a `70000`', '- svc-b `3002`');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ ruleId: 'input/invalid-port', location: { line: 6, column: 12, endColumn: 17 } });
    expect(problems[0]!.message).toBe('The real port of `svc-a` on host `box` is a 5-digit number above 65535; expected an integer from 1 to 65535.');
    expect(doc.actual.map(triple)).toEqual(['box svc-b 3002']);
  });

  it('ignores blockquotes without the marker', () => {
    const { doc } = parseRegistry('x.md', '> **Box:**\n> - svc-a `3001`\n');
    expect(doc.actual).toEqual([]);
    expect(doc.hosts).toEqual([]);
  });

  it('gives no actual bindings and no hosts for a registry without a blockquote', () => {
    const { doc, problems } = parseFixture('no-blockquote.md');
    expect(problems).toEqual([]);
    expect(doc.actual).toEqual([]);
    expect(doc.hosts).toEqual([]);
    // "aspirational" appears only in a row description, after the first range heading.
    expect(doc.aspirational).toBe(false);
    expect(doc.plan.map(triple)).toEqual(['plan mana-auth 3001', 'plan mana-credits 3002']);
    expect(doc.dates).toEqual([{ label: 'Reality reconciled', date: '2026-04-08', location: { file: 'test/fixtures/registry/no-blockquote.md', line: 5, column: 25, endLine: 5, endColumn: 35 } }]);
  });
});

describe('a bad value in the Real ports list is reported, never dropped', () => {
  it.each([
    ['3_000', 'is a number with `_` separators, which text does not allow'],
    ['３０００', 'is 4 digits that are not ASCII 0-9'],
    ['3000.5', 'is a number with a fraction, not a whole number'],
    ['0', 'is zero'],
  ])('`%s` after a name becomes input/invalid-port naming file and line', (value, what) => {
    const { doc, problems } = quoted('**Box:**', `- svc-a \`${value}\``, '- svc-b `3002`');
    expect(problems.map((p) => [p.ruleId, p.location.file, p.location.line, p.message])).toEqual([
      ['input/invalid-port', 'docs/PORT_SCHEMA.md', 6, `The real port of \`svc-a\` on host \`box\` ${what}; expected an integer from 1 to 65535.`],
    ]);
    expect(problems[0]!.message).not.toContain(value === '0' ? '`0`' : value);
    expect(doc.actual.map(triple)).toEqual(['box svc-b 3002']);
  });

  it('still takes no number from prose or notes', () => {
    const { problems } = quoted('**Box:**', '- svc-a `3001` (was `3_000`, version `1.2`)', '- svc-b runs node `20.1` today');
    expect(problems).toEqual([]);
  });
});
