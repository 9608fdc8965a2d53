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
  /** The arguments, continuation lines joined; mapped when first read (most instructions never are). */
  readonly args: Mapped;
  /** Source offset of the keyword. */
  start: number;
}

/** An instruction whose arguments are the source ranges `[from, to)` of its lines, mapped on demand. */
class LazyInstruction implements Instruction {
  readonly ranges: number[] = [];
  #args: Mapped | undefined;

  constructor(
    private readonly text: string,
    readonly keyword: string,
    readonly start: number,
  ) {}

  get args(): Mapped {
    if (!this.#args) {
      this.#args = emptyMapped();
      for (let i = 0; i < this.ranges.length; i += 2) append(this.#args, identity(this.text, this.ranges[i]!, this.ranges[i + 1]!));
    }
    return this.#args;
  }
}

/** The instructions of a Dockerfile, in order. */
export function dockerInstructions(text: string): Instruction[] {
  const escape = /^\s*#\s*escape\s*=\s*`/im.test(leadingComments(text)) ? '`' : '\\';
  const out: Instruction[] = [];
  let current: LazyInstruction | undefined;
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
      current = new LazyInstruction(text, keyword.toUpperCase(), lineStart + indent);
    }
    const body = line.trimEnd();
    const continued = body.endsWith(escape);
    const to = lineStart + (continued ? body.length - 1 : line.length);
    current.ranges.push(from, Math.max(from, to));
    if (!continued) {
      out.push(current);
      current = undefined;
    }
  }
  // A continuation at the end of the file still ends its instruction.
  if (current) out.push(current);
  return out;
}

/** The comment lines at the top of the file, where parser directives live (up to the last one's line break). */
function leadingComments(text: string): string {
  let end = 0;
  for (let pos = 0; ; ) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? text.length : nl;
    if (!text.slice(pos, lineEnd).trim().startsWith('#')) break;
    end = lineEnd;
    if (nl < 0) break;
    pos = nl + 1;
  }
  return text.slice(0, end);
}
