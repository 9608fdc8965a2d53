/**
 * Input problems that mean a file's content was not checked: it was refused before reading
 * (too large, binary, not UTF-8, a symlink not followed, an unreadable file or directory) or
 * read but not understood at all (invalid YAML, JSON, XML or nginx config, markdown it could not parse).
 * On a pull request the base findings in such a file are "not checked", never "fixed": a
 * change that makes a file unreadable has not fixed anything in it.
 */
import type { Finding } from '../core/finding.js';

/** The `input/*` ids after which nothing, or not all, of a file was checked. */
export const NOT_READ_PROBLEMS: ReadonlySet<string> = new Set([
  'input/file-too-large',
  'input/binary-file',
  'input/unreadable',
  'input/symlink-outside-workspace',
  'input/symlink-not-followed',
  'input/not-a-regular-file',
  'input/unparsable',
  'input/unreadable-doc',
  'input/markdown-too-deep',
  'input/too-complex',
  'input/invalid-yaml',
  'input/invalid-json',
  'input/invalid-xml',
  'input/invalid-nginx',
  'input/parse-failed',
  'input/extractor-failed',
]);

/**
 * The `input/*` ids after which the rest of the file was still checked (one bad value, one
 * bad row): base findings in that file that are gone are fixed as usual.
 */
export const READ_ANYWAY_PROBLEMS: ReadonlySet<string> = new Set([
  'input/invalid-port',
  'input/malformed-table',
  'input/unread-real-ports',
  'input/missing-registry',
  'input/unresolved-variable',
  // About the whole tree, not a file: no file went unread for it.
  'input/no-services',
]);

/** The files (or directories) named by not-read problems, relative to the checked root. */
export function unreadPaths(problems: readonly Finding[]): Set<string> {
  return new Set(problems.filter((p) => NOT_READ_PROBLEMS.has(p.ruleId)).map((p) => p.location.file));
}
