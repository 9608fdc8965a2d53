#!/usr/bin/env node
/**
 * What the extraction cache across runs (`check --cache <file>`) saves: on a clone of each
 * tree, alternately, a cold check (no cache file), a warm one (the cache file a previous run
 * of the same tree wrote) and one with one file changed since that run (a service's source
 * default moved; the file is changed before that run and put back after). Each cached run gets
 * a fresh copy of the same cache file. Printed are the medians of wall time, CPU time (user +
 * system) and peak RSS, and the cache file's size. Before measuring, the warm run's report is
 * compared with the cold run's, and the changed run's with a cold run of the changed tree: they
 * must be byte-identical (the timing aside).
 *
 *   node bench/cache.mjs --cli <cli.js> [--trees 200,2000,<git repo dir>] [--runs 5]
 *
 * A number is the bench's synthetic tree of that many services (bench/out/n<N>, generated when
 * missing); a directory is any git repository. The clone holds only what is committed, and is
 * removed afterwards.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { measure, median } from './lib/measure.mjs';
import { ensureTree } from './lib/trees.mjs';

const { values } = parseArgs({
  options: {
    cli: { type: 'string' },
    trees: { type: 'string', default: '200,2000' },
    runs: { type: 'string', default: '5' },
  },
});
if (!values.cli) {
  process.stderr.write('usage: node bench/cache.mjs --cli <cli.js> [--trees 200,2000,<dir>] [--runs 5]\n');
  process.exit(2);
}
const runs = Number(values.runs);
const cli = resolve(values.cli);

/** The report of one run, without its timing. */
const report = (m) => m.stdout.replace(/"ms": \d+/, '"ms": 0');

/** A clone of `source` (through git's transport, packed as a runner's checkout is), and the source file the changed run edits. */
function cloneOf(source) {
  const dir = join(mkdtempSync(join(tmpdir(), 'pw-bench-cache-')), 'repo');
  execFileSync('git', ['clone', '-q', '--no-local', source, dir], { cwd: tmpdir() });
  const files = execFileSync('git', ['ls-files'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 }).trim().split('\n');
  const changed = files.find((f) => /(^|\/)src\/config\.ts$/.test(f)) ?? files.find((f) => /\.(ts|js|py|go)$/.test(f));
  if (!changed) throw new Error(`${source}: no source file to change`);
  const text = readFileSync(join(dir, changed), 'utf8');
  const moved = text.replace(/\b(\d{4})\b/, (p) => String(Number(p) + 1));
  return { dir, files: files.length, path: join(dir, changed), text, moved: moved === text ? `${text}// changed\n` : moved };
}

const lines = [`Extraction cache across runs, median of ${runs} alternating runs; ${cli}`, ''];
lines.push('| tree | files | cache MB | cold wall s | cold CPU s | cold MB | warm wall s | warm CPU s | warm MB | 1 changed wall s | 1 changed CPU s | 1 changed MB | load |');
lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const spec of values.trees.split(',')) {
  const source = /^\d+$/.test(spec) ? ensureTree(Number(spec)).root : resolve(spec);
  if (!existsSync(join(source, '.git'))) throw new Error(`${source} is not a git repository`);
  const tree = cloneOf(source);
  const scratch = join(tree.dir, '..');
  try {
    const check = (cache) => measure(process.execPath, [cli, 'check', tree.dir, '--format', 'json', ...(cache ? ['--cache', cache] : [])], { okStatuses: [0, 1] });
    // The cache file a previous run of the same tree leaves.
    const saved = join(scratch, 'saved.cache');
    check(saved);
    const fresh = () => (copyFileSync(saved, join(scratch, 'run.cache')), join(scratch, 'run.cache'));
    const kinds = {
      cold: () => check(),
      warm: () => check(fresh()),
      changed: () => {
        const cache = fresh();
        writeFileSync(tree.path, tree.moved);
        try {
          return check(cache);
        } finally {
          writeFileSync(tree.path, tree.text);
        }
      },
    };
    // Same reports, with and without the cache.
    if (report(kinds.warm()) !== report(kinds.cold())) throw new Error(`${spec}: the warm run's report differs from the cold run's`);
    writeFileSync(tree.path, tree.moved);
    const coldChanged = report(check());
    writeFileSync(tree.path, tree.text);
    if (report(kinds.changed()) !== coldChanged) throw new Error(`${spec}: the changed run's report differs from a cold run of the changed tree`);

    const load = loadavg()[0];
    const got = { cold: [], warm: [], changed: [] };
    for (let r = 0; r < runs; r++) {
      const order = r % 2 ? Object.keys(kinds).reverse() : Object.keys(kinds);
      for (const k of order) got[k].push(kinds[k]());
    }
    const cols = (k) => [median(got[k].map((m) => m.seconds)), median(got[k].map((m) => m.cpuSeconds ?? NaN)), median(got[k].map((m) => m.peakMiB ?? NaN))].map((v, i) => v.toFixed(i === 2 ? 0 : 2)).join(' | ');
    const mb = (statSync(saved).size / 1024 / 1024).toFixed(1);
    lines.push(`| ${spec.replace(/^.*\//, '')} | ${tree.files} | ${mb} | ${cols('cold')} | ${cols('warm')} | ${cols('changed')} | ${load.toFixed(1)} |`);
    process.stderr.write(lines.at(-1) + '\n');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
process.stdout.write(lines.join('\n') + '\n');
