/**
 * Inline suppressions in a CLAUDE.md: an HTML comment
 * `<!-- portwarden-ignore doc/registry-drift: moving to 3024 in #412 -->`, which applies to
 * its own line and the line below. Only real HTML nodes count, so the phrase quoted inside a
 * code block or inline code suppresses nothing.
 */
import type { Html } from 'mdast';
import type { DocScan } from './doc-scan.js';

const DIRECTIVE = /portwarden-ignore[ \t]+([a-z0-9-]+(?:\/[a-z0-9-]+)?)[ \t]*(?::[ \t]*(.*?))?[ \t]*(?:-->|$)/gm;

/** Reads the suppressions of one HTML node; one without a reason is an `input/suppression-without-reason` problem. */
export function readSuppressions(scan: DocScan, node: Html): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return;
  for (const m of scan.slice(start, end).matchAll(DIRECTIVE)) {
    const at = start + (m.index ?? 0);
    const location = scan.file.locator.range(at, at + m[0].replace(/[ \t]*-->$/, '').length);
    const ruleId = m[1] ?? '';
    const reason = (m[2] ?? '').trim();
    if (reason === '') {
      scan.extraction.problems.push({
        ruleId: 'input/suppression-without-reason',
        message: `\`portwarden-ignore ${ruleId}\` in ${scan.file.path} gives no reason; expected \`portwarden-ignore ${ruleId}: <reason>\`.`,
        location,
        key: `${scan.file.path}|${ruleId}`,
      });
      continue;
    }
    scan.extraction.suppressions?.push({ file: scan.file.path, line: location.line, ruleId, reason });
  }
}
