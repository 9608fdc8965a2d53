/**
 * Small ProjectModels for rule tests: bindings, references and registry documents in one
 * line each, with the real HostModel and ServiceIndex. Locations are `file:line:column`
 * spans as wide as the port's digits, so fixes can be asserted exactly.
 */
import type { Finding } from '../../src/core/finding.js';
import { HostModel } from '../../src/core/hosts.js';
import type { Location } from '../../src/core/location.js';
import type { ServiceDir } from '../../src/core/services.js';
import type { ProjectModel } from '../../src/model/project.js';
import type { PlanRow, RegistryDoc, RegistrySection } from '../../src/core/registry.js';
import { ServiceIndex } from '../../src/core/services.js';
import type { Binding, BindingKind, Host, Reference } from '../../src/core/statements.js';
import { bindingLabel, roleOf } from '../../src/extract/output.js';
import { DEV_HOST, NOT_DEPLOYED_HOST, PLAN_HOST } from '../../src/core/statements.js';
import type { Rule } from '../../src/rules/rule.js';
import { runRules } from '../../src/rules/rule.js';

export const REGISTRY = 'docs/PORT_SCHEMA.md';

/** A span of `width` characters at `file:line:column`. */
export function at(file: string, line: number, column = 1, width = 4): Location {
  return { file, line, column, endLine: line, endColumn: column + width };
}

type Extra = Partial<Omit<Binding, 'service' | 'port'>> & { line?: number; column?: number; file?: string };

/**
 * A binding with sensible defaults (a dev source default); the location spans the port's digits.
 * Its role follows from its kind and its label from its source and `via`, as the extractors
 * make them, unless given.
 */
export function binding(service: string, port: number, extra: Extra = {}): Binding {
  const { line = 1, column = 1, file = `services/${service}/src/config.ts`, ...rest } = extra;
  const b = { service, port, host: DEV_HOST, kind: 'source-default' as BindingKind, source: 'typescript', strength: 'declaration' as const, location: at(file, line, column, String(port).length), ...rest };
  return { ...b, role: rest.role ?? roleOf(b.kind), label: rest.label ?? labelOf(b) };
}

/** The label an extractor gives such a binding. */
function labelOf(b: Pick<Binding, 'kind' | 'host' | 'source' | 'via'>): string {
  if (b.kind === 'registry-plan') return 'registry plan';
  if (b.kind === 'registry-actual') return b.host === NOT_DEPLOYED_HOST ? 'registry, not deployed' : 'registry actual';
  return bindingLabel(b.source, b.via);
}

/** A plan row binding of the registry. */
export const plan = (service: string, port: number, line: number): Binding =>
  binding(service, port, { kind: 'registry-plan', host: PLAN_HOST, source: 'registry', file: REGISTRY, line, column: 3 });

/** A "Real ports today" entry; `host` defaults to `mac-mini`. */
export const actual = (service: string, port: number, line: number, host = 'mac-mini'): Binding =>
  binding(service, port, { kind: 'registry-actual', host, source: 'registry', file: REGISTRY, line, column: 18 });

/** A "Not deployed" entry. */
export const notDeployed = (service: string, port: number, line: number): Binding => actual(service, port, line, NOT_DEPLOYED_HOST);

/** A CLAUDE.md statement (declaration unless said otherwise). */
export const doc = (service: string, port: number, line: number, extra: Extra = {}): Binding =>
  binding(service, port, { kind: 'service-doc', source: 'claude-md', via: '## Port:', file: `services/${service}/CLAUDE.md`, line, column: 10, ...extra });

/** A source default on dev. */
export const source = (service: string, port: number, line: number, extra: Extra = {}): Binding => binding(service, port, { line, column: 20, ...extra });

/** A compose `ports` mapping's host side: a port published on the host (`containerPort`: its container side). */
export const deploy = (service: string, port: number, file: string, line: number, extra: Extra = {}): Binding =>
  binding(service, port, { kind: 'deploy', role: 'publish', source: 'compose', via: 'ports', runtime: 'container', exposure: 'ports', file, line, column: 10, ...extra });

/** A compose service's `environment: PORT`: the port its process listens on inside the container. */
export const composeEnv = (service: string, port: number, file: string, line: number, extra: Extra = {}): Binding =>
  binding(service, port, { kind: 'deploy', source: 'compose', via: 'environment PORT', runtime: 'container', network: 'container', file, line, column: 10, ...extra });

/** A Dockerfile statement of the image: `EXPOSE` (an exposure list) unless `via` names another (`ENV PORT`). */
export const dockerfile = (service: string, port: number, file: string, line: number, via = 'EXPOSE', extra: Extra = {}): Binding =>
  binding(service, port, { kind: 'deploy', source: 'dockerfile', via, runtime: 'image', network: 'container', ...(via === 'EXPOSE' ? { exposure: 'EXPOSE' } : {}), file, line, column: 10, ...extra });

