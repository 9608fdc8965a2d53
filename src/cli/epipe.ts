/**
 * `portwarden check | head -1`: once the reader of the output has gone, writing fails with
 * EPIPE. That is the reader's choice, not a failure of the check, so the CLI ends quietly
 * instead of dying with a stack trace. Any other stream error is still thrown.
 */
import type { EventEmitter } from 'node:events';

/** Makes EPIPE on `stream` end the process through `exit` (default: `process.exit`), with the exit code decided so far. */
export function exitQuietlyOnEpipe(stream: EventEmitter, exit: (code: number) => void = (code) => process.exit(code)): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    const code = process.exitCode;
    exit(typeof code === 'number' ? code : 0);
  });
}
