import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRegistry } from '../../../src/extract/registry/index.js';
import { ServiceIndex } from '../../../src/core/services.js';
import { needsShared } from '../../support/shared.js';
import { pos, seedDir, triple } from './helpers.js';

const seed = needsShared('seed/PORT_SCHEMA.md');
const seedAndCopy = needsShared('seed/PORT_SCHEMA.md', 'seed/PORT_SCHEMA.lossy.md');

const read = (name: string) => readFileSync(resolve(seedDir, name), 'utf8');

describe('the seed registry (../shared/seed/PORT_SCHEMA.md)', seed, () => {
  const { doc, problems } = !seed.skip ? parseRegistry('docs/PORT_SCHEMA.md', read('PORT_SCHEMA.md')) : ({} as never);
  const plan = (service: string) => doc.plan.filter((b) => b.service === service).map((b) => b.port);
  const rows = () => doc.sections.flatMap((s) => s.rows);

  it('reads without input problems and calls itself aspirational', () => {
    expect(problems).toEqual([]);
    expect(doc.aspirational).toBe(true);
  });

  it('finds the range sections in order, and the sections without a range', () => {
    const ranged = doc.sections.filter((s) => s.range).map((s) => `${s.range!.start}-${s.range!.end}`);
    expect(ranged).toEqual(['3000-3009', '3010-3019', '3020-3029', '3030-3059', '4000-4099', '5000-5059', '5050-5059', '5100-5199', '8000-8099', '9000-9199']);
    const plain = doc.sections.filter((s) => !s.range).map((s) => s.title);
    expect(plain).toEqual(['Principles', 'SearXNG (Internal Only)', 'Adding a New Service']);
    const core = doc.sections.find((s) => s.range?.start === 3000)!;
    expect(core.title).toBe('Core Platform Services');
    expect(core.location).toMatchObject({ line: 55, column: 1 });
  });

  it('makes plan bindings for service rows, on the plan host', () => {
    expect(plan('mana-credits')).toEqual([3002]);
    expect(plan('chat-server')).toEqual([3030]);
    expect(plan('postgres')).toEqual([5432]);
    expect(plan('minio')).toEqual([9000, 9001]);
    expect(plan('searxng')).toEqual([8080]);
    expect(new Set(doc.plan.map((b) => `${b.host}/${b.kind}/${b.source}/${b.strength}/${b.via}`))).toEqual(new Set(['plan/registry-plan/registry/declaration/plan table']));
    // 67 rows name a service; reserved rows bind nothing.
    expect(doc.plan).toHaveLength(67);
  });

  it('places plan bindings on the exact port digits', () => {
    expect(pos(doc.plan.find((b) => b.service === 'mana-credits'))).toBe('60:3-7');
    expect(pos(doc.plan.find((b) => b.port === 9001))).toBe('170:3-7');
  });

  it('marks the reserved ranges as reserved rows with expanded ports and no service', () => {
    const reserved = rows().filter((r) => r.reserved);
    expect(reserved.map((r) => r.portText)).toEqual(['3006-3009', '3017-3019', '3025-3029', '3041-3059', '5030-5049']);
    for (const r of reserved) {
      expect(r.isRange).toBe(true);
      expect(r.service).toBeUndefined();
    }
    expect(reserved[0]!.ports).toEqual([3006, 3007, 3008, 3009]);
    expect(reserved[0]!.location).toMatchObject({ line: 64, column: 3, endColumn: 12 });
    expect(doc.plan.some((b) => b.port === 3007 || b.port === 5040)).toBe(false);
  });

  it('reads the Corresponds to Server column', () => {
    const chat = rows().find((r) => r.portText === '5010')!;
    expect(chat.service).toBe('chat-web');
    expect(chat.correspondsTo).toMatchObject({ port: 3030, service: 'chat-server', location: { line: 121, column: 21, endColumn: 25 } });
    expect(chat.columns).toEqual({ 'Corresponds to Server': '3030 chat-server' });
    expect(rows().find((r) => r.portText === '5013')!.correspondsTo).toBeUndefined();
    expect(rows().find((r) => r.portText === '5000')!.correspondsTo).toBeUndefined();
  });

  it('keeps the other columns by header text', () => {
    expect(rows().find((r) => r.portText === '3001')!.columns).toEqual({ Runtime: 'Hono/Bun', Description: 'Authentication, JWT, sessions' });
  });

  it('reads the two host labels of the Real ports today list', () => {
    expect(doc.hosts.map((h) => [h.id, h.label, h.addresses])).toEqual([
      ['windows-gpu-server', 'Windows GPU server', ['192.168.178.11']],
      ['mac-mini', 'Mac Mini (production)', []],
    ]);
    expect(doc.hosts[0]!.location).toMatchObject({ line: 11, column: 3 });
  });

  it('reads every actual binding, per host, and nothing from history prose', () => {
    expect(doc.actual.map(triple)).toEqual([
      'windows-gpu-server mana-stt 3020',
      'windows-gpu-server mana-tts 3022',
      'windows-gpu-server mana-image-gen 3023',
      'windows-gpu-server mana-llm 3025',
      'windows-gpu-server mana-video-gen 3026',
      'windows-gpu-server Ollama 11434',
      'mac-mini mana-auth 3001',
      'mac-mini mana-media 3015',
      'mac-mini mana-search 3021',
      'mac-mini mana-crawler 3023',
      'mac-mini mana-notify 3040',
      'mac-mini mana-sync 3050',
      'mac-mini mana-credits 3061',
      'mac-mini mana-user 3062',
      'mac-mini mana-subscriptions 3063',
      'mac-mini mana-analytics 3064',
      'mac-mini mana-events 3065',
      'not-deployed mana-voice-bot 3024',
    ]);
    expect(doc.actual.some((b) => b.service === 'mana-voice-bot' && b.port === 3050)).toBe(false);
    expect(doc.actual.some((b) => b.service === 'mana-image-gen' && b.port === 3026)).toBe(false);
  });

  it('locates actual ports exactly, also on wrapped lines', () => {
    const at = (s: string) => pos(doc.actual.find((b) => b.service === s));
    expect(at('mana-credits')).toBe('27:19-23');
    expect(at('mana-subscriptions')).toBe('27:64-68');
    expect(at('mana-analytics')).toBe('28:21-25');
    expect(at('mana-voice-bot')).toBe('30:53-57');
    expect(at('Ollama')).toBe('17:13-18');
  });

  it('reads the dated lines, the Real ports today date included', () => {
    expect(doc.dates.map((d) => [d.label, d.date, d.location.line, d.location.column])).toEqual([
      ['Real ports today', '2026-04-08', 9, 25],
      ['Originally drafted', '2026-03-28', 45, 25],
      ['Reality reconciled', '2026-04-08', 46, 25],
    ]);
  });

  it('canonicalises service names through the service index', () => {
    const services = new ServiceIndex({ 'mana-credits': 'credits', ollama: 'ollama' });
    const again = parseRegistry('docs/PORT_SCHEMA.md', read('PORT_SCHEMA.md'), services).doc;
    expect(again.plan.find((b) => b.port === 3002)!.service).toBe('credits');
    expect(again.actual.find((b) => b.port === 3061)!.service).toBe('credits');
    expect(again.actual.find((b) => b.port === 11434)!.service).toBe('ollama');
  });
});

