#!/usr/bin/env node
/**
 * Measures `portwarden check <tree> --format json` against `grep -rIn -E 'PORT|port'` over the
 * same tree, in the same run, on: the bundled example, the four real-world repositories of
 * the corpus, and synthetic monorepos of N services (bench/generate.mjs). Per tree:
 * portwarden's median wall time, median CPU time, peak RSS, grep's median wall time, the
 * ratio of the medians, and the load average when the tree was measured (the machine is
 * shared: wall time moves with other people's load, CPU time much less). Between synthetic
 * sizes it prints the growth exponent k of time ∝ N^k (1 is linear).
 *
 *   node bench/run.mjs [--trees example,corpus,200,2000,10000] [--runs 5] [--warmup 1] [--cli dist/cli.js | --build]
 *
 * `--trees` takes `example`, `corpus` (all four), a corpus name, or a number of services.
 * `--build` bundles the working tree into bench/out/dist/ (scripts/build.mjs) instead of
 * using dist/. Results also go to bench/out/results.json.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCli } from './lib/build-cli.mjs';
import { hasGnuTime, measure, median } from './lib/measure.mjs';
import { BENCH, CORPUS, EXAMPLE, OUT, ensureCorpus, ensureTree } from './lib/trees.mjs';

const REPO = resolve(BENCH, '..');
const USAGE = 'usage: node bench/run.mjs [--trees example,corpus,200,2000,10000] [--runs 5] [--warmup 1] [--cli path | --build]\n';

const { values } = parseArgs({
  options: {
    trees: { type: 'string', default: 'example,corpus,200,2000,10000' },
    runs: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
    cli: { type: 'string', default: join(REPO, 'dist/cli.js') },
    build: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const warmups = Number(values.warmup);
const specs = values.trees.split(',').flatMap((t) => (t === 'corpus' ? CORPUS : [t]));
const bad = specs.filter((t) => t !== 'example' && !CORPUS.includes(t) && !(Number.isInteger(Number(t)) && Number(t) >= 1));
if (bad.length || !Number.isInteger(runs) || runs < 1 || !Number.isInteger(warmups) || warmups < 0) {
  process.stderr.write(`${bad.length ? `unknown tree ${bad.join(', ')}; ` : ''}${USAGE}`);
  process.exit(2);
}

const cli = values.build ? await buildCli(REPO, join(OUT, 'dist')) : resolve(values.cli);
if (!existsSync(cli)) {
  process.stderr.write(`No CLI at ${cli}; run \`npm run build\` or pass --build.\n`);
  process.exit(2);
}
mkdirSync(OUT, { recursive: true });

/**
 * The grep that stands for "reading the tree once": every text file, recursively, with line
 * numbers, skipping what portwarden skips unread by default (`.git/` and `node_modules/`).
 */
const GREP_ARGS = ['-rIn', '-E', 'PORT|port', '--exclude-dir=.git', '--exclude-dir=node_modules', '.'];

const rows = [];
for (const spec of specs) {
  const tree = resolveTree(spec);
  const pwArgs = [cli, 'check', tree.root, '--format', 'json'];
  // Untimed runs of each warm the page cache and node's compile cache alike (`--warmup 0`
  // skips them for trees too large to run twice).
  for (let w = 0; w < warmups; w++) {
    measure(process.execPath, pwArgs, { okStatuses: [0, 1], rss: false });
    measure('grep', GREP_ARGS, { cwd: tree.root, okStatuses: [0, 1], rss: false });
  }
  const load = loadavg()[0];
  const pw = [];
  const grep = [];
  for (let r = 0; r < runs; r++) {
    pw.push(measure(process.execPath, pwArgs, { okStatuses: [0, 1] }));
    grep.push(measure('grep', GREP_ARGS, { cwd: tree.root, okStatuses: [0, 1] }));
  }
  const report = JSON.parse(pw[0].stdout);
  const byRule = {};
  for (const f of report.findings) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
  const peaks = pw.map((m) => m.peakMiB).filter((v) => v !== undefined);
  const cpu = pw.map((m) => m.cpuSeconds).filter((v) => v !== undefined);
  const row = {
    tree: tree.label, n: tree.n, files: tree.files, megabytes: tree.megabytes, read: report.stats?.files, parsed: report.stats?.parsed,
    pwSeconds: median(pw.map((m) => m.seconds)), pwMin: Math.min(...pw.map((m) => m.seconds)),
    cpuSeconds: cpu.length ? median(cpu) : undefined, peakMiB: peaks.length ? Math.max(...peaks) : undefined,
    grepSeconds: median(grep.map((g) => g.seconds)), grepCpu: grep.every((g) => g.cpuSeconds !== undefined) ? median(grep.map((g) => g.cpuSeconds)) : undefined, load: Math.max(load, loadavg()[0]),
    findings: report.summary.total, byRule, drifts: tree.drifts, bindings: report.bindings.length,
  };
  rows.push(row);
  process.stderr.write(`${tree.label}: ${row.pwSeconds.toFixed(2)} s (runs: ${pw.map((m) => m.seconds.toFixed(2)).join(', ')}), CPU ${row.cpuSeconds?.toFixed(2)} s, ${row.peakMiB?.toFixed(0)} MB; grep ${row.grepSeconds.toFixed(3)} s, CPU ${row.grepCpu?.toFixed(2)} s; load ${row.load.toFixed(1)}\n`);
}

