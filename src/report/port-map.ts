/**
 * The per-host port map for the markdown report: for each machine, which port serves which
 * service and where that is stated. Container-internal ports bind no host and plan rows bind
 * no machine, so neither appears. A port with two services is flagged.
 */
import { repoPath } from '../baseline/relocate.js';
import { DEV_HOST, NOT_DEPLOYED_HOST, PLAN_HOST, type Binding } from '../model/types.js';
import type { Chunk } from './limits.js';
import { blobUrl, inline } from './md-inline.js';
import type { RunReport } from './reporter.js';

/** Links shown per port before "and N more". */
const LINKS_PER_PORT = 2;

/** The bindings that occupy a port on a machine, grouped by host id then port. */
export function portMap(bindings: Binding[]): Map<string, Map<number, Binding[]>> {
  const hosts = new Map<string, Map<number, Binding[]>>();
  for (const b of bindings) {
    if (b.host === PLAN_HOST || b.host === NOT_DEPLOYED_HOST || b.network === 'container') continue;
    const ports = hosts.get(b.host) ?? new Map<number, Binding[]>();
    ports.set(b.port, [...(ports.get(b.port) ?? []), b]);
    hosts.set(b.host, ports);
  }
  return hosts;
}

/** The port map as chunks of priority `priority`: one per host, inside a collapsed section. */
export function portMapChunks(run: RunReport, priority: number): Chunk[] {
  const model = run.analysis.head.model;
  const map = portMap(model.bindings);
  if (map.size === 0) return [];
  // Named hosts in the model's order, then dev, then anything else.
  const order = [...model.hosts.list().map((h) => h.id), DEV_HOST, ...map.keys()].filter((id, i, all) => map.has(id) && all.indexOf(id) === i);
  const chunks: Chunk[] = [{ text: `<details><summary>Port map (${order.length} host${order.length === 1 ? '' : 's'})</summary>\n\n`, priority: 0 }];
  for (const id of order) {
    const host = model.hosts.resolve(id);
    const title = id === DEV_HOST ? '`dev` (a developer machine: source defaults, .env files, dev scripts)' : `\`${inline(id)}\`${host && host.label !== id ? ` — ${inline(host.label)}` : ''}`;
    const rows = [...map.get(id)!].sort(([a], [b]) => a - b).map(([port, list]) => row(run, port, list));
    chunks.push({ text: `**${title}**\n\n| Port | Service | Stated in |\n|---:|---|---|\n${rows.join('')}\n`, priority });
  }
  chunks.push({ text: '</details>\n\n', priority: 0 });
  return chunks;
}

function row(run: RunReport, port: number, list: Binding[]): string {
  const services = [...new Set(list.map((b) => b.service))].sort();
  const service = services.length > 1 ? `⚠️ ${services.map((s) => `\`${inline(s)}\``).join(', ')}` : `\`${inline(services[0] ?? '')}\``;
  const links = list.slice(0, LINKS_PER_PORT).map((b) => {
    const file = repoPath(run.analysis.prefix, b.location.file);
    return `[${inline(`${file}:${b.location.line}`)}](${blobUrl(run, run.context.headSha, file, b.location.line)})`;
  });
  const more = list.length > LINKS_PER_PORT ? ` and ${list.length - LINKS_PER_PORT} more` : '';
  return `| ${port} | ${service} | ${links.join(', ')}${more} |\n`;
}
