import { describe, expect, it } from 'vitest';
import { composeExtractor } from '../../../src/extract/deploy/compose.js';
import { parseDotenv } from '../../../src/collect/dotenv.js';
import { dotenvExtractor } from '../../../src/extract/deploy/dotenv.js';
import type { ExtractContext } from '../../../src/extract/extractor.js';
import { createLocator } from '../../../src/core/location.js';
import { HostModel } from '../../../src/core/hosts.js';
import { ServiceIndex } from '../../../src/core/services.js';
import type { Extraction } from '../../../src/core/statements.js';
import { refs, run } from './helpers.js';

const TOKEN = 'ghs_0123456789abcdefghijklmnopqrstuvwxyzAB';
const BASIC = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');
/** What actions/checkout leaves in `.git/config`; a root `.env` that links there reads it as dotenv. */
const GIT_CONFIG = `[core]\n\trepositoryformatversion = 0\n[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic ${BASIC}\n`;

/** Extracts a compose file with the root `.env` given as text, as src/extract/index.ts reads it. */
async function compose(text: string, rootEnv: string): Promise<Extraction> {
  const parsed = [...parseDotenv(rootEnv)];
  const ctx: ExtractContext = {
    hosts: new HostModel(),
    services: new ServiceIndex(),
    env: new Map(parsed.map(([k, v]) => [k, v.value])),
    envLines: new Map(parsed.map(([k, v]) => [k, v.line])),
  };
  const path = 'docker-compose.yml';
  return composeExtractor.extract({ path, text, locator: createLocator(path, text) }, ctx);
}

/** Everything a finding could print or hash. */
function printed(x: Extraction): string {
  return JSON.stringify(x.problems);
}

describe('a value that is not a port is never printed', () => {
  it('a .git/config interpolated into a compose port is named by variable and line, with its length', async () => {
    const x = await compose('services:\n  web:\n    ports:\n      - "${extraheader}:80"\n', GIT_CONFIG);
    expect(x.problems.map((p) => [p.ruleId, p.location.line, p.message])).toEqual([
      [
        'input/invalid-port',
        4,
        // Compose splits `AUTHORIZATION: basic …:80` at its colons; the host part is part of the value.
        `Found part of \`\${extraheader}\` from \`.env:4\` as the port in compose service "web" ports: it is ${` basic ${BASIC}`.length} characters, not a port; expected an integer from 1 to 65535.`,
      ],
    ]);
    const whole = await compose('services:\n  web:\n    environment:\n      PORT: ${extraheader}\n', GIT_CONFIG);
    expect(whole.problems.map((p) => p.message)).toEqual([
      `Found \`\${extraheader}\` from \`.env:4\` as the port in compose service "web" environment PORT: it is ${`AUTHORIZATION: basic ${BASIC}`.length} characters, not a port; expected an integer from 1 to 65535.`,
    ]);
    expect(printed(whole)).not.toContain(BASIC);
    expect(printed(x)).not.toContain(TOKEN);
    expect(printed(x)).not.toContain(BASIC);
    expect(printed(x)).not.toContain('AUTHORIZATION');
  });

  it('a part of a substituted URL is named as part of its variable; the password never shows', async () => {
    const x = await compose('services:\n  web:\n    ports:\n      - "${DATABASE_URL}:80"\n    expose:\n      - "${DATABASE_URL}"\n', 'A=1\nDATABASE_URL=postgres://user:s3cretPass@db:5432/app\n');
    expect(x.problems.length).toBeGreaterThan(0);
    for (const p of x.problems) {
      expect(p.ruleId).toBe('input/invalid-port');
      expect(p.message).toMatch(/^Found (part of )?`\$\{DATABASE_URL\}` from `\.env:2` as the port in compose service "web" (ports|expose): it is \d+ characters, not a port;/);
    }
    expect(printed(x)).not.toMatch(/s3cretPass|user|postgres:|db:5432/);
  });

  it('a value written in the file itself is "a value", described, not shown', async () => {
    const x = await run(dotenvExtractor, 'services/api/.env', 'PORT=hunter2-password\nAPI_URL=http://api:99999x\n', { service: 'api' });
    expect(x.problems.map((p) => p.message)).toEqual([
      'Found a value as the port in services/api/.env PORT: it is 16 characters, not a port; expected an integer from 1 to 65535.',
      'Found a value as the port in API_URL URL: it is 6 characters, not a port; expected an integer from 1 to 65535.',
    ]);
    expect(printed(x)).not.toMatch(/hunter2|99999/);
  });

  it('reads an env URL with userinfo as host and port only: the password is never a port', async () => {
    const x = await run(dotenvExtractor, 'services/api/.env', 'DATABASE_URL=postgres://user:s3cretPass@db:5432/app\nREDIS_URL=redis://:p4ss:6379@cache:6380\nWEB_URL=http://web:80/\n', { service: 'api' });
    expect(refs(x)).toEqual(['env-var db:5432', 'env-var cache:6380']);
    expect(x.problems).toEqual([]);
  });

  it('does not read 3_000, fullwidth digits or 3000.5 as a port in compose, env or URLs', async () => {
    const c = await run(composeExtractor, 'docker-compose.yml', 'services:\n  a:\n    ports:\n      - "3_000:80"\n      - "３０００:81"\n    expose:\n      - "3000.5"\n');
    expect(c.bindings.map((b) => b.port)).toEqual([80, 81]);
    expect(c.problems.map((p) => p.message.replace(/^.*: it /, ''))).toEqual([
      'is a number with `_` separators, which text does not allow; expected an integer from 1 to 65535.',
      'is 4 digits that are not ASCII 0-9; expected an integer from 1 to 65535.',
      'is a number with a fraction, not a whole number; expected an integer from 1 to 65535.',
    ]);
    const e = await run(dotenvExtractor, '.env', 'API_URL=http://localhost:3000.5/x\n');
    expect(e.references).toEqual([]);
    expect(e.problems.map((p) => p.message)).toEqual(['Found a value as the port in API_URL URL: it is a number with a fraction, not a whole number; expected an integer from 1 to 65535.']);
  });

  it('an unresolved variable is named with its own code span, nothing else', async () => {
    const x = await compose('services:\n  web:\n    ports:\n      - "${NOPE}:80"\n', '');
    expect(x.problems.map((p) => p.message)).toEqual(['Found `${NOPE}` in compose service "web" ports with no value in .env and no default; expected a value or `${NOPE:-<port>}`.']);
  });
});
