/**
 * The per-host port map for the markdown report: for each machine, which port serves which
 * service and where that is stated, as the model's occupancy (model/occupancy.ts) tells it,
 * with every mention a doc makes: container-internal ports bind no host port and plan rows
 * bind no machine. Each host is one table, whatever compose project a port is stated in.
 * Flags: a port with two services (⚠️) (each named with its own evidence, so the new line of a
 * collision is never hidden under "and N more"), a service on two ports of one host (↔️), and
 * services whose only evidence is a doc or the registry (a claim, not a deployment).
 */
import { DEV_HOST, type Binding } from '../core/statements.js';
import { occupancy } from '../model/occupancy.js';
import type { ProjectModel } from '../model/project.js';
import type { Chunk } from './limits.js';
import { code, text } from './md-inline.js';
import { evidenceLinks, newLines, type LinkContext } from './port-map-links.js';
import type { RunReport } from './reporter.js';

/** The bindings that occupy or mention a port on a machine, grouped by host id then port. */
export function portMap(model: ProjectModel): ReadonlyMap<string, ReadonlyMap<number, readonly Binding[]>> {
  return occupancy(model, 'mentions').byHost;
}

/**
 * `doc only`, `registry only` or `doc + registry only` when no deploy file and no source
 * default binds the service here, else `''`: such a row states a claim, not a deployment.
 */
export function claimTag(list: readonly Binding[]): string {
  const kinds = new Set(list.map((b) => b.kind));
  if (kinds.has('deploy') || kinds.has('source-default')) return '';
  const doc = kinds.has('service-doc');
  const registry = kinds.has('registry-actual');
  return doc && registry ? 'doc + registry only' : doc ? 'doc only' : registry ? 'registry only' : '';
}

const LEGEND =
  "Ports bound on each host's network; container-internal ports and the plan are left out. " +
  '⚠️ two services on one port · ↔️ one service on several ports of this host · ' +
  '"doc only" / "registry only": stated there, but no deploy file or source default binds it.\n\n';

/** The port map as chunks of priority `priority`: one per host, inside a collapsed section. */
export function portMapChunks(run: RunReport, priority: number): Chunk[] {
  const model = run.analysis.head.model;
  const map = portMap(model);
  if (map.size === 0) return [];
  // Named hosts in the model's order, then dev, then anything else.
  const order = [...model.hosts.list().map((h) => h.id), DEV_HOST, ...map.keys()].filter((id, i, all) => map.has(id) && all.indexOf(id) === i);
  const chunks: Chunk[] = [{ text: `<details><summary>Port map (${order.length} host${order.length === 1 ? '' : 's'})</summary>\n\n${LEGEND}`, priority: 0 }];
  const ctx: LinkContext = { run, prefix: run.analysis.prefix, fresh: newLines(run) };
  for (const id of order) {
    const host = model.hosts.resolve(id);
    const title = id === DEV_HOST ? '`dev` (a developer machine: source defaults, .env files, dev scripts)' : `${code(id, { cell: false })}${host && host.label !== id ? ` — ${text(host.label)}` : ''}`;
    const ports = map.get(id)!;
    const byService = portsByService(ports);
    const rows = [...ports].sort(([a], [b]) => a - b).map(([port, list]) => row(ctx, port, list, byService));
    chunks.push({ text: `**${title}**\n\n| Port | Service | Stated in |\n|---:|---|---|\n${rows.join('')}\n`, priority });
  }
  chunks.push({ text: '</details>\n\n', priority: 0 });
  return chunks;
}

/** Each service's ports on one host, ascending. */
function portsByService(ports: ReadonlyMap<number, readonly Binding[]>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const [port, list] of ports) for (const service of new Set(list.map((b) => b.service))) out.set(service, [...(out.get(service) ?? []), port]);
  for (const list of out.values()) list.sort((a, b) => a - b);
  return out;
}

function row(ctx: LinkContext, port: number, list: readonly Binding[], ports: Map<string, number[]>): string {
  const services = [...new Set(list.map((b) => b.service))].sort();
  const collision = services.length > 1;
  const names = services.map((s) => {
    const own = list.filter((b) => b.service === s);
    const tag = claimTag(own);
    const others = (ports.get(s) ?? []).filter((p) => p !== port);
    return `${code(s)}${tag ? ` <sub>${tag}</sub>` : ''}${others.length ? ` ↔️ also on ${others.join(', ')}` : ''}`;
  });
  // One group of links per service; in a collision row each group is named.
  const stated = services.map((s) => {
    const links = evidenceLinks(ctx, list.filter((b) => b.service === s));
    return collision ? `${code(s)}: ${links}` : links;
  });
  return `| ${port} | ${collision ? '⚠️ ' : ''}${names.join(', ')} | ${stated.join('<br>')} |\n`;
}
