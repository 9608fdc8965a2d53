/**
 * The cache of generated trees under bench/out/: `n<N>/` plus `n<N>.json` (file count,
 * planted drifts, and a hash of the generator's sources). A changed generator regenerates.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '../generate.mjs';

/** bench/ */
export const BENCH = fileURLToPath(new URL('..', import.meta.url));
/** bench/out/ (gitignored) */
export const OUT = join(BENCH, 'out');

/**
 * Returns the cached tree of `n` services, generating it first when missing or stale.
 * @param {number} n
 * @returns {{ root: string, fingerprint: string, files: number, drifts: { service: string, kind: string }[] }}
 */
export function ensureTree(n) {
  mkdirSync(OUT, { recursive: true });
  const fingerprint = generatorFingerprint();
  const root = join(OUT, `n${n}`);
  const stampPath = join(OUT, `n${n}.json`);
  if (existsSync(stampPath)) {
    const stamp = JSON.parse(readFileSync(stampPath, 'utf8'));
    if (stamp.fingerprint === fingerprint && existsSync(join(root, '.git'))) return { root, ...stamp };
  }
  process.stderr.write(`generating ${n} services in ${root} ...\n`);
  const { files, drifts } = generate(root, n);
  const stamp = { fingerprint, files, drifts };
  writeFileSync(stampPath, JSON.stringify(stamp, null, 2) + '\n');
  return { root, ...stamp };
}

/** The modules that decide a tree's contents; a new generator module must be added here. */
const GENERATOR_FILES = ['generate.mjs', 'lib/plan.mjs', 'lib/random.mjs', 'lib/root-files.mjs', 'lib/service-files.mjs', 'lib/noise-ts.mjs', 'lib/noise-py.mjs', 'lib/noise-go.mjs'];

/** A hash of the generator's sources. */
function generatorFingerprint() {
  const hash = createHash('sha256');
  for (const file of GENERATOR_FILES) hash.update(readFileSync(join(BENCH, file)));
  return hash.digest('hex').slice(0, 16);
}
