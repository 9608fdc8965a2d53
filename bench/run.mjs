#!/usr/bin/env node
/**
 * Measures `portwarden check <dir> --format json` on synthetic monorepos of N services
 * against `git grep -n -E 'PORT|port'` over the same tree (a floor: reading every file
 * once with no parsing). Medians, since the machine is shared and noisy.
 *
 *   node bench/run.mjs [--sizes 20,200,2000] [--runs 5] [--cli dist/cli.js | --build]
 *
 * `--build` bundles the working tree's CLI into bench/out/dist/ instead of using dist/.
 * Trees are cached under bench/out/n<N>/ and regenerated when the generator changes.
 * Results also go to bench/out/results.json.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generate } from './generate.mjs';
import { buildCli } from './lib/build-cli.mjs';
import { hasGnuTime, measure, median } from './lib/measure.mjs';

const BENCH = fileURLToPath(new URL('.', import.meta.url));
const REPO = resolve(BENCH, '..');
const OUT = join(BENCH, 'out');

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '20,200,2000' },
    runs: { type: 'string', default: '5' },
    cli: { type: 'string', default: join(REPO, 'dist/cli.js') },
    build: { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(runs) || runs < 1) {
  process.stderr.write('usage: node bench/run.mjs [--sizes 20,200,2000] [--runs 5] [--cli path | --build]\n');
  process.exit(2);
}

const cli = values.build ? await buildCli(REPO, join(OUT, 'dist')) : resolve(values.cli);
if (!existsSync(cli)) {
  process.stderr.write(`No CLI at ${cli}; run \`npm run build\` or pass --build.\n`);
  process.exit(2);
}
mkdirSync(OUT, { recursive: true });
const fingerprint = generatorFingerprint();

const rows = [];
for (const n of sizes) {
  const tree = ensureTree(n);
  const pwArgs = [cli, 'check', tree.root, '--format', 'json'];
  const grepArgs = ['-C', tree.root, 'grep', '-n', '-E', 'PORT|port'];
  // One untimed run of each warms the page cache and node's compile cache alike.
  const warm = measure(process.execPath, pwArgs, { okStatuses: [0, 1], rss: false });
  measure('git', grepArgs, { rss: false });
  const pw = [];
  const grep = [];
  for (let r = 0; r < runs; r++) {
    pw.push(measure(process.execPath, pwArgs, { okStatuses: [0, 1] }));
    grep.push(measure('git', grepArgs, { rss: false }).seconds);
  }
  const report = JSON.parse(warm.stdout);
  const byRule = {};
  for (const f of report.findings) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
  const pwMedian = median(pw.map((m) => m.seconds));
  const peaks = pw.map((m) => m.peakMiB).filter((v) => v !== undefined);
  rows.push({
    n, files: tree.files, read: report.stats?.files, pwSeconds: pwMedian, pwMin: Math.min(...pw.map((m) => m.seconds)),
    peakMiB: peaks.length ? Math.max(...peaks) : undefined, grepSeconds: median(grep),
    findings: report.summary.total, byRule, drifts: tree.drifts.length, bindings: report.bindings.length,
  });
  process.stderr.write(`N=${n}: ${pwMedian.toFixed(2)} s (runs: ${pw.map((m) => m.seconds.toFixed(2)).join(', ')})\n`);
}

print(rows);
writeFileSync(join(OUT, 'results.json'), JSON.stringify({ machine: machine(), cli, runs, rows }, null, 2) + '\n');

/** Generates bench/out/n<N>/ unless a tree from the same generator is already there. */
function ensureTree(n) {
  const root = join(OUT, `n${n}`);
  const stampPath = join(OUT, `n${n}.json`);
  if (existsSync(stampPath)) {
    const stamp = JSON.parse(readFileSync(stampPath, 'utf8'));
    if (stamp.fingerprint === fingerprint && existsSync(join(root, '.git'))) return { root, ...stamp };
  }
  process.stderr.write(`generating ${n} services in ${root} ...\n`);
  const { files, drifts } = generate(root, n);
  const stamp = { fingerprint, files, drifts };
  writeFileSync(stampPath, JSON.stringify(stamp, null, 2) + '\n');
  return { root, ...stamp };
}

/** A hash of the generator's sources: a changed generator means regenerated trees. */
function generatorFingerprint() {
  const hash = createHash('sha256');
  const lib = readdirSync(join(BENCH, 'lib')).filter((f) => f.endsWith('.mjs')).sort().map((f) => join(BENCH, 'lib', f));
  for (const file of [join(BENCH, 'generate.mjs'), ...lib]) hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

function machine() {
  return { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, rss: hasGnuTime ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS' };
}

/** The markdown table, then time per service (linear growth shows as a flat column). */
function print(rows) {
  const m = machine();
  const out = [
    `portwarden vs git grep — ${m.cpus} × ${m.cpu}, Node ${m.node}, median of ${runs} runs, peak RSS via ${m.rss}`,
    '',
    '| N | files | portwarden median s | peak MB | git grep median s | ratio | findings |',
    '|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const peak = r.peakMiB === undefined ? 'n/a' : r.peakMiB.toFixed(0);
    out.push(`| ${r.n} | ${r.files} | ${r.pwSeconds.toFixed(2)} | ${peak} | ${r.grepSeconds.toFixed(3)} | ${(r.pwSeconds / r.grepSeconds).toFixed(1)}× | ${r.findings} |`);
  }
  out.push('', '| N | ms per service | bindings | planted drifts | findings by rule |', '|---:|---:|---:|---:|---|');
  for (const r of rows) {
    const rules = Object.entries(r.byRule).sort((a, b) => b[1] - a[1]).map(([id, c]) => `${id} ${c}`).join(', ');
    out.push(`| ${r.n} | ${((r.pwSeconds * 1000) / r.n).toFixed(2)} | ${r.bindings} | ${r.drifts} | ${rules || '—'} |`);
  }
  process.stdout.write(out.join('\n') + '\n');
}
