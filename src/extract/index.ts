/**
 * Extract: read each collected file once, hand it to the extractors that accept its path
 * and pass its prefilter, and assemble the {@link ProjectModel}. The registry goes first so
 * its hosts and names are known to every other extractor.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Collected } from '../collect/index.js';
import { readText } from '../collect/read.js';
import { findSuppressions } from '../collect/suppressions.js';
import { problem } from '../collect/walk.js';
import type { Config } from '../config/types.js';
import { HostModel, hostId } from '../model/hosts.js';
import { createLocator } from '../model/location.js';
import type { ProjectModel } from '../model/project.js';
import { ServiceIndex } from '../model/services.js';
import type { Binding, Extraction, Reference } from '../model/types.js';
import { deployExtractors } from './deploy/index.js';
import { parseDotenv } from './deploy/dotenv.js';
import type { ExtractContext, Extractor, SourceFile } from './extractor.js';
import { parseRegistry } from './registry/index.js';
import { serviceDocExtractor } from './service-doc/index.js';
import { sourceExtractors } from './source/index.js';

const fileExtractors: Extractor[] = [...sourceExtractors, ...deployExtractors];

/** Builds the model from the collected files. `parsed` counts files some extractor parsed. */
export async function extractAll(root: string, collected: Collected, config: Config): Promise<{ model: ProjectModel; parsed: number }> {
  const services = new ServiceIndex(config.aliases);
  for (const dir of collected.serviceDirs) services.add(dir.name);
  const hosts = new HostModel(
    config.hosts.map((h) => ({ id: hostId(h.name), label: h.name, aliases: h.aliases, addresses: h.addresses })),
    config.hosts.filter((h) => h.files.length > 0).map((h) => ({ host: h.name, files: h.files })),
  );
  const model: ProjectModel = {
    registryPath: config.registry,
    serviceDirs: collected.serviceDirs,
    bindings: [],
    references: [],
    hosts,
    services,
    problems: [...collected.problems],
    suppressions: [],
  };
  const add = (e: Extraction) => {
    model.bindings.push(...e.bindings);
    model.references.push(...e.references);
    model.problems.push(...e.problems);
    if (e.suppressions) model.suppressions.push(...e.suppressions);
  };

  const registryFile = collected.files.find((f) => f.path === config.registry);
  if (!registryFile) {
    model.problems.push(problem('input/missing-registry', config.registry, `No registry at \`${config.registry}\`; expected the port registry there (set \`registry:\` in .github/portwarden.yml).`));
  } else {
    const read = readText(registryFile, config.maxFileBytes);
    if ('problem' in read) model.problems.push(read.problem);
    else {
      const { doc, problems } = parseRegistry(registryFile.path, read.text, services);
      model.registry = doc;
      for (const h of doc.hosts) hosts.add(h);
      add({ bindings: [...doc.plan, ...doc.actual], references: [], problems, suppressions: findSuppressions(registryFile.path, read.text) });
    }
  }

  const ctx: ExtractContext = { hosts, services, env: readRootEnv(root) };
  let parsed = model.registry ? 1 : 0;
  for (const file of collected.files) {
    if (file.path === config.registry) continue;
    const isDoc = collected.serviceDocs.has(file.path);
    const wanted = isDoc ? [serviceDocExtractor] : fileExtractors.filter((e) => e.accepts(file.path));
    if (wanted.length === 0) continue;
    const read = readText(file, config.maxFileBytes);
    if ('problem' in read) {
      model.problems.push(read.problem);
      continue;
    }
    const text = read.text;
    const chosen = wanted.filter((e) => !e.prefilter || e.prefilter(text));
    model.suppressions.push(...findSuppressions(file.path, text));
    if (chosen.length === 0) continue;
    parsed++;
    const owner = collected.ownerOf(file.path);
    const source: SourceFile = {
      path: file.path,
      text,
      locator: createLocator(file.path, text),
      ...(owner ? { service: services.canonical(owner) } : {}),
      ...placed(hosts.placeFile(file.path)),
    };
    for (const extractor of chosen) {
      try {
        add(await extractor.extract(source, ctx));
      } catch (error) {
        model.problems.push(problem('input/extractor-failed', file.path, `The \`${extractor.id}\` reader failed on \`${file.path}\`: ${error instanceof Error ? error.message : String(error)}; its ports in this file are unknown.`));
      }
    }
  }
  normalizeHosts(model);
  return { model, parsed };
}

const placed = (host: string | undefined) => (host ? { host } : {});

/** The repository's root `.env`, for `${PORT:-3001}` in compose files. */
function readRootEnv(root: string): Map<string, string> {
  const path = join(root, '.env');
  if (!existsSync(path)) return new Map();
  try {
    return new Map([...parseDotenv(readFileSync(path, 'utf8'))].map(([k, v]) => [k, v.value]));
  } catch {
    return new Map();
  }
}

/** Host names written anywhere ("Mac Mini (production)", `macmini`) become the one id of the host they match. */
function normalizeHosts(model: ProjectModel): void {
  const fix = (item: Binding | Reference) => {
    const host = model.hosts.resolve(item.host);
    if (host) item.host = host.id;
  };
  model.bindings.forEach(fix);
  model.references.forEach(fix);
}
