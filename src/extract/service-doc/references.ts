/**
 * References in one isolated snippet (a code line, an inline code span, a prose text node):
 * URLs with an explicit port (`http://mana-credits:3061`), `*_URL=` variables holding one,
 * and bare `localhost:3001` / `mana-credits:3061` pairs. The doc's own service at its own
 * port is still a reference; the rules decide what it means.
 */
import { LOOPBACK } from '../../model/hosts.js';
import { findUrlPorts } from '../url-port.js';
import type { DocScan } from './doc-scan.js';

/** A variable whose value is an address of another service: `MANA_AUTH_URL=`, `SYNC_ENDPOINT: `. */
/** The name of such a variable on its own (an env-table cell). */
export const ADDRESS_VAR_NAME = /^[A-Z][A-Z0-9_]*_(?:URL|URI|ENDPOINT|ADDR|ADDRESS)$/;
const ADDRESS_VAR = /\b[A-Z][A-Z0-9_]*_(?:URL|URI|ENDPOINT|ADDR|ADDRESS)["']?[ \t]*(?:=|:)[ \t]*["']?$/;

/** `host:port` without a scheme; kept only for loopback names and known services. */
const BARE = /(?<![\w./@:-])([A-Za-z][A-Za-z0-9.-]*|\d{1,3}(?:\.\d{1,3}){3}):(\d+)(?![\w.:-])/g;

/**
 * Bare pairs below this port are skipped: `postgres:16` and `redis:7` are image tags,
 * and no service in such a repository listens below it.
 */
const MIN_BARE_PORT = 100;

/**
 * Scans `snippet`, which starts at `base` in the file, for references. `inVariable` says the
 * snippet is the value of an address variable (an env-table `*_URL` row), so its URLs are
 * `env-var` references.
 */
export function scanReferences(scan: DocScan, snippet: string, base: number, inVariable = false): void {
  // URLs as `new URL` reads them (../url-port.ts).
  for (const u of findUrlPorts(snippet)) {
    const host = u.host.replace(/^\[|\]$/g, '');
    const start = base + u.portStart;
    const kind = inVariable || ADDRESS_VAR.test(snippet.slice(0, u.start)) ? 'env-var' : 'url';
    scan.reference(host, { text: u.portText, start, end: start + u.portText.length }, kind, kind === 'env-var' ? 'env var URL' : 'URL');
  }
  for (const m of snippet.matchAll(BARE)) {
    const host = m[1] ?? '';
    const digits = m[2] ?? '';
    if (Number(digits) < MIN_BARE_PORT) continue;
    if (!LOOPBACK.has(host.toLowerCase()) && !scan.ctx.services.has(host)) continue;
    const start = base + (m.index ?? 0) + host.length + 1;
    scan.reference(host, { text: digits, start, end: start + digits.length }, 'url', `${host}:port`);
  }
}
