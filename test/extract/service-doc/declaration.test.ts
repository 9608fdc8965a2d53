import { describe, expect, it } from 'vitest';
import { HostModel } from '../../../src/core/hosts.js';
import { serviceDocExtractor } from '../../../src/extract/service-doc/index.js';
import { extractFixture, extractText } from './helpers.js';

const at = (l: { line: number; column: number; endLine: number; endColumn: number }) => `${l.line}:${l.column}-${l.endLine}:${l.endColumn}`;

describe('service-doc declarations', () => {
  it('binds `## Port: 3024` as a declaration on dev, at the digits', () => {
    const { bindings, problems } = extractFixture('heading', 'mana-voice-bot');
    expect(problems).toEqual([]);
    expect(bindings).toHaveLength(1);
    const [b] = bindings;
    expect(b).toMatchObject({ service: 'mana-voice-bot', port: 3024, host: 'dev', kind: 'service-doc', source: 'claude-md', strength: 'declaration', via: '## Port:' });
    expect(b?.location).toEqual({ file: 'services/mana-voice-bot/CLAUDE.md', line: 5, column: 10, endLine: 5, endColumn: 14 });
  });

  it('reads a heading with trailing text `## Port: 3024 (dev)`', () => {
    const { bindings } = extractFixture('heading-trailing', 'mana-voice-bot');
    expect(bindings.map((b) => [b.port, b.host, at(b.location)])).toEqual([[3024, 'dev', '3:10-3:14']]);
  });

  it('reads `- **Port:** 3021` in a list and ignores the other bold labels', () => {
    const { bindings } = extractFixture('bold-colon-inside', 'mana-search');
    expect(bindings.map((b) => [b.port, b.strength, b.via, at(b.location)])).toEqual([[3021, 'declaration', '**Port:**', '6:13-6:17']]);
  });

  it('reads `- **Port**: 3021` with the colon after the bold label', () => {
    const { bindings } = extractFixture('bold-colon-outside', 'mana-search');
    expect(bindings.map((b) => [b.port, b.strength, b.via, at(b.location)])).toEqual([[3021, 'declaration', '**Port**:', '4:13-4:17']]);
  });

  it('puts `(production)` on the host labelled production and a named host on that host', () => {
    const { bindings } = extractFixture('production-qualifier', 'mana-media');
    expect(bindings.map((b) => [b.port, b.host, at(b.location)])).toEqual([
      [3015, 'mac-mini', '3:11-3:15'],
      [3011, 'dev', '5:11-5:15'],
      [3023, 'windows-gpu-server', '7:32-7:36'],
      // `(staging)` names no known host: the statement stays on the doc's default host.
      [3099, 'dev', '9:11-9:15'],
    ]);
  });

  it('resolves a qualifier that is a host address', () => {
    const { bindings } = extractText('**Port:** 3023 (192.168.178.11)\n');
    expect(bindings[0]?.host).toBe('windows-gpu-server');
  });

  it('leaves `(production)` on the default host when no host is labelled production', () => {
    const hosts = new HostModel([{ id: 'mac-mini', label: 'Mac Mini', aliases: [], addresses: [] }]);
    const { bindings } = extractText('**Port:** 3015 (production)\n', 'svc', { hosts });
    expect(bindings[0]?.host).toBe('dev');
  });

  it('uses the file host as the default host', () => {
    const { bindings } = extractText('## Port: 3040\n', 'svc', { host: 'mac-mini' });
    expect(bindings[0]?.host).toBe('mac-mini');
  });

  it('reads a port in backticks and a plain `Port:` paragraph', () => {
    const text = '**Port:** `3040`\n\nPort: 3041\n';
    const { bindings } = extractText(text);
    expect(bindings.map((b) => [b.port, b.via, at(b.location)])).toEqual([
      [3040, '**Port:**', '1:12-1:16'],
      [3041, 'Port:', '3:7-3:11'],
    ]);
  });

  it('reads a qualifier inside the label `## Port (dev): 3024`', () => {
    const { bindings } = extractText('## Port (Mac Mini): 3024\n');
    expect(bindings.map((b) => [b.port, b.host, at(b.location)])).toEqual([[3024, 'mac-mini', '1:21-1:25']]);
  });

  it('makes no bindings without a service but keeps the references', () => {
    const { bindings, references } = extractText('**Port:** 3030\n\nSee http://localhost:3001.\n', null);
    expect(bindings).toEqual([]);
    expect(references.map((r) => [r.target, r.port, r.fromService])).toEqual([['localhost', 3001, undefined]]);
  });

  it('accepts only files named CLAUDE.md', () => {
    expect(serviceDocExtractor.accepts('services/mana-auth/CLAUDE.md')).toBe(true);
    expect(serviceDocExtractor.accepts('services/mana-auth/README.md')).toBe(false);
    expect(serviceDocExtractor.accepts('services/mana-auth/docs/CLAUDE.md.bak')).toBe(false);
    expect(serviceDocExtractor.id).toBe('claude-md');
  });
});
