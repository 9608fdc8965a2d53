/**
 * `portwarden hosts`: which files placed which bindings on which host, and why, so a user
 * can see how the host model read the repository.
 */
import type { ProjectModel } from '../model/project.js';
import type { Binding } from '../core/statements.js';
import { DEV_HOST, NOT_DEPLOYED_HOST, PLAN_HOST } from '../core/statements.js';

/** Why a binding sits on its host. */
function reason(b: Binding, model: ProjectModel): string {
  if (b.kind === 'registry-plan') return 'planned in the registry (binds no machine)';
  if (b.kind === 'registry-actual') return b.host === NOT_DEPLOYED_HOST ? 'registry: not deployed' : 'registry: real ports';
  const placed = model.hosts.placeFile(b.location.file, b.service);
  if (placed) return placed === b.host ? 'the path names this host' : `stated for this host (path names ${placed})`;
  return b.host === DEV_HOST ? `default for ${b.kind} files` : 'stated in the file';
}

/** Renders the host map as text. */
export function formatHosts(model: ProjectModel): string {
  const order = [...model.hosts.list().map((h) => h.id), DEV_HOST, NOT_DEPLOYED_HOST, PLAN_HOST];
  const byHost = new Map<string, Binding[]>();
  for (const b of model.bindings) byHost.set(b.host, [...(byHost.get(b.host) ?? []), b]);
  for (const host of byHost.keys()) if (!order.includes(host)) order.push(host);
  const out: string[] = [];
  for (const id of order) {
    const bindings = byHost.get(id) ?? [];
    const host = model.hosts.resolve(id);
    const about = host ? ` (${[host.label, ...host.aliases].map((n) => `"${n}"`).join(', ')}${host.addresses.length ? `; ${host.addresses.join(', ')}` : ''})` : '';
    out.push(`${id}${about}: ${bindings.length} binding${bindings.length === 1 ? '' : 's'}`);
    const byFile = new Map<string, Binding[]>();
    for (const b of bindings) byFile.set(b.location.file, [...(byFile.get(b.location.file) ?? []), b]);
    for (const [file, list] of [...byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
      out.push(`  ${file}  (${reason(list[0]!, model)})`);
      for (const b of list.sort((x, y) => x.port - y.port)) {
        const net = b.network === 'container' ? ' [container]' : '';
        out.push(`    ${String(b.port).padStart(5)}  ${b.service}${net}  line ${b.location.line}${b.via ? `, ${b.via}` : ''}`);
      }
    }
  }
  return out.join('\n') + '\n';
}
