#!/usr/bin/env node
/**
 * Fuzzes every reader: feeds generated and mutated inputs per format (registry, CLAUDE.md,
 * compose, Dockerfile, env, TypeScript, Python, Go, package.json, .NET settings, launchd plist,
 * config) to the real parsers, bundled from
 * `src/` into bench/out/fuzz/ (with the tree-sitter wasm files beside the bundle, as in dist/).
 * Seeds are the test fixtures, the example monorepo and hostile shapes (thousands of `>`,
 * nested `- `, `[`, YAML alias chains); mutations flip bytes, repeat slices and characters,
 * nest deeply, build huge lines and splice seeds together.
 *
 * Per format it prints: inputs, crashes (a reader threw, or a position fell outside its
 * file), timeouts (an input of at most 1 MiB that took more than 1 s of CPU time), the
 * slowest input (size, ms, what it was) and the total time. CPU time of this thread is the
 * measure (the machine is shared; wall time moves with other people's load); wall time of
 * the slowest input is printed beside it.
 *
 *   node bench/fuzz.mjs [--count 100000] [--budget 600] [--formats registry,compose] [--seed 1]
 *   node bench/fuzz.mjs --formats dockerfile --replay bench/out/fuzz/timeout-dockerfile-1.txt
 *
 * --count is per format; --budget (seconds, per format) stops a format early, saying so.
 * Exit code 1 when any crash or timeout was found; crashing inputs are written to
 * bench/out/fuzz/crash-<format>-<n>.txt. Each input is written to bench/out/fuzz/current-<format>.txt
 * before it is read, so an input that kills the process (out of memory) is left on disk.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { importFromSrc } from './lib/bundle-src.mjs';
import { createRandom } from './lib/random.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(BENCH, '..');
const OUT = join(BENCH, 'out', 'fuzz');
const MIB = 1024 * 1024;
const TIMEOUT_MS = 1000;

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    budget: { type: 'string', default: '1800' },
    formats: { type: 'string', default: '' },
    seed: { type: 'string', default: '1' },
    replay: { type: 'string', default: '' },
  },
});
const count = Number(values.count);
const budgetMs = Number(values.budget) * 1000;

// --- the engine's readers, bundled from src/ -------------------------------------------
mkdirSync(join(OUT, 'wasm'), { recursive: true });
const outfile = join(OUT, values.replay ? 'replay-engine.js' : 'fuzz-engine.js');
const exportsUsed = [
  "export { parseRegistry } from './src/extract/registry/index.js';",
  "export { extractServiceDoc } from './src/extract/service-doc/index.js';",
  "export { deployExtractors } from './src/extract/deploy/index.js';",
  "export { sourceExtractors } from './src/extract/source/index.js';",
  "export { parseConfig } from './src/config/parse.js';",
  "export { catalogue } from './src/rules/index.js';",
  "export { ConfigError } from './src/config/types.js';",
  "export { HostModel } from './src/core/hosts.js';",
  "export { ServiceIndex } from './src/core/services.js';",
  "export { createLocator } from './src/core/location.js';",
];

const require = createRequire(import.meta.url);
const wasmDir = join(dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm');
for (const name of ['tree-sitter-typescript.wasm', 'tree-sitter-tsx.wasm', 'tree-sitter-javascript.wasm', 'tree-sitter-python.wasm', 'tree-sitter-go.wasm']) copyFileSync(join(wasmDir, name), join(OUT, 'wasm', name));
copyFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm'), join(OUT, 'wasm', 'web-tree-sitter.wasm'));
const engine = await importFromSrc(exportsUsed, outfile);

// --- how each format is read --------------------------------------------------------------
const hosts = () => new engine.HostModel([{ id: 'mac-mini', label: 'Mac Mini (production)', aliases: ['macmini'], addresses: ['192.168.178.11'] }]);
const services = () => {
  const s = new engine.ServiceIndex();
  for (const n of ['mana-auth', 'mana-sync', 'mana-search', 'redis', 'postgres']) s.add(n);
  return s;
};
const extractorFor = (id) => [...engine.deployExtractors, ...engine.sourceExtractors].find((e) => e.id === id);

/** Runs an extractor on `text` at `path` and returns every located item. */
async function viaExtractor(id, path, text) {
  const file = { path, text, locator: engine.createLocator(path, text), service: 'mana-auth' };
  const x = await extractorFor(id).extract(file, { hosts: hosts(), services: services(), env: new Map([['PORT', '3001']]) });
  return [...x.bindings, ...x.references, ...x.problems].map((i) => i.location);
}

