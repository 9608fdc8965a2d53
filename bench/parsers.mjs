#!/usr/bin/env node
/**
 * Parse time of the deploy readers' parsers, this tree against another revision: JSON
 * (package.json, a .NET settings file), XML (a launchd plist) and the shell tokenizer, each on
 * a realistic file (the test fixture) and a large generated one. Both revisions' `src/` are
 * bundled with esbuild and run in this one process, interleaved batch by batch, so machine load
 * falls on both alike; figures are medians of the batches, in microseconds per file, with the
 * CPU time of the batches beside them.
 *
 *   node bench/parsers.mjs [--against <rev>] [--batches 15] [--min-ms 40]
 *
 * Rows: `parse` is the parser alone (for JSON also decoding every string with its source
 * spans, which the old scanner did while parsing); `extract` is the whole extractor on the
 * file (the same API in both revisions). The shell rows compare the tokenizer with
 * tree-sitter-bash (installed with the source grammars) parsing the same text: what a library
 * tokenizer would cost before any word is expanded.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { importFromSrc } from './lib/bundle-src.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(BENCH, '..');
const OUT = join(BENCH, 'out', 'parsers');
const { values } = parseArgs({
  options: {
    against: { type: 'string', default: 'aef6aed' },
    batches: { type: 'string', default: '15' },
    'min-ms': { type: 'string', default: '40' },
  },
});

// --- the two engines -------------------------------------------------------------------------
/** Bundles `lines` (exports) resolved from `root` and imports the result. */
const bundle = (root, lines, name) => importFromSrc(lines, join(OUT, `${name}.mjs`), root);

