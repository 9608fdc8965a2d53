/**
 * The extract step asks once which extractors read a path (the job carries the answer as a set
 * of bits, src/extract/files.ts), and the reader takes the extractors from it. That must change
 * nothing: over the example monorepo, the fixtures, the corpus and a generated tree, with
 * extractors failing both ways, every file gives exactly what the straightforward reading
 * gives: every extractor that accepts the path and passes its prefilter, each one awaited in
 * turn, a failure turned into an input problem.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { collect } from '../../src/collect/index.js';
import { readText } from '../../src/collect/read.js';
import { findSuppressions } from '../../src/collect/suppressions.js';
import { loadConfig } from '../../src/engine.js';
import { problem } from '../../src/core/input-rules.js';
import { createLocator } from '../../src/core/location.js';
import { quote } from '../../src/core/quote.js';
import { emptyExtraction, type Extraction } from '../../src/core/statements.js';
import { buildHosts, buildServices } from '../../src/extract/context.js';
import { deployExtractors } from '../../src/extract/deploy/index.js';
import type { ExtractContext, Extractor, SourceFile } from '../../src/extract/extractor.js';
import { extractFiles, readersOf, wanted, type FileJob, type FileResult } from '../../src/extract/files.js';
import { serviceDocExtractor } from '../../src/extract/service-doc/index.js';
import { sourceExtractors } from '../../src/extract/source/index.js';
import { planRepo } from '../../bench/lib/plan.mjs';
import { serviceFiles } from '../../bench/lib/service-files.mjs';
import { CORPUS, corpusOptions, unpack } from '../corpus/corpus.js';

const REPO = join(import.meta.dirname, '../..');
const fileExtractors: Extractor[] = [...sourceExtractors, ...deployExtractors];

/** The straightforward reading of one job: the extract step before it asked the extractors once. */
async function straightforward(job: FileJob, ctx: ExtractContext, maxFileBytes: number): Promise<FileResult> {
  const result: Extraction = { ...emptyExtraction(), suppressions: [] };
  const candidates = job.isDoc ? [serviceDocExtractor] : fileExtractors.filter((e) => e.accepts(job.path));
  const read = readText(job, maxFileBytes, undefined, job.identify);
  const blob = read.blob ? { blob: read.blob } : {};
  if ('problem' in read) {
    result.problems.push(read.problem);
    return { extraction: result, parsed: false, ...blob };
  }
  const text = read.text;
  result.suppressions!.push(...findSuppressions(job.path, text));
  const chosen = candidates.filter((e) => !e.prefilter || e.prefilter(text));
  if (chosen.length === 0) return { extraction: result, parsed: false, ...blob };
  const host = ctx.hosts.placeFile(job.path, job.owner);
  const file: SourceFile = { path: job.path, text, locator: createLocator(job.path, text), ...(job.owner ? { service: ctx.services.canonical(job.owner) } : {}), ...(host ? { host } : {}) };
  for (const extractor of chosen) {
    try {
      const e = await extractor.extract(file, ctx);
      result.bindings.push(...e.bindings);
      result.references.push(...e.references);
      result.problems.push(...e.problems);
      if (e.suppressions) result.suppressions!.push(...e.suppressions);
    } catch (error) {
      result.problems.push(problem('input/extractor-failed', job.path, `The ${quote(extractor.id)} reader failed on ${quote(job.path)}: ${error instanceof Error ? error.message : String(error)}; its ports in this file are unknown.`));
    }
  }
  return { extraction: result, parsed: true, ...blob };
}

/** The tree at `root` as the extract step sees it: its jobs (every listed file, wanted or not) and its context. */
function jobsOf(root: string) {
  const { config } = loadConfig(root);
  const collected = collect(root, config);
  const ctx: ExtractContext = { hosts: buildHosts(config), services: buildServices(config, collected.serviceDirs.map((d) => d.name)), env: collected.rootEnv.values, envLines: collected.rootEnv.lines };
  const jobs = collected.files.map((f): FileJob => {
    const owner = collected.ownerOf(f.path);
    return { ...f, isDoc: collected.serviceDocs.has(f.path), ...(owner ? { owner } : {}) };
  });
  return { jobs, ctx, maxFileBytes: config.maxFileBytes };
}

