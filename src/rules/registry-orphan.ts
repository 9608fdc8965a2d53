/**
 * `registry/orphan`: a registry entry naming a service the repository does not know: no
 * service directory, no binding outside the registry, no reference naming it. Checked only
 * when the repository shows services of its own, so a registry alone produces no orphans.
 */
import { byLocation, relatedBinding } from './evidence.js';
import { groupBy } from '../core/group-by.js';
import { isRegistryBinding, serviceOf } from '../model/views.js';
import { defineRegistryRule } from './rule.js';
import { quote } from '../core/quote.js';

/** The rule's messages: what was found, and what was expected. */
const messages = {
  orphan: (d: { service: string; where: string[] }) =>
    `The registry lists ${quote(d.service)} (${d.where.join(', ')}), but the repository has no service directory, binding or reference for it; expected the entry to name an existing service, or to be removed.`,
};

/** `registry/orphan`: A registry entry names a service the repository does not have. */
export const registryOrphan = defineRegistryRule({
  meta: {
    id: 'registry/orphan',
    description: 'A registry entry names a service the repository does not have.',
    defaultSeverity: 'notice',
    fixable: false,
  },
  messages,
  check(registry, model, report) {
    const outside = model.bindings.filter((b) => !isRegistryBinding(b));
    if (model.serviceDirs.length === 0 && outside.length === 0) return;
    // ServiceIndex also holds the registry's own names, so it cannot tell what the repo knows.
    const known = new Set([
      ...model.serviceDirs.map((d) => model.services.canonical(d.name)),
      ...outside.map((b) => serviceOf(model, b)),
      ...model.references.map((r) => model.services.canonical(r.target)),
    ]);
    const entries = [...registry.plan, ...registry.actual].sort(byLocation);
    for (const [service, own] of groupBy(entries, (b) => serviceOf(model, b))) {
      if (known.has(service)) continue;
      const where = own.map((b) => (b.kind === 'registry-plan' ? `plan ${quote(b.port)}` : `${quote(b.port)} on ${quote(b.host)}`));
      report({
        message: messages.orphan({ service, where: [...new Set(where)] }),
        location: own[0]!.location,
        related: own.slice(1).map((b) => relatedBinding(b)),
        key: `${registry.path}|${service}`,
      });
    }
  },
});
