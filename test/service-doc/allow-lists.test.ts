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