const readers = {
  registry: (text) => {
    const { doc, problems } = engine.parseRegistry('docs/PORT_SCHEMA.md', text, services());
    return [...doc.plan, ...doc.actual, ...problems, ...doc.dates].map((i) => i.location);
  },
  'claude-md': (text) => {
    const path = 'services/mana-auth/CLAUDE.md';
    const x = engine.extractServiceDoc({ path, text, locator: engine.createLocator(path, text), service: 'mana-auth' }, { hosts: hosts(), services: services(), env: new Map() });
    return [...x.bindings, ...x.references, ...x.problems].map((i) => i.location);
  },
  compose: (text) => viaExtractor('compose', 'docker-compose.macmini.yml', text),
  dockerfile: (text) => viaExtractor('dockerfile', 'services/mana-auth/Dockerfile', text),
  env: (text) => viaExtractor('env', 'services/mana-auth/.env', text),
  ts: (text) => viaExtractor('typescript', 'services/mana-auth/src/config.ts', text),
  python: (text) => viaExtractor('python', 'services/mana-auth/app/main.py', text),
  go: (text) => viaExtractor('go', 'services/mana-auth/config.go', text),
  'package-json': (text) => viaExtractor('package-json', 'services/mana-auth/package.json', text),
  dotnet: (text) => viaExtractor('dotnet-settings', 'src/Auth.API/Properties/launchSettings.json', text),
  plist: (text) => viaExtractor('launchd', 'deploy/mac-mini/launchd/com.mana.mana-auth.plist', text),
  config: (text) => {
    try {
      engine.parseConfig('.github/portwarden.yml', text, engine.catalogue);
    } catch (error) {
      // A refused config is the expected outcome for most mutations; anything else is a crash.
      if (!(error instanceof engine.ConfigError)) throw error;
    }
    return [];
  },
};

