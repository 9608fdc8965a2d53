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
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCli } from './lib/build-cli.mjs';
import { hasGnuTime, measure, median } from './lib/measure.mjs';
import { BENCH, OUT, ensureTree } from './lib/trees.mjs';

const REPO = resolve(BENCH, '..');

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
  const cpu = pw.map((m) => m.cpuSeconds).filter((v) => v !== undefined);
  rows.push({
    n, files: tree.files, read: report.stats?.files, pwSeconds: pwMedian, pwMin: Math.min(...pw.map((m) => m.seconds)),
    cpuSeconds: cpu.length ? median(cpu) : undefined,
    peakMiB: peaks.length ? Math.max(...peaks) : undefined, grepSeconds: median(grep),
    findings: report.summary.total, byRule, drifts: tree.drifts.length, bindings: report.bindings.length,
  });
  process.stderr.write(`N=${n}: ${pwMedian.toFixed(2)} s (runs: ${pw.map((m) => m.seconds.toFixed(2)).join(', ')})\n`);
}

print(rows);
writeFileSync(join(OUT, 'results.json'), JSON.stringify({ machine: machine(), cli, runs, rows }, null, 2) + '\n');

function machine() {
  return { node: process.version, load: loadavg().map((v) => v.toFixed(1)).join(' '), cpus: cpus().length, cpu: cpus()[0]?.model, rss: hasGnuTime ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS' };
}

/** The markdown table, then time per service (linear growth shows as a flat column). */
function print(rows) {
  const m = machine();
  const out = [
    `portwarden vs git grep — ${m.cpus} × ${m.cpu}, Node ${m.node}, median of ${runs} runs (CPU s = user + system), peak RSS via ${m.rss}, load average ${m.load}`,
    '',
    '| N | files | portwarden median s | CPU s | peak MB | git grep median s | ratio | findings |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const peak = r.peakMiB === undefined ? 'n/a' : r.peakMiB.toFixed(0);
    const cpu = r.cpuSeconds === undefined ? 'n/a' : r.cpuSeconds.toFixed(2);
    out.push(`| ${r.n} | ${r.files} | ${r.pwSeconds.toFixed(2)} | ${cpu} | ${peak} | ${r.grepSeconds.toFixed(3)} | ${(r.pwSeconds / r.grepSeconds).toFixed(1)}× | ${r.findings} |`);
  }
  // Per service: overall (start-up included), and marginal over the smallest N (start-up
  // cancelled out). Linear growth shows as a flat marginal column.
  out.push('', '| N | ms per service | marginal ms per service | marginal CPU ms per service | bindings | planted drifts | findings by rule |', '|---:|---:|---:|---:|---:|---:|---|');
  const base = rows.reduce((a, b) => (b.n < a.n ? b : a), rows[0]);
  const marginal = (r, pick) => {
    if (r.n === base.n || pick(r) === undefined || pick(base) === undefined) return '—';
    return (((pick(r) - pick(base)) * 1000) / (r.n - base.n)).toFixed(2);
  };
  for (const r of rows) {
    const rules = Object.entries(r.byRule).sort((a, b) => b[1] - a[1]).map(([id, c]) => `${id} ${c}`).join(', ');
    out.push(`| ${r.n} | ${((r.pwSeconds * 1000) / r.n).toFixed(2)} | ${marginal(r, (x) => x.pwSeconds)} | ${marginal(r, (x) => x.cpuSeconds)} | ${r.bindings} | ${r.drifts} | ${rules || '—'} |`);
  }
  process.stdout.write(out.join('\n') + '\n');
}
