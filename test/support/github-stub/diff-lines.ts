/**
 * Which lines of a pull request's diff accept a review comment. GitHub answers 422
 * ("must be part of the diff") for any other line, and a multi-line comment must stay
 * within one hunk.
 */

/** Commentable lines of one file, per side, with the hunk each belongs to. */
export interface FileDiffLines {
  RIGHT: Map<number, number>;
  LEFT: Map<number, number>;
}

/** Parses a unified-diff `patch` (as GitHub's pulls/list-files returns it). */
export function diffLines(patch: string): FileDiffLines {
  const result: FileDiffLines = { RIGHT: new Map(), LEFT: new Map() };
  let oldLine = 0;
  let newLine = 0;
  let hunk = -1;
  for (const line of patch.split('\n')) {
    // One isolated hunk header line, e.g. "@@ -3,7 +3,8 @@ services:".
    const header = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (header) {
      oldLine = Number(header[1]);
      newLine = Number(header[2]);
      hunk += 1;
      continue;
    }
    if (hunk < 0 || line.startsWith('\\')) continue;
    if (line.startsWith('+')) result.RIGHT.set(newLine++, hunk);
    else if (line.startsWith('-')) result.LEFT.set(oldLine++, hunk);
    else {
      result.RIGHT.set(newLine++, hunk);
      result.LEFT.set(oldLine++, hunk);
    }
  }
  return result;
}

/** A review comment's placement, as the API takes it. */
export interface Placement {
  path: string;
  line?: number;
  side?: string;
  start_line?: number;
  start_side?: string;
  position?: number;
  subject_type?: string;
}

/** Why GitHub would refuse this placement, or undefined when it is on the diff. */
export function placementProblem(files: ReadonlyMap<string, FileDiffLines>, c: Placement): string | undefined {
  const file = files.get(c.path);
  if (!file) return `path '${c.path}' is not part of the pull request's diff`;
  if (c.subject_type === 'file') return undefined;
  if (c.position !== undefined) return undefined;
  if (c.line === undefined) return `comment on '${c.path}' has neither line, position nor subject_type 'file'`;
  const side = c.side === 'LEFT' ? 'LEFT' : 'RIGHT';
  const hunk = file[side].get(c.line);
  if (hunk === undefined) return `Pull request review thread line must be part of the diff: ${c.path}:${c.line} (${side})`;
  if (c.start_line !== undefined) {
    const startSide = c.start_side === 'LEFT' ? 'LEFT' : c.start_side === 'RIGHT' ? 'RIGHT' : side;
    const startHunk = file[startSide].get(c.start_line);
    if (startHunk === undefined || c.start_line > c.line) return `Pull request review thread start line must be part of the diff and not after line: ${c.path}:${c.start_line}-${c.line}`;
    if (startHunk !== hunk) return `Pull request review thread must stay within one hunk: ${c.path}:${c.start_line}-${c.line}`;
  }
  return undefined;
}
