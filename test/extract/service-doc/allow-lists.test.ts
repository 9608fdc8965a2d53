import { describe, expect, it } from 'vitest';
import { extractText } from './helpers.js';

const targets = (text: string) => extractText(text).references.map((r) => `${r.location.line} ${r.target}:${r.port}`);

describe('service-doc: allow lists, listen and wildcard addresses are no references', () => {
  it('skips an env table row whose variable is an allow list or a listen address', () => {
    const text = [
      '| Variable | Default |',
      '| --- | --- |',
      '| `CORS_ORIGINS` | `http://localhost:5173,http://localhost:3000` |',
      '| `WEBAUTHN_RP_ORIGIN` | `http://localhost:5180` |',
      '| `LISTEN_ADDR` | `127.0.0.1:3100` |',
      '| `MANA_AUTH_URL` | `http://localhost:3001` |',
      '',
    ].join('\n');
    expect(targets(text)).toEqual(['6 localhost:3001']);
  });

  it('skips URLs in the value of an allow-list setting in a code block, and wildcard addresses', () => {
    const text = [
      '```sh',
      'CORS_ORIGINS=http://localhost:5173,http://localhost:5174 MANA_AUTH_URL=http://localhost:3001',
      'ALLOWED_HOSTS=localhost:4000,localhost:4001',
      'curl http://0.0.0.0:3100/health',
      '```',
      '',
      '```yaml',
      'allowed_origins: ["http://localhost:5175", "http://localhost:5176"]',
      'auth_url: "http://mana-auth:3001"',
      '```',
      '',
    ].join('\n');
    expect(targets(text)).toEqual(['2 localhost:3001', '9 mana-auth:3001']);
  });
});

describe('service-doc: setting names are read in linear time', () => {
  it('a line of a quarter megabyte (the largest doc read) of settings and list items neither throws nor stalls', () => {
    const started = performance.now();
    const list = '```sh\nCORS_ORIGINS=' + 'http://localhost:3000,'.repeat(10_000) + ' MANA_AUTH_URL=http://localhost:3001\n```\n';
    expect(targets(list)).toEqual(['2 localhost:3001']);
    const settings = '`' + 'a= '.repeat(20_000) + 'http://localhost:3002`\n';
    expect(targets(settings)).toEqual(['1 localhost:3002']);
    const words = '`' + 'x'.repeat(250_000) + '=http://localhost:3003`\n';
    expect(targets(words)).toEqual(['1 localhost:3003']);
    expect(performance.now() - started).toBeLessThan(20_000); // hang guard, not a benchmark
  });
});
