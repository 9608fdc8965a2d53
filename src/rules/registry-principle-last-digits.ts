/**
 * `registry/principle-last-digits`: the registry's principle "Backend 30xx and Frontend 50xx
 * use matching last digits where possible". Checked only where the table links the two
 * (a `Corresponds to Server` cell naming a port), so it is a notice, never a demand.
 */
import { defineRegistryRule } from './rule.js';
import { quote } from '../core/quote.js';

/** True for a port of the form `50xx` (or `30xx` with base 3000). */
function inHundred(port: number, base: number): boolean {
  return port >= base && port < base + 100;
}

/** The last two digits, zero-padded. */
const lastTwo = (port: number) => String(port % 100).padStart(2, '0');

/** The rule's messages: what was found, and what was expected. */
const messages = {
  differ: (d: { frontend: string; port: number; backend: string; backendPort: number }) =>
    `Frontend ${quote(d.frontend)} on ${quote(d.port)} corresponds to ${d.backend}, but their last two digits differ ("${lastTwo(d.port)}" vs "${lastTwo(d.backendPort)}"); expected ${quote(`50${lastTwo(d.backendPort)}`)} to match the backend where possible.`,
  backend: (d: { port: number }) => `the corresponding backend ${d.port} is named here`,
};

/** `registry/principle-last-digits`: A 50xx frontend and the 30xx backend it corresponds to do not share their last two digits. */
export const registryPrincipleLastDigits = defineRegistryRule({
  meta: {
    id: 'registry/principle-last-digits',
    description: 'A 50xx frontend and the 30xx backend it corresponds to do not share their last two digits.',
    defaultSeverity: 'notice',
    fixable: false,
  },
  messages,
  check(registry, _model, report) {
    for (const row of registry.sections.flatMap((s) => s.rows)) {
      const partner = row.correspondsTo;
      if (!partner || row.reserved || row.ports.length !== 1) continue;
      const port = row.ports[0]!;
      if (!inHundred(port, 5000) || !inHundred(partner.port, 3000)) continue;
      if (lastTwo(port) === lastTwo(partner.port)) continue;
      const frontend = row.service ?? row.portText;
      const backend = partner.service ? `${quote(partner.service)} on ${quote(partner.port)}` : `${quote(partner.port)}`;
      report({
        message: messages.differ({ frontend, port, backend, backendPort: partner.port }),
        location: row.location,
        related: [{ location: partner.location, message: messages.backend({ port: partner.port }) }],
        // The frontend's row, not the backend it is compared with.
        key: `${registry.path}|${frontend}|${port}`,
      });
    }
  },
});