// --- seeds --------------------------------------------------------------------------------
function filesUnder(dir, test) {
  const out = [];
  const walk = (d) => {
    if (!existsSync(d)) return;
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (name === 'node_modules' || name === 'vendor') continue;
      if (statSync(p).isDirectory()) walk(p);
      else if (test(p)) out.push(readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}
const roots = [join(REPO, 'test/fixtures'), join(REPO, 'examples')];
const seedsOf = (test) => roots.flatMap((r) => filesUnder(r, test));
const nested = (unit, n) => Array.from({ length: n }, (_, i) => ' '.repeat(2 * i) + unit).join('\n');
const aliasChain = (n) => ['a0: &a0 {p: 1}', ...Array.from({ length: n }, (_, i) => `a${i + 1}: &a${i + 1} {<<: *a${i}}`)].join('\n');

const SEEDS = {
  registry: [...seedsOf((p) => /PORT_SCHEMA\.md$|fixtures\/registry\/.*\.md$/.test(p)), '>'.repeat(4000), '- '.repeat(2000), '['.repeat(20000), nested('- x', 300), '> a\n\nb\n\n'.repeat(600), '| a | b |\n|---|---|\n' + '| 1 | 2 |\n'.repeat(20000)],
  'claude-md': [...seedsOf((p) => p.endsWith('CLAUDE.md')), 'port\n' + '>'.repeat(40000), '- **Port:** 3001\n' + '[a]: http://x:1\n'.repeat(2000), '*'.repeat(5000) + 'a' + '*'.repeat(5000)],
  compose: [...seedsOf((p) => /compose[^/]*\.ya?ml$/.test(p)), aliasChain(50000), 'services:\n  a:\n    ports:\n' + '      - "3001:3001"\n'.repeat(5000)],
  dockerfile: [...seedsOf((p) => /Dockerfile[^/]*$/.test(p)), 'FROM a\n' + 'RUN x \\\n'.repeat(20000) + 'EXPOSE 3001', 'FROM a\nARG P=3001\n' + 'ENV P=${P}\n'.repeat(5000)],
  env: [...seedsOf((p) => /\/\.env[^/]*$/.test(p)), 'A=${' .repeat(10000), 'PORT=3001\n'.repeat(20000)],
  ts: [...seedsOf((p) => /\.(ts|js)(\.txt)?$/.test(p)), 'const p = ' + '('.repeat(5000) + '3001' + ')'.repeat(5000), 'listen(' + '[' .repeat(3000)],
  python: [...seedsOf((p) => /\.py(\.txt)?$/.test(p)), 'x = ' + '('.repeat(3000) + '1' + ')'.repeat(3000), 'os.getenv("PORT", "3001")\n'.repeat(10000)],
  go: [...seedsOf((p) => /\.go(\.txt)?$/.test(p)), 'package main\nvar x = ' + '('.repeat(3000) + '1' + ')'.repeat(3000), 'package main\n' + 'func f() { getEnv("PORT", "3001") }\n'.repeat(5000)],
  'package-json': [...seedsOf((p) => /package\.json$/.test(p)), '{"scripts":' + '['.repeat(20000), '{"scripts": {' + '"dev": "vite --port 3001",'.repeat(5000) + '"x": "\\u0033"}}'],
  dotnet: [...seedsOf((p) => /launchSettings\.json$|appsettings[^/]*\.json$/.test(p)), '{"profiles": {' + '/* c */'.repeat(20000) + '}}', '{"profiles":' + '{"p":'.repeat(20000)],
  plist: [...seedsOf((p) => /\.plist$/.test(p)), '<plist>' + '<dict>'.repeat(20000), '<!DOCTYPE plist [<!ENTITY a "3001"><!ENTITY b "&a;&a;&a;">]><plist><dict><key>EnvironmentVariables</key><dict><key>PORT</key><string>&b;</string></dict></dict></plist>', '<plist><string>' + '&amp;'.repeat(50000) + '</string></plist>'],
  config: [...seedsOf((p) => /portwarden\.yml$|bad-config\.yml$/.test(p)), aliasChain(50000), 'ignore:\n  - "' + '*'.repeat(70000) + '"\n', 'hosts:\n' + '  - id: h\n    paths: ["**/x"]\n'.repeat(2000)],
};

// --- mutations ----------------------------------------------------------------------------
const TOKENS = ['>', '- ', '* ', '1. ', '[', ']', '(', ')', '`', '```\n', '|', '\n', '\r', '\t', '  ', '&a ', '*a', '<<: ', '${', '}', ':', '"', "'", '\\', '#', '<!--', '-->', '\u0000', '\uFFFD', '３', '_', '0x', 'e3', '3001', '65536', 'PORT', 'localhost:', 'http://', '{', '[', '- "3001:3001"\n', '\\\n'];

function mutate(rand, text, seeds) {
  const at = () => rand.int(0, text.length);
  // Sizes: mostly small, one in twenty large (the shapes that find super-linear time).
  const big = (small, large) => rand.int(1, rand.next() < 0.05 ? large : small);
  switch (rand.int(0, 10)) {
    case 0: { // flip a byte
      if (!text.length) return text + rand.pick(TOKENS);
      const i = rand.int(0, text.length - 1);
      return text.slice(0, i) + String.fromCharCode(text.charCodeAt(i) ^ (1 << rand.int(0, 7))) + text.slice(i + 1);
    }
    case 1: { // insert a token
      const i = at();
      return text.slice(0, i) + rand.pick(TOKENS) + text.slice(i);
    }
    case 2: { // delete a range
      const i = at();
      return text.slice(0, i) + text.slice(Math.min(text.length, i + rand.int(1, 64)));
    }
    case 3: { // repeat a slice
      const i = at();
      const slice = text.slice(i, i + rand.int(1, 80));
      return text.slice(0, i) + slice.repeat(1 + big(50, 500)) + text.slice(i);
    }
    case 4: { // repeat one token many times (deep nesting, long runs)
      const i = at();
      return text.slice(0, i) + rand.pick(TOKENS).repeat(big(300, 20000)) + text.slice(i);
    }
    case 5: { // nest a line deeply
      const lines = text.split('\n');
      const k = rand.int(0, lines.length - 1);
      const prefix = rand.pick(['> ', '- ', '  ', '\t', '>', '1. ', '  - ']);
      lines[k] = prefix.repeat(big(60, 3000)) + lines[k];
      return lines.join('\n');
    }
    case 6: { // a huge line
      const lines = text.split('\n');
      const k = rand.int(0, lines.length - 1);
      lines[k] = (lines[k] || 'x').repeat(Math.ceil(big(4000, 200000) / Math.max(1, lines[k].length)));
      return lines.join('\n');
    }
    case 7: { // splice two seeds
      const other = rand.pick(seeds);
      const j = rand.int(0, other.length);
      return text.slice(0, at()) + other.slice(j);
    }
    case 8: // truncate
      return text.slice(0, at());
    case 9: { // duplicate lines
      const lines = text.split('\n');
      const k = rand.int(0, lines.length - 1);
      lines.splice(k, 0, ...Array(1 + big(100, 2000)).fill(lines[k]));
      return lines.join('\n');
    }
    default: { // random printable and control bytes
      const i = at();
      let junk = '';
      for (let n = rand.int(1, 50); n > 0; n--) junk += String.fromCharCode(rand.int(0, 127));
      return text.slice(0, i) + junk + text.slice(i);
    }
  }
}

/** A short description of an input for the report. */
const describe = (how, text) => `${how}: ${JSON.stringify(text.slice(0, 40))}${text.length > 40 ? '…' : ''}`;

/** Positions must lie inside the file: line 1..lines, columns within their line (+1 for the end). */
function outside(text, locations) {
  const lines = text.split('\n');
  for (const l of locations) {
    if (!l) return 'missing location';
    const ok = (line, col) => line >= 1 && line <= lines.length && col >= 1 && col <= lines[line - 1].length + 1;
    if (!ok(l.line, l.column) || !ok(l.endLine ?? l.line, l.endColumn ?? l.column)) return `${l.line}:${l.column}-${l.endLine}:${l.endColumn}`;
  }
  return undefined;
}

// --- replay: one saved input through one reader, timed -------------------------------------
if (values.replay) {
  const format = values.formats.split(',')[0];
  const text = readFileSync(values.replay, 'utf8');
  const cpu0 = process.cpuUsage();
  let result;
  try {
    const problem = outside(text, await readers[format](text));
    result = problem ? `position outside the file: ${problem}` : 'ok';
  } catch (error) {
    result = `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
  }
  const cpu = process.cpuUsage(cpu0);
  console.log(`${format} ${values.replay}: ${text.length} chars, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU, ${result}`);
  process.exit(0);
}

// --- run ----------------------------------------------------------------------------------
const chosen = values.formats ? values.formats.split(',') : Object.keys(readers);
const rows = [];
let failed = false;
for (const format of chosen) {
  const rand = createRandom(Number(values.seed) * 7919 + format.length * 104729 + format.charCodeAt(0));
  const seeds = SEEDS[format].filter((s) => s.length <= MIB);
  const row = { format, inputs: 0, crashes: 0, timeouts: 0, slowest: { ms: -1, wall: 0, size: 0, what: '' }, bytes: 0, totalMs: 0, stopped: false };
  const started = performance.now();
  for (let n = 0; n < count; n++) {
    if (performance.now() - started > budgetMs) {
      row.stopped = true;
      break;
    }
    // The seeds themselves first, then one to four stacked mutations of a seed.
    let text;
    let how;
    if (n < seeds.length) {
      text = seeds[n];
      how = `seed ${n}`;
    } else {
      text = rand.pick(seeds);
      const steps = rand.int(1, 4);
      for (let s = 0; s < steps; s++) text = mutate(rand, text, seeds);
      if (text.length > MIB) text = text.slice(0, MIB);
      how = `${steps} mutation(s)`;
    }
    // Written before reading: an input that runs the process out of memory leaves no other trace.
    writeFileSync(join(OUT, `current-${format}.txt`), text);
    const cpu0 = process.cpuUsage();
    const wall0 = performance.now();
    let problem;
    try {
      problem = outside(text, await readers[format](text));
      if (problem) problem = `position outside the file: ${problem}`;
    } catch (error) {
      problem = `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
    }
    const cpu = process.cpuUsage(cpu0);
    const ms = (cpu.user + cpu.system) / 1000;
    const wall = performance.now() - wall0;
    row.inputs++;
    row.bytes += text.length;
    if (problem) {
      row.crashes++;
      failed = true;
      writeFileSync(join(OUT, `crash-${format}-${row.crashes}.txt`), text);
      if (row.crashes <= 5) console.error(`${format}: crash ${row.crashes} (${problem}) — ${describe(how, text)}`);
    }
    if (ms > TIMEOUT_MS && text.length <= MIB) {
      row.timeouts++;
      failed = true;
      writeFileSync(join(OUT, `timeout-${format}-${row.timeouts}.txt`), text);
      console.error(`${format}: timeout ${ms.toFixed(0)} ms CPU on ${text.length} chars — ${describe(how, text)}`);
    }
    if (ms > row.slowest.ms) row.slowest = { ms, wall, size: text.length, what: describe(how, text) };
  }
  row.totalMs = performance.now() - started;
  row.load = loadavg()[0];
  rows.push(row);
  const s = row.slowest;
  console.log(
    `${format.padEnd(10)} inputs ${String(row.inputs).padStart(7)}  crashes ${row.crashes}  timeouts ${row.timeouts}  ` +
      `slowest ${s.ms.toFixed(0)} ms CPU (${s.wall.toFixed(0)} ms wall) on ${s.size} chars (${s.what})  ` +
      `total ${(row.totalMs / 1000).toFixed(0)} s, ${(row.bytes / MIB).toFixed(0)} MiB, load ${row.load.toFixed(1)}${row.stopped ? '  (stopped by --budget)' : ''}`,
  );
}
writeFileSync(join(OUT, 'results.json'), JSON.stringify(rows, null, 2));
process.exitCode = failed ? 1 : 0;
