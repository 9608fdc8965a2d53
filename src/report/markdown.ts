/**
 * The markdown report shared by the sticky comment, the job summary and the check run's
 * summary: a headline, counts, tables of new / existing / fixed findings and a per-host port
 * map. Built as prioritised chunks so each channel can fit it under its own limit.
 */
import type { Finding, Severity } from '../model/finding.js';
import { countBySeverity } from './text.js';
import { CELL_CHARS, clipTo, truncate, type Chunk, type TruncateOptions } from './limits.js';
import { blobUrl, inline } from './md-inline.js';
import { portMapChunks } from './port-map.js';
import type { RunReport } from './reporter.js';
import { VERSION } from '../version.js';

const ICON: Record<Severity, string> = { error: '🔴 error', warning: '🟠 warning', notice: '🔵 notice' };

/** Priorities: what survives truncation first. */
const P = { structure: 0, new: 1, fixed: 2, existing: 3, portMap: 4 } as const;

export { blobUrl, inline };

/** `[path:line](link)` for a location at `sha`. */
function where(run: RunReport, sha: string, file: string, line: number): string {
  return `[${inline(`${file}:${line}`)}](${blobUrl(run, sha, file, line)})`;
}

/** One table row for a finding; `sha` is the commit its locations belong to. */
export function findingRow(run: RunReport, f: Finding, sha: string): string {
  const related = f.related
    .slice(0, 3)
    .map((r) => `<br>↳ ${where(run, sha, r.location.file, r.location.line)} ${inline(clipTo(r.message, 200))}`)
    .join('');
  const more = f.related.length > 3 ? `<br>↳ and ${f.related.length - 3} more` : '';
  const rule = f.url ? `[\`${f.ruleId}\`](${f.url})` : `\`${f.ruleId}\``;
  return `| ${ICON[f.severity]} | ${rule} | ${where(run, sha, f.location.file, f.location.line)} | ${inline(clipTo(f.message, CELL_CHARS))}${related}${more} |\n`;
}

const TABLE_HEAD = '| Severity | Rule | Location | Message |\n|---|---|---|---|\n';

function counts(findings: Finding[]): string {
  const c = countBySeverity(findings);
  const parts = (['error', 'warning', 'notice'] as const).filter((s) => c[s] > 0).map((s) => `${c[s]} ${s}${c[s] === 1 ? '' : 's'}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The headline: pass, neutral or fail, with the number that decides it. */
export function headline(run: RunReport): string {
  const pr = run.analysis.mode === 'pull-request';
  const fresh = run.analysis.classified.new.length;
  const what = pr ? `new finding` : 'finding';
  if (run.conclusion === 'failure') return `❌ portwarden: ${plural(run.failing.length, what)} at or above \`${run.settings.failLevel}\``;
  if (run.conclusion === 'neutral') return `⚠️ portwarden: ${plural(fresh, what)}, none at or above \`${run.settings.failLevel}\``;
  return pr ? '✅ portwarden: no new port problems' : '✅ portwarden: no port problems';
}

/** The report as chunks, in document order. `marker` (a hidden comment) goes first. */
export function reportChunks(run: RunReport, marker = ''): Chunk[] {
  const { classified, mode, mergeBase, notes } = run.analysis;
  const head = run.context.headSha;
  const chunks: Chunk[] = [];
  const add = (text: string, priority: number, findings = 0) => chunks.push({ text, priority, findings });
  add(`${marker ? `${marker}\n` : ''}### ${headline(run)}\n\n`, P.structure);
  if (mode === 'pull-request') {
    add(`**${classified.new.length} new**${counts(classified.new)} · **${classified.existing.length} existing** · **${classified.fixed.length} fixed**, compared with the merge base ${mergeBase ? `\`${mergeBase.slice(0, 7)}\`` : ''}.\n\n`, P.structure);
  } else {
    add(`**${plural(classified.new.length, 'finding')}**${counts(classified.new)} in \`${head.slice(0, 7)}\`.\n\n`, P.structure);
  }
  for (const note of notes) add(`> [!WARNING]\n> ${inline(note)}\n\n`, P.structure);

  const table = (title: string, findings: Finding[], sha: string, priority: number, collapsed: boolean) => {
    if (findings.length === 0) return;
    add(collapsed ? `<details><summary>${title}</summary>\n\n${TABLE_HEAD}` : `#### ${title}\n\n${TABLE_HEAD}`, P.structure);
    for (const f of findings) add(findingRow(run, f, sha), priority, 1);
    add(collapsed ? '\n</details>\n\n' : '\n', P.structure);
  };
  if (mode === 'pull-request') {
    table(`New (${classified.new.length})`, classified.new, head, P.new, false);
    table(`Existing before this pull request (${classified.existing.length})`, classified.existing, head, P.existing, true);
    table(`Fixed by this pull request (${classified.fixed.length})`, classified.fixed, mergeBase ?? head, P.fixed, true);
  } else {
    table(`Findings (${classified.new.length})`, classified.new, head, P.new, false);
  }
  chunks.push(...portMapChunks(run, P.portMap));
  add(`<sub>portwarden ${VERSION} · fail-level \`${run.settings.failLevel}\` · ${plural(run.analysis.head.stats.files, 'file')} read</sub>\n`, P.structure);
  return chunks;
}

/** The report as markdown within `options.limit`. */
export function renderReport(run: RunReport, options: TruncateOptions & { marker?: string }): string {
  return truncate(reportChunks(run, options.marker), options);
}
