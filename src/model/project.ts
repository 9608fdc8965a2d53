/**
 * Everything the rules see: the parsed registry and service docs, and every binding and
 * reference from every file, each placed on a host. Built once per run by model/build.ts;
 * model/occupancy.ts and model/views.ts answer the questions every rule asks of it.
 */
import type { HostModel } from '../core/hosts.js';
import type { RegistryDoc } from '../core/registry.js';
import type { ServiceDir, ServiceIndex } from '../core/services.js';
import type { Finding } from '../core/finding.js';
import type { Binding, Reference, Suppression } from '../core/statements.js';

export interface ProjectModel {
  /** The registry, when the repository has one. */
  registry?: RegistryDoc;
  /** Path the config names for the registry (present or not). */
  registryPath: string;
  serviceDirs: ServiceDir[];
  /** Services discovery found outside the declared directories (collect/discover.ts), each owning its folder. */
  discoveredServices?: { name: string; path: string; via: string }[];
  /** All bindings: registry plan and actual, service docs, source defaults, deploy files. */
  bindings: Binding[];
  references: Reference[];
  hosts: HostModel;
  services: ServiceIndex;
  /** Input problems, as findings of `input/*` rules. */
  problems: Finding[];
  suppressions: Suppression[];
  /** The compose projects (model/scopes.ts): directories of compose file sets, or configured groups. */
  composeProjects?: string[];
  /**
   * Service names that independent compose projects each own (`web`, named `django/web`,
   * `flask/web`): as written outside those projects, such a name names none of them.
   */
  projectNames?: ReadonlySet<string>;
  /**
   * Compose files that could not be read, with the host (and independent project) whose
   * ports they may bind: references there that nothing answers are not judged.
   */
  unreadDeployFiles?: { file: string; host: string; scope?: string }[];
}
