#!/usr/bin/env node
/**
 * Time per engine phase, per extractor and per rule, without a profiler's distortion: bundles
 * the engine's pieces from `src/` (config, collect, extract, each rule) into
 * bench/out/phases.js and runs them in order on the generated tree of N services, timing each
 * with performance.now(). Extractors are timed by wrapping their `prefilter` and `extract`.
 *
 *   node bench/phases.mjs [--n 2000]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importFromSrc } from './lib/bundle-src.mjs';
import { OUT, ensureTree } from './lib/trees.mjs';

const { values } = parseArgs({ options: { n: { type: 'string', default: '2000' } } });
const n = Number(values.n);
const tree = ensureTree(n);

const outfile = join(OUT, 'phases.js');
const exportsUsed = [
  "export { loadConfig } from './src/engine.js';",
  "export { collect } from './src/collect/index.js';",
  "export { extractAll } from './src/extract/index.js';",
  "export { build } from './src/model/build.js';",
  "export { allRules } from './src/rules/index.js';",
  "export { runRules } from './src/rules/rule.js';",
  "export { sourceExtractors } from './src/extract/source/index.js';",
  "export { deployExtractors } from './src/extract/deploy/index.js';",
  "export { serviceDocExtractor } from './src/extract/service-doc/index.js';",
  "export { parseRegistry } from './src/extract/registry/index.js';",
];

const engine = await importFromSrc(exportsUsed, outfile);

// Wrap every file extractor (the engine holds these same objects) to charge its own time.
const perExtractor = new Map();
const charge = (id, started) => {
  const entry = perExtractor.get(id) ?? { ms: 0, calls: 0 };
  entry.ms += performance.now() - started;
  entry.calls++;
  perExtractor.set(id, entry);
};
for (const extractor of [...engine.sourceExtractors, ...engine.deployExtractors, engine.serviceDocExtractor]) {
  const { extract, prefilter } = extractor;
  extractor.extract = async (...args) => {
    const started = performance.now();
    try {
      return await extract.apply(extractor, args);
    } finally {
      charge(`extract ${extractor.id}`, started);
    }
  };
  if (prefilter) {
    extractor.prefilter = (...args) => {
      const started = performance.now();
      try {
        return prefilter.apply(extractor, args);
      } finally {
        charge(`prefilter ${extractor.id}`, started);
      }
    };
  }
}

const rows = [];
const time = async (name, fn) => {
  const started = performance.now();
  const value = await fn();
  rows.push([name, performance.now() - started]);
  return value;
};
const { config } = await time('config', () => engine.loadConfig(tree.root));
const collected = await time('collect (walk, ignores)', () => engine.collect(tree.root, config));
const { extracted } = await time('extract (read + parse + extract)', () => engine.extractAll(collected, config));
const layout = { paths: collected.files.map((f) => f.path), serviceDirs: collected.serviceDirs, discovered: collected.discovered, inContainer: (path) => collected.inContainer(path) };
const model = await time('model (build)', () => engine.build(extracted, layout, config));
const registryText = readFileSync(join(tree.root, config.registry), 'utf8');
const registryStarted = performance.now();
engine.parseRegistry(config.registry, registryText);
const registryMs = performance.now() - registryStarted;
let findings = 0;
for (const rule of engine.allRules) {
  findings += (await time(`rule ${rule.meta.id}`, () => engine.runRules([rule], model, config.rules))).length;
}
const total = rows.reduce((sum, [, ms]) => sum + ms, 0);
const lines = [`Phases at N=${n} (${collected.files.length} files read, ${model.bindings.length} bindings, ${model.references.length} references, ${findings} rule findings): ${total.toFixed(0)} ms`, '', '| ms | share | phase |', '|---:|---:|---|'];
for (const [name, ms] of rows) lines.push(`| ${ms.toFixed(0)} | ${((100 * ms) / total).toFixed(1)}% | ${name} |`);
lines.push('', '| ms | calls | inside extract: extractor |', '|---:|---:|---|', `| ${registryMs.toFixed(0)} | 1 | registry (parsed again alone) |`);
for (const [id, { ms, calls }] of [...perExtractor].sort((a, b) => b[1].ms - a[1].ms)) lines.push(`| ${ms.toFixed(0)} | ${calls} | ${id} |`);
process.stdout.write(lines.join('\n') + '\n');
