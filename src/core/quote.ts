/**
 * The one way a message quotes a name, path or value: as a markdown code span whose fence is
 * one backtick longer than the longest run of backticks inside, so a name holding backticks
 * cannot close the span early (a span opened by n backticks closes only at a run of exactly n).
 * Messages are plain strings; the markdown reporters split them back into code spans by the
 * same rules (report/md-inline.ts) and escape everything else.
 */

/** The backtick fence for `text`: one longer than its longest backtick run. */
export function fenceFor(text: string): string {
  let longest = 0;
  for (const run of text.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  return '`'.repeat(longest + 1);
}

/**
 * `text` as a code span. It is padded with a space on each side when it starts or ends with
 * a backtick or a space, which a reader of the span strips again; line breaks become spaces,
 * as they would inside a code span anyway.
 */
export function quote(value: string | number | undefined): string {
  const text = String(value).replace(/\r\n|\r|\n/g, ' ');
  const fence = fenceFor(text);
  const pad = /^[` ]|[` ]$/.test(text) && text.trim() !== '' ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
