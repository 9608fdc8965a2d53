/**
 * The review's inline comments: the body of each, under `<!-- portwarden:fp=<fp> -->` so a
 * rerun finds what it already commented, and the edited body of a comment whose finding is
 * gone (src/github/review.ts posts and edits them).
 */
import { blobUrl, code, inline, link } from './md-inline.js';
import { COMMENT_BODY_CHARS, clipTo } from './limits.js';
import type { Placement } from './inline-placement.js';
import type { RunReport } from './reporter.js';
import { distinctRelated } from './order.js';

/** Marks a comment as portwarden's, for finding `fp`. */
export const fingerprintMarker = (fp: string) => `<!-- portwarden:fp=${fp} -->`;
/** Added when the finding is gone, so the comment is edited only once. */
export const RESOLVED_MARKER = '<!-- portwarden:resolved -->';

const FP = /<!-- portwarden:fp=([A-Za-z0-9]+) -->/;

/** The fingerprint in a comment body, if it is one of ours. */
export function fingerprintOf(body: string | undefined | null): string | undefined {
  return body ? FP.exec(body)?.[1] : undefined;
}

/** The body of an inline comment. */
export function commentBody(run: RunReport, placement: Extract<Placement, { kind: 'inline' }>): string {
  const f = placement.finding;
  const rule = f.url ? `[${code(f.ruleId, { cell: false })}](${f.url})` : code(f.ruleId, { cell: false });
  const at = (file: string, line: number) => link(`${file}:${line}`, blobUrl(run, run.context.headSha, file, line));
  const related = distinctRelated(f.related).map((r) => `- ${at(r.location.file, r.location.line)} ${inline(r.message, { cell: false })}`);
  const unapplied = f.unappliedSuppression
    ? `\n\n⚠️ Not silenced: the \`portwarden-ignore\` at ${at(f.unappliedSuppression.file, f.unappliedSuppression.line)} was added by this pull request, and on \`pull_request_target\` a pull request's own directives apply only when the base branch's config allows it.`
    : '';
  let suggestion = '';
  if (placement.suggestion !== undefined) {
    // A fence longer than any backtick run in the text, so the suggestion cannot close it.
    const longest = Math.max(2, ...(placement.suggestion.match(/`+/g) ?? []).map((m) => m.length));
    const fence = '`'.repeat(longest + 1);
    suggestion = `\n\n${fence}suggestion\n${placement.suggestion}\n${fence}`;
  }
  const body = `${fingerprintMarker(f.fingerprint)}\n**${f.severity}** ${rule}: ${inline(f.message, { cell: false })}${unapplied}${related.length ? `\n\n${related.join('\n')}` : ''}${suggestion}`;
  return clipTo(body, COMMENT_BODY_CHARS);
}

/** The edited body of a comment whose finding is gone. */
export function resolvedBody(body: string, sha: string): string {
  const fp = fingerprintOf(body) ?? '';
  const old = body.replace(FP, '').trim().replace(/```+suggestion/g, '```');
  return clipTo(`${fingerprintMarker(fp)}${RESOLVED_MARKER}\n✅ Resolved in \`${sha.slice(0, 7)}\`: portwarden no longer finds this.\n\n<details><summary>Original comment</summary>\n\n${old}\n\n</details>`, COMMENT_BODY_CHARS);
}
