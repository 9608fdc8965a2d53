#!/usr/bin/env node
/**
 * A/B of two builds of the CLI on the same trees: runs them alternately (so both see the same
 * load), one thread each (PORTWARDEN_WORKERS=1, so CPU time is the work done, not the
 * threads' overhead), and prints the median CPU time (user + system), wall time and peak RSS
 * of each, with the change. CPU time is the figure to quote on a shared machine.
 *
 *   node bench/ab.mjs --ref <cli.js> --cli <cli.js> [--trees example,corpus,200] [--runs 5]
 *                     [--ref-node <node>] [--node <node>]
 *
 * `--ref-node` and `--node` run either side on another Node binary (same CLI, two runtimes).
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { measure, median } from './lib/measure.mjs';
import { CORPUS, EXAMPLE, ensureCorpus, ensureTree } from './lib/trees.mjs';

const { values } = parseArgs({
  options: {
    ref: { type: 'string' },
    cli: { type: 'string' },
    trees: { type: 'string', default: 'example,corpus,200' },
    runs: { type: 'string', default: '5' },
    'ref-node': { type: 'string', default: process.execPath },
    node: { type: 'string', default: process.execPath },
  },
});
if (!values.ref || !values.cli) {
  process.stderr.write('usage: node bench/ab.mjs --ref <cli.js> --cli <cli.js> [--trees example,corpus,200] [--runs 5]\n');
  process.exit(2);
}
const runs = Number(values.runs);
const bins = { ref: resolve(values.ref), new: resolve(values.cli) };
const nodes = { ref: values['ref-node'], new: values.node };
process.env.PORTWARDEN_WORKERS = '1';

const lines = [`A/B, one thread, median of ${runs} alternating runs; ref ${nodes.ref} ${bins.ref}, new ${nodes.new} ${bins.new}`, '', '| tree | ref CPU s | new CPU s | change | ref wall s | new wall s | ref MB | new MB | load |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|'];
let allRef = 0;
let allNew = 0;
for (const spec of values.trees.split(',').flatMap((t) => (t === 'corpus' ? CORPUS : [t]))) {
  const root = spec === 'example' ? EXAMPLE : CORPUS.includes(spec) ? ensureCorpus(spec) : ensureTree(Number(spec)).root;
  const got = { ref: [], new: [] };
  const load = loadavg()[0];
  for (let r = 0; r < runs; r++) {
    for (const which of r % 2 ? ['new', 'ref'] : ['ref', 'new']) got[which].push(measure(nodes[which], [bins[which], 'check', root, '--format', 'json'], { okStatuses: [0, 1] }));
  }
  const cpu = (k) => median(got[k].map((m) => m.cpuSeconds ?? NaN));
  const wall = (k) => median(got[k].map((m) => m.seconds));
  const mb = (k) => Math.max(...got[k].map((m) => m.peakMiB ?? NaN));
  allRef += cpu('ref');
  allNew += cpu('new');
  lines.push(`| ${spec} | ${cpu('ref').toFixed(2)} | ${cpu('new').toFixed(2)} | ${((cpu('new') / cpu('ref') - 1) * 100).toFixed(0)}% | ${wall('ref').toFixed(2)} | ${wall('new').toFixed(2)} | ${mb('ref').toFixed(0)} | ${mb('new').toFixed(0)} | ${load.toFixed(1)} |`);
  process.stderr.write(lines.at(-1) + '\n');
}
lines.push(`| all | ${allRef.toFixed(2)} | ${allNew.toFixed(2)} | ${((allNew / allRef - 1) * 100).toFixed(0)}% | | | | | |`);
process.stdout.write(lines.join('\n') + '\n');
