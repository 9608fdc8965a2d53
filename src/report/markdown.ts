/**
 * The markdown report shared by the sticky comment, the job summary and the check run's
 * summary: a headline, counts, tables of new / existing / fixed findings and a per-host port
 * map. Built as prioritised chunks so each channel can fit it under its own limit.
 */
import type { Finding, Severity } from '../core/finding.js';
import { countBySeverity } from './text.js';
import { CELL_CHARS, clipTo, truncate, type Chunk, type TruncateOptions } from './limits.js';
import type { ListedSuppression } from '../baseline/compare.js';
import { blobUrl, code, commitUrl, inline, link, runUrl, text } from './md-inline.js';
import { bySeverity, distinctRelated } from './order.js';
import { portMapChunks } from './port-map.js';
import type { RunReport } from './reporter.js';

const ICON: Record<Severity, string> = { error: '🔴', warning: '🟠', notice: '🔵' };
/** Related entries shown under a message before "and N more". */
const RELATED_SHOWN = 3;

/** Priorities: what survives truncation first. */
const P = { structure: 0, new: 1, fixed: 2, existing: 3, portMap: 4 } as const;

/** Why a finding whose directive was not applied is reported anyway. */
const NOT_APPLIED = 'added by this pull request; on `pull_request_target` a pull request\'s own `portwarden-ignore` applies only when the base branch\'s config sets `allow-new-suppressions-on-pr-target: true`';

export { blobUrl, inline };

/** `[path:line](link)` for a location at `sha`. */
function where(run: RunReport, sha: string, file: string, line: number): string {
  return link(`${file}:${line}`, blobUrl(run, sha, file, line));
}

/**
 * One table row for a finding; `sha` is the commit its locations belong to. The severity
 * icon sits beside the rule with its word beneath (colour alone is not enough), so the
 * message gets the width; related entries are listed once per file:line.
 */
export function findingRow(run: RunReport, f: Finding, sha: string): string {
  const distinct = distinctRelated(f.related);
  const related = distinct
    .slice(0, RELATED_SHOWN)
    .map((r) => `<br>↳ ${where(run, sha, r.location.file, r.location.line)} ${inline(clipTo(r.message, 200))}`)
    .join('');
  const more = distinct.length > RELATED_SHOWN ? `<br>↳ and ${distinct.length - RELATED_SHOWN} more` : '';
  const rule = f.url ? `[${code(f.ruleId)}](${f.url} "${f.severity}")` : code(f.ruleId);
  const unapplied = f.unappliedSuppression
    ? `<br>⚠️ Not silenced: the \`portwarden-ignore\` at ${where(run, sha, f.unappliedSuppression.file, f.unappliedSuppression.line)} was ${NOT_APPLIED}.`
    : '';
  return `| ${ICON[f.severity]} ${rule}<br><sub>${f.severity}</sub> | ${where(run, sha, f.location.file, f.location.line)} | ${inline(clipTo(f.message, CELL_CHARS))}${related}${more}${unapplied} |\n`;
}

const TABLE_HEAD = '| Rule | Location | Message |\n|---|---|---|\n';

const SUPPRESSION_HEAD = '| Directive | Location | Silences now | Applied |\n|---|---|---|---|\n';

/** One row of the list of directives the pull request added or widened. */
export function suppressionRow(run: RunReport, s: ListedSuppression): string {
  const rule = s.ruleId === '*' ? `${code('*')} (every rule)` : code(s.ruleId);
  const kind = s.kind === 'widened' ? 'widened to every rule' : 'added';
  const reason = s.reason ? `<br>${inline(clipTo(s.reason, 200))}` : '';
  const applied = s.applied ? 'yes' : `no: ${NOT_APPLIED.replace(/^added by this pull request; /, '')}`;
  const rules = s.rules.length ? ` (${s.rules.map((r) => code(r)).join(', ')})` : '';
  return `| ${rule} (${kind})${reason} | ${where(run, run.context.headSha, s.file, s.line)} | ${plural(s.silences, 'finding')}${rules} | ${applied} |\n`;
}

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

