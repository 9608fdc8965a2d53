/**
 * `registry/actual-drift`: the registry's "Real ports today" entry for a host disagrees with
 * that host's deploy files (compose ports, plists, runner scripts on the host network).
 */
import { byLocation, distinct, portList, relatedBinding, spansPort } from './evidence.js';
import { groupBy } from '../core/group-by.js';
import { holdsHostPort, occupancy } from '../model/occupancy.js';
import { isMachineHost, serviceOf } from '../model/views.js';
import { defineRegistryRule } from './rule.js';
import { quote } from '../core/quote.js';

/** The rule's messages: what was found, and what was expected. */
const messages = {
  drifts: (d: { service: string; port: number; host: string; expected: number[]; files: string[] }) =>
    `The registry lists ${quote(d.service)} at ${quote(d.port)} on host ${quote(d.host)}, but its deploy files bind ${portList(d.expected)} there (${d.files.join(', ')}); expected the registry to match what is deployed.`,
};

/** `registry/actual-drift`: The registry's real port for a host disagrees with that host's deploy files. */
export const registryActualDrift = defineRegistryRule({
  meta: {
    id: 'registry/actual-drift',
    description: "The registry's real port for a host disagrees with that host's deploy files.",
    defaultSeverity: 'warning',
    fixable: true,
  },
  messages,
  check(registry, model, report) {
    const deploy = groupBy(
      model.bindings.filter((b) => b.kind === 'deploy' && holdsHostPort(b)).sort(byLocation),
      (b) => `${serviceOf(model, b)}\0${b.host}`,
    );
    const actual = groupBy(registry.actual.filter((b) => isMachineHost(b.host)).sort(byLocation), (b) => `${serviceOf(model, b)}\0${b.host}`);
    for (const [key, entries] of actual) {
      const files = deploy.get(key);
      if (!files) continue;
      const expected = distinct(files.map((b) => b.port));
      const stale = entries.filter((b) => !expected.includes(b.port));
      if (stale.length === 0) continue;
      const entry = stale[0]!;
      const service = serviceOf(model, entry);
      const fixable = entries.length === 1 && expected.length === 1 && spansPort(entry.location, entry.port) && !occupancy(model).takenByOther(entry.host, expected[0]!, service);
      report({
        message: messages.drifts({ service, port: entry.port, host: entry.host, expected, files: [...new Set(files.map((b) => b.location.file))] }),
        location: entry.location,
        related: [...stale.slice(1), ...files].map((b) => relatedBinding(b)),
        // The registry's entry for the service on the host, not the ports on either side.
        key: `${registry.path}|${service}|${entry.host}`,
        ...(fixable ? { fix: { location: entry.location, text: String(expected[0]) } } : {}),
      });
    }
  },
});
