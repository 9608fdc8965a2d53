/**
 * Property tests for every reader (fast-check): on generated text — tokens of the format's
 * syntax, random characters, and fixtures with tokens spliced in — a reader never throws,
 * every position it reports lies inside its file, and the same input gives the same output.
 * numRuns is modest to keep CI fast; `npm run fuzz` runs the long campaign.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../support/config.js';
import { ConfigError } from '../../src/config/types.js';
import { deployExtractors } from '../../src/extract/deploy/index.js';
import type { Extractor } from '../../src/extract/extractor.js';
import { parseRegistry } from '../../src/extract/registry/index.js';
import { extractServiceDoc } from '../../src/extract/service-doc/index.js';
import { sourceExtractors } from '../../src/extract/source/index.js';
import { HostModel } from '../../src/core/hosts.js';
import { createLocator, type Location } from '../../src/core/location.js';
import { ServiceIndex } from '../../src/core/services.js';

const RUNS = 120;
const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** Files under `test/fixtures` and `examples` whose path matches `test`. */
function seeds(test: RegExp): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules' || name === 'vendor') continue;
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (test.test(p)) out.push(readFileSync(p, 'utf8'));
    }
  };
  walk(join(REPO, 'test/fixtures'));
  walk(join(REPO, 'examples'));
  return out.length > 0 ? out : [''];
}

const COMMON = ['\n', '\r\n', '\r', '\t', ' ', '  ', '3001', '65536', '0', '3_000', '0x0BB8', '３０００', 'PORT', 'localhost:', 'http://a:', '${', '}', '"', "'", '\\', '#', '\u0000', '\uFFFD', ':', '='];
const TOKENS: Record<string, string[]> = {
  markdown: ['> ', '- ', '* ', '1. ', '#', '## ', '|', '|---|', '`', '```\n', '**Port:** ', '[', ']', '(', ')', '<!--', '-->', '_', '~~', '- **Mac Mini:** ', '### Real ports today', '## 3000-3009: Core\n'],
  yaml: ['- ', ': ', '&a ', '*a', '<<: ', '[', ']', '{', '}', '"3001:3001"', 'services:\n', '  ports:\n', '    - ', '---\n', '|', '>', '!!str ', '? '],
  dockerfile: ['FROM a\n', 'EXPOSE ', 'ENV PORT=', 'ARG P=', 'HEALTHCHECK CMD curl ', '\\\n', '$P', '${P:-', ' AS b\n', 'CMD ["node", "--port", "'],
  env: ['PORT=', 'export ', 'A_URL=', '${PORT:-', '$PORT', '"', "'", '\\n', '# c\n'],
  shell: ['export PORT=', '--port ', '-p ', '$(', ')', '`', '&&', '|', '<<EOF\n', 'EOF\n', '\\\n'],
  json: ['{', '}', '[', ']', '"scripts":', '"dev":', '"vite --port 3001"', ',', 'null', '1e3'],
  xml: ['<plist>', '<dict>', '</dict>', '<key>', '</key>', '<string>', '</string>', '<array>', '--port', '&amp;', '<![CDATA['],
  ts: ['const ', 'process.env.PORT', ' ?? ', ' || ', 'listen(', ')', '(', '{', '}', ';', 'parseInt(', 'Number(', '`', '0x', '1e3', '//', '/*', '*/', 'export default {port: ', 'serve({ port: '],
  python: ['os.getenv(', 'os.environ.get(', '"PORT"', ', ', ')', 'uvicorn.run(app, port=', 'int(', 'def ', ':\n    ', 'Field(default=', '#', '"""', 'or '],
  go: ['package main\n', 'func ', 'getEnv(', '"PORT"', ', ', ')', 'os.Getenv(', 'flag.Int(', 'http.ListenAndServe(":', '`', '{', '}', '0x', '1_000'],
};

/** Text from the format's tokens, random strings and fixtures with tokens spliced in. */
function textOf(kind: keyof typeof TOKENS, seedTexts: string[]): fc.Arbitrary<string> {
  const token = fc.oneof(fc.constantFrom(...TOKENS[kind]!, ...COMMON), fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 }));
  const generated = fc.array(token, { maxLength: 80 }).map((parts) => parts.join(''));
  const spliced = fc
    .tuple(fc.constantFrom(...seedTexts), fc.array(fc.tuple(fc.nat(), token, fc.nat({ max: 30 })), { maxLength: 6 }))
    .map(([seed, edits]) => edits.reduce((text, [at, t, cut]) => {
      const i = text.length === 0 ? 0 : at % (text.length + 1);
      return text.slice(0, i) + t + text.slice(i + cut);
    }, seed));
  return fc.oneof(generated, spliced);
}

