/**
 * The one escaping module for text from the repository (names, paths, messages, reasons) on
 * its way into markdown: sticky comment, review comments, check-run summary, job summary and
 * port map. Such text may be hostile; what it writes renders as the same characters and
 * nothing else: no HTML, no links or images, no @-mentions or #-references, no autolinks, no
 * table cell it did not open, no line break.
 *
 * Messages are plain strings in which names are quoted as code spans (core/quote.ts). They
 * are split into code spans by CommonMark's rules (a span opened by a run of n backticks
 * closes at the next run of exactly n; a run without a partner is a literal backtick), each
 * code span is written with a fence longer than any backtick run inside it, and all text
 * outside code spans is escaped.
 */
import { fenceFor } from '../core/quote.js';
import type { RunReport } from './reporter.js';

/** Where the markdown goes: a table cell also needs `|` escaped, since GFM splits cells before anything else. */
export interface InlineOptions {
  /** True (the default) inside a table cell. */
  cell?: boolean;
}

/** A piece of a message: literal text or the content of a code span. */
export interface MessagePart {
  code: boolean;
  text: string;
}

/** Splits `message` into text and code spans, by CommonMark's code-span rules (no backslash escapes: messages are plain text). */
export function messageParts(message: string): MessagePart[] {
  const runs = [...message.matchAll(/`+/g)].map((m) => ({ start: m.index, length: m[0].length }));
  // For each run, the index of the next run of the same length (linear: one pass from the end).
  const next: number[] = new Array<number>(runs.length).fill(-1);
  const lastOfLength = new Map<number, number>();
  for (let i = runs.length - 1; i >= 0; i--) {
    next[i] = lastOfLength.get(runs[i]!.length) ?? -1;
    lastOfLength.set(runs[i]!.length, i);
  }
  const parts: MessagePart[] = [];
  const pushText = (text: string) => {
    if (text === '') return;
    const last = parts[parts.length - 1];
    if (last && !last.code) last.text += text;
    else parts.push({ code: false, text });
  };
  let cursor = 0;
  for (let i = 0; i < runs.length; i++) {
    const open = runs[i]!;
    if (open.start < cursor) continue;
    const j = next[i]!;
    if (j < 0) continue; // no closing run of this length: the backticks are literal text
    const close = runs[j]!;
    pushText(message.slice(cursor, open.start));
    let content = message.slice(open.start + open.length, close.start);
    if (content.length >= 2 && content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '') content = content.slice(1, -1);
    parts.push({ code: true, text: content });
    cursor = close.start + close.length;
    // Skip the runs inside the span and the closer.
    while (i + 1 < runs.length && runs[i + 1]!.start < cursor) i++;
  }
  pushText(message.slice(cursor));
  return parts;
}

/** Line breaks of every kind become spaces: one message is one line of markdown. */
const flat = (text: string) => text.replace(/\r\n|\r|\n/g, ' ');

/**
 * Plain `text` made inert: markdown punctuation backslash-escaped, `&`, `<` and `>` as
 * entities, and a zero-width space after `@` and `#` and inside `://` and `www.`, which
 * GitHub would otherwise turn into mentions, issue references and autolinks (those are found
 * in the rendered text, where backslash escapes are already gone).
 */
export function text(value: string): string {
  return flat(value)
    // `[` and `]` escaped leave `(`, `)` and `!` nothing to form a link or image with.
    .replace(/[\\`*_~[\]|$]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[@#]/g, '$&\u200b')
    .replace(/:(?=\/\/)/g, ':\u200b')
    .replace(/(www)\./gi, '$1\u200b.')
    // A leading list, heading-underline or ordered-list marker would start a block.
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)\./, '$1\\.');
}

/**
 * `value` as a code span: nothing inside a code span is an escape, an entity, a link or a
 * mention, so only the fence (longer than any backtick run inside), line breaks and, in a
 * table cell, `|` need care. A backslash right before an escaped `|` would pair with the
 * escape's own backslash and end the cell, so a zero-width space separates them.
 */
export function code(value: string | number, options: InlineOptions = {}): string {
  let content = flat(String(value));
  if (content === '') return '` `';
  if (options.cell !== false) content = content.replace(/\\(?=\|)/g, '\\\u200b').replace(/\|/g, '\\|');
  const fence = fenceFor(content);
  const pad = /^[` ]|[` ]$/.test(content) && content.trim() !== '' ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

/** A message (plain text with code spans) as inert markdown: code spans re-fenced, the rest escaped. */
export function inline(message: string, options: InlineOptions = {}): string {
  return messageParts(flat(message))
    .map((part) => (part.code ? code(part.text, options) : text(part.text)))
    .join('');
}

/** `[label](url)` with `label` escaped: the text of a link cannot close it or hold another link. */
export function link(label: string, url: string): string {
  return `[${text(label)}](${url})`;
}

/** A path segment for a URL: `encodeURIComponent` plus the characters it leaves that matter in markdown (`(`, `)`, `!`, `*`, `'`). */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[()!*']/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A link to `path` at `sha` in the repository, at `line` when given. */
export function blobUrl(run: Pick<RunReport, 'context'>, sha: string, path: string, line?: number): string {
  const { serverUrl, owner, repo } = run.context;
  const encoded = path.split('/').map(encodeSegment).join('/');
  return `${serverUrl}/${owner}/${repo}/blob/${sha}/${encoded}${line ? `#L${line}` : ''}`;
}

/** A link to commit `sha`'s page. */
export function commitUrl(run: Pick<RunReport, 'context'>, sha: string): string {
  const { serverUrl, owner, repo } = run.context;
  return `${serverUrl}/${owner}/${repo}/commit/${sha}`;
}

/** A link to the workflow run (whose page holds the job summary), when the run id is known. */
export function runUrl(run: Pick<RunReport, 'context'>): string | undefined {
  const { serverUrl, owner, repo, runId } = run.context;
  return runId ? `${serverUrl}/${owner}/${repo}/actions/runs/${encodeURIComponent(runId)}` : undefined;
}
