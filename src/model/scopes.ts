/**
 * Compose projects as scopes. `docker compose up` in one directory starts one project: the
 * compose files of that directory (`compose.yaml` with its overrides, `docker-compose.yml`
 * with `docker-compose.<x>.yml` variants) are one file set, with its own network, its own
 * service names and its own lifetime. A repository that holds several such directories (a
 * collection of samples, per-environment stacks) holds several projects, which are not
 * started together:
 *
 * - a project is the compose files of one directory, or of one configured
 *   `compose-projects:` group (files deployed together, from any directories);
 * - every other file belongs to the project of the deepest directory holding compose files
 *   above it (a sample's Dockerfile and sources go with its compose file);
 * - the project whose compose files lie at the repository root is the repository's own: its
 *   statements stay as they are, and so do statements outside every project;
 * - in every other project, a service name the repository does not know from elsewhere (the
 *   registry, a service directory not inside the project, a configured alias) is the project's
 *   own: `web` in `django/` is `django/web`, and a reference made there to `web` means it;
 * - such a project runs on its own host: its ports collide and agree only among themselves,
 *   unless the statement's file is placed on a named host (a config `hosts: files:` glob, or
 *   a path naming a known host such as `deploy/mac-mini/`), which the files placed there share.
 *
 * With one project (or none) nothing changes. A compose file that could not be read leaves
 * its project's ports partly unknown; the model records where, so that rules do not judge
 * references whose answer it may hold.
 */
import picomatch from 'picomatch';
import type { ProjectModel } from './project.js';
import { quote } from '../core/quote.js';
import type { Binding, Reference } from '../core/statements.js';
import { DEV_HOST } from '../core/statements.js';

/** Compose files by name: `compose.yaml`, `compose.override.yml`, `docker-compose.macmini.yml`. */
const COMPOSE_FILE = /^(docker-)?compose[^/]*\.ya?ml$/;

/** True when the file name is a compose file's. */
export function isComposeFile(path: string): boolean {
  return COMPOSE_FILE.test(path.slice(path.lastIndexOf('/') + 1));
}

/** A configured group of compose files deployed together, as one project. */
export interface ComposeGroup {
  name: string;
  files: string[];
}

/** The compose projects of a repository. */
export interface ComposeLayout {
  /** Project ids: the directory of a file set (`.` at the root), or a configured group's name. */
  projects: string[];
  /** The id of the project at the repository root (the repository's own), if there is one. */
  root?: string;
  /** The project `path` belongs to, if any (a compose file: its own; another file: the deepest project directory above it). */
  projectOf(path: string): string | undefined;
}

const dirOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');

/** The projects that the compose files among `paths` form, with `groups` joining files across directories. */
export function composeLayout(paths: readonly string[], groups: readonly ComposeGroup[] = []): ComposeLayout {
  const matchers = groups.map((g) => ({ name: g.name, match: picomatch(g.files, { dot: true }) }));
  const byFile = new Map<string, string>();
  const byDir = new Map<string, string>();
  let root: string | undefined;
  for (const path of [...new Set(paths)].filter(isComposeFile).sort()) {
    const dir = dirOf(path);
    const id = matchers.find((m) => m.match(path))?.name ?? (dir === '' ? '.' : dir);
    byFile.set(path, id);
    if (!byDir.has(dir)) byDir.set(dir, id);
    if (dir === '') root ??= id;
  }
  const projects = [...new Set(byFile.values())].sort();
  return {
    projects,
    ...(root !== undefined ? { root } : {}),
    projectOf(path) {
      const own = byFile.get(path);
      if (own !== undefined) return own;
      for (let dir = dirOf(path); ; dir = dirOf(dir)) {
        const id = byDir.get(dir);
        if (id !== undefined) return id;
        if (dir === '') return undefined;
      }
    },
  };
}

