/**
 * `registry/out-of-range`: a plan row whose port lies outside the range its section heading
 * announces (seed: `5432` and `6379` under `9000-9199`). Sections without a range are exempt.
 */
import { describeRange } from './registry-range-overlap.js';
import type { RegistrySection } from '../core/registry.js';
import { defineRegistryRule } from './rule.js';
import { quote } from '../core/quote.js';

type RangeSection = RegistrySection & { range: { start: number; end: number } };

/** The rule's messages: what was found, and what was expected. */
const messages = {
  outside: (d: { outside: number[]; portText: string; service: string | undefined; range: string; start: number; end: number }) => {
    const ports = d.outside.length === 1 ? `Port ${quote(d.outside[0])}` : `Ports ${quote(d.portText)}`;
    const what = d.service ? `of ${quote(d.service)}` : 'of a reserved row';
    return `${ports} ${what} ${d.outside.length === 1 ? 'lies' : 'lie'} outside its section's range ${d.range}; expected a port in ${d.start}-${d.end} or a section whose range covers it.`;
  },
  range: (d: { start: number; end: number }) => `the section's range ${d.start}-${d.end} is declared here`,
};

/** `registry/out-of-range`: A plan row's port lies outside its section heading's range. */
export const registryOutOfRange = defineRegistryRule({
  meta: {
    id: 'registry/out-of-range',
    description: "A plan row's port lies outside its section heading's range.",
    defaultSeverity: 'warning',
    fixable: false,
  },
  messages,
  check(registry, _model, report) {
    for (const section of registry.sections) {
      if (!section.range) continue;
      const { start, end } = section.range;
      for (const row of section.rows) {
        const outside = row.ports.filter((p) => p < start || p > end);
        if (outside.length === 0) continue;
        report({
          message: messages.outside({ outside, portText: row.portText, service: row.service, range: describeRange(section as RangeSection), start, end }),
          location: row.location,
          related: [{ location: section.location, message: messages.range({ start, end }) }],
          key: `${registry.path}|${start}-${end}|${row.service ?? '(reserved)'}|${outside.join(',')}`,
        });
      }
    }
  },
});
