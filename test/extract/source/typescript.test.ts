import { describe, expect, test } from 'vitest';
import { javascriptExtractor, typescriptExtractor } from '../../../src/extract/source/index.js';
import { fixture, ports, run, span } from './support.js';
import { fingerprint } from '../../../src/core/finding.js';

const inService = (name: string) => ({ path: `services/mana-user/src/${name}`, service: 'mana-user' });
const ts = (name: string) => run(typescriptExtractor, fixture(`typescript/${name}.txt`), inService(name));

describe('TypeScript source defaults', () => {
  test("binds env('PORT', '3062') to the digits inside the quotes, counting columns in UTF-16 after 'Größe 😀'", async () => {
    const text = fixture('typescript/env-call.ts.txt');
    const { bindings, problems } = await run(typescriptExtractor, text, inService('config.ts'));
    expect(problems).toEqual([]);
    expect(bindings).toEqual([
      {
        service: 'mana-user',
        port: 3062,
        host: 'dev',
        kind: 'source-default',
        role: 'listen',
        source: 'typescript',
        strength: 'declaration',
        location: { file: 'services/mana-user/src/config.ts', line: 1, column: 49, endLine: 1, endColumn: 53 },
        via: "env('PORT', …)",
        label: 'TypeScript default `env(\'PORT\', …)`',
      },
    ]);
    // In UTF-8 bytes the digits would start 4 columns later (ö, ß: +1 each, 😀: +2).
    expect(text.slice(48, 52)).toBe('3062');
  });

  test.each([
    ['or-fallback.ts', 3001, '4:35-4:39', 'process.env.PORT || …'],
    ['nullish-number.ts', 3001, '1:41-1:45', 'process.env.PORT ?? …'],
    ['number-or.ts', 3001, '4:37-4:41', 'Number(process.env.PORT) || …'],
    ['parse-int.ts', 3001, '2:39-2:43', 'process.env.PORT ?? …'],
    ['int-env.ts', 3069, '4:24-4:28', "intEnv('PORT', …)"],
    ['config-service.ts', 3030, '4:50-4:54', "configService.get('PORT', …)"],
    ['get-port.ts', 3030, '4:41-4:45', "this.config.get('port', …)"],
    ['bun-serve.ts', 3001, '4:9-4:13', 'Bun.serve({ port })'],
    ['const-port.ts', 3001, '1:21-1:25', 'const PORT = …'],
  ])('reads the default of %s', async (name, port, where, via) => {
    const { bindings, problems } = await ts(name);
    expect(problems).toEqual([]);
    expect(bindings.map((b) => [b.port, span(b.location), b.via])).toEqual([[port, where, via]]);
  });

  test("binds Vite's server.port only: not hmr.port, not preview.port; the proxy target is a reference", async () => {
    const { bindings, references } = await ts('vite.config.ts');
    expect(bindings.map((b) => [b.port, span(b.location), b.via])).toEqual([[5010, '7:11-7:15', 'server.port']]);
    expect(references.map((r) => [r.target, r.port, r.kind, r.fromService, span(r.location)])).toEqual([['localhost', 3030, 'url', 'mana-user', '11:43-11:47']]);
  });

  test('reads zod .default(3040) and envalid port({ default: 3041 }) of PORT/HTTP_PORT, not REDIS_PORT, DB_PORT or redis.port', async () => {
    const { bindings, problems } = await ts('schema-default.ts');
    expect(problems).toEqual([]);
    expect(bindings.map((b) => [b.port, span(b.location), b.via])).toEqual([
      [3040, '5:35-5:39', 'PORT: ….default(…)'],
      [3041, '11:30-11:34', 'HTTP_PORT: ….default(…)'],
    ]);
  });

  test("reads PORT: 3001 in a pm2 app's env, not REDIS_PORT", async () => {
    const { bindings } = await run(javascriptExtractor, fixture('typescript/ecosystem.config.js.txt'), inService('ecosystem.config.js'));
    expect(bindings.map((b) => [b.port, span(b.location), b.via])).toEqual([[3001, '6:44-6:48', 'PORT: …']]);
  });

  test('app.listen(3001) in a .js file binds with source javascript', async () => {
    const { bindings } = await run(javascriptExtractor, fixture('typescript/listen.js.txt'), inService('server.js'));
    expect(bindings.map((b) => [b.port, b.source, b.via, span(b.location)])).toEqual([[3001, 'javascript', 'app.listen(…)', '4:12-4:16']]);
  });

  test('comments, JSDoc, TIMEOUT = 3000, REDIS_PORT, DB_PORT, POSTGRES_PORT and a redis `port:` are no defaults', async () => {
    const result = await ts('negatives.ts');
    expect(result).toEqual({ bindings: [], references: [], problems: [] });
  });

  test('a port constant inside a function is not the module default', async () => {
    expect(ports(await ts('const-port.ts'))).toEqual([3001]);
  });

  test("reports '70000' and 'abc' as invalid ports at the text inside the quotes", async () => {
    const { bindings, problems } = await ts('invalid.ts');
    expect(bindings).toEqual([]);
    expect(problems.map((p) => [p.ruleId, span(p.location), p.message])).toEqual([
      ['input/invalid-port', '2:22-2:27', "Found a value as the default port in env('PORT', …): it is a 5-digit number above 65535; expected an integer from 1 to 65535."],
      ['input/invalid-port', '3:34-3:37', 'Found a value as the default port in process.env.PORT || …: it is 3 characters, not a port; expected an integer from 1 to 65535.'],
    ]);
    // The key holds what the value is, not its text: a fingerprint must not carry (or hash) a secret.
    expect(problems[0]?.fingerprint).toBe(fingerprint('input/invalid-port', "services/mana-user/src/invalid.ts|env('PORT', …)|is a 5-digit number above 65535"));
  });

  test('still reads the defaults around a syntax error, without throwing', async () => {
    const { bindings, problems } = await ts('broken.ts');
    expect(problems).toEqual([]);
    expect(bindings.map((b) => [b.port, span(b.location)])).toEqual([
      [3062, '1:34-1:38'],
      [3063, '6:35-6:39'],
    ]);
  });

  test('URLs with a port in strings and templates are references; comments and interpolated hosts are not', async () => {
    const { bindings, references } = await ts('urls.ts');
    expect(bindings).toEqual([]);
    expect(references).toEqual([
      { target: 'mana-credits', port: 3061, kind: 'url', host: 'dev', fromService: 'mana-user', source: 'typescript', location: { file: 'services/mana-user/src/urls.ts', line: 2, column: 74, endLine: 2, endColumn: 78 } },
      { target: 'localhost', port: 3001, kind: 'url', host: 'dev', fromService: 'mana-user', source: 'typescript', location: { file: 'services/mana-user/src/urls.ts', line: 3, column: 33, endLine: 3, endColumn: 37 } },
    ]);
  });

  test("a file outside any service binds nothing but still yields references and problems, on the file's host", async () => {
    const text = "const u = 'http://mana-auth:3001';\nexport const p = env('PORT', '3062');\nexport const q = env('PORT', '99999');\n";
    const result = await run(typescriptExtractor, text, { path: 'packages/shared/src/config.ts', host: 'mac-mini' });
    expect(result.bindings).toEqual([]);
    expect(result.references.map((r) => [r.target, r.port, r.host, r.fromService])).toEqual([['mana-auth', 3001, 'mac-mini', undefined]]);
    expect(result.problems.map((p) => p.ruleId)).toEqual(['input/invalid-port']);
  });

  test('a binding takes the host its path names', async () => {
    const { bindings } = await run(typescriptExtractor, "export const port = env('PORT', '3062');", { path: 'services/mana-user/config.macmini.ts', service: 'mana-user', host: 'mac-mini' });
    expect(bindings.map((b) => [b.service, b.host, b.port])).toEqual([['mana-user', 'mac-mini', 3062]]);
  });

  test('a .tsx file parses with the TSX grammar (JSX and generics both)', async () => {
    const text = 'const App = () => <a href="http://localhost:5010/">home</a>;\nexport const port = process.env.PORT ?? 5010;\n';
    const { bindings, references } = await run(typescriptExtractor, text, inService('app.tsx'));
    expect(ports({ bindings, references, problems: [] })).toEqual([5010]);
    expect(references.map((r) => [r.target, r.port, span(r.location)])).toEqual([['localhost', 5010, '1:45-1:49']]);
  });

  test('a comment between the arguments does not hide the default', async () => {
    const { bindings } = await run(typescriptExtractor, "env('PORT', /* dev */ 3062);", inService('c.ts'));
    expect(bindings.map((b) => [b.port, span(b.location)])).toEqual([[3062, '1:23-1:27']]);
  });
});