print(rows);
writeFileSync(join(OUT, 'results.json'), JSON.stringify({ machine: machine(), cli, runs, rows }, null, 2) + '\n');

/** The tree a `--trees` entry names, with its size. */
function resolveTree(spec) {
  if (spec === 'example') return { label: 'example', root: EXAMPLE, ...sizeOf(EXAMPLE) };
  if (CORPUS.includes(spec)) {
    const root = ensureCorpus(spec);
    return { label: spec, root, ...sizeOf(root) };
  }
  const n = Number(spec);
  const generated = ensureTree(n);
  return { label: `synthetic ${n}`, n, root: generated.root, drifts: generated.drifts.length, ...sizeOf(generated.root) };
}

/** Files and megabytes under `root`, as grep sees them (`.git/` and `node_modules/` left out). */
function sizeOf(root) {
  let files = 0;
  let bytes = 0;
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name !== '.git' && entry.name !== 'node_modules') visit(join(dir, entry.name));
      } else if (entry.isFile()) {
        files++;
        bytes += lstatSync(join(dir, entry.name)).size;
      }
    }
  };
  visit(root);
  return { files, megabytes: bytes / 1e6 };
}

function machine() {
  return { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, rss: hasGnuTime ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS' };
}

/** The exponent k of `y ∝ n^k` between two points. */
function exponent(n1, y1, n2, y2) {
  return Math.log(y2 / y1) / Math.log(n2 / n1);
}

/** The table per tree, then growth between synthetic sizes. */
function print(rows) {
  const m = machine();
  const fmt = (v, digits) => (v === undefined ? 'n/a' : v.toFixed(digits));
  const out = [
    `portwarden vs \`grep ${GREP_ARGS.join(' ')}\` — ${m.cpus} × ${m.cpu}, Node ${m.node}, median of ${runs} runs after ${warmups} warm-up (CPU s = user + system), peak RSS via ${m.rss}`,
    '',
    '| tree | files | MB | portwarden median s | CPU s | peak MB | grep median s | grep CPU s | ratio (wall) | ratio (CPU) | load | findings |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    out.push(`| ${r.tree} | ${r.files} | ${r.megabytes.toFixed(1)} | ${r.pwSeconds.toFixed(2)} | ${fmt(r.cpuSeconds, 2)} | ${fmt(r.peakMiB, 0)} | ${r.grepSeconds.toFixed(3)} | ${fmt(r.grepCpu, 3)} | ${(r.pwSeconds / r.grepSeconds).toFixed(1)}× | ${r.cpuSeconds !== undefined && r.grepCpu !== undefined ? `${(r.cpuSeconds / Math.max(r.grepCpu, 0.01)).toFixed(1)}×` : 'n/a'} | ${r.load.toFixed(1)} | ${r.findings} |`);
  }
  const synthetic = rows.filter((r) => r.n !== undefined).sort((a, b) => a.n - b.n);
  if (synthetic.length > 1) {
    // Start-up (about 0.3 s of node and bundle loading) pulls small-tree exponents below 1;
    // between the larger sizes the exponent is the growth of the work itself.
    out.push('', 'Growth between synthetic sizes (time ∝ N^k; 1 is linear):', '', '| from → to | k wall | k CPU | k peak RSS | marginal ms per service (wall) |', '|---|---:|---:|---:|---:|');
    for (let i = 1; i < synthetic.length; i++) {
      const a = synthetic[i - 1];
      const b = synthetic[i];
      const cpuK = a.cpuSeconds && b.cpuSeconds ? exponent(a.n, a.cpuSeconds, b.n, b.cpuSeconds).toFixed(2) : 'n/a';
      const rssK = a.peakMiB && b.peakMiB ? exponent(a.n, a.peakMiB, b.n, b.peakMiB).toFixed(2) : 'n/a';
      out.push(`| ${a.n} → ${b.n} | ${exponent(a.n, a.pwSeconds, b.n, b.pwSeconds).toFixed(2)} | ${cpuK} | ${rssK} | ${(((b.pwSeconds - a.pwSeconds) * 1000) / (b.n - a.n)).toFixed(2)} |`);
    }
  }
  out.push('', '| tree | read | parsed | bindings | planted drifts | findings by rule |', '|---|---:|---:|---:|---:|---|');
  for (const r of rows) {
    const rules = Object.entries(r.byRule).sort((a, b) => b[1] - a[1]).map(([id, c]) => `${id} ${c}`).join(', ');
    out.push(`| ${r.tree} | ${r.read ?? 'n/a'} | ${r.parsed ?? 'n/a'} | ${r.bindings} | ${r.drifts ?? '—'} | ${rules || '—'} |`);
  }
  process.stdout.write(out.join('\n') + '\n');
}
