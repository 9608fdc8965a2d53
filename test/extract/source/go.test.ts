import { describe, expect, test } from 'vitest';
import { goExtractor } from '../../../src/extract/source/index.js';
import { fixture, run, span } from './support.js';

const go = (name: string) => run(goExtractor, fixture(`go/${name}.txt`), { path: `services/mana-sync/internal/${name}`, service: 'mana-sync' });
const summary = (e: Awaited<ReturnType<typeof go>>) => e.bindings.map((b) => [b.port, span(b.location), b.via]);

describe('Go source defaults', () => {
  test('reads getEnv("PORT", "3050"), not REDIS_PORT, a comment or Timeout: 3000', async () => {
    const result = await go('getenv.go');
    expect(result.problems).toEqual([]);
    expect(result.bindings).toEqual([
      {
        service: 'mana-sync',
        port: 3050,
        host: 'dev',
        kind: 'source-default',
        role: 'listen',
        source: 'go',
        strength: 'declaration',
        location: { file: 'services/mana-sync/internal/getenv.go', line: 6, column: 30, endLine: 6, endColumn: 34 },
        via: 'getEnv("PORT", …)',
        label: 'Go default `getEnv("PORT", …)`',
      },
    ]);
  });

  test('reads env.GetInt("PORT", 3021)', async () => {
    expect(summary(await go('getint.go'))).toEqual([[3021, '4:42-4:46', 'env.GetInt("PORT", …)']]);
  });

  test('reads flag.Int("port", 3021, …) and flag.IntVar(&p, "http-port", 3022, …), not "redis-port"', async () => {
    expect(summary(await go('flag.go'))).toEqual([
      [3021, '6:31-6:35', 'flag.Int("port", …)'],
      [3022, '12:31-12:35', 'flag.IntVar("http-port", …)'],
    ]);
  });

  test('reads the fallback of os.Getenv("PORT") assigned in `if port == ""`, not the TIMEOUT one', async () => {
    expect(summary(await go('fallback.go'))).toEqual([[3050, '11:11-11:15', 'port := os.Getenv("PORT"), else …']]);
  });

  test('reads http.ListenAndServe(":3050", nil); a URL constant is a reference', async () => {
    const result = await go('listen.go');
    expect(summary(result)).toEqual([[3050, '11:34-11:38', 'http.ListenAndServe(":…")']]);
    expect(result.references.map((r) => [r.target, r.port, span(r.location)])).toEqual([['mana-credits', 3061, '8:41-8:45']]);
  });

  test('reads a struct tag env:"PORT" envDefault:"3040"; an envDefault URL is a reference', async () => {
    const result = await go('tag.go');
    expect(summary(result)).toEqual([[3040, '4:43-4:47', 'env:"PORT" envDefault']]);
    expect(result.references.map((r) => [r.target, r.port, span(r.location)])).toEqual([['localhost', 3001, '6:64-6:68']]);
  });

  test('reports getEnv("PORT", "abc") as an invalid port and survives broken syntax', async () => {
    const text = 'package main\nfunc main() {\n\tport := getEnv("PORT", "abc")\n\tif {{ (\n}\nvar p = flag.Int("port", 3021, "")\n';
    const { bindings, problems } = await run(goExtractor, text, { path: 'services/mana-sync/main.go', service: 'mana-sync' });
    expect(problems.map((p) => [p.ruleId, span(p.location), p.message])).toEqual([
      ['input/invalid-port', '3:26-3:29', 'Found a value as the default port in getEnv("PORT", …): it is 3 characters, not a port; expected an integer from 1 to 65535.'],
    ]);
    expect(bindings.map((b) => b.port)).toEqual([3021]);
  });

  test('reads the initial value a PORT lookup overrides: `addr := listenPort` (through a package const), a package var, `os.LookupEnv`', async () => {
    const result = await go('override.go');
    expect(result.problems).toEqual([]);
    // Not `maxRetries`: RETRIES is no port variable.
    expect(summary(result)).toEqual([
      [5050, '9:17-9:21', 'addr unless $PORT is set'],
      [3550, '14:13-14:17', 'port unless $PORT is set'],
      [9000, '24:15-24:19', 'grpcPort unless $PORT is set'],
    ]);
  });

  test('a package-level `const port = 8080` is a default in a file that starts a listener, not in one that only dials', async () => {
    expect(summary(await go('package-const.go'))).toEqual([[8080, '8:14-8:18', 'port = …']]);
    expect(summary(await go('no-listener.go'))).toEqual([]);
  });
});
