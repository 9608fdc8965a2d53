// Bundles the Action (dist/index.js), the CLI (dist/cli.js) and the extraction worker
// (dist/extract-worker.js) in one esbuild run with code splitting: code two or three of them
// use lives once, in `chunk-<hash>.js` files beside them, instead of once per bundle. Chunks
// sit in the same directory as the entries because modules find files beside themselves
// through `import.meta.url` (the worker in extract/parallel.ts, the grammars in
// extract/source/tree-sitter.ts). The tree-sitter wasm files are copied into dist/wasm/.
// The banner gives bundled CommonJS dependencies a `require` (without it: "Dynamic require of
// "net" is not supported"); every output file is a module of its own and gets it.
import { build } from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const banner = "import { createRequire as __pwCreateRequire } from 'node:module'; const require = __pwCreateRequire(import.meta.url);";

// PORTWARDEN_BUILD_DIR builds elsewhere (a private bundle for tests while dist/ is in use).
const out = process.env.PORTWARDEN_BUILD_DIR || 'dist';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const result = await build({
  entryPoints: {
    index: 'src/index.ts',
    cli: 'src/cli/index.ts',
    // Extraction worker threads of both entries (src/extract/parallel.ts looks for it beside them).
    'extract-worker': 'src/extract/worker.ts',
  },
  outdir: out,
  bundle: true,
  splitting: true,
  chunkNames: 'chunk-[hash]',
  platform: 'node',
  target: 'node20',
  format: 'esm',
  banner: { js: banner },
  legalComments: 'none',
  logLevel: 'warning',
  // Written below, so the CLI can get its shebang first. Output is byte-identical run to run
  // (chunk names are content hashes): CI compares dist/ with the commit.
  write: false,
});

for (const file of result.outputFiles) {
  // The package's bin runs dist/cli.js directly: a shebang on its first line, and the exec bit.
  const isCli = basename(file.path) === 'cli.js';
  writeFileSync(file.path, isCli ? Buffer.concat([Buffer.from('#!/usr/bin/env node\n'), file.contents]) : file.contents);
  if (isCli) chmodSync(file.path, 0o755);
}

// Grammars for the source extractors, loaded at run time from beside the bundle.
const wasmDir = join(dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm');
mkdirSync(`${out}/wasm`, { recursive: true });
for (const name of ['tree-sitter-typescript.wasm', 'tree-sitter-tsx.wasm', 'tree-sitter-javascript.wasm', 'tree-sitter-python.wasm', 'tree-sitter-go.wasm', 'tree-sitter-java.wasm', 'tree-sitter-c-sharp.wasm']) {
  copyFileSync(join(wasmDir, name), join(out, 'wasm', name));
}
copyFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm'), join(out, 'wasm', 'web-tree-sitter.wasm'));
