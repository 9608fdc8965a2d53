/**
 * The source readers are handed only the syntax nodes around a file's anchors, and a file
 * without a usable anchor is not parsed (src/extract/source/anchors.ts). That must change
 * nothing: over every source fixture, the corpus's source files and thousands of generated
 * and mangled files, reading around the anchors gives exactly what a walk of the whole tree
 * gives. And the anchors themselves must find every own-port name wherever it is written.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { HostModel } from '../../../src/core/hosts.js';
import { createLocator } from '../../../src/core/location.js';
import { ServiceIndex } from '../../../src/core/services.js';
import type { SourceFile } from '../../../src/extract/extractor.js';
import { ownPortNameAnchors } from '../../../src/extract/source/anchors.js';
import { readSource, sourceExtractors, type SourceId } from '../../../src/extract/source/index.js';
import { isOwnPortName } from '../../../src/extract/source/port-names.js';
import { loadedGrammars } from '../../../src/extract/source/tree-sitter.js';
import { CORPUS, corpusOptions, unpack } from '../../corpus/corpus.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/source');
const SERVICES = ['checkout', 'mana-auth', 'a.b', 'api', 'payment-service', 'ad'];

/** A seeded generator (mulberry32), so a failure names an input that can be made again. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(next: () => number, list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;

function sourceFile(path: string, text: string, service: string | undefined): SourceFile {
  return { path, text, locator: createLocator(path, text), ...(service ? { service } : {}) };
}

function context(services: readonly string[] = SERVICES) {
  const index = new ServiceIndex();
  for (const s of services) index.add(s);
  return { hosts: new HostModel(), services: index, env: new Map<string, string>() };
}

/** Both readings of `text` as `id`, for a comparison that names the input. */
async function bothReadings(id: SourceId, path: string, text: string, service: string | undefined, services?: readonly string[]) {
  const ctx = context(services);
  const file = sourceFile(path, text, service);
  const anchored = await readSource(id, file, ctx, 'anchors');
  const whole = await readSource(id, file, ctx, 'whole-tree');
  return { anchored, whole };
}

/** The extractor that reads `path`, as the engine picks it. */
function extractorFor(path: string): SourceId | undefined {
  return sourceExtractors.find((e) => e.accepts(path))?.id as SourceId | undefined;
}

