#!/usr/bin/env node
/**
 * Checks that two builds of the CLI say the same thing: runs `check <tree> --format json` with
 * the reference CLI and the candidate on the example, the four corpus repositories and any
 * synthetic sizes asked for, and compares the reports byte for byte, apart from `stats`
 * (`ms` is a timing; `parsed` counts files handed to a parser, which doing less work is meant
 * to lower: both are printed). Exit code 1 on any difference, with the first lines that differ.
 *
 *   node bench/same.mjs --ref <cli.js> [--cli <cli.js> | --build] [--trees example,corpus,200]
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCli } from './lib/build-cli.mjs';
import { BENCH, CORPUS, EXAMPLE, OUT, ensureCorpus, ensureTree } from './lib/trees.mjs';

const REPO = resolve(BENCH, '..');
const { values } = parseArgs({
  options: {
    ref: { type: 'string' },
    cli: { type: 'string', default: join(REPO, 'dist/cli.js') },
    build: { type: 'boolean', default: false },
    trees: { type: 'string', default: 'example,corpus' },
  },
});
if (!values.ref) {
  process.stderr.write('usage: node bench/same.mjs --ref <cli.js> [--cli <cli.js> | --build] [--trees example,corpus,200]\n');
  process.exit(2);
}
const cli = values.build ? await buildCli(REPO, join(OUT, 'dist')) : resolve(values.cli);
const ref = resolve(values.ref);

/** The report of `bin` on `root`, without its stats, and the stats. */
function report(bin, root) {
  const run = spawnSync(process.execPath, [bin, 'check', root, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.status !== 0 && run.status !== 1) throw new Error(`${bin} on ${root} exited with ${run.status ?? run.signal}:\n${run.stderr.slice(-2000)}`);
  const parsed = JSON.parse(run.stdout);
  const { stats, ...rest } = parsed;
  return { text: JSON.stringify(rest, null, 2), stats, status: run.status };
}

let differ = 0;
for (const spec of values.trees.split(',').flatMap((t) => (t === 'corpus' ? CORPUS : [t]))) {
  const root = spec === 'example' ? EXAMPLE : CORPUS.includes(spec) ? ensureCorpus(spec) : ensureTree(Number(spec)).root;
  const a = report(ref, root);
  const b = report(cli, root);
  const same = a.text === b.text && a.status === b.status;
  process.stdout.write(`${same ? 'same' : 'DIFFERENT'}  ${spec}: exit ${a.status}/${b.status}, ${a.text.length} bytes; files read ${a.stats?.files}/${b.stats?.files}, parsed ${a.stats?.parsed}/${b.stats?.parsed}, ms ${a.stats?.ms}/${b.stats?.ms}\n`);
  if (!same) {
    differ++;
    const x = a.text.split('\n');
    const y = b.text.split('\n');
    const first = x.findIndex((line, i) => line !== y[i]);
    const at = first < 0 ? Math.min(x.length, y.length) : first;
    process.stdout.write(`  first difference at line ${at + 1}:\n  ref: ${x.slice(at, at + 4).join('\n  ref: ')}\n  new: ${y.slice(at, at + 4).join('\n  new: ')}\n`);
  }
}
process.exit(differ ? 1 : 0);
