/**
 * Service discovery: the services of a repository wherever they live, beside the directories
 * the config's `services:` globs declare. Read through the safe reader, parsed with the same
 * YAML limits as the extractors; nothing is run.
 *
 * Where services are found, each a directory that owns its files:
 * - compose `build:` (`build: ./dir`, `build.context`, `build.dockerfile`) of every compose
 *   file: the folder the image is built from, named by the compose key;
 * - workspaces: `package.json` `workspaces`, `pnpm-workspace.yaml` `packages`, `go.work`
 *   `use`, `.sln` / `.slnx` project lines (test projects aside);
 * - skaffold `build.artifacts` (an image and the folder it is built from);
 * - the folder conventions `services/*`, `src/*`, `apps/*` (a folder holding a manifest or a
 *   Dockerfile) and `cmd/*` (a folder holding Go files);
 * - top-level folders holding a manifest (`package.json`, `go.mod`, `pyproject.toml`,
 *   `*.csproj`, `pom.xml`, `build.gradle`, `Cargo.toml`);
 * - folders holding a `Dockerfile`.
 *
 * A service's name is the compose key that builds it, else the name a deploy file gives it
 * (a compose key or a Kubernetes workload equal to its folder's name, or a workload whose
 * image is named like its folder), else its manifest's
 * (`package.json` `name` without its scope, the last element of the `go.mod` module, the
 * `.csproj` file name), else its own folder's. A container folder (`src`, `app`, `api`,
 * `internal`, …) inside a service is never the service: `src/cartservice/src` is
 * `src/cartservice`. Folders of tests, tooling (`docs`, `scripts`, `.github`, …) and hidden
 * folders are not services. A folder found only by convention, manifest or Dockerfile that
 * lies inside another service's folder is part of that service.
 */
import type { Document } from 'yaml';
import picomatch from 'picomatch';
import { readText, type CheckedDirs } from './read.js';
import type { WalkedFile } from './walk.js';
import { MAX_YAML_ALIASES, excessAlias } from '../core/yaml-limits.js';
import { forgetKeptYaml, yamlDocument, yamlStream } from '../core/yaml-parse.js';
// Folders that hold a service's code or a set of services rather than name one: a service is
// never named after one; the name comes from its manifest, a deploy file or the folder above.
import { CONTAINER_FOLDERS, isTestPath } from './paths.js';
import { groupBy } from '../core/group-by.js';

/** A service found by discovery. */
export interface DiscoveredService {
  name: string;
  /** The folder it owns, relative and `/`-separated. */
  path: string;
  /** How it was found, for messages: `compose build in compose.yaml`, `src/*`, … */
  via: string;
  /**
   * True when a deploy file builds or runs it as a container (a compose `build:`, a skaffold
   * artifact, a compose service or Kubernetes workload of its name): the ports its own files
   * state (a `PORT` default in code) are the container's, not its host's.
   */
  container?: boolean;
}

/** What discovery found, and where it looked (for the notice when nothing is found). */
export interface Discovery {
  services: DiscoveredService[];
  /** Names deploy files give services (compose keys, Kubernetes workloads), with or without a folder. */
  deployNames: string[];
  /** True when some compose file has a `services:` section. */
  composeServices: boolean;
}


/** Folders that hold many services: a container folder right under one of these is the service's own folder. */
const COLLECTION_FOLDERS: ReadonlySet<string> = new Set(['apps', 'services', 'packages', 'src', 'cmd', 'projects', 'modules']);

/** Top-level folders of tooling, documentation and tests, never a service. */
const TOOLING_FOLDERS: ReadonlySet<string> = new Set(['docs', 'doc', 'scripts', 'script', 'tools', 'tool', 'hack', 'ci', 'test', 'tests', 'e2e', 'bench', 'benchmarks', 'website']);

/** Manifests that make a folder a project of its own. */
const MANIFEST = /^(package\.json|go\.mod|pyproject\.toml|pom\.xml|build\.gradle(\.kts)?|Cargo\.toml|[^/]+\.(cs|fs|vb)proj)$/;

