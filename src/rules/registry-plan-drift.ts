/**
 * `registry/plan-drift`: the registry's plan tables and its "Real ports today" list disagree
 * about a service (seed: mana-credits planned 3002, actually 3061 on the Mac Mini). A notice
 * when the document calls itself aspirational, a warning otherwise.
 */
import { byLocation, portList, relatedBinding } from './evidence.js';
import { groupBy } from '../core/group-by.js';
import { serviceOf } from '../model/views.js';
import { NOT_DEPLOYED_HOST } from '../core/statements.js';
import { defineRegistryRule } from './rule.js';
import { quote } from '../core/quote.js';

/** The rule's messages: what was found, and what was expected. */
const messages = {
  drifts: (d: { service: string; host: string; ports: number[]; planned: number[] }) => {
    const where = d.host === NOT_DEPLOYED_HOST ? 'is listed as not deployed with port' : `runs on host ${quote(d.host)} at`;
    return `${quote(d.service)} ${where} ${portList(d.ports, 'and')}, but the plan assigns it ${portList(d.planned)}; expected the plan and the real ports to agree (move the service or update the plan).`;
  },
};

/** `registry/plan-drift`: The registry's plan and its real ports disagree for a service. */
export const registryPlanDrift = defineRegistryRule({
  meta: {
    id: 'registry/plan-drift',
    description: "The registry's plan and its real ports disagree for a service.",
    defaultSeverity: 'warning',
    fixable: false,
  },
  messages,
  check(registry, model, report) {
    const plan = groupBy(registry.plan, (b) => serviceOf(model, b));
    const actual = groupBy([...registry.actual].sort(byLocation), (b) => `${serviceOf(model, b)}\0${b.host}`);
    for (const entries of actual.values()) {
      const service = serviceOf(model, entries[0]!);
      const host = entries[0]!.host;
      const planned = plan.get(service);
      if (!planned) continue;
      const plannedPorts = new Set(planned.map((b) => b.port));
      const off = entries.filter((b) => !plannedPorts.has(b.port));
      if (off.length === 0) continue;
      report({
        message: messages.drifts({ service, host, ports: off.map((b) => b.port), planned: [...plannedPorts] }),
        location: off[0]!.location,
        related: [...off.slice(1), ...planned].map((b) => relatedBinding(b)),
        // The service's real-ports entry on the host, not the ports on either side.
        key: `${registry.path}|${service}|${host}`,
        ...(registry.aspirational ? { severity: 'notice' as const } : {}),
      });
    }
  },
});
