/**
 * The one way portwarden reads a file of a repository. One policy for every byte: the path
 * stays inside the root, no symlink is followed (neither the file nor any directory above
 * it), the opened thing is a regular file (no FIFO, device, socket or directory), it holds
 * at most `max-file-bytes`, it is read into a bounded buffer (at most the limit plus one
 * byte, whatever the file claims), and it is text: no NUL byte in its first 8 KiB, valid
 * UTF-8. Whatever is refused comes back as an input problem naming the file and the reason.
 */
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { Finding } from '../core/finding.js';
import { inputProblem, type InputRuleId } from '../core/input-rules.js';
import { fileLocation } from '../core/location.js';
import { quote } from '../core/quote.js';

/** Bytes searched for a NUL byte before a file is taken for text. */
export const SNIFF_BYTES = 8192;
/**
 * The buffer files are read into is kept from one read to the next (each text is decoded into
 * a string of its own), up to this size; a larger file gets a buffer of its own.
 */
const KEPT_BUFFER_BYTES = 1024 * 1024 + 1;

// O_NOFOLLOW: opening a symlink fails (ELOOP) instead of reading its target. O_NONBLOCK: a
// FIFO opens at once instead of waiting for a writer, so fstat can refuse it. O_NOCTTY: a
// terminal device never becomes the controlling terminal. (0 where a platform lacks one.)
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/** A file the caller knows of but that was not written to disk (a tree export refused it). */
export interface RefusedPath {
  /** Relative to the checked root, `/`-separated. */
  path: string;
  reason: 'symlink' | 'too-large' | 'unwritable';
  /** The blob's size and the limit it exceeds, for `too-large`. */
  size?: number;
  limit?: number;
  /** The commit the path comes from, for messages. */
  commit?: string;
  /** The operating system's error code, for `unwritable`. */
  code?: string;
}

/** Why a read was refused; `problem` says the same in words. */
export type Refusal =
  | { kind: 'outside-root' }
  | { kind: 'symlink'; link: string; target?: string; inside: boolean }
  | { kind: 'not-regular'; what: string }
  | { kind: 'too-large'; size: number; limit: number; grew?: boolean }
  | { kind: 'binary'; line: number }
  | { kind: 'not-utf8'; line: number }
  | { kind: 'unreadable'; code: string }
  | { kind: 'not-exported'; refused: RefusedPath };

/**
 * `blob`: the git object id of the bytes read (`sha1("blob <length>\0" + bytes)`), when the
 * caller asked for it: the same bytes give the same id wherever they were read from.
 */
export type ReadResult = { text: string; blob?: string } | { problem: Finding; refusal: Refusal; blob?: string };

/**
 * A file listed from a git commit rather than a directory: its object id and size (from
 * `git ls-tree --long`), and its bytes once fetched (`bytes`), or the way to fetch them now
 * (`load`, which stays on the thread that listed the tree).
 */
export interface BlobRef {
  id: string;
  size: number;
  bytes?: Uint8Array;
  load?: () => Uint8Array;
}

/** A file to read: `abs` lies under `root`; `path` is how findings name it. */
export interface FileToRead {
  path: string;
  root: string;
  abs: string;
  /** Set when the file was never written (see {@link RefusedPath}); reading it yields that refusal. */
  refused?: RefusedPath;
  /** Set when the file comes from a git object: its bytes are the blob's, not anything on disk. */
  blob?: BlobRef;
  /**
   * Set by the walk, which listed every directory from `root` down to this file as a directory
   * (never a link) and built `abs` from their names: only the file itself is left to check.
   */
  walked?: boolean;
}

/**
 * Directories already found to be real directories (not links) during one batch of reads,
 * so a tree of many files per directory is not lstat'ed once per file. Make one per batch;
 * never keep one across runs.
 */
export type CheckedDirs = Set<string>;

/**
 * Reads `file` under the policy above; with `identify`, a read that got bytes says their git
 * object id. Never throws.
 */
