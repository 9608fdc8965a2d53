/**
 * `registry/out-of-range`: a plan row whose port lies outside the range its section heading
 * announces (seed: `5432` and `6379` under `9000-9199`). Sections without a range are exempt.
 */
import { describeRange } from './registry-range-overlap.js';
import type { RegistrySection } from '../core/registry.js';
import { defineRule } from './rule.js';
import { quote } from '../core/quote.js';

type RangeSection = RegistrySection & { range: { start: number; end: number } };

/** `registry/out-of-range`: A plan row's port lies outside its section heading's range. */
export const registryOutOfRange = defineRule({
  meta: {
    id: 'registry/out-of-range',
    description: "A plan row's port lies outside its section heading's range.",
    defaultSeverity: 'warning',
    fixable: false,
  },
  check(model, report) {
    const registry = model.registry;
    if (!registry) return;
    for (const section of registry.sections) {
      if (!section.range) continue;
      const { start, end } = section.range;
      for (const row of section.rows) {
        const outside = row.ports.filter((p) => p < start || p > end);
        if (outside.length === 0) continue;
        const what = row.service ? `of ${quote(row.service)}` : 'of a reserved row';
        const ports = outside.length === 1 ? `Port ${quote(outside[0])}` : `Ports ${quote(row.portText)}`;
        report({
          message: `${ports} ${what} ${outside.length === 1 ? 'lies' : 'lie'} outside its section's range ${describeRange(section as RangeSection)}; expected a port in ${start}-${end} or a section whose range covers it.`,
          location: row.location,
          related: [{ location: section.location, message: `the section's range ${start}-${end} is declared here` }],
          key: `${registry.path}|${start}-${end}|${row.service ?? '(reserved)'}|${outside.join(',')}`,
        });
      }
    }
  },
});