/** `` [`abc1234`](commit page) ``: a short sha linked to its commit. */
function commitLink(run: RunReport, sha: string): string {
  return `[\`${sha.slice(0, 7)}\`](${commitUrl(run, sha)})`;
}

/** The footer's first line: where the full list is, and a link to the workflow run when known. */
function fullListLine(run: RunReport, fullListIn: string): string {
  const url = runUrl(run);
  return `Full list: ${fullListIn}${url ? ` of [this workflow run](${url})` : ''}.<br>`;
}

/**
 * The report as chunks, in document order. `marker` (a hidden comment) goes first;
 * `fullListIn` names, in the footer, where every finding can be read.
 */
export function reportChunks(run: RunReport, marker = '', fullListIn?: string): Chunk[] {
  const { classified, mode, mergeBase, notes } = run.analysis;
  const head = run.context.headSha;
  const chunks: Chunk[] = [];
  const add = (text: string, priority: number, findings = 0) => chunks.push({ text, priority, findings });
  add(`${marker ? `${marker}\n` : ''}### ${headline(run)}\n\n`, P.structure);
  if (mode === 'pull-request') {
    const hidden = [
      classified.notChecked.length ? ` · **${classified.notChecked.length} not checked**` : '',
      classified.suppressed.length ? ` · **${classified.suppressed.length} suppressed**` : '',
    ].join('');
    add(`**${classified.new.length} new**${counts(classified.new)} · **${classified.existing.length} existing** · **${classified.fixed.length} fixed**${hidden}, compared with the merge base ${mergeBase ? commitLink(run, mergeBase) : ''}.\n\n`, P.structure);
  } else {
    add(`**${plural(classified.new.length, 'finding')}**${counts(classified.new)} in ${commitLink(run, head)}.\n\n`, P.structure);
  }
  for (const note of notes) add(`> [!WARNING]\n> ${inline(note, { cell: false })}\n\n`, P.structure);

  const table = (title: string, findings: Finding[], sha: string, priority: number, collapsed: boolean) => {
    if (findings.length === 0) return;
    add(collapsed ? `<details><summary>${title}</summary>\n\n${TABLE_HEAD}` : `#### ${title}\n\n${TABLE_HEAD}`, P.structure);
    for (const f of bySeverity(findings)) add(findingRow(run, f, sha), priority, 1);
    add(collapsed ? '\n</details>\n\n' : '\n', P.structure);
  };
  if (mode === 'pull-request') {
    suppressionList(run, add);
    table(`New (${classified.new.length})`, classified.new, head, P.new, false);
    table(`Not checked (${classified.notChecked.length}): in files this pull request's head could not read`, classified.notChecked, mergeBase ?? head, P.new, false);
    table(`Existing before this pull request (${classified.existing.length})`, classified.existing, head, P.existing, true);
    table(`Fixed by this pull request (${classified.fixed.length})`, classified.fixed, mergeBase ?? head, P.fixed, true);
  } else {
    table(`Findings (${classified.new.length})`, classified.new, head, P.new, false);
  }
  chunks.push(...portMapChunks(run, P.portMap));
  add(`<sub>${fullListIn ? fullListLine(run, fullListIn) : ''}portwarden ${run.version} · fail-level \`${run.settings.failLevel}\` · ${plural(run.analysis.head.stats.files, 'file')} read</sub>\n`, P.structure);
  return chunks;
}

/** The directives the pull request added or widened: what they silence, and whether they were applied. */
function suppressionList(run: RunReport, add: (text: string, priority: number, findings?: number) => void): void {
  const listed = run.analysis.suppressions;
  if (listed.length === 0) return;
  const silenced = listed.reduce((n, s) => n + (s.applied ? s.silences : 0), 0);
  add(`#### \`portwarden-ignore\` added or widened by this pull request (${listed.length})\n\n${text(`${plural(silenced, 'finding')} silenced by them.`)}\n\n${SUPPRESSION_HEAD}`, P.structure);
  for (const s of listed) add(suppressionRow(run, s), P.new);
  add('\n', P.structure);
}

/** The report as markdown within `options.limit`. */
export function renderReport(run: RunReport, options: TruncateOptions & { marker?: string }): string {
  return truncate(reportChunks(run, options.marker, options.fullListIn), options);
}
