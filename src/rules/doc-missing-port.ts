/**
 * `doc/missing-port`: a service directory whose CLAUDE.md is missing or declares no port.
 * Agents read CLAUDE.md as instructions; without a port they guess one.
 */
import { fileLocation } from '../core/location.js';
import { byLocation, relatedBinding } from './evidence.js';
import { bindingsOf, isRegistryBinding } from './selectors.js';
import { defineRule } from './rule.js';
import { quote } from '../core/quote.js';

/** `doc/missing-port`: A service's CLAUDE.md is missing or declares no port. */
export const docMissingPort = defineRule({
  meta: {
    id: 'doc/missing-port',
    description: "A service's CLAUDE.md is missing or declares no port.",
    defaultSeverity: 'notice',
    fixable: false,
  },
  check(model, report) {
    for (const dir of model.serviceDirs) {
      const service = model.services.canonical(dir.name);
      const own = bindingsOf(model, service).sort(byLocation);
      if (own.some((b) => b.kind === 'service-doc' && b.strength === 'declaration')) continue;
      // Point at the ports stated elsewhere (weak mentions and the plan aside), so the author knows what to write.
      const evidence = own.filter((b) => b.strength !== 'weak' && (!isRegistryBinding(b) || b.kind === 'registry-actual'));
      const hint = evidence.length > 0 ? ` (elsewhere it binds ${[...new Set(evidence.map((b) => b.port))].map((p) => `${quote(p)}`).join(', ')})` : '';
      report({
        message: dir.doc
          ? `${quote(dir.doc)} declares no port for ${quote(service)}${hint}; expected a line such as \`## Port: NNNN\`.`
          : `${quote(dir.path)} has no CLAUDE.md, so ${quote(service)} documents no port${hint}; expected a CLAUDE.md with a line such as \`## Port: NNNN\`.`,
        location: fileLocation(dir.doc ?? dir.path),
        related: evidence.map((b) => relatedBinding(b)),
        key: `${dir.path}|${dir.doc ?? '(no doc)'}`,
      });
    }
  },
});
