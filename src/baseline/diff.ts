/**
 * The pull request's diff as changed line ranges per file, parsed from the output of
 * `git diff --unified=0` (src/git/diff.ts runs it: the diff is computed locally because the
 * API refuses the diff of a big pull request and lists at most 3,000 files). Lines are on the
 * new (RIGHT) side, 1-based, ranges inclusive.
 */

/** Inclusive range of lines on the new side. */
export interface LineRange {
  start: number;
  end: number;
}

export interface FileDiff {
  /** Path on the new side (the old path for a deleted file), relative to the repository root. */
  path: string;
  /** Path on the old side when the file was renamed or copied. */
  oldPath?: string;
  status: 'added' | 'deleted' | 'modified' | 'renamed';
  binary: boolean;
  /** Added or modified lines. */
  changed: LineRange[];
  /**
   * The hunks as GitHub shows them (changes plus {@link DIFF_CONTEXT} lines around, merged
   * when they touch): review comments may only sit on these lines, and a multi-line comment
   * must stay inside one of them.
   */
  hunks: LineRange[];
}

/** Files of the diff by path. */
export type DiffMap = Map<string, FileDiff>;

/** Context lines GitHub shows around each change in a pull request diff. */
export const DIFF_CONTEXT = 3;

/** Parses the output of `git diff --unified=0` (with `a/` and `b/` prefixes). */
export function parseDiff(text: string): DiffMap {
  const files: DiffMap = new Map();
  type Open = FileDiff & { header: string; minusPath: string; anchors: LineRange[] };
  let current: Open | undefined;
  const finish = () => {
    if (!current) return;
    const { header, minusPath, anchors, ...file } = current;
    // A deleted file has no `+++` path; binary files and mode changes have neither.
    if (file.path === '') file.path = minusPath || pathsFromHeader(header)[1];
    file.hunks = contextHunks(anchors);
    files.set(file.path, file);
    current = undefined;
  };

  for (const line of text.split('\n')) {
    if (line.startsWith('diff --git ')) {
      finish();
      current = { path: '', status: 'modified', binary: false, changed: [], hunks: [], header: line, minusPath: '', anchors: [] };
      continue;
    }
    if (!current) continue;
    if (line.startsWith('@@')) {
      const range = hunkRange(line);
      if (range) current.anchors.push(range.anchor);
      if (range?.changed) current.changed.push(range.changed);
    } else if (line.startsWith('+++ ')) {
      const path = unquote(line.slice(4));
      if (path !== '/dev/null') current.path = stripPrefix(path, 'b/');
    } else if (line.startsWith('--- ')) {
      const path = unquote(line.slice(4));
      if (path === '/dev/null') current.status = 'added';
      else current.minusPath = stripPrefix(path, 'a/');
    } else if (line.startsWith('new file mode')) current.status = 'added';
    else if (line.startsWith('deleted file mode')) current.status = 'deleted';
    else if (line.startsWith('rename from ') || line.startsWith('copy from ')) {
      current.status = 'renamed';
      current.oldPath = unquote(line.slice(line.indexOf(' from ') + 6));
    } else if (line.startsWith('rename to ') || line.startsWith('copy to ')) current.path = unquote(line.slice(line.indexOf(' to ') + 4));
    else if (line.startsWith('Binary files ')) current.binary = true;
  }
  finish();
  return files;
}

/** `@@ -a,b +c,d @@`: the changed new-side lines (none for a pure deletion) and where the hunk sits. */
function hunkRange(line: string): { changed?: LineRange; anchor: LineRange } | undefined {
  const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
  if (!m) return undefined;
  const start = Number(m[1]);
  const count = m[2] === undefined ? 1 : Number(m[2]);
  // A pure deletion (`+c,0`) sits between line c and c+1 of the new side.
  if (count === 0) return { anchor: { start: start + 1, end: start } };
  const changed = { start, end: start + count - 1 };
  return { changed, anchor: changed };
}

/** Widens each hunk by the context GitHub shows and merges hunks whose context touches. */
function contextHunks(anchors: LineRange[]): LineRange[] {
  const spans = anchors
    .map((a) => ({ start: Math.max(1, a.start - DIFF_CONTEXT), end: a.end + DIFF_CONTEXT }))
    .sort((a, b) => a.start - b.start);
  const merged: LineRange[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end + 1) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

function stripPrefix(path: string, prefix: string): string {
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

/** The two paths of a `diff --git a/x b/y` header, used when no `---`/`+++` lines name them (binary files, mode changes). */
function pathsFromHeader(header: string): [string, string] {
  const rest = header.slice('diff --git '.length);
  if (rest.startsWith('"')) {
    const end = closingQuote(rest);
    const a = unquote(rest.slice(0, end + 1));
    const b = unquote(rest.slice(end + 2));
    return [stripPrefix(a, 'a/'), stripPrefix(b, 'b/')];
  }
  // Unquoted: both sides are the same length when the path did not change (the usual case).
  const half = (rest.length - 1) / 2;
  const a = rest.slice(0, half);
  const b = rest.slice(half + 1);
  if (Number.isInteger(half) && stripPrefix(a, 'a/') === stripPrefix(b, 'b/')) return [stripPrefix(a, 'a/'), stripPrefix(b, 'b/')];
  const at = rest.indexOf(' b/');
  return [stripPrefix(rest.slice(0, at), 'a/'), rest.slice(at + 3)];
}

function closingQuote(s: string): number {
  for (let i = 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '"') return i;
  }
  return s.length - 1;
}

const ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** Undoes git's C-style path quoting (`"caf\303\251.md"` → `café.md`); plain paths pass through. */
export function unquote(raw: string): string {
  const s = raw.replace(/\t$/, '');
  if (!s.startsWith('"') || !s.endsWith('"') || s.length < 2) return s;
  const bytes: number[] = [];
  for (let i = 1; i < s.length - 1; i++) {
    const c = s[i] as string;
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const next = s[++i] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(s.slice(i, i + 3), 8));
      i += 2;
    } else bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** True when `line` of `file` was added or changed. */
export function isChangedLine(diff: DiffMap, file: string, line: number): boolean {
  return diff.get(file)?.changed.some((r) => line >= r.start && line <= r.end) ?? false;
}

/** The GitHub hunk holding all of `start..end` in `file`, if one does. */
export function hunkContaining(diff: DiffMap, file: string, start: number, end: number): LineRange | undefined {
  return diff.get(file)?.hunks.find((h) => start >= h.start && end <= h.end);
}