/** Compares both readings of every file of `root`; returns how many files some extractor parsed. */
async function compareTree(root: string): Promise<number> {
  const { jobs, ctx, maxFileBytes } = jobsOf(root);
  // The set of readers names exactly the extractors that accept the path.
  for (const job of jobs) {
    const readers = readersOf(job.path);
    expect(fileExtractors.filter((_, i) => readers & (1 << i)).map((e) => e.id), job.path).toEqual(fileExtractors.filter((e) => e.accepts(job.path)).map((e) => e.id));
    expect(wanted(job), job.path).toBe(job.isDoc || fileExtractors.some((e) => e.accepts(job.path)));
  }
  const read = jobs.filter((job) => wanted(job));
  // As the extract step makes them (the readers asked once), and without them (the reader asks).
  const withReaders = read.map((job) => ({ ...job, readers: job.isDoc ? 0 : readersOf(job.path) }));
  const got = await extractFiles(withReaders, ctx, maxFileBytes);
  const asked = await extractFiles(read, ctx, maxFileBytes);
  let parsed = 0;
  for (const [i, job] of read.entries()) {
    const expected = await straightforward(job, ctx, maxFileBytes);
    expect(got[i], job.path).toStrictEqual(expected);
    expect(asked[i], job.path).toStrictEqual(expected);
    if (expected.parsed) parsed++;
  }
  return parsed;
}

/** Writes `files` (path → text) under a fresh directory. */
function writeTree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'pw-file-jobs-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** A generated monorepo of `n` services, as bench/generate.mjs writes each service's files. */
function generated(n: number): string {
  const files: Record<string, string> = {};
  for (const s of planRepo(n).services) for (const [path, text] of serviceFiles(s)) files[`services/${s.name}/${path}`] = text;
  return writeTree(files);
}

describe('file jobs: the extractors reading a path asked once', () => {
  test('the example monorepo', async () => {
    expect(await compareTree(join(REPO, 'examples/monorepo'))).toBeGreaterThan(10);
  });

  test('the fixtures, read as one tree', async () => {
    expect(await compareTree(join(REPO, 'test/fixtures'))).toBeGreaterThan(10);
  });

  test('a generated monorepo', async () => {
    const root = generated(12);
    try {
      expect(await compareTree(root)).toBeGreaterThan(60);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('extractors that throw, reject, or answer after one that did', async () => {
    const root = writeTree({
      'services/api/Dockerfile': 'FROM node:20\nEXPOSE 3000\n# portwarden-ignore drift/deploy: test\n',
      'services/api/src/server.ts': 'const PORT = 3000;\napp.listen(PORT);\n',
      'services/api/package.json': '{"scripts": {"dev": "vite --port 5173"}}\n',
      'services/api/.env': 'PORT=3000\n',
      'services/api/bin/run.bin': 'PORT=1\0\n',
    });
    const patched = [fileExtractors.find((e) => e.id === 'dockerfile')!, fileExtractors.find((e) => e.id === 'typescript')!, fileExtractors.find((e) => e.id === 'env')!];
    const original = patched.map((e) => e.extract);
    try {
      patched[0]!.extract = () => {
        throw new Error('thrown at once');
      };
      patched[1]!.extract = () => Promise.reject(new Error('rejected later'));
      patched[2]!.extract = (file, ctx) => Promise.resolve(original[2]!.call(patched[2], file, ctx));
      expect(await compareTree(root)).toBeGreaterThan(2);
      const { jobs, ctx, maxFileBytes } = jobsOf(root);
      const problems = (await extractFiles(jobs.filter((j) => wanted(j)), ctx, maxFileBytes)).flatMap((r) => r.extraction.problems.map((p) => p.message));
      expect(problems.join('\n')).toContain('thrown at once');
      expect(problems.join('\n')).toContain('rejected later');
    } finally {
      patched.forEach((e, i) => (e.extract = original[i]!));
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('file jobs over the corpus', corpusOptions(), () => {
  for (const name of CORPUS) {
    test(name, async () => {
      const root = unpack(name);
      try {
        expect(await compareTree(root)).toBeGreaterThan(5);
      } finally {
        rmSync(dirname(root), { recursive: true, force: true });
      }
    }, 60_000);
  }
});
