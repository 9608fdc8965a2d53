import { describe, expect, it } from 'vitest';
import { parseRegistry } from '../../../src/extract/registry/index.js';
import { findPortPairs } from '../../../src/extract/registry/port-pairs.js';
import type { InlineToken } from '../../../src/extract/registry/inline-tokens.js';
import { parseFixture, pos, triple } from './helpers.js';
import { fingerprint } from '../../../src/core/finding.js';

const at = (b: Parameters<typeof triple>[0]) => `${triple(b)}@${pos(b)}`;

describe('Real ports today bullets with a separator between name and port', () => {
  it('binds `name`: `port`, name — `port`, name → `port`, name: `port` and the other separators, at the port digits', () => {
    const { doc, problems } = parseFixture('separator-bullets.md');
    expect(problems).toEqual([]);
    expect(doc.actual.map(at)).toEqual([
      'mac-mini alpha 3009@6:15-19',
      'mac-mini beta 3008@7:13-17',
      'mac-mini gamma 3007@8:14-18',
      'mac-mini delta 3006@9:13-17',
      'mac-mini epsilon 3005@10:16-20',
      'mac-mini zeta 3004@11:13-17',
      'mac-mini eta 3003@12:12-16',
      'mac-mini theta 3002@13:12-16',
    ]);
  });

  it('binds nothing from prose, nor when a word stands between the separator and the port', () => {
    const { doc } = parseFixture('separator-bullets.md');
    expect(doc.actual.some((b) => b.service === 'mana-voice-bot' || b.port === 3050 || b.port === 3024)).toBe(false);
    expect(doc.actual.some((b) => b.service === 'iota' || b.port === 3001)).toBe(false);
  });

  it('allows one separator only, and only right after the name that opens the entry', () => {
    const code = (value: string, start: number): InlineToken => ({ kind: 'code', value, start, end: start + value.length });
    const word = (text: string): InlineToken => ({ kind: 'word', text });
    expect(findPortPairs([word('svc'), word(':'), word('→'), code('3001', 10)])).toEqual([]);
    expect(findPortPairs([word('Moving'), word('svc'), word('→'), code('3001', 10)])).toEqual([]);
    expect(findPortPairs([word('svc'), word('->'), code('3001', 10)])).toEqual([{ name: 'svc', port: 3001, text: '3001', start: 10, end: 14 }]);
    // A hyphen at the end of a name is part of it; only the separators listed strip off.
    expect(findPortPairs([word('svc-'), code('3001', 10)])).toEqual([{ name: 'svc-', port: 3001, text: '3001', start: 10, end: 14 }]);
  });

  it('reports an out-of-range port after a separator at the number', () => {
    const text = '> ### Real ports today\n>\n> **Box:**\n> - svc-a: `70000`\n> - svc-b → `3002`\n';
    const { doc, problems } = parseRegistry('docs/PORT_SCHEMA.md', text);
    expect(problems.map((p) => [p.ruleId, p.location.line, p.location.column, p.location.endColumn])).toEqual([['input/invalid-port', 4, 13, 18]]);
    expect(doc.actual.map(at)).toEqual(['box svc-b 3002@5:14-18']);
  });
});

