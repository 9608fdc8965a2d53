/**
 * Finding the inline suppression directives of a file: `portwarden-ignore <rule>: <reason>` in
 * a comment. Applying them to findings is one step after the rules (rules/suppress.ts).
 */
import type { Suppression } from '../core/statements.js';

const MARKER = 'portwarden-ignore';
const DIRECTIVE = /portwarden-ignore\s+([A-Za-z0-9*][\w/*-]*)\s*(?::\s*(.*?))?\s*(?:-->|\*\/)?\s*$/;

/** Finds the directives in one file; only lines holding the marker are examined. */
export function findSuppressions(file: string, text: string): Suppression[] {
  if (!text.includes(MARKER)) return [];
  const found: Suppression[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (!line.includes(MARKER)) return;
    const match = DIRECTIVE.exec(line.replace(/\r$/, ''));
    if (match?.[1]) found.push({ file, line: index + 1, ruleId: match[1], reason: match[2] ?? '' });
  });
  return found;
}