export function readText(file: FileToRead, maxBytes: number, checked?: CheckedDirs, identify = false): ReadResult {
  if (file.refused) return refuse(file.path, { kind: 'not-exported', refused: file.refused });
  if (file.blob) return readBlob(file.path, file.blob, maxBytes);
  return readOnDisk(file, maxBytes, checked, textOf(file.path, identify));
}

/** `file` (on disk) read under the policy above, its bytes handed to `take`. */
function readOnDisk<T>(file: FileToRead, maxBytes: number, checked: CheckedDirs | undefined, take: (bytes: Uint8Array) => T): T | Refused {
  if (file.walked) return readFileAt(file.root, file.abs, maxBytes, file.path, take);
  return readRepoBytes(file.root, relative(file.root, file.abs), maxBytes, file.path, checked, take);
}

/**
 * A blob of a listed commit, under the same limits as a file on disk (a listing refuses
 * symlinks and blobs above the limit before anything is read; this checks again).
 */
function readBlob(shown: string, blob: BlobRef, maxBytes: number): ReadResult {
  if (blob.size > maxBytes) return refuse(shown, { kind: 'too-large', size: blob.size, limit: maxBytes });
  let bytes: Uint8Array | undefined;
  try {
    bytes = blob.bytes ?? blob.load?.();
  } catch (error) {
    return refuse(shown, { kind: 'unreadable', code: errorCode(error) });
  }
  if (!bytes) return refuse(shown, { kind: 'unreadable', code: 'ENOENT' });
  if (bytes.length > maxBytes) return refuse(shown, { kind: 'too-large', size: bytes.length, limit: maxBytes, grew: true });
  return { ...decodeText(shown, bytes), blob: blob.id };
}

/** The git object id of `bytes` as a blob: `sha1("blob <length>\0" + bytes)`, in hex. */
export function blobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/**
 * Reads `rel` (relative to `root`) under the policy above; `shown` is the path findings name
 * (default `rel`). A missing file is `unreadable` with code `ENOENT`.
 */
export function readRepoFile(root: string, rel: string, maxBytes: number, shown: string = rel.split(sep).join('/'), checked?: CheckedDirs, identify = false): ReadResult {
  return readRepoBytes(root, rel, maxBytes, shown, checked, textOf(shown, identify));
}

/**
 * The bytes of `file`, read under the policy above and named by their git blob id, without
 * taking them for text (no NUL or UTF-8 check): enough to know whether they are bytes seen
 * before. The bytes are valid until the next read. A listed blob is named by its listing, and
 * not read. Never throws.
 */
export function identifyFile(file: FileToRead, maxBytes: number, checked?: CheckedDirs): { blob: string; bytes?: Uint8Array } | Refused {
  if (file.refused) return refuse(file.path, { kind: 'not-exported', refused: file.refused });
  if (file.blob) return { blob: file.blob.id };
  return readOnDisk(file, maxBytes, checked, (bytes) => ({ blob: blobId(bytes), bytes }));
}

/** What a refused read gives. */
type Refused = { problem: Finding; refusal: Refusal };

/** Decodes the bytes read as text, with their blob id when `identify`. */
function textOf(shown: string, identify: boolean): (bytes: Uint8Array) => ReadResult {
  return identify ? (bytes) => ({ ...decodeText(shown, bytes), blob: blobId(bytes) }) : (bytes) => decodeText(shown, bytes);
}

/** {@link readRepoFile}, handing the bytes read to `take`. */
function readRepoBytes<T>(root: string, rel: string, maxBytes: number, shown: string, checked: CheckedDirs | undefined, take: (bytes: Uint8Array) => T): T | Refused {
  // `/` always separates; a backslash only where the platform says so (on POSIX it is a legal name character).
  const parts = rel.split(sep === '\\' ? /[\\/]/ : '/').filter((p) => p !== '' && p !== '.');
  if (isAbsolute(rel) || parts.length === 0 || parts.includes('..')) return refuse(shown, { kind: 'outside-root' });
  // Every directory between the root and the file must be a real directory, not a link.
  for (let i = 1; i < parts.length; i++) {
    const dir = join(root, ...parts.slice(0, i));
    if (checked?.has(dir)) continue;
    let stat: Stats;
    try {
      stat = lstatSync(dir);
    } catch (error) {
      return refuse(shown, { kind: 'unreadable', code: errorCode(error) });
    }
    if (stat.isSymbolicLink()) return refuse(shown, symlinkRefusal(root, dir, parts.slice(0, i).join('/')));
    if (!stat.isDirectory()) return refuse(shown, { kind: 'unreadable', code: 'ENOTDIR' });
    checked?.add(dir);
  }
  return readFileAt(root, join(root, ...parts), maxBytes, shown, take);
}

