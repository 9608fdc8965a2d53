import { describe, expect, test } from 'vitest';
import { envGeneratorExtractor } from '../../../src/extract/source/index.js';
import { fixture, run, span } from './support.js';

const KNOWN = ['mana-credits', 'mana-user', 'mana-sync', 'mana-search'];
const generate = () => run(envGeneratorExtractor, fixture('env-generator/generate-env.mjs.txt'), { path: 'scripts/generate-env.mjs', services: KNOWN });

describe('env generator', () => {
  test("binds each service's PORT on the dev host as a deploy statement, sections named by key, name: or call argument", async () => {
    const { bindings, problems } = await generate();
    expect(problems).toEqual([]);
    expect(bindings.map((b) => [b.service, b.port, b.host, b.kind, b.source, span(b.location)])).toEqual([
      ['mana-credits', 3115, 'dev', 'deploy', 'env-generator', '7:45-7:49'],
      ['mana-user', 3062, 'dev', 'deploy', 'env-generator', '12:25-12:29'],
      ['mana-sync', 3050, 'dev', 'deploy', 'env-generator', '16:50-16:54'],
      ['mana-search', 3021, 'dev', 'deploy', 'env-generator', '18:43-18:47'],
    ]);
    expect(bindings[0]?.via).toBe("PORT of 'mana-credits' in the env generator");
  });

  test('a PORT in a section that names no known service (`shared`) and REDIS_PORT bind nothing', async () => {
    const { bindings } = await generate();
    expect(bindings.map((b) => b.port)).not.toContain(9998);
    expect(bindings.map((b) => b.port)).not.toContain(6379);
  });

  test('URLs are env-generator references from the section that holds them', async () => {
    const { references } = await generate();
    expect(references.map((r) => [r.fromService, r.target, r.port, r.kind, span(r.location)])).toEqual([
      ['mana-credits', 'localhost', 5432, 'env-generator', '8:51-8:55'],
      ['mana-credits', 'localhost', 3001, 'env-generator', '9:38-9:42'],
      ['mana-search', 'localhost', 3023, 'env-generator', '18:81-18:85'],
    ]);
  });

  test('an invalid PORT is a problem even when the section is unknown', async () => {
    const text = "const s = { 'mana-user': { PORT: '70000' }, other: { PORT: 'abc' } };\n";
    const { bindings, problems } = await run(envGeneratorExtractor, text, { path: 'scripts/generate-env.ts', services: KNOWN });
    expect(bindings).toEqual([]);
    expect(problems.map((p) => [span(p.location), p.message])).toEqual([
      ['1:35-1:40', "Found a value as the default port in PORT of 'mana-user' in the env generator: it is a 5-digit number above 65535; expected an integer from 1 to 65535."],
      ['1:61-1:64', "Found a value as the default port in PORT of 'no service' in the env generator: it is 3 characters, not a port; expected an integer from 1 to 65535."],
    ]);
  });
});

describe('env generator port tables', () => {
  test('rows of { name, port } and an object PORTS keyed by service bind each service; unknown names and other tables do not', async () => {
    const text = `const SERVICES = [
  { name: 'mana-credits', port: 3115 },
  { service: 'mana-user', port: '3062' },
  { name: 'elsewhere', port: 9999 },
];
const PORTS = { 'mana-sync': 3050, 'mana-search': 3021, 'not-a-service': 9998 } as const;
const TIMEOUTS = { 'mana-sync': 3000 };
for (const s of SERVICES) writeFileSync(\`services/\${s.name}/.env\`, \`PORT=\${s.port}\\n\`);
`;
    const { bindings, problems } = await run(envGeneratorExtractor, text, { path: 'scripts/generate-env.mjs', services: KNOWN });
    expect(problems).toEqual([]);
    expect(bindings.map((b) => [b.service, b.port, b.kind, span(b.location), b.via])).toEqual([
      ['mana-credits', 3115, 'deploy', '2:33-2:37', "port of 'mana-credits' in the env generator"],
      ['mana-user', 3062, 'deploy', '3:34-3:38', "port of 'mana-user' in the env generator"],
      ['mana-sync', 3050, 'deploy', '6:30-6:34', "PORTS['mana-sync'] in the env generator"],
      ['mana-search', 3021, 'deploy', '6:51-6:55', "PORTS['mana-search'] in the env generator"],
    ]);
  });
});
