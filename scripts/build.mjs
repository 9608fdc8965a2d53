// Bundles the Action (dist/index.js) and the CLI (dist/cli.js) into single ESM files, and
// copies the tree-sitter wasm files beside them. The banner gives bundled CommonJS
// dependencies a `require` (without it: "Dynamic require of "net" is not supported").
import { build } from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const banner = {
  js: "import { createRequire as __pwCreateRequire } from 'node:module'; const require = __pwCreateRequire(import.meta.url);",
};

// PORTWARDEN_BUILD_DIR builds elsewhere (a private bundle for tests while dist/ is in use).
const out = process.env.PORTWARDEN_BUILD_DIR || 'dist';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  banner,
  legalComments: 'none',
  logLevel: 'warning',
  // Keep output byte-identical run to run: CI compares dist/ with the commit.
  metafile: false,
};

await build({ ...common, entryPoints: ['src/index.ts'], outfile: `${out}/index.js` });
await build({
  ...common,
  entryPoints: ['src/cli/index.ts'],
  outfile: `${out}/cli.js`,
  banner: { js: '#!/usr/bin/env node\n' + banner.js },
});
chmodSync(`${out}/cli.js`, 0o755);
// Extraction worker threads of both entries (src/extract/parallel.ts looks for it beside them).
await build({ ...common, entryPoints: ['src/extract/worker.ts'], outfile: `${out}/extract-worker.js` });

// Grammars for the source extractors, loaded at run time from beside the bundle.
const wasmDir = join(dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm');
mkdirSync(`${out}/wasm`, { recursive: true });
for (const name of ['tree-sitter-typescript.wasm', 'tree-sitter-tsx.wasm', 'tree-sitter-javascript.wasm', 'tree-sitter-python.wasm', 'tree-sitter-go.wasm', 'tree-sitter-java.wasm', 'tree-sitter-c-sharp.wasm']) {
  copyFileSync(join(wasmDir, name), join(out, 'wasm', name));
}
copyFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm'), join(out, 'wasm', 'web-tree-sitter.wasm'));