/**
 * Reads the file at `abs` (under `root`, below directories known not to be links): opened
 * without following a link, then one fstat, one read (more only if the file grew), one close;
 * then `take` has the bytes (before the buffer is reused).
 */
function readFileAt<T>(root: string, abs: string, maxBytes: number, shown: string, take: (bytes: Uint8Array) => T): T | Refused {
  let fd: number;
  try {
    fd = openSync(abs, OPEN_FLAGS);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ELOOP' || code === 'EMLINK' || isSymlink(abs)) return refuse(shown, symlinkRefusal(root, abs, relative(root, abs).split(sep).join('/')));
    return refuse(shown, { kind: 'unreadable', code });
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return refuse(shown, { kind: 'not-regular', what: kindOf(stat) });
    if (stat.size > maxBytes) return refuse(shown, { kind: 'too-large', size: stat.size, limit: maxBytes });
    const bytes = readBounded(fd, Math.min(stat.size, maxBytes), maxBytes);
    if (bytes.length > maxBytes) return refuse(shown, { kind: 'too-large', size: bytes.length, limit: maxBytes, grew: true });
    return take(bytes);
  } catch (error) {
    return refuse(shown, { kind: 'unreadable', code: errorCode(error) });
  } finally {
    closeSync(fd);
  }
}

let kept: Buffer | undefined;

/** A buffer of at least `size` bytes: the kept one (grown if needed), or one of its own when larger. */
function bufferOf(size: number): Buffer {
  if (kept && kept.length >= size) return kept;
  if (size > KEPT_BUFFER_BYTES) return Buffer.allocUnsafe(size);
  kept = Buffer.allocUnsafe(Math.min(Math.max(size, 2 * (kept?.length ?? 32 * 1024)), KEPT_BUFFER_BYTES));
  return kept;
}

/**
 * Reads at most `maxBytes + 1` bytes from `fd` (a regular file), with room for `expected` (the
 * size fstat reported) and one more byte, so that a file that has not changed answers in one
 * call; it grows only if the file turns out longer. The bytes returned are valid until the next
 * read: decode them before reading another file.
 */
function readBounded(fd: number, expected: number, maxBytes: number): Buffer {
  const cap = maxBytes + 1;
  let buffer = bufferOf(Math.min(expected + 1, cap));
  let length = 0;
  for (;;) {
    const room = Math.min(buffer.length, cap);
    if (length === room) {
      if (length === cap) break;
      const grown = bufferOf(Math.min(room * 2, cap));
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
      continue;
    }
    const asked = room - length;
    const n = readSync(fd, buffer, length, asked, null);
    length += n;
    // A regular file answers short only at its end: no extra call to learn what fstat said.
    if (n < asked) break;
  }
  return buffer.subarray(0, length);
}

/** Strict UTF-8 text from `bytes`, or the refusal naming the line of the first bad byte. */
export function decodeText(shown: string, bytes: Uint8Array): ReadResult {
  const sniff = bytes.subarray(0, SNIFF_BYTES);
  const nul = sniff.indexOf(0);
  if (nul >= 0) return refuse(shown, { kind: 'binary', line: lineAt(bytes, nul) });
  // isUtf8 is native and strict; the byte-by-byte scan only runs to name the line of a bad byte.
  if (!isUtf8(bytes)) return refuse(shown, { kind: 'not-utf8', line: lineAt(bytes, Math.max(0, firstInvalidUtf8(bytes))) });
  const text = (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)).toString('utf8');
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/**
 * Offset of the first byte that does not belong to well-formed UTF-8 (no overlong forms, no
 * surrogates, nothing above U+10FFFF), or -1 when all of `bytes` is well formed.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      const [min, max] = k === 1 ? [lo, hi] : [0x80, 0xbf];
      if (c === undefined || c < min || c > max) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** 1-based line of byte `offset` (a line ends at LF, as git counts). */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  return line;
}