describe('Real ports today layouts beside the blockquote', () => {
  it('reads a plain ## section with bold host labels, up to the next ## heading', () => {
    const { doc, problems } = parseFixture('plain-section.md');
    expect(problems).toEqual([]);
    expect(doc.actual.map(at)).toEqual(['gpu-box mana-stt 3020@6:13-17', 'gpu-box mana-tts 3022@7:14-18', 'mac-mini mana-auth 3001@10:14-18']);
    expect(doc.hosts.map((h) => [h.id, h.addresses, h.location?.line, h.location?.column])).toEqual([
      ['gpu-box', ['10.0.0.5'], 5, 1],
      ['mac-mini', [], 9, 1],
    ]);
    expect(doc.dates.map((d) => [d.label, d.date, d.location.line, d.location.column])).toEqual([['Real ports today', '2026-05-01', 3, 22]]);
    // Bullets after a sub-heading or after the section belong to no host group.
    expect(doc.actual.some((b) => b.port === 3090 || b.port === 3099)).toBe(false);
    expect(doc.plan.map(triple)).toEqual(['plan mana-auth 3001']);
  });

  it('reads host labels written as list items, with nested bullets and entries after the label', () => {
    const { doc, problems } = parseFixture('list-labels.md');
    expect(problems).toEqual([]);
    expect(doc.actual.map(at)).toEqual(['prod mana-auth 3001@6:18-22', 'prod mana-sync 3050@7:19-23', 'gpu mana-llm 3025@8:37-41', 'gpu mana-stt 3020@9:17-21']);
    expect(doc.hosts.map((h) => [h.id, h.label, h.addresses, h.location?.line, h.location?.column])).toEqual([
      ['prod', 'Prod', [], 5, 5],
      ['gpu', 'GPU', ['10.0.0.5'], 8, 5],
    ]);
    // A labelled item is its own group: the unlabelled item after it binds nothing.
    expect(doc.actual.some((b) => b.service === 'mana-stray')).toBe(false);
  });

  it('reads every Real ports today blockquote, with each marker date, and records a host once', () => {
    const { doc, problems } = parseFixture('two-blocks.md');
    expect(problems).toEqual([]);
    expect(doc.actual.map(at)).toEqual(['mac-mini mana-auth 3001@6:16-20', 'gpu-box mana-llm 3025@13:15-19', 'mac-mini mana-sync 3050@16:16-20']);
    expect(doc.hosts.map((h) => h.id)).toEqual(['mac-mini', 'gpu-box']);
    expect(doc.dates.map((d) => [d.date, d.location.line, d.location.column])).toEqual([
      ['2026-05-01', 3, 25],
      ['2026-05-02', 10, 23],
    ]);
  });

  it('does not read a marker blockquote inside a Real ports today section twice', () => {
    const text = '## Real ports today\n\n**Box:**\n- svc-a `3001`\n\n> ### Real ports today\n>\n> **Edge:**\n> - svc-b `3002`\n';
    const { doc } = parseRegistry('docs/PORT_SCHEMA.md', text);
    expect(doc.actual.map(triple)).toEqual(['box svc-a 3001']);
  });
});

describe('a Real ports today marker with nothing readable after it', () => {
  it('reports input/unread-real-ports at the marker, per block, naming the line and the expected form', () => {
    const { doc, problems } = parseFixture('unread-real-ports.md');
    expect(doc.actual).toEqual([]);
    expect(problems.map((p) => [p.ruleId, p.location.line, p.location.column, p.location.endLine, p.location.endColumn])).toEqual([
      ['input/unread-real-ports', 3, 3, 3, 36],
      ['input/unread-real-ports', 8, 1, 8, 20],
    ]);
    expect(problems[0]!.message).toBe(
      'Found the marker `Real ports today (2026-05-01)` on line 3 but no `name `port`` entry after it; expected bold host labels (`**Mac Mini:**`, or `- **Mac Mini:**` as a list item) each followed by bullets like `- mana-auth `3001``, so no real port was read from this block.',
    );
    // The key holds neither the line nor the marker date, so a dated update keeps the fingerprint.
    expect(problems[0]!.fingerprint).toBe(fingerprint('input/unread-real-ports', 'test/fixtures/registry/unread-real-ports.md|real-ports:Real ports today:1'));
    expect(problems[1]!.fingerprint).toBe(fingerprint('input/unread-real-ports', 'test/fixtures/registry/unread-real-ports.md|real-ports:Real ports today:2'));
    // Every table with a Port column is a plan table, the one under the marker too (line 12);
    // the range table after the unread section is still read (line 18).
    expect(doc.plan.map((b) => `${triple(b)}@${b.location.line}`)).toEqual(['plan mana-auth 3001@12', 'plan mana-auth 3001@18']);
  });

  it('reports a marker followed by nothing at all, and not one whose only entry is an invalid port', () => {
    const empty = parseRegistry('docs/PORT_SCHEMA.md', '> ### Real ports today\n');
    expect(empty.problems.map((p) => [p.ruleId, p.location.line, p.location.column])).toEqual([['input/unread-real-ports', 1, 3]]);
    const bad = parseRegistry('docs/PORT_SCHEMA.md', '> ### Real ports today\n> **Box:**\n> - svc `70000`\n');
    expect(bad.problems.map((p) => p.ruleId)).toEqual(['input/invalid-port']);
  });

  it('does not take prose mentioning Real ports today outside a blockquote for a marker', () => {
    const { problems, doc } = parseRegistry('docs/PORT_SCHEMA.md', 'See the Real ports today list.\n\n- svc `3001`\n');
    expect(problems).toEqual([]);
    expect(doc.actual).toEqual([]);
  });
});
