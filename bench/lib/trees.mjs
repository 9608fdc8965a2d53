/**
 * The trees benchmarks run on. Generated ones are cached under bench/out/: `n<N>/` plus
 * `n<N>.json` (file count, planted drifts, and a hash of the generator's sources); a changed
 * generator regenerates. The real-world corpus (the tarballs in ../shared/corpus, the same
 * ones test/corpus/ checks) is unpacked once under bench/out/corpus/; the bundled example is
 * used where it is.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
const GENERATOR_FILES = ['generate.mjs', 'lib/plan.mjs', 'lib/random.mjs', 'lib/root-files.mjs', 'lib/service-files.mjs', 'lib/app-files.mjs', 'lib/noise-ts.mjs', 'lib/noise-py.mjs', 'lib/noise-go.mjs'];

/** A hash of the generator's sources. */
function generatorFingerprint() {
  const hash = createHash('sha256');
  for (const file of GENERATOR_FILES) hash.update(readFileSync(join(BENCH, file)));
  return hash.digest('hex').slice(0, 16);
}

/** The real-world repositories, as test/corpus/corpus.ts names them. */
export const CORPUS = ['awesome-compose', 'eShop', 'microservices-demo', 'opentelemetry-demo'];
/** Where the corpus tarballs are (beside the repository, as the corpus tests expect). */
export const CORPUS_DIR = resolve(BENCH, '../../shared/corpus');
/** The example monorepo shipped with the project. */
export const EXAMPLE = resolve(BENCH, '../examples/monorepo');

/**
 * Returns the root of corpus repository `name`, unpacked under bench/out/corpus/ (again when
 * the tarball changed). Throws when the tarball is missing.
 * @param {string} name
 */
export function ensureCorpus(name) {
  const tarball = join(CORPUS_DIR, `${name}.tar.gz`);
  if (!existsSync(tarball)) throw new Error(`${tarball} is missing: the corpus lives in ../shared/corpus`);
  const dir = join(OUT, 'corpus');
  const root = join(dir, name);
  const stampPath = join(dir, `${name}.stamp`);
  const { size, mtimeMs } = statSync(tarball);
  const stamp = `${size} ${mtimeMs}`;
  if (existsSync(root) && existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp) return root;
  rmSync(root, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['xzf', tarball, '-C', dir]);
  writeFileSync(stampPath, stamp);
  return root;
}
