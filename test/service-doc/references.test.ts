import { describe, expect, it } from 'vitest';
import { extractFixture, extractText } from './helpers.js';

const at = (l: { line: number; column: number; endLine: number; endColumn: number }) => `${l.line}:${l.column}-${l.endLine}:${l.endColumn}`;

describe('service-doc references', () => {
  it('turns link URLs, prose URLs, inline code and code URLs into references from the service', () => {
    const { bindings, references } = extractFixture('references', 'chat-server');
    expect(bindings.map((b) => b.port)).toEqual([3030]);
    expect(references.map((r) => [r.kind, r.target, r.port, at(r.location)])).toEqual([
      ['url', 'mana-credits', 3061, '5:42-5:46'],
      ['url', 'localhost', 3001, '6:43-6:47'],
      // The service's own port on localhost is still a reference; the rules decide.
      ['url', 'localhost', 3030, '8:25-8:29'],
      ['env-var', 'mana-sync', 3050, '11:30-11:34'],
      ['url', 'mana-search', 3021, '12:25-12:29'],
    ]);
    for (const r of references) expect(r).toMatchObject({ fromService: 'chat-server', host: 'dev', source: 'claude-md' });
  });

  it('makes env-table *_URL rows env-var references and ignores DATABASE_PORT', () => {
    const { references } = extractFixture('env-table', 'mana-user');
    expect(references.map((r) => [r.kind, r.target, r.port, at(r.location)])).toEqual([
      ['env-var', 'localhost', 5432, '8:52-8:56'],
      ['env-var', 'localhost', 3001, '9:39-9:43'],
      ['env-var', 'redis', 6379, '10:18-10:22'],
    ]);
  });

  it('reads `MANA_AUTH_URL=http://localhost:3001` in a code block as an env-var reference', () => {
    const { references } = extractFixture('code-port-assign', 'mana-user');
    expect(references.map((r) => [r.kind, r.target, r.port, at(r.location)])).toEqual([['env-var', 'localhost', 3001, '8:32-8:36']]);
  });

  it('keeps bare host:port pairs only for loopback names and known services, never image tags', () => {
    const text = '`localhost:3001`, `mana-sync:3050`, `somehost:8080`, `postgres:16`, `127.0.0.1:3062`\n';
    const { references } = extractText(text);
    expect(references.map((r) => [r.target, r.port])).toEqual([
      ['localhost', 3001],
      ['mana-sync', 3050],
      ['127.0.0.1', 3062],
    ]);
  });

  it('reads a bracketed IPv6 URL', () => {
    const { references } = extractText('Probe `http://[::1]:3001/health`.\n');
    expect(references.map((r) => [r.target, r.port, at(r.location)])).toEqual([['::1', 3001, '1:21-1:25']]);
  });
});
