/**
 * Extract: read each collected file once and hand it to the extractors that accept its path
 * and pass its prefilter; what they state goes to the model step in reading order. The registry
 * goes first so its hosts and names are known to every other extractor; the other files may be
 * read in worker threads (extract/parallel.ts), with results merged in file order.
 */
import type { Collected } from '../collect/index.js';
import { identifyFile, readText } from '../collect/read.js';
import { findSuppressions } from '../collect/suppressions.js';
import { inputProblem, problem } from '../core/input-rules.js';
import { fileLocation } from '../core/location.js';
import { defaultConfig } from '../config/defaults.js';
import type { Config } from '../config/types.js';
import type { Extracted } from '../core/extracted.js';
import type { ServiceIndex } from '../core/services.js';
import type { Finding } from '../core/finding.js';
import { emptyExtraction, type Extraction, type Host } from '../core/statements.js';
import { buildHosts, buildServices, type ContextData } from './context.js';
import type { ExtractContext } from './extractor.js';
import { readersOf, type FileJob, type FileResult } from './files.js';
import { ExtractionCache } from './cache.js';
import type { BlobRef, CheckedDirs, FileToRead } from '../collect/read.js';
import { startPool } from './parallel.js';
import { parseRegistry } from './registry/index.js';
import { quote } from '../core/quote.js';
import { forgetKeptYaml } from '../core/yaml-parse.js';
import { noServices } from '../collect/no-services.js';

export interface ExtractOptions {
  /**
   * Results kept for the other check of the same run (a pull request's head, then its base):
   * a file whose bytes and context match a kept result is not read again; what this check
   * extracts is kept.
   */
  cache?: ExtractionCache;
  /** Fetches the bytes of blobs (files listed from a commit) before they are extracted. */
  fetch?: (blobs: BlobRef[]) => Promise<void>;
}

/**
 * Extracts the statements of the collected files. `parsed` counts files some extractor parsed;
 * `extraction` the files read and extracted (a refused file is not read), and those whose result
 * came from the cache. The model step (model/build.ts) turns
 * them into the project model.
 */
export async function extractAll(collected: Collected, config: Config, options: ExtractOptions = {}): Promise<{ extracted: Extracted; parsed: number; extraction: { extracted: number; reused: number } }> {
  const { cache } = options;
  // Declared services are known by name; a discovered one owns its folder's files, so what they
  // state is its own, and is known by what it binds (a name with no port found is not judged).
  const serviceNames = collected.serviceDirs.map((d) => d.name);
  const services = buildServices(config, serviceNames);
  const hosts = buildHosts(config);
  const extracted: Extracted = { extractions: [{ ...emptyExtraction(), problems: [...collected.problems] }], hosts, services };
  const add = (e: Extraction) => extracted.extractions.push(e);
  const addProblem = (p: Finding) => add({ ...emptyExtraction(), problems: [p] });

  // The files to extract are known before the registry is read: start the worker threads now,
  // so their start-up overlaps the registry's parse.
  const jobs: FileJob[] = [];
  for (const file of collected.files) {
    if (file.path === config.registry) continue;
    // Which extractors read the path is asked once, here: the job carries the answer to the reader.
    const isDoc = collected.serviceDocs.has(file.path);
    const readers = isDoc ? 0 : cache ? cache.readersOf(file.path) : readersOf(file.path);
    if (!isDoc && readers === 0) continue;
    jobs.push(fileJob(file, isDoc, readers, collected.ownerOf(file.path), cache !== undefined && !file.blob));
  }
  // With results to reuse, how many files need threads is known only once the context is.
  let pool = cache?.size ? undefined : startPool(jobs.length);

  let registryHosts: Host[] = [];
  const registryFile = collected.files.find((f) => f.path === config.registry);
  if (!registryFile) {
    // A notice at the default path, where most repositories keep none; a warning when the config names it.
    const severity = config.registry === defaultConfig().registry ? undefined : 'warning';
    const message = `No registry at ${quote(config.registry)}; expected the port registry there (set \`registry:\` in .github/portwarden.yml).`;
    addProblem(inputProblem('input/missing-registry', message, fileLocation(config.registry), config.registry, severity));
  } else {
    const read = readText(registryFile, config.maxFileBytes, undefined, cache !== undefined);
    if ('problem' in read) addProblem(read.problem);
    else {
      // The parse depends on the bytes, the path and the service index (names and aliases) only.
      const parse = () => guardedRegistry(registryFile.path, read.text, services);
      const parsed = cache && read.blob ? cache.registry([read.blob, registryFile.path, serviceNames, config.aliases], parse) : parse();
      if ('failed' in parsed) addProblem(parsed.failed);
      else {
        const { doc, problems } = parsed;
        extracted.registry = doc;
        registryHosts = doc.hosts;
        for (const h of doc.hosts) hosts.add(h);
        add({ bindings: [...doc.plan, ...doc.actual], references: [], problems, suppressions: findSuppressions(registryFile.path, read.text) });
      }
    }
  }

  const { values: env, lines: envLines, problem: envProblem } = collected.rootEnv;
  // The dotenv extractor reads the same file through the same reader: report it once.
  if (envProblem && !jobs.some((j) => j.path === envProblem.location.file)) addProblem(envProblem);
  const ctx: ExtractContext = { hosts, services, env, envLines };
  const data: ContextData = { config: { hosts: config.hosts, aliases: config.aliases, maxFileBytes: config.maxFileBytes }, registryHosts, serviceNames, env: [...env], envLines: [...envLines] };
  let parsed = extracted.registry ? 1 : 0;
  const context = cache ? ExtractionCache.context(data) : '';
  // Each job's bytes by blob id, for the cache: known for a listed blob, else once read.
  const ids: (string | undefined)[] = jobs.map((job) => job.blob?.id);
  const kept: (FileResult | undefined)[] = cache?.size ? lookUp(jobs, ids, config.maxFileBytes, (job, blob) => cache.get(context, job, blob)) : [];
  const todo = jobs.filter((_, i) => kept[i] === undefined);
  // Blobs are fetched in one go and handed over as bytes: a worker thread cannot fetch them.
  const blobs = todo.flatMap((job) => (job.blob ? [job.blob] : []));
  if (blobs.length > 0 && options.fetch) await options.fetch(blobs);
  const sent = options.fetch ? todo.map((job) => (job.blob ? { ...job, blob: { id: job.blob.id, size: job.blob.size, ...(job.blob.bytes ? { bytes: job.blob.bytes } : {}) } } : job)) : todo;
  pool ??= startPool(sent.length);
  const done = await pool.run(sent, ctx, data);
  // A parse discovery kept for a file no extractor here took (extracted in a worker, refused
  // by a prefilter, reused from the cache) is not needed any more.
  forgetKeptYaml();
  let next = 0;
  jobs.forEach((job, i) => {
    let result = kept[i];
    if (result === undefined) {
      result = done[next++]!;
      if (cache && result.blob) cache.set(context, job, result.blob, result);
    }
    const blob = ids[i] ?? result.blob;
    if (cache && blob) cache.touch(context, job, blob);
    add(result.extraction);
    if (result.parsed) parsed++;
  });
  // A tree that yielded no service at all says so, rather than passing as clean.
  const bound = extracted.extractions.some((e) => e.bindings.length > 0);
  const none = collected.serviceDirs.length === 0 && !collected.discovered?.length && !collected.deployServices && !registryFile && !bound;
  if (none) addProblem(noServices(config));
  return { extracted, parsed, extraction: { extracted: todo.filter((job) => !job.refused).length, reused: jobs.length - todo.length } };
}

