/**
 * Views over the model that several rules share: bindings by service, which statements can
 * collide on a host, and the "listen port" statements deploy files make.
 */
import type { ProjectModel } from '../model/project.js';
import type { Binding } from '../model/types.js';
import { NOT_DEPLOYED_HOST, PLAN_HOST } from '../model/types.js';

/** The `source` of bindings made by the compose and Dockerfile extractors. */
export const COMPOSE_SOURCE = 'compose';
export const DOCKERFILE_SOURCE = 'dockerfile';

/** The canonical service name of a binding (extractors canonicalise already; aliases may be configured late). */
export function serviceOf(model: ProjectModel, b: { service: string }): string {
  return model.services.canonical(b.service);
}

/** True for a binding the registry made (plan or actual). */
export function isRegistryBinding(b: Binding): boolean {
  return b.kind === 'registry-plan' || b.kind === 'registry-actual';
}

/** True for a machine a process can really listen on: not the plan, not "not deployed". */
export function isMachineHost(host: string): boolean {
  return host !== PLAN_HOST && host !== NOT_DEPLOYED_HOST;
}

/**
 * Statements that claim a host port on a machine: registry actual entries, CLAUDE.md
 * declarations, source defaults and deploy bindings on the host network. Container-scoped
 * ports and weaker doc mentions never collide.
 */
export function claimsHostPort(b: Binding): boolean {
  if (!isMachineHost(b.host)) return false;
  switch (b.kind) {
    case 'registry-actual':
    case 'source-default':
      return true;
    case 'service-doc':
      return b.strength === 'declaration';
    case 'deploy':
      return b.network !== 'container';
    default:
      return false;
  }
}

/** Bindings of one service (canonical name), in model order. */
export function bindingsOf(model: ProjectModel, service: string): Binding[] {
  return model.bindings.filter((b) => serviceOf(model, b) === service);
}

/** CLAUDE.md declarations (strength `declaration`) in the model. */
export function docDeclarations(model: ProjectModel): Binding[] {
  return model.bindings.filter((b) => b.kind === 'service-doc' && b.strength === 'declaration');
}

/**
 * The port a statement says a process listens on inside its container or on its host:
 * a container-scoped port, the container side of a mapping, or the port of a process run
 * directly (plist, runner script, env file). Compose host mappings without a container side
 * say nothing about the listen port and give undefined.
 */
export function listenPort(b: Binding): number | undefined {
  if (b.kind !== 'deploy') return undefined;
  if (b.network === 'container') return b.port;
  if (b.containerPort !== undefined) return b.containerPort;
  if (b.source === COMPOSE_SOURCE) return undefined;
  return b.port;
}
