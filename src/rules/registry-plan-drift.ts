/**
 * `registry/plan-drift`: the registry's plan tables and its "Real ports today" list disagree
 * about a service (seed: mana-credits planned 3002, actually 3061 on the Mac Mini). A notice
 * when the document calls itself aspirational, a warning otherwise.
 */
import { byLocation, groupBy, portList, relatedBinding } from './evidence.js';
import { serviceOf } from './selectors.js';
import { NOT_DEPLOYED_HOST } from '../core/statements.js';
import { defineRule } from './rule.js';
import { quote } from '../core/quote.js';

/** `registry/plan-drift`: The registry's plan and its real ports disagree for a service. */
export const registryPlanDrift = defineRule({
  meta: {
    id: 'registry/plan-drift',
    description: "The registry's plan and its real ports disagree for a service.",
    defaultSeverity: 'warning',
    fixable: false,
  },
  check(model, report) {
    const registry = model.registry;
    if (!registry) return;
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
      const where = host === NOT_DEPLOYED_HOST ? 'is listed as not deployed with port' : `runs on host ${quote(host)} at`;
      report({
        message: `${quote(service)} ${where} ${portList(off.map((b) => b.port), 'and')}, but the plan assigns it ${portList([...plannedPorts])}; expected the plan and the real ports to agree (move the service or update the plan).`,
        location: off[0]!.location,
        related: [...off.slice(1), ...planned].map((b) => relatedBinding(b)),
        // The service's real-ports entry on the host, not the ports on either side.
        key: `${registry.path}|${service}|${host}`,
        ...(registry.aspirational ? { severity: 'notice' as const } : {}),
      });
    }
  },
});