/** Input problems after which nothing (or not everything) was read from a file. */
const UNREAD = new Set([
  'input/invalid-yaml',
  'input/too-complex',
  'input/extractor-failed',
  'input/binary-file',
  'input/file-too-large',
  'input/unreadable',
  'input/not-a-regular-file',
  'input/symlink-outside-workspace',
  'input/symlink-not-followed',
]);

/**
 * Scopes the model's statements by compose project (see the module comment) and records the
 * compose files that could not be read. `paths` are the repository's files; `groups` the
 * config's `compose-projects`. Changes the model in place; run once, before the rules.
 */
export function scopeComposeProjects(model: ProjectModel, paths: readonly string[], groups: readonly ComposeGroup[] = []): void {
  // A compose file that was refused (too large, a symlink) is still one of the repository's compose files.
  const layout = composeLayout([...paths, ...model.problems.map((p) => p.location.file)], groups);
  model.composeProjects = layout.projects;
  const scoped = layout.projects.length >= 2;
  const nested = (path: string): string | undefined => {
    if (!scoped) return undefined;
    const p = layout.projectOf(path);
    return p === layout.root ? undefined : p;
  };

  if (scoped) {
    const global = globalNames(model, nested);
    const projectNames = new Set<string>();
    const own = (project: string, name: string) => {
      if (global.has(model.services.canonical(name)) || model.services.aliased(name)) return name;
      projectNames.add(model.services.canonical(name));
      return `${project}/${name}`;
    };
    const place = (item: Binding | Reference, project: string) => {
      item.project = project;
      if (model.hosts.placeFile(item.location.file) === undefined) item.scope = project;
    };
    for (const b of model.bindings) {
      const project = nested(b.location.file);
      if (project === undefined) continue;
      b.service = own(project, b.service);
      place(b, project);
    }
    for (const r of model.references) {
      const project = nested(r.location.file);
      if (project === undefined) continue;
      if (r.fromService !== undefined) r.fromService = own(project, r.fromService);
      if (r.targetService !== undefined) r.targetService = own(project, r.targetService);
      place(r, project);
    }
    // A service directory inside a nested project is that project's service too.
    model.serviceDirs = model.serviceDirs.map((d) => {
      const project = nested(`${d.path}/`);
      return project === undefined || project === d.path ? d : { ...d, name: own(project, d.name) };
    });
    model.projectNames = projectNames;
  }

  // A compose file that was not read: references that its services or ports may answer are not judged.
  const unread = new Map<string, { host: string; scope?: string }>();
  for (const p of model.problems) {
    const file = p.location.file;
    if (!UNREAD.has(p.ruleId) || !isComposeFile(file) || unread.has(file)) continue;
    const project = nested(file);
    const host = model.hosts.placeFile(file) ?? DEV_HOST;
    unread.set(file, { host, ...(project !== undefined && model.hosts.placeFile(file) === undefined ? { scope: project } : {}) });
    p.message = `${p.message.replace(/\.$/, '')}. Until it is read, references to ports on host ${quote(host)}${project !== undefined ? ` in compose project ${quote(project)}` : ''} that it may bind are not judged.`;
  }
  model.unreadDeployFiles = [...unread].map(([file, at]) => ({ file, ...at }));
}

/**
 * Names the repository knows outside the nested projects: the registry's, the configured
 * aliases' and those of service directories that do not lie inside a nested project.
 */
function globalNames(model: ProjectModel, nested: (path: string) => string | undefined): Set<string> {
  const names = new Set<string>();
  const add = (n: string) => names.add(model.services.canonical(n));
  for (const b of [...(model.registry?.plan ?? []), ...(model.registry?.actual ?? [])]) add(b.service);
  // A service directory counts unless it lies strictly inside a nested project (a sample's
  // `app/` folder); one that holds its own compose file owns that project rather than belongs to it.
  for (const d of model.serviceDirs) {
    const project = nested(`${d.path}/`);
    if (project === undefined || project === d.path) add(d.name);
  }
  for (const b of model.bindings) if (b.kind === 'registry-plan' || b.kind === 'registry-actual') add(b.service);
  return names;
}
