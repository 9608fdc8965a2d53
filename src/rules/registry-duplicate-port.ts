/**
 * `registry/duplicate-port`: the registry's principle "every port assigned exactly once".
 * A port given to two different services in the plan, or a port inside a `*(reserved)*`
 * row's range given to a service, in any table.
 */
import type { PlanRow } from '../core/registry.js';
import { byLocation, nameList } from './evidence.js';
import { defineRule } from './rule.js';
import { quote } from '../core/quote.js';

/** `registry/duplicate-port`: One port is assigned to two services in the plan, or a reserved port is assigned. */
export const registryDuplicatePort = defineRule({
  meta: {
    id: 'registry/duplicate-port',
    description: 'One port is assigned to two services in the plan, or a reserved port is assigned.',
    defaultSeverity: 'error',
    fixable: false,
  },
  check(model, report) {
    const registry = model.registry;
    if (!registry) return;
    const rows = registry.sections.flatMap((s) => s.rows).sort(byLocation);
    const serviceRows = rows.filter((r): r is PlanRow & { service: string } => !r.reserved && r.service !== undefined);
    const name = (r: { service: string }) => model.services.canonical(r.service);

    // Two services, one port: report on the later row, with every earlier claimant as evidence.
    const byPort = new Map<number, (PlanRow & { service: string })[]>();
    for (const row of serviceRows) for (const port of new Set(row.ports)) byPort.set(port, [...(byPort.get(port) ?? []), row]);
    for (const [port, claimants] of byPort) {
      const services = [...new Set(claimants.map(name))];
      if (services.length < 2) continue;
      const firstService = name(claimants[0]!);
      const primary = claimants.find((r) => name(r) !== firstService)!;
      const others = services.filter((s) => s !== name(primary));
      report({
        message: `Port ${quote(port)} of ${quote(name(primary))} is already assigned to ${nameList(others)} in the plan; expected every port to be assigned exactly once.`,
        location: primary.location,
        related: claimants.filter((r) => r !== primary).map((r) => ({ location: r.location, message: `${quote(name(r))} is assigned ${port} here` })),
        // The port: a service joining or leaving its claimants changes this finding.
        key: `${registry.path}|${port}`,
      });
    }

    // A service inside a reserved range: reserved ports are promised to nobody yet.
    for (const reserved of rows.filter((r) => r.reserved)) {
      const held = new Set(reserved.ports);
      for (const row of serviceRows) {
        const inside = row.ports.filter((p) => held.has(p));
        if (inside.length === 0) continue;
        report({
          message: `Port ${quote(inside[0])} of ${quote(name(row))} lies inside the reserved range ${quote(reserved.portText)}; expected a free port or the reservation to be narrowed.`,
          location: row.location,
          related: [{ location: reserved.location, message: `${reserved.portText} is reserved here` }],
          key: `${registry.path}|reserved ${reserved.portText}|${name(row)}|${inside.join(',')}`,
        });
      }
    }
  },
});
