/**
 * `registry/range-overlap`: two range headings of the registry claim the same ports, so the
 * "each range has one purpose" principle cannot hold (seed: `5000-5059` and `5050-5059`).
 */
import type { RegistrySection } from '../core/registry.js';
import { compareLocations } from '../core/location.js';
import { defineRegistryRule } from './rule.js';
import { quote } from '../core/quote.js';

type RangeSection = RegistrySection & { range: { start: number; end: number } };

/** `5000-5059 (Web Frontends)`; the title is left out when it already starts with the range. */
export function describeRange(s: RangeSection): string {
  const range = `${s.range.start}-${s.range.end}`;
  const title = s.title.trim();
  if (/^\d/.test(title) || title === '') return `${quote(range)}`;
  return `${quote(range)} (${title})`;
}

/** The rule's messages: what was found, and what was expected. */
const messages = {
  overlaps: (d: { later: string; earlier: string; start: number; end: number }) =>
    `Range ${d.later} overlaps range ${d.earlier} on ${d.start === d.end ? `port ${d.start}` : `ports ${d.start}-${d.end}`}; expected every range heading to cover its own ports.`,
  declared: (d: { start: number; end: number }) => `range ${d.start}-${d.end} is declared here`,
};

/** `registry/range-overlap`: Two range headings of the registry overlap. */
export const registryRangeOverlap = defineRegistryRule({
  meta: {
    id: 'registry/range-overlap',
    description: 'Two range headings of the registry overlap.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  messages,
  check(registry, _model, report) {
    const ranged = registry.sections
      .filter((s): s is RangeSection => s.range !== undefined)
      .sort((a, b) => compareLocations(a.location, b.location));
    ranged.forEach((later, j) => {
      for (const earlier of ranged.slice(0, j)) {
        const start = Math.max(earlier.range.start, later.range.start);
        const end = Math.min(earlier.range.end, later.range.end);
        if (start > end) continue;
        report({
          message: messages.overlaps({ later: describeRange(later), earlier: describeRange(earlier), start, end }),
          location: later.location,
          related: [{ location: earlier.location, message: messages.declared({ start: earlier.range.start, end: earlier.range.end }) }],
          key: `${registry.path}|${earlier.range.start}-${earlier.range.end}|${later.range.start}-${later.range.end}`,
        });
      }
    });
  },
});