/** A process started directly on the host: a runner script's `--port` unless `source` and `via` say otherwise (a plist, an env file). */
export const direct = (service: string, port: number, file: string, line: number, extra: Extra = {}): Binding =>
  binding(service, port, { kind: 'deploy', source: 'shell', via: '--port', runtime: 'process', file, line, column: 10, ...extra });

/** A reference to `target:port` evaluated on `host` (dev by default). */
export function reference(target: string, port: number, file: string, line: number, extra: Partial<Reference> = {}): Reference {
  return { target, port, kind: 'url', host: DEV_HOST, location: at(file, line, 8 + target.length, String(port).length), source: 'env', ...extra };
}

/** A plan table row. */
export function row(portText: string, service: string | undefined, line: number, extra: Partial<PlanRow> = {}): PlanRow {
  const ports = portText.split(/\s*,\s*/).flatMap((part) => {
    const [a, b] = part.split('-').map(Number);
    return b === undefined ? [a!] : Array.from({ length: b - a! + 1 }, (_, i) => a! + i);
  });
  const reserved = service === undefined;
  return {
    portText, ports, reserved, isRange: portText.includes('-'), columns: {},
    ...(service !== undefined ? { service } : {}),
    location: at(REGISTRY, line, 3, portText.length), serviceLocation: at(REGISTRY, line, 10, (service ?? '*(reserved)*').length),
    ...extra,
  };
}

/** A `##` section; `range` like `3000-3009`, or undefined for a plain heading. */
export function section(range: string | undefined, title: string, line: number, rows: PlanRow[] = []): RegistrySection {
  const [start, end] = (range ?? '').split('-').map(Number);
  return { title, location: at(REGISTRY, line, 1, 3 + (range ? range.length + 2 : 0) + title.length), rows, ...(range ? { range: { start: start!, end: end! } } : {}) };
}

/** A registry document; plan bindings are derived from the sections' service rows. */
export function registry(opts: { sections?: RegistrySection[]; actual?: Binding[]; aspirational?: boolean; hosts?: Host[] } = {}): RegistryDoc {
  const sections = opts.sections ?? [];
  const plan = sections.flatMap((s) => s.rows.flatMap((r) => (r.service ? r.ports.map((p) => ({ ...plan1(r.service!, p, r.location) })) : [])));
  return { path: REGISTRY, aspirational: opts.aspirational ?? false, sections, plan, actual: opts.actual ?? [], hosts: opts.hosts ?? [], dates: [] };
}

function plan1(service: string, port: number, location: Location): Binding {
  return { ...plan(service, port, location.line), location };
}

/** A host by label, with optional addresses. */
export const host = (id: string, addresses: string[] = []): Host => ({ id, label: id, aliases: [], addresses });

/** A whole model: registry bindings are added to `bindings` as the engine does. */
export function model(opts: { registry?: RegistryDoc; bindings?: Binding[]; references?: Reference[]; serviceDirs?: ServiceDir[]; hosts?: Host[]; aliases?: Record<string, string> } = {}): ProjectModel {
  const services = new ServiceIndex(opts.aliases);
  for (const d of opts.serviceDirs ?? []) services.add(d.name);
  const hosts = new HostModel([...(opts.hosts ?? [host('mac-mini'), host('windows-gpu-server', ['192.168.178.11'])]), ...(opts.registry?.hosts ?? [])]);
  return {
    ...(opts.registry ? { registry: opts.registry } : {}),
    registryPath: REGISTRY,
    serviceDirs: opts.serviceDirs ?? [],
    bindings: [...(opts.registry?.plan ?? []), ...(opts.registry?.actual ?? []), ...(opts.bindings ?? [])],
    references: opts.references ?? [],
    hosts,
    services,
    problems: [],
    suppressions: [],
  };
}

/** A `services/<name>` directory, with a CLAUDE.md unless `doc: false`. */
export const dir = (name: string, withDoc = true): ServiceDir => ({ name, path: `services/${name}`, ...(withDoc ? { doc: `services/${name}/CLAUDE.md` } : {}) });

/** Runs one rule. */
export const run = (rule: Rule, m: ProjectModel): Finding[] => runRules([rule], m);

/**
 * The same model with every line number moved down by `by`: plain data is copied, class
 * instances (HostModel, ServiceIndex) are shared. Fingerprints must not change.
 */
export function shiftLines<T>(value: T, by: number): T {
  if (Array.isArray(value)) return value.map((v) => shiftLines(v, by)) as T;
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = (k === 'line' || k === 'endLine') && typeof v === 'number' ? v + by : shiftLines(v, by);
  return out as T;
}

/** The fingerprints of `findings`, sorted. */
export const fingerprints = (findings: Finding[]): string[] => findings.map((f) => f.fingerprint).sort();
