/**
 * What a setting's name says about the addresses in its value, shared by env files, compose
 * `environment:`, Dockerfile `ENV` and source code:
 * - `listen`: the service's own bindings (`KAFKA_LISTENERS`, `KAFKA_ADVERTISED_LISTENERS`,
 *   `GUNICORN_BIND`, `LISTEN_ADDR`, `HTTP_BIND_ADDRESS`, `listenAddress`): the ports in it are
 *   where the holder listens, not where it calls;
 * - `allow`: an allow list (`CORS_ORIGINS`, `ALLOWED_HOSTS`, `TRUSTED_ORIGINS`,
 *   `WEBAUTHN_RP_ID`, `CSP_CONNECT_SRC`, `OAUTH_REDIRECT_URI`, `callbackUrl`): it names who may
 *   call the holder or where a browser is sent back to, not a service the holder expects to
 *   reach; its URLs are no references.
 * Anything else says nothing, and URLs in it are references as usual.
 *
 * Names are split into words at `_`, `-`, `.` and camelCase humps, and compared lower-case.
 */

/** What a setting's name says its addresses are. */
export type AddressRole = 'listen' | 'allow';

/** Words that make a name a listen address: `*_LISTENERS`, `*_LISTEN_ADDR`, `*_BIND`, `bindAddress`. */
const LISTEN_WORDS = new Set(['listen', 'listener', 'listeners', 'bind']);

/** Words that make a name an allow list on their own; `origins` is a list of who may call. */
const ALLOW_WORDS = new Set(['origins', 'cors', 'csp', 'allowlist', 'whitelist', 'webauthn', 'redirect', 'redirects', 'callback', 'callbacks']);

/**
 * Words that make a single `origin` the one a browser must come from (`EXPECTED_ORIGIN`,
 * `RP_ORIGIN`), or the name is `ORIGIN` alone (the app's own origin); `API_ORIGIN` is the
 * address of a server to call, a reference like any URL.
 */
const ORIGIN_OWNERS = new Set(['expected', 'rp', 'site', 'public', 'own', 'self']);

/** Words that make an allow list with a list-like word after them: `ALLOWED_HOSTS`, `TRUSTED_PROXIES`. */
const GRANT_WORDS = new Set(['allowed', 'allow', 'trusted', 'permitted']);

/** `-src` directives of a Content Security Policy (`CSP_CONNECT_SRC`, `connectSrc`). */
const CSP_SOURCE = 'src';

/** The words of a name: `KAFKA_ADVERTISED_LISTENERS` → kafka, advertised, listeners; `listenAddr` → listen, addr. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** Longer names are no setting names (and splitting them must stay cheap). */
const MAX_NAME = 128;

/** What `name` says about the addresses in its value; undefined when it says nothing. */
export function addressRole(name: string): AddressRole | undefined {
  if (name.length > MAX_NAME) return undefined;
  const words = nameWords(name);
  if (words.some((w) => ALLOW_WORDS.has(w) || GRANT_WORDS.has(w))) return 'allow';
  if (words.includes('origin') && (words.length === 1 || words.some((w) => ORIGIN_OWNERS.has(w)))) return 'allow';
  // A relying party id (`RP_ID`, `rpId`) names the site a passkey is bound to, not a server to call.
  if (words.some((w, i) => w === 'rp' && (words[i + 1] === 'id' || words[i + 1] === 'origin'))) return 'allow';
  if (words.length > 1 && words[words.length - 1] === CSP_SOURCE) return 'allow';
  if (words.some((w) => LISTEN_WORDS.has(w))) return 'listen';
  return undefined;
}
