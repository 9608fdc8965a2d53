/**
 * Bundles some of the engine's exports straight from src/ into one ESM file (as
 * scripts/build.mjs bundles dist/) and imports it, so a bench script measures the current
 * sources without a build of dist/.
 */
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH } from './trees.mjs';

const REPO = resolve(BENCH, '..');

/**
 * `exports`: lines like `export { collect } from './src/collect/index.js';`, resolved from
 * `root` (this checkout, or an export of another revision). Returns the module.
 */
export async function importFromSrc(exports, outfile, root = REPO) {
  await build({
    stdin: { contents: exports.join('\n'), resolveDir: root, loader: 'ts' },
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __pwCreateRequire } from 'node:module'; const require = __pwCreateRequire(import.meta.url);" },
  });
  return import(pathToFileURL(outfile).href);
}
