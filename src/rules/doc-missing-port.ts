/**
 * `doc/missing-port`: a service directory whose CLAUDE.md is missing or declares no port.
 * Agents read CLAUDE.md as instructions; without a port they guess one.
 */
import { fileLocation } from '../core/location.js';
import { byLocation, relatedBinding } from './evidence.js';
import { bindingsOf, isRegistryBinding } from '../model/views.js';
import { defineRule } from './rule.js';
import { quote } from '../core/quote.js';

/** The rule's messages: what was found, and what was expected. */
const messages = {
  noPort: (d: { doc: string; service: string; hint: string }) => `${quote(d.doc)} declares no port for ${quote(d.service)}${d.hint}; expected a line such as \`## Port: NNNN\`.`,
  noDoc: (d: { dir: string; service: string; hint: string }) =>
    `${quote(d.dir)} has no CLAUDE.md, so ${quote(d.service)} documents no port${d.hint}; expected a CLAUDE.md with a line such as \`## Port: NNNN\`.`,
  /** The ports a service binds elsewhere, as a hint to what the doc should say. */
  elsewhere: (d: { ports: number[] }) => (d.ports.length > 0 ? ` (elsewhere it binds ${d.ports.map((p) => `${quote(p)}`).join(', ')})` : ''),
};

/** `doc/missing-port`: A service's CLAUDE.md is missing or declares no port. */
export const docMissingPort = defineRule({
  meta: {
    id: 'doc/missing-port',
    description: "A service's CLAUDE.md is missing or declares no port.",
    defaultSeverity: 'notice',
    fixable: false,
  },
  messages,
  check(model, report) {
    for (const dir of model.serviceDirs) {
      const service = model.services.canonical(dir.name);
      const own = bindingsOf(model, service).sort(byLocation);
      if (own.some((b) => b.kind === 'service-doc' && b.strength === 'declaration')) continue;
      // Point at the ports stated elsewhere (weak mentions and the plan aside), so the author knows what to write.
      const evidence = own.filter((b) => b.strength !== 'weak' && (!isRegistryBinding(b) || b.kind === 'registry-actual'));
      const hint = messages.elsewhere({ ports: [...new Set(evidence.map((b) => b.port))] });
      report({
        message: dir.doc ? messages.noPort({ doc: dir.doc, service, hint }) : messages.noDoc({ dir: dir.path, service, hint }),
        location: fileLocation(dir.doc ?? dir.path),
        related: evidence.map((b) => relatedBinding(b)),
        // The service directory: adding a CLAUDE.md that still declares no port is the same problem.
        key: dir.path,
      });
    }
  },
});