/** The folder conventions of multi-service repositories, and what a member must hold. */
const CONVENTIONS: { glob: string; holds: RegExp; depth: number }[] = [
  { glob: 'services/*', holds: /^(Dockerfile(\..+)?|package\.json|go\.mod|pyproject\.toml|requirements\.txt|pom\.xml|build\.gradle(\.kts)?|Cargo\.toml|[^/]+\.(cs|fs|vb)proj)$/, depth: 2 },
  { glob: 'src/*', holds: /^(Dockerfile(\..+)?|package\.json|go\.mod|pyproject\.toml|requirements\.txt|pom\.xml|build\.gradle(\.kts)?|Cargo\.toml|[^/]+\.(cs|fs|vb)proj)$/, depth: 2 },
  { glob: 'apps/*', holds: /^(Dockerfile(\..+)?|package\.json|go\.mod|pyproject\.toml|requirements\.txt|pom\.xml|build\.gradle(\.kts)?|Cargo\.toml|[^/]+\.(cs|fs|vb)proj)$/, depth: 2 },
  { glob: 'cmd/*', holds: /\.go$/, depth: 1 },
];

/** How sure a source is of a folder: a stronger one names it, and only weak finds are folded into an enclosing service. */
const STRENGTH = { compose: 4, skaffold: 3, workspace: 2, convention: 1, manifest: 1, dockerfile: 1 } as const;
type Source = keyof typeof STRENGTH;

interface Candidate {
  path: string;
  source: Source;
  via: string;
  /** The name the source itself gives (a compose key, a workspace member's manifest), if any. */
  name?: string;
  /** Built from a variant Dockerfile (`Dockerfile.cypress`): another find of the same folder names it first. */
  variant?: boolean;
}

const dirOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
const baseOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** `./a/../b/` relative to `from` → `b`; undefined when it leaves the repository. */
function resolvePath(from: string, rel: string): string | undefined {
  if (rel.startsWith('/') || /^[a-z][a-z0-9+.-]*:\/\//i.test(rel) || rel.includes('\0')) return undefined;
  const parts = from ? from.split('/') : [];
  for (const part of rel.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/** `${NAME}`, `${NAME:-default}`, `${NAME-default}` and `$NAME` from `env`; undefined when one cannot be resolved. */
function substitute(value: string, env: ReadonlyMap<string, string>): string | undefined {
  let unresolved = false;
  const out = value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, braced: string | undefined, fallback: string | undefined, bare: string | undefined) => {
    const found = env.get((braced ?? bare)!);
    if (found !== undefined && found !== '') return found;
    if (fallback !== undefined) return fallback;
    unresolved = true;
    return '';
  });
  return unresolved ? undefined : out;
}

/**
 * The cheap test before parsing a compose file for discovery: true when every `build:` and
 * `context:` value on its line is a plain path that `under` accepts, and there is no
 * `dockerfile:` line and no block `build:` without a `context:` (the parse decides those).
 */
function buildsOnlyUnder(text: string, here: string, under: (dir: string) => boolean): boolean {
  let blocks = 0;
  let contexts = 0;
  for (const m of text.matchAll(/^[ \t-]*(build|context|dockerfile)[ \t]*:[ \t]*([^\n#]*)/gm)) {
    const value = m[2]!.trim().replace(/^(['"])(.*)\1$/, '$2');
    if (m[1] === 'dockerfile') return false;
    if (m[1] === 'build' && value === '') {
      blocks++;
      continue;
    }
    if (m[1] === 'context') contexts++;
    if (/[$\\{}[\]]/.test(value)) return false;
    const dir = resolvePath(here, value);
    if (dir === undefined || !under(dir)) return false;
  }
  return contexts >= blocks;
}

/** A compose file by its name. */
function isCompose(path: string): boolean {
  return /^(docker-)?compose[^/]*\.ya?ml$/.test(baseOf(path));
}

/** True when no folder on the path is hidden, a test folder, or a top-level tooling folder. */
function eligible(dir: string): boolean {
  if (dir === '') return false;
  const parts = dir.split('/');
  if (parts.some((p) => p.startsWith('.'))) return false;
  if (TOOLING_FOLDERS.has(parts[0]!.toLowerCase())) return false;
  return !isTestPath(`${dir}/`) && !/(^|[.-])(unit|functional|integration)?tests?$/i.test(parts.at(-1)!);
}

/**
 * The folder that is the service when `dir` is found: a container folder (`src/cartservice/src`)
 * is its service's code, so the service is the folder above, unless that is the root or a
 * folder of many services (`apps/api` stays `apps/api`).
 */
function serviceFolder(dir: string): string {
  let current = dir;
  while (CONTAINER_FOLDERS.has(baseOf(current).toLowerCase())) {
    const parent = dirOf(current);
    if (parent === '' || COLLECTION_FOLDERS.has(baseOf(parent).toLowerCase())) break;
    current = parent;
  }
  return current;
}

/**
 * True for every file {@link discover} may read: YAML (compose files, Kubernetes manifests,
 * skaffold, `pnpm-workspace.yaml`), `package.json`, `go.mod`, `go.work`, `.sln` / `.slnx`. A
 * reader that fetches bytes ahead of time (a commit read from git) fetches these.
 */
export function discoveryMayRead(path: string): boolean {
  const base = baseOf(path);
  return /\.ya?ml$/.test(base) || base === 'package.json' || base === 'go.mod' || base === 'go.work' || /\.slnx?$/.test(base);
}

/** Reads files through the safe reader; a refused or missing file is simply not used here (the extractors report what they read). */
class Reader {
  private readonly byPath: Map<string, WalkedFile>;
  private readonly checked: CheckedDirs = new Set();
  constructor(
    files: readonly WalkedFile[],
    private readonly maxBytes: number,
  ) {
    this.byPath = new Map(files.map((f) => [f.path, f]));
  }
  has(path: string): boolean {
    return this.byPath.has(path);
  }
  text(path: string): string | undefined {
    const file = this.byPath.get(path);
    if (!file) return undefined;
    const read = readText(file, this.maxBytes, this.checked);
    return 'text' in read ? read.text : undefined;
  }
}

/**
 * One YAML document as plain data, under the alias limit; undefined when it does not parse.
 * With `keep`, the parse is kept for the extractor that reads the same file (compose).
 */
function yamlData(path: string, text: string, keep = false): unknown {
  try {
    const doc = yamlDocument(path, text, { keep });
    if (doc.errors.length > 0 || excessAlias(doc, text)) return undefined;
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch {
    return undefined;
  }
}

/**
 * Every YAML document of `text` (the file at `path`, templates made blank) as plain data;
 * documents that do not parse are skipped. A parse of the file's own text is kept for the
 * extractor that reads the same file (Kubernetes).
 */
function yamlDocuments(path: string, text: string, keep: boolean): unknown[] {
  let docs: Document[];
  try {
    docs = yamlStream(path, text, { keep }) as Document[];
  } catch {
    return [];
  }
  if (!Array.isArray(docs)) return [];
  const out: unknown[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0 || excessAlias(doc, text)) continue;
    try {
      out.push(doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }));
    } catch {
      // An alias past the limit or a cycle: this document is skipped.
    }
  }
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const stringsOf = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The name a manifest gives its project, if it gives one. */
function manifestName(reader: Reader, dir: string, files: readonly string[]): string | undefined {
  const pkg = reader.has(`${dir}/package.json`) ? reader.text(`${dir}/package.json`) : undefined;
  if (pkg !== undefined) {
    try {
      const name = (JSON.parse(pkg) as { name?: unknown }).name;
      if (typeof name === 'string' && name.trim() !== '') {
        const bare = name.trim().replace(/^@[^/]+\//, '');
        if (/^[A-Za-z0-9][\w.-]*$/.test(bare)) return bare;
      }
    } catch {
      // Not JSON: the folder names the service.
    }
  }
  const gomod = reader.has(`${dir}/go.mod`) ? reader.text(`${dir}/go.mod`) : undefined;
  const module = gomod && /^\s*module\s+"?([^\s"]+)"?/m.exec(gomod)?.[1];
  if (module) {
    const elements = module.split('/').filter((e) => e !== '' && !/^v\d+$/.test(e));
    const last = elements.at(-1);
    if (last && !CONTAINER_FOLDERS.has(last.toLowerCase()) && elements.length > 0) return last;
  }
  const projects = files.filter((f) => /\.(cs|fs|vb)proj$/.test(f));
  if (projects.length === 1) return baseOf(projects[0]!).replace(/\.(cs|fs|vb)proj$/, '');
  return undefined;
}

/** The services `files` (the walked repository) shows, beside the `declared` glob directories. */
export function discover(files: readonly WalkedFile[], declared: readonly string[], maxBytes: number, env: ReadonlyMap<string, string> = new Map()): Discovery {
  // Parses a previous run kept and no extractor took are not this run's.
  forgetKeptYaml();
  const reader = new Reader(files, maxBytes);
  const paths = files.map((f) => f.path);
  // Files per folder (direct children), and every folder of the tree.
  const inDir = new Map<string, string[]>();
  const dirs = new Set<string>();
  for (const p of paths) {
    const d = dirOf(p);
    const list = inDir.get(d);
    if (list) list.push(baseOf(p));
    else inDir.set(d, [baseOf(p)]);
    for (let a = d; a !== ''; a = dirOf(a)) {
      if (dirs.has(a)) break;
      dirs.add(a);
    }
  }
  const filesIn = (dir: string) => inDir.get(dir) ?? [];
  const candidates: Candidate[] = [];
  const deployNames = new Set<string>();
  /** Image names (last path element, no tag) of Kubernetes workloads → the workload's name. */
  const images = new Map<string, string>();
  const add = (c: Candidate) => {
    const folder = serviceFolder(c.path);
    if (dirs.has(folder) && eligible(folder)) candidates.push({ ...c, path: folder });
  };

  // Conventions, top-level manifests and Dockerfile folders.
  const children = groupBy([...dirs], dirOf);
  const holdsWithin = (dir: string, holds: RegExp, depth: number): boolean => {
    if (filesIn(dir).some((f) => holds.test(f))) return true;
    return depth > 1 && (children.get(dir) ?? []).some((d) => eligible(d) && holdsWithin(d, holds, depth - 1));
  };
  for (const convention of CONVENTIONS) {
    const top = convention.glob.slice(0, convention.glob.indexOf('/'));
    for (const dir of children.get(top) ?? []) if (holdsWithin(dir, convention.holds, convention.depth)) add({ path: dir, source: 'convention', via: `folder convention \`${convention.glob}\`` });
  }
  for (const dir of dirs) {
    if (dir.includes('/')) continue;
    const manifest = filesIn(dir).find((f) => MANIFEST.test(f));
    if (manifest) add({ path: dir, source: 'manifest', via: `${dir}/${manifest}` });
  }
  for (const dir of dirs) {
    const dockerfile = filesIn(dir).find((f) => /^Dockerfile(\..+)?$/.test(f));
    if (dockerfile) add({ path: dir, source: 'dockerfile', via: `${dir}/${dockerfile}` });
  }

  // Compose: the folder each service is built from, named by its key. A large compose file
  // costs as much to parse as to extract, so one whose `build:` lines all name declared
  // folders is parsed only when a folder found above may take a compose key's name.
  const declaredDirs = new Set(declared);
  const underDeclared = (dir: string) => {
    for (let d = dir; d !== ''; d = dirOf(d)) if (declaredDirs.has(d)) return true;
    return false;
  };
  const undeclaredFinds = candidates.some((c) => !underDeclared(c.path));
  let composeServices = false;
  for (const path of paths.filter(isCompose)) {
    const text = reader.text(path);
    if (text !== undefined && /^services\s*:/m.test(text)) composeServices = true;
    if (text !== undefined && !undeclaredFinds && buildsOnlyUnder(text, dirOf(path), underDeclared)) continue;
    const data = text === undefined ? undefined : yamlData(path, text, true);
    const services = isRecord(data) && isRecord(data.services) ? data.services : {};
    const here = dirOf(path);
    for (const [key, svc] of Object.entries(services)) {
      deployNames.add(key);
      if (!isRecord(svc)) continue;
      const build = svc.build;
      const context = typeof build === 'string' ? build : isRecord(build) && typeof build.context === 'string' ? build.context : isRecord(build) ? '.' : undefined;
      if (context === undefined) continue;
      const contextPath = substitute(context, env);
      const contextDir = contextPath === undefined ? undefined : resolvePath(here, contextPath);
      if (contextDir === undefined) continue;
      const dockerfile = isRecord(build) && typeof build.dockerfile === 'string' ? substitute(build.dockerfile, env) : undefined;
      const dockerfilePath = dockerfile === undefined ? undefined : resolvePath(contextDir, dockerfile);
      // A Dockerfile named in a folder of its own (`./src/ad/Dockerfile` from the root) is the service's folder.
      const folder = dockerfilePath !== undefined && /^Dockerfile(\..+)?$/.test(baseOf(dockerfilePath)) ? dirOf(dockerfilePath) : contextDir;
      const plain = dockerfilePath === undefined || baseOf(dockerfilePath) === 'Dockerfile';
      add({ path: folder, source: 'compose', via: `compose \`build\` of \`${key}\` in ${path}`, name: key, ...(plain ? {} : { variant: true }) });
    }
  }

  // Kubernetes workloads and skaffold artifacts.
  for (const path of paths.filter((p) => /\.ya?ml$/.test(p) && !isCompose(p))) {
    const text = reader.text(path);
    if (text === undefined || !/^\s*kind:\s*["']?(Deployment|StatefulSet|DaemonSet|Config)\b/m.test(text)) continue;
    const blank = text.replace(/\{\{[\s\S]*?\}\}/g, (a) => a.replace(/[^\n]/g, ' '));
    // A template's blanked text is read by discovery alone: the extractor makes it inert its own way.
    for (const doc of yamlDocuments(path, blank, blank === text)) {
      if (!isRecord(doc)) continue;
      if (['Deployment', 'StatefulSet', 'DaemonSet'].includes(String(doc.kind))) {
        const name = isRecord(doc.metadata) ? doc.metadata.name : undefined;
        if (typeof name === 'string' && /^[a-z0-9][a-z0-9.-]*$/.test(name)) {
          deployNames.add(name);
          // The image a workload runs names the folder it is built from (`image: acme/storefront:1.2`).
          const pod = isRecord(doc.spec) && isRecord(doc.spec.template) && isRecord(doc.spec.template.spec) ? doc.spec.template.spec : undefined;
          for (const c of pod && Array.isArray(pod.containers) ? pod.containers : []) {
            const image = isRecord(c) && typeof c.image === 'string' ? baseOf(c.image.replace(/@.*$/, '').replace(/:[^/]*$/, '')).toLowerCase() : '';
            if (/^[a-z0-9][a-z0-9._-]*$/.test(image) && !images.has(image)) images.set(image, name);
          }
        }
      }
      if (doc.kind === 'Config' && typeof doc.apiVersion === 'string' && doc.apiVersion.startsWith('skaffold/')) {
        const artifacts = isRecord(doc.build) && Array.isArray(doc.build.artifacts) ? doc.build.artifacts : [];
        for (const a of artifacts) {
          if (!isRecord(a) || typeof a.image !== 'string') continue;
          const dir = resolvePath(dirOf(path), typeof a.context === 'string' ? a.context : '.');
          const image = baseOf(a.image.replace(/[:@].*$/, ''));
          if (dir !== undefined && /^[a-z0-9][a-z0-9._-]*$/.test(image)) add({ path: dir, source: 'skaffold', via: `skaffold artifact \`${image}\` in ${path}`, name: image });
        }
      }
    }
  }

  // Workspaces.
  const members = (base: string, globs: string[], must: RegExp, via: string, named: (dir: string) => string | undefined = () => undefined) => {
    const positive = globs.filter((g) => !g.startsWith('!')).map((g) => resolvePath(base, g.replace(/\/+$/, ''))).filter((g): g is string => g !== undefined && g !== '');
    const negative = globs.filter((g) => g.startsWith('!')).map((g) => resolvePath(base, g.slice(1).replace(/\/+$/, ''))).filter((g): g is string => g !== undefined);
    if (positive.length === 0) return;
    const isMember = picomatch(positive, { dot: false });
    const isExcluded = negative.length > 0 ? picomatch(negative) : () => false;
    for (const dir of dirs) {
      if (!isMember(dir) || isExcluded(dir) || !filesIn(dir).some((f) => must.test(f))) continue;
      const name = named(dir);
      add({ path: dir, source: 'workspace', via, ...(name ? { name } : {}) });
    }
  };
  for (const path of paths) {
    const base = baseOf(path);
    // A workspace root is the repository's or a top-level folder's package.json: the many
    // package.json files of the members themselves are not read for it.
    if (base === 'package.json' && path.split('/').length <= 2) {
      const text = reader.text(path);
      if (text === undefined || !text.includes('workspaces')) continue;
      let ws: unknown;
      try {
        ws = (JSON.parse(text) as { workspaces?: unknown }).workspaces;
      } catch {
        continue;
      }
      const globs = Array.isArray(ws) ? stringsOf(ws) : isRecord(ws) ? stringsOf(ws.packages) : [];
      members(dirOf(path), globs, /^package\.json$/, `\`workspaces\` of ${path}`);
    } else if (base === 'pnpm-workspace.yaml') {
      const text = reader.text(path);
      const data = text === undefined ? undefined : yamlData(path, text);
      if (isRecord(data)) members(dirOf(path), stringsOf(data.packages), /^package\.json$/, `\`packages\` of ${path}`);
    } else if (base === 'go.work') {
      const text = reader.text(path);
      if (text === undefined) continue;
      const uses: string[] = [];
      const body = text.replace(/\/\/[^\n]*/g, '');
      for (const m of body.matchAll(/^\s*use\s*\(([^)]*)\)|^\s*use\s+(\S+)/gm)) {
        if (m[1] !== undefined) uses.push(...m[1].split(/\s+/).filter(Boolean));
        else if (m[2] !== undefined) uses.push(m[2]);
      }
      members(dirOf(path), uses.map((u) => u.replace(/^"|"$/g, '')), /^go\.mod$/, `\`use\` of ${path}`);
    } else if (/\.slnx?$/.test(base)) {
      const text = reader.text(path);
      if (text === undefined) continue;
      const projects = base.endsWith('.slnx')
        ? [...text.matchAll(/<Project\s+[^>]*Path="([^"]+\.(?:cs|fs|vb)proj)"/g)].map((m) => m[1]!)
        : [...text.matchAll(/^Project\("[^"]*"\)\s*=\s*"[^"]*",\s*"([^"]+\.(?:cs|fs|vb)proj)"/gm)].map((m) => m[1]!);
      for (const project of projects) {
        const file = resolvePath(dirOf(path), project);
        if (file === undefined || !reader.has(file)) continue;
        const projectName = baseOf(file).replace(/\.(cs|fs|vb)proj$/, '');
        if (/\.(unit|functional|integration)?tests?$/i.test(projectName)) continue;
        add({ path: dirOf(file), source: 'workspace', via: `project line of ${path}`, name: projectName });
      }
    }
  }

  return { services: settle(candidates, declared, deployNames, images, reader, filesIn), deployNames: [...deployNames].sort(), composeServices };
}

/**
 * True for a JavaScript package nothing starts: its only manifest is a `package.json` without a
 * `start`, `dev`, `serve` or `preview` script, and no Dockerfile builds it (a shared library of
 * a workspace, whose constants are not a running service's ports).
 */
function isLibrary(reader: Reader, dir: string, files: readonly string[]): boolean {
  if (!files.includes('package.json') || files.some((f) => f !== 'package.json' && (MANIFEST.test(f) || /^Dockerfile(\..+)?$/.test(f)))) return false;
  const text = reader.text(`${dir}/package.json`);
  if (text === undefined) return false;
  try {
    const scripts = (JSON.parse(text) as { scripts?: unknown }).scripts;
    return !(isRecord(scripts) && ['start', 'dev', 'serve', 'preview'].some((k) => typeof scripts[k] === 'string'));
  } catch {
    return false;
  }
}

/** One service per folder: the strongest find names it; weak finds inside another service's folder are dropped. */
function settle(candidates: Candidate[], declared: readonly string[], deployNames: ReadonlySet<string>, images: ReadonlyMap<string, string>, reader: Reader, filesIn: (dir: string) => string[]): DiscoveredService[] {
  const declaredSet = new Set(declared);
  const byPath = new Map<string, Candidate>();
  const rank = (c: Candidate) => STRENGTH[c.source] * 2 + (c.variant ? 0 : 1);
  for (const c of candidates) {
    if (declaredSet.has(c.path)) continue;
    const seen = byPath.get(c.path);
    // The strongest source names the folder; between equals the first found (file order) wins.
    if (!seen || rank(c) > rank(seen)) byPath.set(c.path, c);
  }
  const inside = (path: string, dir: string) => path.startsWith(`${dir}/`);
  const all = [...declaredSet, ...byPath.keys()];
  const kept = [...byPath.values()].filter((c) => STRENGTH[c.source] > 1 || !all.some((d) => d !== c.path && inside(c.path, d)));
  const lowerDeploy = new Map([...deployNames].map((n) => [n.toLowerCase(), n]));
  return kept
    .map((c): DiscoveredService | undefined => {
      const folder = baseOf(c.path);
      const deployed = lowerDeploy.get(folder.toLowerCase()) ?? images.get(folder.toLowerCase());
      const name = c.name ?? deployed ?? manifestName(reader, c.path, filesIn(c.path)) ?? folder;
      const container = c.source === 'compose' || c.source === 'skaffold' || deployed !== undefined || (c.name !== undefined && lowerDeploy.has(c.name.toLowerCase()));
      if (!container && isLibrary(reader, c.path, filesIn(c.path))) return undefined;
      return { name, path: c.path, via: c.via, ...(container ? { container } : {}) };
    })
    .filter((s): s is DiscoveredService => s !== undefined)
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
