/**
 * `drift/doc-vs-source`: a service's CLAUDE.md declares a port its own source default does
 * not use, on the same host (normally `dev`). Coding agents copy the doc, so it must match.
 */
import { byLocation, distinct, portList, relatedBinding, spansPort } from './evidence.js';
import { groupBy } from '../core/group-by.js';
import { occupancy } from '../model/occupancy.js';
import { docDeclarations, serviceOf } from '../model/views.js';
import { defineRule } from './rule.js';
import { quote } from '../core/quote.js';

/** The rule's messages: what was found, and what was expected. */
const messages = {
  drifts: (d: { service: string; port: number; host: string; expected: number[]; files: string }) =>
    `${quote(d.service)}'s doc declares port ${quote(d.port)}, but its source default on host ${quote(d.host)} is ${portList(d.expected)} (${d.files}); expected the doc to match the code.`,
};

/** `drift/doc-vs-source`: A service's CLAUDE.md declares a port its source default does not use. */
export const driftDocVsSource = defineRule({
  meta: {
    id: 'drift/doc-vs-source',
    description: "A service's CLAUDE.md declares a port its source default does not use.",
    defaultSeverity: 'error',
    fixable: true,
  },
  messages,
  check(model, report) {
    const defaults = groupBy(
      model.bindings.filter((b) => b.kind === 'source-default').sort(byLocation),
      (b) => `${serviceOf(model, b)}\0${b.host}`,
    );
    const perDoc = groupBy(docDeclarations(model).sort(byLocation), (b) => `${serviceOf(model, b)}\0${b.location.file}\0${b.host}`);
    for (const docDecls of perDoc.values()) {
      const { host, location } = docDecls[0]!;
      const service = serviceOf(model, docDecls[0]!);
      const sources = defaults.get(`${service}\0${host}`);
      if (!sources) continue;
      const expected = distinct(sources.map((b) => b.port));
      for (const same of groupBy(docDecls, (b) => String(b.port)).values()) {
        const doc = same[0]!;
        if (expected.includes(doc.port)) continue;
        const files = [...new Set(sources.map((b) => b.location.file))].join(', ');
        const fixable = docDecls.length === 1 && expected.length === 1 && spansPort(doc.location, doc.port) && !occupancy(model).takenByOther(doc.host, expected[0]!, service);
        report({
          message: messages.drifts({ service, port: doc.port, host, expected, files }),
          location: doc.location,
          related: [...same.slice(1), ...sources].map((b) => relatedBinding(b)),
          // The doc's statement, not the source defaults it is compared with.
          key: `${service}|${host}|${location.file}|${doc.port}`,
          ...(fixable ? { fix: { location: doc.location, text: String(expected[0]) } } : {}),
        });
      }
    }
  },
});