/** Every location lies inside `text`: lines 1..n, columns within the line (end may be one past). */
function assertInside(text: string, locations: Location[], path: string): void {
  const lines = text.split('\n');
  for (const l of locations) {
    expect(l.file).toBe(path);
    for (const [line, column] of [[l.line, l.column], [l.endLine, l.endColumn]] as const) {
      expect(line).toBeGreaterThanOrEqual(1);
      expect(line).toBeLessThanOrEqual(lines.length);
      expect(column).toBeGreaterThanOrEqual(1);
      expect(column).toBeLessThanOrEqual(lines[line - 1]!.length + 1);
    }
    expect(l.endLine > l.line || (l.endLine === l.line && l.endColumn >= l.column)).toBe(true);
  }
}

const context = () => ({
  hosts: new HostModel([{ id: 'mac-mini', label: 'Mac Mini (production)', aliases: ['macmini'], addresses: ['192.168.178.11'] }]),
  services: (() => {
    const s = new ServiceIndex();
    for (const n of ['mana-auth', 'mana-sync', 'redis']) s.add(n);
    return s;
  })(),
  env: new Map([['PORT', '3001']]),
});

/** Runs an extractor and returns its output with the located items, for both properties. */
async function extractWith(extractor: Extractor, path: string, text: string) {
  const x = await extractor.extract({ path, text, locator: createLocator(path, text), service: 'mana-auth' }, context());
  return { out: x, locations: [...x.bindings, ...x.references, ...x.problems].map((i) => i.location) };
}

const byId = (id: string) => [...deployExtractors, ...sourceExtractors].find((e) => e.id === id)!;

const EXTRACTORS: [string, string, keyof typeof TOKENS, RegExp][] = [
  ['compose', 'docker-compose.macmini.yml', 'yaml', /compose[^/]*\.ya?ml$/],
  ['dockerfile', 'services/mana-auth/Dockerfile', 'dockerfile', /Dockerfile[^/]*$/],
  ['env', 'services/mana-auth/.env', 'env', /\/\.env[^/]*$/],
  ['shell', 'scripts/mac-mini/start.sh', 'shell', /\.sh$/],
  ['package-json', 'services/mana-auth/package.json', 'json', /package\.json$/],
  ['launchd', 'launchd/com.mana.mana-auth.plist', 'xml', /\.plist$/],
  ['prometheus', 'docker/prometheus/prometheus.yml', 'yaml', /prometheus\.yml$/],
  ['cloudflared', 'deploy/cloudflared/config.yml', 'yaml', /cloudflared\/config\.yml$/],
  ['typescript', 'services/mana-auth/src/config.ts', 'ts', /\.(ts|js)(\.txt)?$/],
  ['python', 'services/mana-auth/app/main.py', 'python', /\.py(\.txt)?$/],
  ['go', 'services/mana-auth/config.go', 'go', /\.go(\.txt)?$/],
];

describe('every reader on generated input: never throws, positions inside the file, deterministic', () => {
  it('registry', () => {
    const path = 'docs/PORT_SCHEMA.md';
    fc.assert(
      fc.property(textOf('markdown', seeds(/PORT_SCHEMA\.md$|fixtures\/registry\/.*\.md$/)), (text) => {
        const a = parseRegistry(path, text);
        const { doc, problems } = a;
        assertInside(text, [...doc.plan, ...doc.actual, ...doc.dates, ...problems].map((i) => i.location), path);
        expect(JSON.stringify(parseRegistry(path, text))).toBe(JSON.stringify(a));
      }),
      { numRuns: RUNS },
    );
  });

  it('service doc (CLAUDE.md)', () => {
    const path = 'services/mana-auth/CLAUDE.md';
    const run = (text: string) => extractServiceDoc({ path, text, locator: createLocator(path, text), service: 'mana-auth' }, context());
    fc.assert(
      fc.property(textOf('markdown', seeds(/CLAUDE\.md$/)), (text) => {
        const x = run(text);
        assertInside(text, [...x.bindings, ...x.references, ...x.problems].map((i) => i.location), path);
        expect(JSON.stringify(run(text))).toBe(JSON.stringify(x));
      }),
      { numRuns: RUNS },
    );
  });

  for (const [id, path, kind, seedPattern] of EXTRACTORS) {
    it(id, async () => {
      const extractor = byId(id);
      expect(extractor.accepts(path)).toBe(true);
      await fc.assert(
        fc.asyncProperty(textOf(kind, seeds(seedPattern)), async (text) => {
          const first = await extractWith(extractor, path, text);
          assertInside(text, first.locations, path);
          expect(JSON.stringify((await extractWith(extractor, path, text)).out)).toBe(JSON.stringify(first.out));
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('config: a Config or a ConfigError, nothing else, and the same one twice', () => {
    const load = (text: string) => {
      try {
        return JSON.stringify(parseConfigText('.github/portwarden.yml', text));
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        return `ConfigError ${error.message}`;
      }
    };
    fc.assert(
      fc.property(textOf('yaml', seeds(/portwarden\.yml$|bad-config\.yml$/)), (text) => {
        expect(load(text)).toBe(load(text));
      }),
      { numRuns: RUNS },
    );
  });
});