describe('the lossy copy (blank lines, indentation and en dashes lost)', seedAndCopy, () => {
  const original = !seedAndCopy.skip ? parseRegistry('docs/PORT_SCHEMA.md', read('PORT_SCHEMA.md')) : ({} as never);
  const lossy = !seedAndCopy.skip ? parseRegistry('docs/PORT_SCHEMA.lossy.md', read('PORT_SCHEMA.lossy.md')) : ({} as never);

  it('gives the same plan and actual bindings as the original', () => {
    expect(lossy.doc.plan.map(triple)).toEqual(original.doc.plan.map(triple));
    expect(lossy.doc.actual.map(triple)).toEqual(original.doc.actual.map(triple));
    expect(lossy.problems).toEqual([]);
  });

  it('gives the same hosts, sections, dated lines and aspirational flag', () => {
    const host = (h: { id: string; label: string; addresses: string[] }) => [h.id, h.label, h.addresses];
    expect(lossy.doc.hosts.map(host)).toEqual(original.doc.hosts.map(host));
    expect(lossy.doc.dates.map((d) => [d.label, d.date])).toEqual(original.doc.dates.map((d) => [d.label, d.date]));
    expect(lossy.doc.sections.map((s) => [s.title, s.range, s.rows.length])).toEqual(original.doc.sections.map((s) => [s.title, s.range, s.rows.length]));
    expect(lossy.doc.aspirational).toBe(true);
  });

  it('locates the swallowed dated lines and unindented wrapped entries in the lossy text', () => {
    expect(lossy.doc.dates.find((d) => d.label === 'Reality reconciled')!.location).toMatchObject({ line: 44, column: 25 });
    expect(pos(lossy.doc.actual.find((b) => b.service === 'mana-analytics'))).toBe('27:19-23');
  });
});
