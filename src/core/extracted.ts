/**
 * What extraction hands to the model step: every file's statements in reading order, the
 * registry document, and the hosts and service names the files were read against.
 */
import type { HostModel } from './hosts.js';
import type { RegistryDoc } from './registry.js';
import type { ServiceIndex } from './services.js';
import type { Extraction } from './statements.js';

export interface Extracted {
  /** The registry, when the repository has one that could be read. */
  registry?: RegistryDoc;
  /**
   * What was found, in order: problems met before any file was read (the tree's walk), the
   * registry's statements, problems reading the root `.env`, every other file in file order,
   * and last what the tree as a whole lacks (no services at all).
   */
  extractions: Extraction[];
  /** The hosts the files were placed on: the config's and the registry's. */
  hosts: HostModel;
  /** The service names the files were read against. */
  services: ServiceIndex;
}