/** Bytes read ahead that the jobs of changed files may carry to their extraction, in all: past this, such a file is read again there. */
const READ_AHEAD_BYTES = 8 * 1024 * 1024;
/**
 * Files on disk found changed before reading ahead stops, unless as many were found unchanged:
 * a cache from another tree or context (every file changed) then costs little more than no
 * cache (at 2,000 services reading everything ahead cost 0.8 s of CPU and 90 MB more).
 */
const STALE_AFTER = 256;

/**
 * The kept result of each job, by its bytes' blob id (`ids`, filled in here). A file on disk
 * is read first, through the safe reader, to name its bytes; when no result is kept for them,
 * its job carries the bytes read, as a blob listed from a commit does, so it is extracted from
 * them without a second read (within {@link READ_AHEAD_BYTES}). A file the reader refuses is
 * left as it is: its extraction reads it again and says why. Once the cache looks stale (see
 * {@link STALE_AFTER}), the remaining files on disk are left to their extraction.
 */
function lookUp(jobs: FileJob[], ids: (string | undefined)[], maxFileBytes: number, get: (job: FileJob, blob: string) => FileResult | undefined): (FileResult | undefined)[] {
  const checked: CheckedDirs = new Set();
  let room = READ_AHEAD_BYTES;
  let hits = 0;
  let misses = 0;
  return jobs.map((job, i) => {
    if (job.blob) return get(job, job.blob.id);
    if (job.refused || misses > Math.max(STALE_AFTER, hits)) return undefined;
    // Only the bytes' name is needed to find a kept result: they are taken for text only on a miss.
    const read = identifyFile(job, maxFileBytes, checked);
    if (!('blob' in read)) return undefined;
    ids[i] = read.blob;
    const kept = get(job, read.blob);
    if (kept) return hits++, kept;
    misses++;
    if (read.bytes && read.bytes.length <= room) {
      room -= read.bytes.length;
      // A copy: the reader reuses its buffer for the next file.
      jobs[i] = { ...job, blob: { id: read.blob, size: read.bytes.length, bytes: Buffer.from(read.bytes) } };
    }
    return undefined;
  });
}

/** The job for `file` (everything the collect step knows of it), with the optional fields only when they hold something. */
function fileJob(file: FileToRead, isDoc: boolean, readers: number, owner: string | undefined, identify: boolean): FileJob {
  const job: FileJob = { ...file, isDoc, readers };
  if (owner) job.owner = owner;
  if (identify) job.identify = true;
  return job;
}

/**
 * The registry parse, guarded like every other file's: an unexpected throw (a stack overflow
 * in a parser included) becomes an input problem for the registry and the check goes on.
 */
function guardedRegistry(path: string, text: string, services: ServiceIndex): ReturnType<typeof parseRegistry> | { failed: Finding } {
  try {
    return parseRegistry(path, text, services);
  } catch (error) {
    return { failed: problem('input/extractor-failed', path, `The registry reader failed on \`${path}\`: ${error instanceof Error ? error.message : String(error)}; its ports are unknown.`) };
  }
}
