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

describe('URLs in docs are read as new URL reads them', () => {
  it('takes host and port after userinfo, never the password; a path or a default port is no reference', () => {
    const text = [
      '# api',
      '',
      'The database is `postgres://app:s3cret:5433@db:5432/app` and the cache `redis://:pw@cache:6379`.',
      'Docs live at http://docs/v1:3000 and the site at http://web:80/ and https://web:443.',
      'The API answers on http://localhost:3001.',
      '',
    ].join('\n');
    const { references, problems } = extractText(text, 'api');
    expect(references.map((r) => [r.target, r.port, at(r.location)])).toEqual([
      ['db', 5432, '3:48-3:52'],
      ['cache', 6379, '3:91-3:95'],
      ['localhost', 3001, '5:37-5:41'],
    ]);
    expect(problems).toEqual([]);
  });

  it('does not read localhost:3000.5 as 3000; it is reported without its text', () => {
    const { references, problems } = extractText('# api\n\nSee http://localhost:3000.5/x and `http://localhost:PORT`.\n', 'api');
    expect(references).toEqual([]);
    expect(problems.map((p) => [p.ruleId, at(p.location), p.message])).toEqual([
      ['input/invalid-port', '3:22-3:28', '`URL` in services/api/CLAUDE.md gives a port that is a number with a fraction, not a whole number; expected an integer from 1 to 65535.'],
    ]);
  });
});