describe('reading around the anchors', () => {
  test('a Go file with a listener but nothing it could bind is not parsed: its grammar is not even loaded', async () => {
    const text = 'package main\n\nfunc main() {\n\tlog.Fatal(http.ListenAndServe(":"+listenPort, r))\n}\n';
    const file = sourceFile('services/api/main.go', text, 'api');
    const anchored = await readSource('go', file, context(), 'anchors');
    expect(loadedGrammars()).not.toContain('go');
    expect(anchored).toEqual(await readSource('go', file, context(), 'whole-tree'));
    expect(loadedGrammars()).toContain('go');
  });

  test('every source fixture reads the same, for its own service, another service and none', async () => {
    let compared = 0;
    for (const language of readdirSync(FIXTURES)) {
      for (const name of readdirSync(join(FIXTURES, language))) {
        const text = readFileSync(join(FIXTURES, language, name), 'utf8');
        const real = name.replace(/\.txt$/, '');
        const path = language === 'env-generator' ? `scripts/${real}` : `services/checkout/src/${real}`;
        const id = extractorFor(path);
        expect(id, path).toBeDefined();
        for (const service of ['checkout', 'mana-auth', undefined]) {
          const { anchored, whole } = await bothReadings(id!, path, text, service);
          expect(anchored, `${path} as ${service ?? 'no service'}`).toEqual(whole);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(80);
  });

  test('own-port names are found wherever they are written: every name isOwnPortName accepts holds an anchor', () => {
    const next = random(7);
    const services = [undefined, 'checkout', 'a.b', 'payment-service', 'İk', 'k\u212a', 'port', 'x_y', 'Mana Auth'];
    /** `word` with random case and `-`/`_` put between its letters, as names may be written. */
    const written = (word: string) => [...word].map((c) => (next() < 0.5 ? c.toUpperCase() : c) + (next() < 0.15 ? pick(next, ['-', '_']) : '')).join('');
    const contexts: [string, string][] = [
      ["'", "'"],
      ['"', '"'],
      ['`', '`'],
      ['const ', ' = 1'],
      ['x.', ' || 1'],
      ['{ ', ': 1 }'],
      ['env:"', '"'],
      ['', ''],
      ['(', ')'],
      ['İ', ' '],
      ['a.', '.b'],
    ];
    let own = 0;
    for (let i = 0; i < 40_000; i++) {
      const service = pick(next, services);
      const prefix = pick(next, ['', 'app', 'http', 'server', 'default', 'listen', service ?? '', `${service ?? ''}service`, (service ?? '').replace(/-?service$/, ''), 'x', 'İ', '\u212a', 'im', 're']);
      const name = written(prefix) + written('port') + (next() < 0.2 ? pick(next, ['_', '-', 's', 'al']) : '');
      if (!isOwnPortName(name, service)) continue;
      own++;
      const [before, after] = pick(next, contexts);
      const text = `${before}${name}${after}`;
      const anchors = ownPortNameAnchors(text, service);
      expect(
        anchors.some((a) => a >= before.length && a < before.length + name.length),
        `${JSON.stringify(text)} in ${service ?? 'no service'}`,
      ).toBe(true);
    }
    expect(own).toBeGreaterThan(20_000);
  });

  test('words that merely contain "port" are no anchors: import, export, report, ports, portal, opportunity', () => {
    expect(ownPortNameAnchors("import { x } from 'y';\nexport const report = ports.portal(opportunity);", 'api')).toEqual([]);
    expect(ownPortNameAnchors('const PORT = 1; const appPort = 2; x.port; "API_PORT"', 'api').length).toBe(4);
  });

  test('generated and mangled files of every language read the same', async () => {
    const next = random(2026);
    let compared = 0;
    let parsedNothing = 0;
    for (let i = 0; i < 1_500; i++) {
      const language = pick(next, Object.keys(PIECES) as (keyof typeof PIECES)[]);
      const { path, id } = LANGUAGES[language];
      const pieces = PIECES[language];
      let text = '';
      const count = 1 + Math.floor(next() * 8);
      for (let j = 0; j < count; j++) text += pick(next, pieces) + pick(next, ['\n', '\n\n', ' ', '\n  ']);
      text = mangle(text, next);
      const service = pick(next, [...SERVICES, undefined]);
      const { anchored, whole } = await bothReadings(id, path, text, service);
      expect(anchored, `${language} #${i} as ${service ?? 'no service'}:\n${text}`).toEqual(whole);
      compared++;
      if (whole.bindings.length + whole.references.length + whole.problems.length === 0) parsedNothing++;
    }
    expect(compared).toBe(1_500);
    // The inputs must exercise the readers, not only files they find nothing in.
    expect(parsedNothing).toBeLessThan(compared / 2);
  });

  test('files anchored on hundreds of lines (read with one search from the first anchor to the last) read the same', async () => {
    const next = random(99);
    for (const language of Object.keys(PIECES) as (keyof typeof PIECES)[]) {
      const { path, id } = LANGUAGES[language];
      let text = '';
      for (let j = 0; j < 150; j++) text += pick(next, PIECES[language]) + '\n';
      for (const service of ['checkout', undefined]) {
        const { anchored, whole } = await bothReadings(id, path, text, service);
        expect(anchored, `${language} as ${service ?? 'no service'}`).toEqual(whole);
        // The readers ran and found something (not a refused tree).
        expect(whole.problems.filter((p) => p.ruleId === 'input/too-complex')).toEqual([]);
        if (service) expect(whole.bindings.length + whole.references.length + whole.problems.length, language).toBeGreaterThan(0);
      }
    }
  });

  test('the source files of the real-world corpus read the same', { ...corpusOptions(), timeout: 300_000 }, async () => {
    let compared = 0;
    for (const name of CORPUS) {
      const root = unpack(name);
      for (const path of listFiles(root)) {
        const id = extractorFor(path);
        if (!id) continue;
        const extractor = sourceExtractors.find((e) => e.id === id)!;
        const text = readFileSync(join(root, path), 'utf8');
        if (extractor.prefilter && !extractor.prefilter(text)) continue;
        // Its service by folder (as a repository's services/<name>/ would be), and none.
        const folder = path.split('/').at(-2);
        for (const service of [folder, undefined]) {
          const { anchored, whole } = await bothReadings(id, path, text, service, folder ? [folder] : []);
          expect(anchored, `${name}/${path} as ${service ?? 'no service'}`).toEqual(whole);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(300);
  });
});

/** Every file under `root` (relative paths), `.git` and `node_modules` left out. */
function listFiles(root: string, dir = ''): string[] {
  const files: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    if (name === '.git' || name === 'node_modules') continue;
    const path = dir ? `${dir}/${name}` : name;
    const stat = statSync(join(root, path));
    if (stat.isDirectory()) files.push(...listFiles(root, path));
    else if (stat.isFile()) files.push(path);
  }
  return files;
}

/** Cuts, repeats and stray tokens, so the parser meets broken code and error recovery. */
function mangle(text: string, next: () => number): string {
  let out = text;
  const edits = Math.floor(next() * 4);
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(next() * (out.length + 1));
    const span = Math.floor(next() * 12);
    switch (Math.floor(next() * 4)) {
      case 0:
        out = out.slice(0, at) + out.slice(at + span);
        break;
      case 1:
        out = out.slice(0, at) + out.slice(at, at + span).repeat(2) + out.slice(at);
        break;
      case 2:
        out = out.slice(0, at) + pick(next, TOKENS) + out.slice(at);
        break;
      default:
        out = out.slice(0, Math.max(at, out.length - span));
    }
  }
  return out;
}

const TOKENS = ['(', ')', '{', '}', '[', '"', "'", '`', '//', '/*', '*/', '\n', 'port', 'PORT', ':', '=', '||', '??', '3001', '""', 'listen', 'Listen', ',', '#', '${', 'http://a:1'];

const LANGUAGES = {
  typescript: { path: 'services/checkout/src/config.ts', id: 'typescript' },
  javascript: { path: 'services/checkout/index.js', id: 'javascript' },
  python: { path: 'services/checkout/app/main.py', id: 'python' },
  runner: { path: 'scripts/run_checkout.py', id: 'python' },
  go: { path: 'services/checkout/config.go', id: 'go' },
  java: { path: 'services/checkout/src/main/java/App.java', id: 'java' },
  csharp: { path: 'services/checkout/Program.cs', id: 'csharp' },
} as const satisfies Record<string, { path: string; id: SourceId }>;

/** Statements every reader takes, near misses it must leave, and plain code around them. */
const SCRIPT = [
  "const port = env('PORT', '3062');",
  'export const PORT = 3001;',
  'const P_O_R_T = 3002;',
  "const listenPort = Number(process.env.LISTEN_PORT ?? '3003');",
  'const CHECKOUT_PORT = 3004;',
  'const checkoutServicePort = 3005;',
  "const port = process.env.PORT || '3006';",
  'const port = process.env.PORT ? Number(process.env.PORT) : 3007;',
  "const port = Number(process.env['PORT']) ?? 3008;",
  'app.listen(3009);',
  'app.listen<number>(3010, () => {});',
  'server.listen /* soon */ (3011);',
  'export default { port: 3012, fetch };',
  'Bun.serve({ port: 3013 });',
  'export default defineConfig({ server: { port: 5173 } });',
  'const config = { port: 3014 };',
  "const schema = z.object({ PORT: z.coerce.number().default(3015), HOST: z.string() });",
  'const env = cleanEnv(process.env, { PORT: port({ default: 3016 }) });',
  'const port /* the port */ = 3017;',
  'const port = .5;',
  "const port = 'abc';",
  'const port = 0x0BB8;',
  'const redis = { host: "localhost", port: 6379 };',
  "const url = 'http://mana-auth:3001/api';",
  'const api = `http://checkout:${port}/x and http://mana-auth:3002/y`;',
  "const origins = { allowedOrigins: ['http://localhost:3000'] };",
  "fetch('https://example.com/docs');",
  "import { report } from './export';",
  'serve({ fetch: app.fetch, port: config.port });',
  'function f(a: number) {\n  return { b: [a + 1], c: a ? 1 : 2 };\n}',
  '// PORT 9999 in a comment',
  "const TIMEOUT = 3000;\nsetTimeout(() => undefined, 3000);",
  "const port = `3018`;",
  "const a = { 'mana-auth': { PORT: process.env.X || '3019' } };",
  "const s = 'Größe 😀'; const port = 3020; const u = 'http://ü.example:3021';",
  'const port = 3022;\r\nconst PORT = process.env.PORT || 3023;',
];

const PYTHON = [
  'PORT = 3023',
  'port = int(os.getenv("PORT", "3024"))',
  'port = os.environ.get("PORT") or 3025',
  'port = int(os.environ["APP_PORT"] or "3026")',
  'class Settings(BaseSettings):\n    port: int = 3027\n    host: str = "0.0.0.0"',
  'class Config:\n    port = Field(3028, description="x")',
  'class Other:\n    port = 3029',
  'uvicorn.run(app, host="0.0.0.0", port=3030)',
  'web.run_app(app, port=int(os.getenv("PORT", "3031")))',
  'config("PORT", default=3032)',
  '"""Listens on http://localhost:3033 by default."""',
  'URL = "http://mana-auth:3034/api"',
  'CORS_ORIGINS = ["http://localhost:3035"]',
  'f"http://checkout:{port}/x http://mana-auth:3036/y"',
  'def f(a):\n    return a + 1',
  'import os\nfrom fastapi import FastAPI',
  'PORT = "abc"',
  'port = 3.5',
  'REDIS_PORT = 6379',
  'p_o_r_t = 3037',
  's = "Größe 😀"; PORT = 3038; u = "http://mana-auth:3039"',
];

const GO = [
  'port := getEnv("PORT", "3050")',
  'p := flag.Int("port", 3051, "the port")',
  'flag.IntVar(&p, "port", 3052, "usage")',
  'port := os.Getenv("PORT")\nif port == "" {\n\tport = "3053"\n}',
  'addr := listenPort\nif os.Getenv("PORT") != "" {\n\taddr = os.Getenv("PORT")\n}',
  'if value, ok := os.LookupEnv("PORT"); ok {\n\tport = value\n}',
  'var port = "3054"',
  'const listenPort = 3055',
  'const (\n\tlistenPort = "3056"\n\tother = 1\n)',
  'log.Fatal(http.ListenAndServe(":3057", nil))',
  'http.ListenAndServe(":"+listenPort, r)',
  'lis, _ := net.Listen("tcp", "0.0.0.0:3058")',
  'type Config struct {\n\tPort int `env:"PORT" envDefault:"3059"`\n}',
  'u := "http://mana-auth:3060/api"',
  'import "net/http"',
  'func f() int {\n\tif err != nil {\n\t\treturn 1\n\t}\n\treturn 2\n}',
  'x := ""\nif x == "" {\n\tx = "3061"\n}',
  'package main',
  's := "Größe 😀"; port := getEnv("PORT", "3062")',
];

const JAVA = [
  'int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "9555"));',
  'int metrics = Integer.parseInt(Optional.ofNullable(System.getenv("PORT")).orElse("9465"));',
  'String admin = System.getProperty("server.port", "8081");',
  'int redis = Integer.parseInt(System.getenv().getOrDefault("REDIS_PORT", "6379"));',
  'int p = getEnv("PORT", "abc");',
  'class A {\n  void start() {\n    run();\n  }\n}',
  'String u = "http://mana-auth:3001";',
];

const CSHARP = [
  'var port = Environment.GetEnvironmentVariable("PORT") ?? "8080";',
  'var http = builder.Configuration.GetValue<int>("HTTP_PORT", 5000);',
  'builder.WebHost.ConfigureKestrel(o => o.ListenAnyIP(7070));',
  'options.Listen(IPAddress.Any, 7071);',
  'options.ListenLocalhost(7072);',
  'app.Urls.Add("http://0.0.0.0:5100");',
  'app.Run("http://*:5200");',
  'builder.WebHost.UseUrls("http://+:5300");',
  'cors.Add("http://localhost:3000");',
  'var redis = Environment.GetEnvironmentVariable("REDIS_PORT") ?? "6379";',
  'public class A { public void B() { C(); } }',
];

const PIECES = { typescript: SCRIPT, javascript: SCRIPT, python: PYTHON, runner: PYTHON, go: GO, java: JAVA, csharp: CSHARP };
