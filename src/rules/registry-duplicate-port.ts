/**
 * `registry/duplicate-port`: the registry's principle "every port assigned exactly once".
 * A port given to two different services in the plan, or a port inside a `*(reserved)*`
 * row's range given to a service, in any table.
 */
import type { PlanRow } from '../core/registry.js';
import { byLocation, nameList } from './evidence.js';
import { defineRegistryRule } from './rule.js';
import { quote } from '../core/quote.js';

/** The rule's messages: what was found, and what was expected. */
const messages = {
  taken: (d: { port: number; service: string; others: string[] }) =>
    `Port ${quote(d.port)} of ${quote(d.service)} is already assigned to ${nameList(d.others)} in the plan; expected every port to be assigned exactly once.`,
  assigned: (d: { service: string; port: number }) => `${quote(d.service)} is assigned ${d.port} here`,
  reserved: (d: { port: number; service: string; range: string }) =>
    `Port ${quote(d.port)} of ${quote(d.service)} lies inside the reserved range ${quote(d.range)}; expected a free port or the reservation to be narrowed.`,
  reservedHere: (d: { range: string }) => `${d.range} is reserved here`,
};

/** `registry/duplicate-port`: One port is assigned to two services in the plan, or a reserved port is assigned. */
export const registryDuplicatePort = defineRegistryRule({
  meta: {
    id: 'registry/duplicate-port',
    description: 'One port is assigned to two services in the plan, or a reserved port is assigned.',
    defaultSeverity: 'error',
    fixable: false,
  },
  messages,
  check(registry, model, report) {
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
        message: messages.taken({ port, service: name(primary), others }),
        location: primary.location,
        related: claimants.filter((r) => r !== primary).map((r) => ({ location: r.location, message: messages.assigned({ service: name(r), port }) })),
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
          message: messages.reserved({ port: inside[0]!, service: name(row), range: reserved.portText }),
          location: row.location,
          related: [{ location: reserved.location, message: messages.reservedHere({ range: reserved.portText }) }],
          key: `${registry.path}|reserved ${reserved.portText}|${name(row)}|${inside.join(',')}`,
        });
      }
    }
  },
});
