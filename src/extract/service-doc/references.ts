/**
 * References in one isolated snippet (a code line, an inline code span, a prose text node):
 * URLs with an explicit port (`http://mana-credits:3061`), `*_URL=` variables holding one,
 * and bare `localhost:3001` / `mana-credits:3061` pairs. The doc's own service at its own
 * port is still a reference; the rules decide what it means. Allow lists (`CORS_ORIGINS=`),
 * listen addresses (`BIND=`) and wildcard addresses (`0.0.0.0:8080`) are none.
 */
import { LOOPBACK } from '../../core/hosts.js';
import { findUrlPorts } from '../url-port.js';
import type { DocScan } from './doc-scan.js';
import { addressRole, type AddressRole } from '../address-keys.js';

/** Hosts that mean "every interface": a bind address, never a place to connect to. */
const WILDCARD = new Set(['0.0.0.0', '[::]']);

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
 * A setting's name right before a value in a line of code or config: `CORS_ORIGINS=`,
 * `allowed_origins: [`, `"redirectUri": "` (a colon counts only when a value, not a port,
 * follows it).
 */
const SETTING = /(?<![\w.-])([A-Za-z_][\w.-]*)["']?[ \t]*(?:=|:(?=[ \t"'[]))/g;

/** Separators between the items of a list value, and one item (both read in place, sticky). */
const SEPARATOR_RUN = /[\s,;"'`[\]()]*/y;
const TOKEN = /[^\s,;"'`[\]()]+/y;

/** An item of a list of addresses: a URL, or a bare `host:port`. */
const LIST_ITEM = /^(?:[A-Za-z][A-Za-z0-9+.-]*:\/\/.*|[A-Za-z0-9.-]+:\d+)$/;

/** A setting named in a snippet: where its value starts, where its list of addresses ends, and its role. */
interface Setting {
  valueStart: number;
  listEnd: number;
  role: AddressRole | undefined;
}

/**
 * The settings named in a snippet, in order, each with the extent of its value read as a list
 * of addresses (separators, URLs and `host:port` items, up to the first other word). Lists end
 * where the next setting starts, so the whole scan is linear in the snippet.
 */
function settingsOf(snippet: string): Setting[] {
  const settings: Setting[] = [];
  for (const m of snippet.matchAll(SETTING)) {
    const valueStart = (m.index ?? 0) + m[0].length;
    let listEnd = valueStart;
    // Read in place (no copy of the rest): separators, then one item, while items are addresses.
    for (;;) {
      SEPARATOR_RUN.lastIndex = listEnd;
      const gap = SEPARATOR_RUN.exec(snippet)?.[0].length ?? 0;
      TOKEN.lastIndex = listEnd + gap;
      const token = TOKEN.exec(snippet);
      if (!token || !LIST_ITEM.test(token[0])) {
        // A URL or pair right after the last item's separators still belongs to the list.
        listEnd += gap;
        break;
      }
      listEnd = token.index + token[0].length;
    }
    settings.push({ valueStart, listEnd, role: addressRole(m[1] ?? '') });
  }
  return settings;
}

/** What the setting whose list of addresses reaches the address starting at `at` says it is. */
function settingRole(settings: readonly Setting[], at: number): AddressRole | undefined {
  let lo = 0;
  let hi = settings.length - 1;
  let found: Setting | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (settings[mid]!.valueStart <= at) {
      found = settings[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found && at <= found.listEnd ? found.role : undefined;
}

/**
 * Scans `snippet`, which starts at `base` in the file, for references. `inVariable` says the
 * snippet is the value of an address variable (an env-table `*_URL` row), so its URLs are
 * `env-var` references. `name`, the variable the snippet is the value of (an env-table row),
 * and a setting named before a URL in the snippet (`CORS_ORIGINS=...`) may make it an allow
 * list or a listen address (../address-keys.ts): those URLs are no references.
 */
export function scanReferences(scan: DocScan, snippet: string, base: number, inVariable = false, name?: string): void {
  const named = name !== undefined && addressRole(name) !== undefined;
  // Read only when some address needs it: most snippets hold none.
  let settings: Setting[] | undefined;
  // A port that is no reference is claimed all the same, so no later reader of the same text
  // (an inline code span inside a table cell) takes it for one.
  const silenced = (at: number, start: number, host: string): boolean => {
    settings ??= settingsOf(snippet);
    if (!named && settingRole(settings, at) === undefined && !WILDCARD.has(host)) return false;
    scan.claim(start);
    return true;
  };
  // URLs as `new URL` reads them (../url-port.ts).
  for (const u of findUrlPorts(snippet)) {
    const start = base + u.portStart;
    if (silenced(u.start, start, u.host)) continue;
    const host = u.host.replace(/^\[|\]$/g, '');
    const kind = inVariable || ADDRESS_VAR.test(snippet.slice(0, u.start)) ? 'env-var' : 'url';
    scan.reference(host, { text: u.portText, start, end: start + u.portText.length }, kind, kind === 'env-var' ? 'env var URL' : 'URL');
  }
  for (const m of snippet.matchAll(BARE)) {
    const host = m[1] ?? '';
    const digits = m[2] ?? '';
    if (Number(digits) < MIN_BARE_PORT) continue;
    const start = base + (m.index ?? 0) + host.length + 1;
    if (silenced(m.index ?? 0, start, host)) continue;
    if (!LOOPBACK.has(host.toLowerCase()) && !scan.ctx.services.has(host)) continue;
    scan.reference(host, { text: digits, start, end: start + digits.length }, 'url', `${host}:port`);
  }
}
