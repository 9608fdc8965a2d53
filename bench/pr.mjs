#!/usr/bin/env node
/**
 * What a pull request costs next to a whole check: on a clone of each tree, one commit changes
 * one file (a service's source default moves to another port), then, alternately,
 * `check <clone>` (the head alone) and `check <clone> --base HEAD~1` (the head and its merge
 * base, compared) run; printed are the medians of wall and CPU time (user + system) and their
 * ratio. With `--ref`, the pull-request run of another build is measured in the same rounds.
 *
 *   node bench/pr.mjs --cli <cli.js> [--ref <cli.js>] [--trees 200,2000,<git repo dir>] [--runs 5]
 *
 * A number is the bench's synthetic tree of that many services (bench/out/n<N>, generated when
 * missing); a directory is any git repository. The clone holds only what is committed (no
 * ignored `node_modules/`), and is removed afterwards.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { measure, median } from './lib/measure.mjs';
import { ensureTree } from './lib/trees.mjs';

const { values } = parseArgs({
  options: {
    cli: { type: 'string' },
    ref: { type: 'string' },
    trees: { type: 'string', default: '200' },
    runs: { type: 'string', default: '5' },
  },
});
if (!values.cli) {
  process.stderr.write('usage: node bench/pr.mjs --cli <cli.js> [--ref <cli.js>] [--trees 200,2000,<dir>] [--runs 5]\n');
  process.exit(2);
}
const runs = Number(values.runs);
const cli = resolve(values.cli);
const ref = values.ref ? resolve(values.ref) : undefined;

const git = (cwd, ...args) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@portwarden.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 }).trim();

/**
 * A clone of `source` with one more commit that changes one service's port default. The clone
 * is made through git's transport (`--no-local`), so its objects arrive in a pack as a runner's
 * checkout fetches them; a local clone links the generator's loose objects instead, and reading
 * thousands of loose objects (ls-tree's sizes, cat-file) costs ten times what a pack does.
 */
function onePr(source) {
  const dir = join(mkdtempSync(join(tmpdir(), 'pw-bench-pr-')), 'repo');
  git(tmpdir(), 'clone', '-q', '--no-local', source, dir);
  const files = git(dir, 'ls-files').split('\n');
  const changed = files.find((f) => /(^|\/)src\/config\.ts$/.test(f)) ?? files.find((f) => /\.(ts|js|py|go)$/.test(f));
  if (!changed) throw new Error(`${source}: no source file to change`);
  const text = readFileSync(join(dir, changed), 'utf8');
  const moved = text.replace(/\b(\d{4})\b/, (p) => String(Number(p) + 1));
  writeFileSync(join(dir, changed), moved === text ? `${text}// changed\n` : moved);
  git(dir, 'commit', '-q', '-am', `move ${changed}`);
  return { dir, changed, files: files.length };
}

const lines = [`One-file pull request versus a whole check, median of ${runs} alternating runs; ${cli}${ref ? `, ref ${ref}` : ''}`, ''];
lines.push(`| tree | files | check wall s | check CPU s | PR wall s | PR CPU s | PR / check (wall) | PR / check (CPU) |${ref ? ' ref PR wall s | ref PR CPU s |' : ''} load |`);
lines.push(`|---|---:|---:|---:|---:|---:|---:|---:|${ref ? '---:|---:|' : ''}---:|`);
for (const spec of values.trees.split(',')) {
  const source = /^\d+$/.test(spec) ? ensureTree(Number(spec)).root : resolve(spec);
  if (!existsSync(join(source, '.git'))) throw new Error(`${source} is not a git repository`);
  const pr = onePr(source);
  try {
    const load = loadavg()[0];
    const kinds = { check: [cli, 'check', pr.dir, '--format', 'json'], pr: [cli, 'check', pr.dir, '--base', 'HEAD~1', '--format', 'json'], ...(ref ? { ref: [ref, 'check', pr.dir, '--base', 'HEAD~1', '--format', 'json'] } : {}) };
    const got = Object.fromEntries(Object.keys(kinds).map((k) => [k, []]));
    for (let r = 0; r < runs; r++) {
      const order = r % 2 ? Object.keys(kinds).reverse() : Object.keys(kinds);
      for (const k of order) got[k].push(measure(process.execPath, kinds[k], { okStatuses: [0, 1] }));
    }
    const wall = (k) => median(got[k].map((m) => m.seconds));
    const cpu = (k) => median(got[k].map((m) => m.cpuSeconds ?? NaN));
    const refCols = ref ? ` ${wall('ref').toFixed(2)} | ${cpu('ref').toFixed(2)} |` : '';
    lines.push(`| ${spec.replace(/^.*\//, '')} | ${pr.files} | ${wall('check').toFixed(2)} | ${cpu('check').toFixed(2)} | ${wall('pr').toFixed(2)} | ${cpu('pr').toFixed(2)} | ${(wall('pr') / wall('check')).toFixed(2)}× | ${(cpu('pr') / cpu('check')).toFixed(2)}× |${refCols} ${load.toFixed(1)} |`);
    process.stderr.write(lines.at(-1) + '\n');
  } finally {
    rmSync(join(pr.dir, '..'), { recursive: true, force: true });
  }
}
process.stdout.write(lines.join('\n') + '\n');
