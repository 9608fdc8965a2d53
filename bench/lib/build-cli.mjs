/**
 * Bundles the CLI from `src/` into `bench/out/dist/cli.js` (with the grammar wasm files
 * beside it), the same way `scripts/build.mjs` builds `dist/`, so benchmarks can measure the
 * working tree without rewriting the committed `dist/`.
 */
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const GRAMMARS = ['tree-sitter-typescript.wasm', 'tree-sitter-tsx.wasm', 'tree-sitter-javascript.wasm', 'tree-sitter-python.wasm', 'tree-sitter-go.wasm'];

/**
 * Builds `<repo>/src/cli/index.ts` into `outDir`; returns the path of the bundled CLI.
 * @param {string} repo  repository root
 * @param {string} outDir
 */
export async function buildCli(repo, outDir) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'wasm'), { recursive: true });
  const outfile = join(outDir, 'cli.js');
  await build({
    entryPoints: [join(repo, 'src/cli/index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    legalComments: 'none',
    logLevel: 'warning',
    // Bundled CommonJS dependencies need a `require` in ESM output.
    banner: { js: "import { createRequire as __pwCreateRequire } from 'node:module'; const require = __pwCreateRequire(import.meta.url);" },
  });
  const wasmDir = join(dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm');
  for (const name of GRAMMARS) copyFileSync(join(wasmDir, name), join(outDir, 'wasm', name));
  copyFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm'), join(outDir, 'wasm', 'web-tree-sitter.wasm'));
  return outfile;
}
