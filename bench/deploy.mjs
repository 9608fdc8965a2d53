#!/usr/bin/env node
/**
 * CPU time of each deploy extractor (compose, Dockerfile, .env, package.json, ...) on the
 * files of a generated tree, this tree's `src/` against another revision's, in one process.
 * The tree is collected and extracted once (one thread) by this revision's engine, recording
 * every file and context handed to a deploy extractor; then both revisions' extractors are run
 * on those same calls, batch by batch, alternating which goes first, so machine load falls on
 * both alike. Figures are medians over the batches of the CPU time (user + system) of one pass
 * over all the files of that extractor. The first batch also compares the two revisions'
 * extractions (as JSON) file by file: a speed change must not change one.
 *
 *   node bench/deploy.mjs [--against main] [--n 2000] [--batches 7] [--only compose,dockerfile]
 *                         [--in-run new|old] [--profile out.cpuprofile]
 *
 * `--in-run` picks the revision whose extractors the whole extraction runs with; the CPU time
 * charged to each extractor there (cold code, a heap holding the other files' results) is the
 * first column. It is the process's CPU time, so it also holds what V8's background threads
 * (concurrent marking, optimising compilers, the wasm tier-up of tree-sitter) did meanwhile:
 * several times the batch figures, and only roughly comparable between `--in-run old` and
 * `--in-run new` runs.
 *
 * `--profile` writes a V8 CPU profile of the batches alone (both revisions: their functions
 * come from bench/out/deploy/old.mjs and new-deploy.mjs).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { importFromSrc } from './lib/bundle-src.mjs';
import { ensureTree } from './lib/trees.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(BENCH, '..');
const OUT = join(BENCH, 'out', 'deploy');
const { values } = parseArgs({
  options: {
    against: { type: 'string', default: 'main' },
    n: { type: 'string', default: '2000' },
    batches: { type: 'string', default: '7' },
    only: { type: 'string' },
    profile: { type: 'string' },
    'in-run': { type: 'string', default: 'new' },
  },
});
const only = values.only ? new Set(values.only.split(',')) : undefined;

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const rev = execFileSync('git', ['rev-parse', '--short', values.against], { cwd: REPO, encoding: 'utf8' }).trim();
const oldRoot = join(OUT, `src-${rev}`);
mkdirSync(oldRoot, { recursive: true });
// The other revision's src/, unpacked inside the repository so its imports resolve against node_modules.
execFileSync('sh', ['-c', `git archive ${rev} src | tar -x -C ${JSON.stringify(oldRoot)}`], { cwd: REPO });

const engine = await importFromSrc(
  [
    "export { loadConfig } from './src/engine.js';",
    "export { collect } from './src/collect/index.js';",
    "export { extractAll } from './src/extract/index.js';",
    "export { deployExtractors } from './src/extract/deploy/index.js';",
  ],
  join(OUT, 'new.mjs'),
);
// Each side compared gets a bundle of its own, holding only the deploy extractors, so neither
// runs on code the whole extraction has already trained (type feedback, optimised functions).
const deployOnly = ["export { deployExtractors } from './src/extract/deploy/index.js';"];
const old = await importFromSrc(deployOnly, join(OUT, 'old.mjs'), oldRoot);
const mine = await importFromSrc(deployOnly, join(OUT, 'new-deploy.mjs'));

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Record every call of a deploy extractor during one whole extraction on the main thread, run
// by the `--in-run` revision's extractors and charged the CPU time of each call: the cost
// inside a real run (cold code, a heap full of the other extractors' garbage).
process.env.PORTWARDEN_WORKERS = '1';
const calls = new Map();
const inRun = new Map();
const originals = new Map();
const oldById = new Map(old.deployExtractors.map((e) => [e.id, e]));
for (const extractor of engine.deployExtractors) {
  const { extract } = extractor;
  originals.set(extractor, extract);
  const runner = values['in-run'] === 'old' ? oldById.get(extractor.id) : { extract: (file, ctx) => extract.call(extractor, file, ctx) };
  extractor.extract = async (file, ctx) => {
    if (!only || only.has(extractor.id)) {
      if (!calls.has(extractor.id)) calls.set(extractor.id, []);
      calls.get(extractor.id).push({ file, ctx });
    }
    const started = cpuMs();
    try {
      return await runner.extract(file, ctx);
    } finally {
      inRun.set(extractor.id, (inRun.get(extractor.id) ?? 0) + cpuMs() - started);
    }
  };
}
const tree = ensureTree(Number(values.n));
const { config } = engine.loadConfig(tree.root);
await engine.extractAll(await engine.collect(tree.root, config), config);
for (const [extractor, extract] of originals) extractor.extract = extract;

const byId = (list) => new Map(list.map((e) => [e.id, e]));
const sides = { new: byId(mine.deployExtractors), old: byId(old.deployExtractors) };
const rows = [];
const session = values.profile ? new Session() : undefined;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
for (const [id, list] of calls) {
  const times = { new: [], old: [] };
  let differing = 0;
  for (let b = 0; b < Number(values.batches); b++) {
    const order = b % 2 === 0 ? ['old', 'new'] : ['new', 'old'];
    const results = {};
    for (const side of order) {
      const extractor = sides[side].get(id);
      const started = cpuMs();
      results[side] = [];
      for (const { file, ctx } of list) results[side].push(await extractor.extract(file, ctx));
      times[side].push(cpuMs() - started);
    }
    if (b === 0) for (let i = 0; i < list.length; i++) if (JSON.stringify(results.old[i]) !== JSON.stringify(results.new[i])) differing++;
  }
  rows.push({ id, files: list.length, inRun: inRun.get(id) ?? 0, old: median(times.old), new: median(times.new), differing });
}

if (session) {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(values.profile, JSON.stringify(profile));
  session.disconnect();
}
const load = loadavg()[0].toFixed(1);
const lines = [
  `Deploy extractors at N=${values.n}: ${rev} (old) against this tree (new), CPU ms per pass, median of ${values.batches} batches, load ${load}`,
  '',
  `| extractor | files | in the run (${values['in-run']}) ms | old ms | new ms | new/old | extractions differing |`,
  '|---|---:|---:|---:|---:|---:|---:|',
];
for (const r of rows.sort((a, b) => b.old - a.old)) lines.push(`| ${r.id} | ${r.files} | ${r.inRun.toFixed(0)} | ${r.old.toFixed(0)} | ${r.new.toFixed(0)} | ${(r.new / r.old).toFixed(2)} | ${r.differing} |`);
const sum = (k) => rows.reduce((s, r) => s + r[k], 0);
lines.push(`| all | ${sum('files')} | ${sum('inRun').toFixed(0)} | ${sum('old').toFixed(0)} | ${sum('new').toFixed(0)} | ${(sum('new') / sum('old')).toFixed(2)} | ${sum('differing')} |`);
process.stdout.write(lines.join('\n') + '\n');
if (sum('differing') > 0) process.exitCode = 1;
