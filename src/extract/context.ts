/**
 * The extraction context as plain data, so a worker thread can rebuild exactly the host
 * model and service index the main thread built (they hold functions and maps, which do
 * not cross threads).
 */
import type { Config } from '../config/types.js';
import { HostModel, hostId } from '../core/hosts.js';
import { ServiceIndex } from '../core/services.js';
import type { Host } from '../core/statements.js';
import type { ExtractContext } from './extractor.js';

export interface ContextData {
  config: Pick<Config, 'hosts' | 'aliases' | 'maxFileBytes'>;
  /** Host labels of the registry, added after the config's hosts. */
  registryHosts: Host[];
  /** Names of the declared service directories (a discovered service is known by what it binds). */
  serviceNames: string[];
  env: [string, string][];
  envLines?: [string, number][];
}

/** The config's hosts, with the file globs that place files on them. */
export function buildHosts(config: ContextData['config'], registryHosts: Host[] = []): HostModel {
  const hosts = new HostModel(
    config.hosts.map((h) => ({ id: hostId(h.name), label: h.name, aliases: h.aliases, addresses: h.addresses })),
    config.hosts.filter((h) => h.files.length > 0).map((h) => ({ host: h.name, files: h.files })),
  );
  for (const h of registryHosts) hosts.add(h);
  return hosts;
}

/** The declared service directories' names, with the config's aliases. */
export function buildServices(config: ContextData['config'], names: string[]): ServiceIndex {
  const services = new ServiceIndex(config.aliases);
  for (const name of names) services.add(name);
  return services;
}

/** Rebuilds the context from its data. */
export function restoreContext(data: ContextData): ExtractContext {
  return { hosts: buildHosts(data.config, data.registryHosts), services: buildServices(data.config, data.serviceNames), env: new Map(data.env), envLines: new Map(data.envLines ?? []) };
}
