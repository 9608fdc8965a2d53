/**
 * The one reply `/assign-port` posts, as markdown. Text from the comment or the repository
 * (the typed line, service names, section titles) goes through report/md-inline.ts, so it
 * renders as the same characters and nothing else.
 */
import { describeSkip, type PortRange, type Skipped } from '../../assign/allocate.js';
import type { FileEdit } from '../../assign/assign.js';
import { code, inline, link } from '../../report/md-inline.js';

/** A hidden marker that identifies portwarden's replies. */
export const REPLY_MARKER = '<!-- portwarden:assign-port -->';

export const USAGE_LINES = [
  '`/assign-port <service> in <lo>-<hi>` — the lowest free port of the range, e.g. `/assign-port mana-foo in 3020-3029`',
  '`/assign-port <service> in "<section title>"` — the lowest free port of a registry section, e.g. `/assign-port mana-foo in "AI/ML Services"`',
  '`/assign-port <service>` — the first section with a free port',
  'add `--dry-run` to see the choice without a commit; `/assign-port help` shows this',
];

const usage = () => USAGE_LINES.map((l) => `- ${l}`).join('\n');

/** The help reply. */
export function helpReply(): string {
  return `${REPLY_MARKER}\n**/assign-port** picks the lowest port of a range that no host uses, no open pull request claims, outside 49152-65535 and the configured deny list, and adds it to the registry.\n\n${usage()}\n\nOnly users with write, maintain or admin permission may use it.`;
}

/** The reply to a first line that starts with `/assign-port` but is not a command. */
export function malformedReply(input: string, why: string): string {
  return `${REPLY_MARKER}\nThis is not a command portwarden understands: ${code(input, { cell: false })} (${why}). Expected one of:\n\n${usage()}`;
}

/** The reply to a user without write permission. */
export function refusedReply(login: string, role: string): string {
  return `${REPLY_MARKER}\n${code(login, { cell: false })} has the ${code(role, { cell: false })} role here; \`/assign-port\` needs write, maintain or admin. Nothing was changed.`;
}

/** The reply when no port can be assigned. */
export function failureReply(service: string, error: string, skipped: readonly Skipped[] = []): string {
  return `${REPLY_MARKER}\nNo port assigned to ${code(service, { cell: false })}: ${inline(error, { cell: false })}${skippedSection(skipped)}`;
}

export interface SuccessReply {
  service: string;
  port: number;
  range: PortRange;
  section: string;
  skipped: readonly Skipped[];
  /** `dry-run`: nothing written; `suggestion`: the token cannot push (a fork); `commit` or `pull`: written. */
  outcome: { kind: 'dry-run' } | { kind: 'suggestion' } | { kind: 'commit'; url: string; sha: string } | { kind: 'pull'; url: string; number: number };
  /** The edits as unified-diff hunks (for a dry run and a suggestion). */
  diffs: { path: string; diff: string }[];
  /** Tries the write took (1 without a conflict). */
  tries?: number;
}

/** The reply with the port. */
export function successReply(r: SuccessReply): string {
  const head = `**${r.port}** for ${code(r.service, { cell: false })} (range ${r.range.start}-${r.range.end}, section ${r.section ? code(r.section, { cell: false }) : 'without a title'}).`;
  const o = r.outcome;
  const what =
    o.kind === 'dry-run'
      ? 'Dry run: nothing was written. The change would be:'
      : o.kind === 'suggestion'
        ? 'This pull request comes from a fork, which the workflow token cannot push to. Apply this change to the branch:'
        : o.kind === 'commit'
          ? `Committed as ${link(o.sha.slice(0, 7), o.url)}${r.tries && r.tries > 1 ? ` (after ${r.tries - 1} concurrent change${r.tries > 2 ? 's' : ''} to the registry)` : ''}.`
          : `Opened ${link(`pull request ${o.number}`, o.url)} with the change.`;
  const diffs = o.kind === 'dry-run' || o.kind === 'suggestion' ? r.diffs.map((d) => `\n\n${code(d.path, { cell: false })}\n\n${fenced(d.diff)}`).join('') : '';
  return `${REPLY_MARKER}\n${head} ${what}${diffs}${skippedSection(r.skipped)}`;
}

/** The skipped candidates, collapsed. */
function skippedSection(skipped: readonly Skipped[]): string {
  if (skipped.length === 0) return '';
  const lines = skipped.map((s) => `- ${inline(describeSkip(s), { cell: false })}`).join('\n');
  return `\n\n<details><summary>${skipped.length} lower port${skipped.length === 1 ? '' : 's'} skipped</summary>\n\n${lines}\n\n</details>`;
}

/** `body` in a ```diff fence longer than any backtick run inside it. */
function fenced(body: string): string {
  let longest = 2;
  for (const run of body.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  const fence = '`'.repeat(longest + 1);
  return `${fence}diff\n${body}\n${fence}`;
}

/** A unified diff of one edit: the changed lines with one line of context, hunks joined. */
export function lineDiff(before: string, edit: FileEdit): { path: string; diff: string } {
  const a = before.split('\n');
  const b = edit.text.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const from = Math.max(0, head - 1);
  const removed = a.slice(head, a.length - tail);
  const added = b.slice(head, b.length - tail);
  const after = a.slice(a.length - tail, Math.min(a.length, a.length - tail + 1));
  const lines = [`@@ -${from + 1},${head - from + removed.length + after.length} +${from + 1},${head - from + added.length + after.length} @@`, ...a.slice(from, head).map((l) => ` ${l}`), ...removed.map((l) => `-${l}`), ...added.map((l) => `+${l}`), ...after.map((l) => ` ${l}`)];
  return { path: edit.path, diff: lines.join('\n') };
}