function isSymlink(abs: string): boolean {
  try {
    return lstatSync(abs).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Describes the link at `abs` (shown as `link`) without following it for reading. */
function symlinkRefusal(root: string, abs: string, link: string): Refusal {
  let target: string | undefined;
  let inside = true;
  try {
    // realpath resolves names only; it opens nothing, so a FIFO or device at the end is harmless.
    target = realpathSync(abs);
    const realRoot = realpathSync(root);
    inside = target === realRoot || target.startsWith(realRoot + sep);
    if (inside) target = relative(realRoot, target).split(sep).join('/');
  } catch {
    target = undefined; // a dangling link
  }
  return { kind: 'symlink', link, inside, ...(target !== undefined ? { target } : {}) };
}

function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? 'error';
}

/** The refusal as an input problem on `shown` (line 1, or the line of the bad byte). */
function refuse(shown: string, refusal: Refusal): { problem: Finding; refusal: Refusal } {
  const [ruleId, message, line] = describe(shown, refusal);
  const location = fileLocation(shown);
  return { problem: inputProblem(ruleId, message, line > 1 ? { ...location, line, endLine: line } : location, shown), refusal };
}

function describe(f: string, r: Refusal): [InputRuleId, string, number] {
  const file = `${quote(f)}`;
  switch (r.kind) {
    case 'outside-root':
      return ['input/unreadable', `${file} is not a path inside the repository; it was not read.`, 1];
    case 'symlink': {
      const via = r.link === f ? `${file} is a symlink` : `${file} lies under ${quote(r.link)}, a symlink`;
      if (!r.inside) return ['input/symlink-outside-workspace', `${via} to ${quote(r.target)}, outside the workspace; it was not read (expected a regular file inside the repository; symlinks are never followed).`, 1];
      const to = r.target === undefined ? ' whose target does not exist' : ` to ${quote(r.target)}`;
      return ['input/symlink-not-followed', `${via}${to}; symlinks are never followed, so it was not read (expected a regular file).`, 1];
    }
    case 'not-regular':
      return ['input/not-a-regular-file', `${file} is ${r.what}; expected a regular file, so it was not read.`, 1];
    case 'too-large':
      if (r.grew) return ['input/file-too-large', `${file} grew past the limit of ${r.limit} bytes (\`max-file-bytes\`) while it was read; it was not used.`, 1];
      return ['input/file-too-large', `${file} is ${r.size} bytes, above the limit of ${r.limit} (\`max-file-bytes\`); it was not read.`, 1];
    case 'binary':
      return ['input/binary-file', `${file} is binary (a NUL byte on line ${r.line}, within its first ${SNIFF_BYTES} bytes); expected text, so it was not read.`, r.line];
    case 'not-utf8':
      return ['input/binary-file', `${file} is not valid UTF-8 (the first bad byte is on line ${r.line}); expected text, so it was not read.`, r.line];
    case 'unreadable':
      return ['input/unreadable', `${file} cannot be read (${r.code}); its ports are unknown.`, 1];
    case 'not-exported': {
      const x = r.refused;
      const of = x.commit ? ` in commit ${quote(x.commit.slice(0, 12))}` : '';
      if (x.reason === 'symlink') return ['input/symlink-not-followed', `${file} is a symlink${of}; symlinks are never followed, so it was not read (expected a regular file).`, 1];
      if (x.reason === 'too-large') return ['input/file-too-large', `${file} is ${x.size ?? '?'} bytes${of}, above the limit${x.limit !== undefined ? ` of ${x.limit}` : ''} (\`max-file-bytes\`); it was not read.`, 1];
      return ['input/unreadable', `${file}${of} could not be written out for checking (${x.code ?? 'error'}); its ports are unknown.`, 1];
    }
  }
}
