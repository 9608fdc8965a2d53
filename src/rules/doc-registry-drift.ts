/**
 * `doc/registry-drift`: a service's CLAUDE.md declares a port the registry's real-ports list
 * contradicts. Docs usually describe `dev`, which the registry rarely lists, so the doc is
 * compared with the registry's entry on the doc's host when there is one, and otherwise with
 * the registry's only real port for the service (any host, "Not deployed" included).
 */
import type { Binding } from '../core/statements.js';
import type { ProjectModel } from '../model/project.js';
import { byLocation, distinct, portList, relatedBinding, spansPort } from './evidence.js';
import { groupBy } from '../core/group-by.js';
import { occupancy } from '../model/occupancy.js';
import { docDeclarations, serviceOf, views } from '../model/views.js';
import { defineRule } from './rule.js';
import { quote } from '../core/quote.js';

/** The registry actual entries a doc declaration on `host` should agree with, or none. */
function registryCounterparts(model: ProjectModel, service: string, host: string): readonly Binding[] {
  const entries = views(model).registryActualByService.get(service) ?? [];
  const sameHost = entries.filter((b) => b.host === host);
  if (sameHost.length > 0) return sameHost;
  return distinct(entries.map((b) => b.port)).length === 1 ? entries : [];
}

/** The rule's messages: what was found, and what was expected. */
const messages = {
  drifts: (d: { service: string; port: number; expected: number[]; hosts: string }) =>
    `${quote(d.service)}'s doc declares port ${quote(d.port)}, but the registry lists it at ${portList(d.expected)} (host ${d.hosts}); expected the doc to match the registry.`,
};

/** `doc/registry-drift`: A service's CLAUDE.md declares a port the registry's real ports contradict. */
export const docRegistryDrift = defineRule({
  meta: {
    id: 'doc/registry-drift',
    description: "A service's CLAUDE.md declares a port the registry's real ports contradict.",
    defaultSeverity: 'error',
    fixable: true,
  },
  messages,
  check(model, report) {
    if (!model.registry) return;
    const declarations = docDeclarations(model).sort(byLocation);
    const perDoc = groupBy(declarations, (b) => `${serviceOf(model, b)}\0${b.location.file}\0${b.host}`);
    for (const docDecls of perDoc.values()) {
      const { host, location } = docDecls[0]!;
      const service = serviceOf(model, docDecls[0]!);
      const registry = registryCounterparts(model, service, host);
      if (registry.length === 0) continue;
      const expected = distinct(registry.map((b) => b.port));
      for (const same of groupBy(docDecls, (b) => String(b.port)).values()) {
        const doc = same[0]!;
        if (expected.includes(doc.port)) continue;
        const hosts = [...new Set(registry.map((b) => b.host))].map((h) => `${quote(h)}`).join(', ');
        const fixable = docDecls.length === 1 && expected.length === 1 && spansPort(doc.location, doc.port) && !occupancy(model).takenByOther(doc.host, expected[0]!, service);
        report({
          message: messages.drifts({ service, port: doc.port, expected, hosts }),
          location: doc.location,
          related: [...same.slice(1), ...registry].map((b) => relatedBinding(b)),
          // The doc's statement, not the registry's ports it is compared with.
          key: `${service}|${host}|${location.file}|${doc.port}`,
          ...(fixable ? { fix: { location: doc.location, text: String(expected[0]) } } : {}),
        });
      }
    }
  },
});
