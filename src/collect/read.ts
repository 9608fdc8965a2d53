/**
 * Reads one file as text, refusing what is not text: too large, binary (a NUL byte in the
 * first 8 KiB) or not valid UTF-8 are reported as input problems naming the file.
 */
import { readFileSync } from 'node:fs';
import type { InputProblem } from '../model/types.js';
import type { WalkedFile } from './walk.js';
import { problem } from './walk.js';

const SNIFF_BYTES = 8192;
const decoder = new TextDecoder('utf-8', { fatal: true });

export type ReadResult = { text: string } | { problem: InputProblem };

export function readText(file: WalkedFile, maxBytes: number): ReadResult {
  if (file.size > maxBytes) {
    return { problem: problem('input/file-too-large', file.path, `\`${file.path}\` is ${file.size} bytes, above the limit of ${maxBytes} (\`max-file-bytes\`); it was not read.`) };
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file.abs);
  } catch (error) {
    return { problem: problem('input/unreadable', file.path, `\`${file.path}\` cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`) };
  }
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) {
    return { problem: problem('input/binary-file', file.path, `\`${file.path}\` is binary (a NUL byte in its first ${SNIFF_BYTES} bytes); expected text, so it was not read.`) };
  }
  try {
    const text = decoder.decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    return { problem: problem('input/binary-file', file.path, `\`${file.path}\` is not valid UTF-8; expected text, so it was not read.`) };
  }
}
