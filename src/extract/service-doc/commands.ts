/**
 * Supporting statements in a command or env snippet (a code line or an inline code span):
 * `PORT=3062` and `--port 3024` say the service listens there; `REDIS_PORT=6379` says where
 * another service is, so it is a reference, and only when its prefix names a known service
 * (`DATABASE_PORT` names none and is left alone).
 */
import type { DocScan, PortToken } from './doc-scan.js';

/** `PORT=3062`, `export PORT="3062"`; not `REDIS_PORT=` and not `$PORT`. */
const PORT_ASSIGN = /(?<![\w$])PORT[ \t]*=[ \t]*(["']?)(\d+)\1(?![\w.])/g;

/** `--port 3024`, `--port=3024`. */
const PORT_FLAG = /(?<![\w-])--port(?:[ \t]+|=)(["']?)(\d+)\1(?![\w.])/g;

/** `REDIS_PORT=6379`, `MANA_SYNC_PORT=3050`. */
const OTHER_PORT = /(?<![\w$])([A-Z][A-Z0-9_]*)_PORT[ \t]*=[ \t]*(["']?)(\d+)\2(?![\w.])/g;

/** Scans `snippet`, which starts at `base` in the file, for port assignments and flags. */
export function scanCommands(scan: DocScan, snippet: string, base: number): void {
  for (const [re, via] of [
    [PORT_ASSIGN, 'PORT='],
    [PORT_FLAG, '--port'],
  ] as const) {
    for (const m of snippet.matchAll(re)) {
      const digits = m[2] ?? '';
      const end = base + (m.index ?? 0) + m[0].length - (m[1] ?? '').length;
      scan.bind({ text: digits, start: end - digits.length, end }, 'support', via);
    }
  }
  for (const m of snippet.matchAll(OTHER_PORT)) {
    const digits = m[3] ?? '';
    const end = base + (m.index ?? 0) + m[0].length - (m[2] ?? '').length;
    referOtherPort(scan, `${m[1]}_PORT`, { text: digits, start: end - digits.length, end });
  }
}

/**
 * `REDIS_PORT` = `token`: a reference to `redis` when that names a known service (the
 * registry's or a `services/` directory); otherwise nothing, since `DATABASE_PORT` could be
 * anything.
 */
export function referOtherPort(scan: DocScan, variable: string, token: PortToken): void {
  const name = variable.replace(/_PORT$/, '').toLowerCase().replace(/_/g, '-');
  if (scan.ctx.services.has(name)) scan.reference(name, token, 'env-var', `${variable}=`);
}
