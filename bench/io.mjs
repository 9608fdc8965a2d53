#!/usr/bin/env node
/**
 * What reading the tree costs before any parser runs: the walk (collect) and the safe read of
 * every file an extractor would be handed (read, decode, suppressions scan), bundled from
 * `src/` and run in this process, against `grep -rIn -E 'PORT|port'` over the same tree. Each
 * is run `--runs` times after one warm-up; medians of CPU time (user + system of this process,
 * or of grep) and of wall time. `--ref <dir>` times a second source tree (an export of another
 * revision: `git archive <rev> src | tar -x -C <dir>`) alternately with this one.
 *
 *   node bench/io.mjs [--n 2000] [--runs 5] [--ref <dir>]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, symlinkSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { importFromSrc } from './lib/bundle-src.mjs';
import { measure, median } from './lib/measure.mjs';
import { BENCH, OUT, ensureTree } from './lib/trees.mjs';

const { values } = parseArgs({ options: { n: { type: 'string', default: '2000' }, runs: { type: 'string', default: '5' }, ref: { type: 'string' } } });
const tree = ensureTree(Number(values.n));
const runs = Number(values.runs);
const REPO = resolve(BENCH, '..');

const exportsUsed = [
  "export { loadConfig } from './src/engine.js';",
  "export { collect } from './src/collect/index.js';",
  "export { readText } from './src/collect/read.js';",
  "export { findSuppressions } from './src/collect/suppressions.js';",
  "export { wanted } from './src/extract/files.js';",
];

/** The engine's walk and read, from the sources under `root`. */
async function side(name, root) {
  if (root !== REPO && !existsSync(join(root, 'node_modules'))) symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));
  const engine = await importFromSrc(exportsUsed, join(OUT, `io-${name}.js`), root);
  const { config } = engine.loadConfig(tree.root);
  return () => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const collected = engine.collect(tree.root, config);
    const walked = { cpu: process.cpuUsage(cpu), wall: performance.now() - started };
    let bytes = 0;
    let files = 0;
    const checked = new Set();
    for (const file of collected.files) {
      const owner = collected.ownerOf(file.path);
      const job = { ...file, isDoc: collected.serviceDocs.has(file.path), ...(owner ? { owner } : {}) };
      if (!engine.wanted(job)) continue;
      const read = engine.readText(job, config.maxFileBytes, checked);
      files++;
      if ('text' in read) {
        bytes += read.text.length;
        engine.findSuppressions(job.path, read.text);
      }
    }
    const total = process.cpuUsage(cpu);
    const ms = (u) => (u.user + u.system) / 1000;
    return { walkCpu: ms(walked.cpu), walkWall: walked.wall, cpu: ms(total), wall: performance.now() - started, files, bytes, listed: collected.files.length };
  };
}

const sides = [['this', await side('this', REPO)]];
if (values.ref) sides.unshift(['ref', await side('ref', resolve(values.ref))]);
const grep = () => measure('grep', ['-rIn', '-E', 'PORT|port', '--exclude-dir=.git', '--exclude-dir=node_modules', '.'], { cwd: tree.root, okStatuses: [0, 1] });

const got = new Map([...sides.map(([name]) => [name, []]), ['grep', []]]);
for (const [, run] of sides) run();
grep();
for (let r = 0; r < runs; r++) {
  for (const [name, run] of r % 2 ? [...sides].reverse() : sides) got.get(name).push(run());
  const g = grep();
  got.get('grep').push({ cpu: g.cpuSeconds * 1000, wall: g.seconds * 1000 });
}

const med = (rows, key) => median(rows.map((row) => row[key])).toFixed(0);
const lines = [`Walk + read at N=${values.n} (${tree.files} files), median of ${runs} after a warm-up, load ${loadavg()[0].toFixed(1)}`, '', '| what | files read | MB | walk CPU ms | walk wall ms | walk + read CPU ms | wall ms |', '|---|---:|---:|---:|---:|---:|---:|'];
for (const [name] of sides) {
  const rows = got.get(name);
  lines.push(`| ${name} | ${rows[0].files} of ${rows[0].listed} | ${(rows[0].bytes / 1e6).toFixed(1)} | ${med(rows, 'walkCpu')} | ${med(rows, 'walkWall')} | ${med(rows, 'cpu')} | ${med(rows, 'wall')} |`);
}
lines.push(`| grep -rIn | all | | | | ${med(got.get('grep'), 'cpu')} | ${med(got.get('grep'), 'wall')} |`);
process.stdout.write(lines.join('\n') + '\n');
