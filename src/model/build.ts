/**
 * Build: the step after extraction. Turns the statements every file made into the
 * {@link ProjectModel} the rules read: statements gathered in reading order, a default in the
 * code of a containerised service moved inside its container, every host name written
 * anywhere resolved to its host's id, and the statements of independent compose projects
 * scoped to their project (model/scopes.ts).
 */
import type { Config } from '../config/types.js';
import type { Extracted } from '../core/extracted.js';
import type { ServiceDir } from '../core/services.js';
import type { Finding } from '../core/finding.js';
import type { Binding, Reference, Suppression } from '../core/statements.js';
import type { ProjectModel } from './project.js';
import { scopeComposeProjects } from './scopes.js';

/** What collection found about the tree, as far as the model needs it. */
export interface Layout {
  /** Every file of the tree (compose projects are found among them). */
  paths: readonly string[];
  /** The declared service directories. */
  serviceDirs: ServiceDir[];
  /** Services discovery found outside the declared directories, each owning its folder. */
  discovered?: { name: string; path: string; via: string }[];
  /** True when the file belongs to a service that deploy files run as a container. */
  inContainer?: (path: string) => boolean;
}

/** Builds the project model from the extracted statements, which it leaves as they are. */
export function build(extracted: Extracted, layout: Layout, config: Pick<Config, 'registry' | 'composeProjects'>): ProjectModel {
  // Each statement is copied as it is gathered, and the steps below change the copies: the
  // extractions stay as extracted, so another check of the same run may share them. The
  // registry's lists name the same statements as its extraction, so they name the copies.
  const copies = new Map<Binding, Binding>();
  const bindings: Binding[] = [];
  const references: Reference[] = [];
  const problems: Finding[] = [];
  const suppressions: Suppression[] = [];
  for (const e of extracted.extractions) {
    for (const b of e.bindings) {
      const copy = { ...b };
      copies.set(b, copy);
      bindings.push(copy);
    }
    for (const r of e.references) references.push({ ...r });
    for (const p of e.problems) problems.push({ ...p });
    if (e.suppressions) suppressions.push(...e.suppressions);
  }
  const doc = extracted.registry;
  const model: ProjectModel = {
    ...(doc ? { registry: { ...doc, plan: doc.plan.map((b) => copies.get(b) ?? b), actual: doc.actual.map((b) => copies.get(b) ?? b) } } : {}),
    registryPath: config.registry,
    serviceDirs: layout.serviceDirs,
    ...(layout.discovered?.length ? { discoveredServices: layout.discovered } : {}),
    bindings,
    references,
    hosts: extracted.hosts,
    services: extracted.services,
    problems,
    suppressions,
  };
  if (layout.inContainer) containerDefaults(model.bindings, layout.inContainer);
  normalizeHosts(model);
  scopeComposeProjects(model, layout.paths, config.composeProjects);
  return model;
}

/**
 * A default in the code of a service that deploy files run as a container (a compose `build:`,
 * a skaffold artifact, a Kubernetes workload) is the port inside its container: it collides
 * with nothing on the host, while the deploy files must still agree with it.
 */
function containerDefaults(bindings: Binding[], inContainer: (path: string) => boolean): void {
  for (const b of bindings) if (b.kind === 'source-default' && b.network === undefined && inContainer(b.location.file)) b.network = 'container';
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