const shared = [
  "export { packageJsonExtractor } from './src/extract/deploy/package-json.js';",
  "export { dotnetSettingsExtractor } from './src/extract/deploy/dotnet.js';",
  "export { plistExtractor } from './src/extract/deploy/plist.js';",
  "export { shellCommands } from './src/extract/deploy/shell-words.js';",
  "export { parseXml } from './src/extract/deploy/xml.js';",
  "export { createLocator } from './src/core/location.js';",
  "export { HostModel } from './src/core/hosts.js';",
  "export { ServiceIndex } from './src/core/services.js';",
];
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const rev = execFileSync('git', ['rev-parse', '--short', values.against], { cwd: REPO, encoding: 'utf8' }).trim();
const oldRoot = join(OUT, `src-${rev}`);
mkdirSync(oldRoot, { recursive: true });
// The other revision's src/, unpacked inside the repository so its imports resolve against node_modules.
execFileSync('sh', ['-c', `git archive ${rev} src | tar -x -C ${JSON.stringify(oldRoot)}`], { cwd: REPO });
/** True when the other revision has `path`. */
const hasAt = (path) => {
  try {
    execFileSync('git', ['cat-file', '-e', `${rev}:${path}`], { cwd: REPO, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const hasJsonScan = hasAt('src/extract/deploy/json-scan.ts');
// `identity` moved from extract/deploy/ to core/ after the parser change.
const mappedLine = (root) => `export { identity } from './src/${root === REPO || hasAt('src/core/mapped.ts') ? 'core' : 'extract/deploy'}/mapped.js';`;
const jsonLines = (scanner) =>
  scanner
    ? ["export { parseJson as oldParseJson } from './src/extract/deploy/json-scan.js';", "export { blankComments } from './src/extract/deploy/dotnet.js';"] : ["export { parseJson, stringOf } from './src/extract/deploy/json.js';"];
const engines = {
  [rev]: await bundle(oldRoot, [...shared, mappedLine(oldRoot), ...jsonLines(hasJsonScan)], `old-${rev}`),
  tree: await bundle(REPO, [...shared, mappedLine(REPO), ...jsonLines(false)], 'tree'),
};

/** Parses `text` as JSON the way each engine's readers do, every string decoded with its spans. */
function parseJsonAll(engine, text, dialect) {
  if (engine.oldParseJson) {
    // The old .NET reader blanked comments first, then scanned.
    const plain = dialect === 'jsonc' ? engine.blankComments(text) : text;
    return engine.oldParseJson(engine.identity(plain, 0, plain.length));
  }
  const m = engine.identity(text, 0, text.length);
  const root = engine.parseJson(m, dialect);
  const walk = (node) => {
    if (node.type === 'string') engine.stringOf(m, node);
    for (const child of node.children ?? []) walk(child);
  };
  walk(root);
  return root;
}

// --- inputs ----------------------------------------------------------------------------------
const fixture = (p) => readFileSync(join(REPO, 'test/fixtures/deploy', p), 'utf8');
const largePackageJson = JSON.stringify(
  { name: 'big', scripts: Object.fromEntries(Array.from({ length: 4000 }, (_, i) => [`dev:${i}`, `cross-env PORT=${3000 + (i % 1000)} vite --port ${4000 + (i % 1000)} --host "0.0.0.0" && echo \\"done\\"`])) },
  null,
  2,
);
const largeLaunchSettings =
  '{\n  // generated\n  "profiles": {\n' +
  Array.from(
    { length: 2500 },
    (_, i) => `    "p${i}": { "commandName": "Project", "applicationUrl": "https://localhost:${5000 + (i % 900)};http://localhost:${6000 + (i % 900)}", "environmentVariables": { "ASPNETCORE_ENVIRONMENT": "Development", "Identity__Url": "http://localhost:${7000 + (i % 900)}" } }`,
  ).join(',\n') +
  '\n  }\n}\n';
const largePlist =
  '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n<dict>\n  <key>Label</key><string>com.mana.mana-media</string>\n  <key>ProgramArguments</key>\n  <array><string>/usr/bin/node</string><string>--port</string><string>3015</string></array>\n  <key>EnvironmentVariables</key>\n  <dict>\n' +
  Array.from({ length: 6000 }, (_, i) => `    <key>VAR_${i}_URL</key>\n    <string>http://localhost:${3000 + (i % 900)}/a?b=1&amp;c=2</string>\n`).join('') +
  '  </dict>\n</dict>\n</plist>\n';
const script = fixture('scripts/mac-mini/start-media.sh');
const largeScript = Array.from({ length: 400 }, () => script).join('\n');

const files = [
  { name: 'package.json', kind: 'json', dialect: 'json', path: 'services/mana-web/package.json', extractor: 'packageJsonExtractor', realistic: fixture('package.json'), large: largePackageJson },
  { name: 'launchSettings.json', kind: 'json', dialect: 'jsonc', path: 'src/Identity.API/Properties/launchSettings.json', extractor: 'dotnetSettingsExtractor', realistic: fixture('dotnet/Properties/launchSettings.json'), large: largeLaunchSettings },
  { name: 'launchd plist', kind: 'xml', path: 'launchd/com.mana.mana-media.plist', extractor: 'plistExtractor', realistic: fixture('launchd/com.mana.mana-media.plist'), large: largePlist },
];

// --- measuring -------------------------------------------------------------------------------
const batches = Number(values.batches);
const minMs = Number(values['min-ms']);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Calls `fn` in batches long enough to time; returns median µs per call and median CPU µs per call. */
async function time(fns) {
  const out = fns.map(() => ({ wall: [], cpu: [] }));
  // Repetitions per batch, from one timed warm-up call each.
  const reps = [];
  for (const fn of fns) {
    await fn();
    const t = performance.now();
    await fn();
    reps.push(Math.max(1, Math.ceil(minMs / Math.max(performance.now() - t, 0.001))));
  }
  for (let b = 0; b < batches; b++)
    for (let k = 0; k < fns.length; k++) {
      const cpu0 = process.cpuUsage();
      const t = performance.now();
      for (let r = 0; r < reps[k]; r++) await fns[k]();
      const wall = (performance.now() - t) / reps[k];
      const cpu = process.cpuUsage(cpu0);
      out[k].wall.push(wall * 1000);
      out[k].cpu.push((cpu.user + cpu.system) / reps[k]);
    }
  return out.map((o) => ({ wall: median(o.wall), cpu: median(o.cpu) }));
}

const services = (engine) => {
  const s = new engine.ServiceIndex();
  s.add('mana-media');
  s.add('mana-web');
  return s;
};
const extract = (engine, file, text) => () =>
  engine[file.extractor].extract(
    { path: file.path, text, locator: engine.createLocator(file.path, text), service: 'mana-web' },
    { hosts: new engine.HostModel(), services: services(engine), env: new Map() },
  );
const parse = (engine, file, text) => (file.kind === 'xml' ? () => engine.parseXml(text) : () => parseJsonAll(engine, text, file.dialect));

const fmt = (us) => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(1)} µs`);
const rows = [];
const report = (what, size, [a, b], labels = [rev, 'tree']) => {
  const row = { what, size, [labels[0]]: a, [labels[1]]: b, ratio: b.wall / a.wall };
  rows.push(row);
  console.log(
    `${what.padEnd(44)} ${String(size).padStart(8)} B  ${labels[0]} ${fmt(a.wall).padStart(9)} (cpu ${fmt(a.cpu).padStart(9)})  ${labels[1]} ${fmt(b.wall).padStart(9)} (cpu ${fmt(b.cpu).padStart(9)})  ×${row.ratio.toFixed(2)}`,
  );
};

console.log(`parsers: ${rev} (old) against this tree; ${batches} batches of ≥${minMs} ms each, medians per file; load ${loadavg()[0].toFixed(1)}`);
const old = engines[rev];
const tree = engines.tree;
for (const file of files)
  for (const size of ['realistic', 'large']) {
    const text = file[size];
    report(`${file.name} ${size} parse`, text.length, await time([parse(old, file, text), parse(tree, file, text)]));
    report(`${file.name} ${size} extract`, text.length, await time([extract(old, file, text), extract(tree, file, text)]));
  }

// The shell tokenizer against tree-sitter-bash, both in this tree.
const require = createRequire(import.meta.url);
const { Parser, Language } = await import(pathToFileURL(require.resolve('web-tree-sitter')).href);
await Parser.init({ locateFile: () => require.resolve('web-tree-sitter/web-tree-sitter.wasm') });
const bash = new Parser();
bash.setLanguage(await Language.load(join(dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm', 'tree-sitter-bash.wasm')));
for (const [size, text] of [['realistic', script], ['large', largeScript]]) {
  const m = tree.identity(text, 0, text.length);
  const tokenize = () => {
    for (const _ of tree.shellCommands(m, () => undefined));
  };
  const treeSitter = () => bash.parse(text).delete();
  report(`start-media.sh ${size}: tokenizer vs tree-sitter-bash`, text.length, await time([tokenize, treeSitter]), ['words', 'ts-bash']);
}
console.log(`load ${loadavg()[0].toFixed(1)} at the end`);
