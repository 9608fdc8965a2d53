/**
 * `registry/unregistered`: a service that binds ports in docs, code or deploy files but has
 * no entry in the registry, plan or real ports. Checked only when a registry exists.
 */
import type { BindingKind } from '../core/statements.js';
import { byLocation, relatedBinding } from './evidence.js';
import { isRegistryBinding, serviceOf } from '../model/views.js';
import { defineRegistryRule } from './rule.js';
import { quote } from '../core/quote.js';

/** Which statement to point at first: what the service says about itself, then code, then deploy. */
const PREFERENCE: BindingKind[] = ['service-doc', 'source-default', 'deploy'];

/** The rule's messages: what was found, and what was expected. */
const messages = {
  unregistered: (d: { service: string; ports: number[]; registry: string }) =>
    `${quote(d.service)} binds port ${d.ports.map((p) => `${quote(p)}`).join(', ')} but has no entry in the registry ${quote(d.registry)}; expected a row in a range table (and a real-ports entry once deployed).`,
};

/** `registry/unregistered`: A service binds ports but has no entry in the registry. */
export const registryUnregistered = defineRegistryRule({
  meta: {
    id: 'registry/unregistered',
    description: 'A service binds ports but has no entry in the registry.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  messages,
  check(registry, model, report) {
    const registered = new Set([...registry.plan, ...registry.actual].map((b) => serviceOf(model, b)));
    const unregistered = new Map<string, typeof model.bindings>();
    for (const b of model.bindings) {
      if (isRegistryBinding(b)) continue;
      const service = serviceOf(model, b);
      if (!registered.has(service)) unregistered.set(service, [...(unregistered.get(service) ?? []), b]);
    }
    for (const [service, own] of [...unregistered].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const ordered = own.sort((a, b) => PREFERENCE.indexOf(a.kind) - PREFERENCE.indexOf(b.kind) || byLocation(a, b));
      const primary = ordered[0]!;
      const ports = [...new Set(own.map((b) => b.port))].sort((a, b) => a - b);
      report({
        message: messages.unregistered({ service, ports, registry: registry.path }),
        location: primary.location,
        related: ordered.slice(1).map((b) => relatedBinding(b)),
        key: `${registry.path}|${service}`,
      });
    }
  },
});
