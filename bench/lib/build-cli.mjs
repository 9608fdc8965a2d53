/**
 * Bundles the working tree into `outDir` with the project's own build (scripts/build.mjs,
 * pointed elsewhere by PORTWARDEN_BUILD_DIR), so a benchmark measures exactly what `dist/`
 * would hold — the CLI, the extraction worker and every grammar — without rewriting `dist/`.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Builds `<repo>` into `outDir`; returns the path of the bundled CLI.
 * @param {string} repo  repository root
 * @param {string} outDir
 */
export async function buildCli(repo, outDir) {
  execFileSync(process.execPath, [join(repo, 'scripts/build.mjs')], { cwd: repo, env: { ...process.env, PORTWARDEN_BUILD_DIR: outDir }, stdio: ['ignore', 'inherit', 'inherit'] });
  return join(outDir, 'cli.js');
}
