/**
 * A Dockerfile is line-oriented: this splits it into instructions, joining lines continued
 * with the escape character (`\`, or the one a `# escape=` directive names) and dropping the
 * comment and blank lines Docker allows inside a continuation. Arguments stay mapped to the
 * source, so a port on the third line of a `HEALTHCHECK` points at its own digits.
 */
import type { Mapped } from '../../core/mapped.js';
import { append, emptyMapped, identity } from '../../core/mapped.js';

/** One instruction: upper-cased keyword and its joined arguments. */
export interface Instruction {
  keyword: string;
  args: Mapped;
  /** Source offset of the keyword. */
  start: number;
}

/** The instructions of a Dockerfile, in order. */
export function dockerInstructions(text: string): Instruction[] {
  const escape = /^\s*#\s*escape\s*=\s*`/im.test(leadingComments(text)) ? '`' : '\\';
  const out: Instruction[] = [];
  let current: Instruction | undefined;
  let pos = 0;
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(pos, lineEnd).replace(/\r$/, '');
    const lineStart = pos;
    pos = lineEnd + 1;
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    let from = lineStart;
    if (!current) {
      const indent = line.length - trimmed.length;
      const keyword = /^\S+/.exec(trimmed)?.[0] ?? '';
      from = lineStart + indent + keyword.length;
      while (from < lineStart + line.length && /[ \t]/.test(text[from] as string)) from++;
      current = { keyword: keyword.toUpperCase(), args: emptyMapped(), start: lineStart + indent };
    }
    const body = line.trimEnd();
    const continued = body.endsWith(escape);
    const to = lineStart + (continued ? body.length - 1 : line.length);
    append(current.args, identity(text, from, Math.max(from, to)));
    if (!continued) {
      out.push(current);
      current = undefined;
    }
  }
  // A continuation at the end of the file still ends its instruction.
  if (current) out.push(current);
  return out;
}

/** The comment block at the top of the file, where parser directives live. */
function leadingComments(text: string): string {
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim().startsWith('#')) break;
    lines.push(line);
  }
  return lines.join('\n');
}
