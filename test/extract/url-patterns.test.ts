/**
 * URL scanning is linear in the length of a line. The patterns used to retry an unbounded
 * scheme at every position of host-like text: a 200 KB line of `a.a.a…` took about half a
 * minute per file (minutes at the 1 MiB file limit). These run well inside the test timeout
 * only while the patterns stay linear; each also checks a real URL is still found after it.
 */
import { describe, expect, it } from 'vitest';
import { dotenvExtractor } from '../../src/extract/deploy/dotenv.js';
import type { ExtractContext, Extractor } from '../../src/extract/extractor.js';
import { serviceDocExtractor } from '../../src/extract/service-doc/index.js';
import { typescriptExtractor } from '../../src/extract/source/index.js';
import { HostModel } from '../../src/core/hosts.js';
import { createLocator } from '../../src/core/location.js';
import { ServiceIndex } from '../../src/core/services.js';

const LONG = 'a.'.repeat(100_000);
const ctx = (): ExtractContext => ({ hosts: new HostModel(), services: new ServiceIndex(), env: new Map() });

async function run(extractor: Extractor, path: string, text: string) {
  return extractor.extract({ path, text, locator: createLocator(path, text), service: 'mana-sync' }, ctx());
}

// A generous 10 s per case (linear scanning takes milliseconds; the old patterns took ~30 s).
describe('URL scanning on a 200 KB line of host-like text', { timeout: 10_000 }, () => {
  it('in a CLAUDE.md', async () => {
    const out = await run(serviceDocExtractor, 'services/mana-sync/CLAUDE.md', `# mana-sync\n\n${LONG}\n\nCalls http://mana-auth:3001/verify\n`);
    expect(out.references.map((r) => `${r.target}:${r.port}@${r.location.line}`)).toEqual(['mana-auth:3001@5']);
  });

  it('in a TypeScript string', async () => {
    const out = await run(typescriptExtractor, 'services/mana-sync/src/config.ts', `const noise = '${LONG}';\nexport const auth = 'http://mana-auth:3001';\n`);
    expect(out.references.map((r) => `${r.target}:${r.port}@${r.location.line}`)).toEqual(['mana-auth:3001@2']);
  });

  it('in a .env value, also without dots', async () => {
    const out = await run(dotenvExtractor, 'services/mana-sync/.env', `NOISE=${LONG}\nNOISE2=${'a'.repeat(200_000)}\nAUTH_URL=http://localhost:3001\n`);
    expect(out.references.map((r) => `${r.target}:${r.port}@${r.location.line}`)).toEqual(['localhost:3001@3']);
  });
});
