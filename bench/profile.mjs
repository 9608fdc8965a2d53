#!/usr/bin/env node
/**
 * Where the time goes: runs `node --cpu-prof <cli> check <tree> --format json` once on the
 * generated tree of N services and summarises the profile by self time, per function and
 * per source module (the bundle's `// src/...` markers map lines back to modules).
 *
 *   node bench/profile.mjs [--n 2000 | --tree <dir>] [--top 25] [--cli dist/cli.js | --build]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCli } from './lib/build-cli.mjs';
import { summariseProfile } from './lib/cpu-profile.mjs';
import { BENCH, OUT, ensureTree } from './lib/trees.mjs';

const REPO = resolve(BENCH, '..');
const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '2000' },
    tree: { type: 'string' },
    top: { type: 'string', default: '25' },
    cli: { type: 'string', default: join(REPO, 'dist/cli.js') },
    build: { type: 'boolean', default: false },
  },
});
const n = Number(values.n);
const top = Number(values.top);
const cli = values.build ? await buildCli(REPO, join(OUT, 'dist')) : resolve(values.cli);
if (!existsSync(cli)) {
  process.stderr.write(`No CLI at ${cli}; run \`npm run build\` or pass --build.\n`);
  process.exit(2);
}
const tree = values.tree ? { root: resolve(values.tree), files: 'a' } : ensureTree(n);
const profDir = join(OUT, 'prof');
rmSync(profDir, { recursive: true, force: true });
mkdirSync(profDir, { recursive: true });
const run = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', profDir, cli, 'check', tree.root, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
if (run.status !== 0 && run.status !== 1) {
  process.stderr.write(`portwarden exited with ${run.status ?? run.signal}:\n${run.stderr}`);
  process.exit(1);
}
const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
if (!file) throw new Error(`node wrote no .cpuprofile to ${profDir}`);
const profile = JSON.parse(readFileSync(join(profDir, file), 'utf8'));
const summary = summariseProfile(profile, cli);

const ms = (v) => v.toFixed(0);
const pct = (v) => ((100 * v) / summary.totalMs).toFixed(1) + '%';
const lines = [`CPU profile of ${values.tree ? tree.root : `N=${n} (${tree.files} files)`}: ${ms(summary.totalMs)} ms sampled; profile in ${join(profDir, file)}`, ''];
lines.push('| self ms | share | category |', '|---:|---:|---|');
for (const [name, v] of summary.byCategory) lines.push(`| ${ms(v)} | ${pct(v)} | ${name} |`);
lines.push('', '| self ms | share | module |', '|---:|---:|---|');
for (const [name, v] of summary.byModule.slice(0, top)) lines.push(`| ${ms(v)} | ${pct(v)} | ${name} |`);
lines.push('', '| inclusive ms | share | src module (with everything it calls) |', '|---:|---:|---|');
for (const [name, v] of summary.inclusiveBySrcModule.slice(0, top)) lines.push(`| ${ms(v)} | ${pct(v)} | ${name} |`);
lines.push('', '| self ms | share | function | where |', '|---:|---:|---|---|');
for (const f of summary.byFunction.slice(0, top)) lines.push(`| ${ms(f.ms)} | ${pct(f.ms)} | \`${f.name}\` | ${f.where} |`);
process.stdout.write(lines.join('\n') + '\n');
