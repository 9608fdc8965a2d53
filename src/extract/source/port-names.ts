/**
 * Which variable and setting names mean "the port this service listens on". Kept small
 * and explicit on purpose: `REDIS_PORT`, `DB_PORT`, `POSTGRES_PORT` and friends name a
 * port the service talks TO, so a default for them is no binding of the service.
 */

/** Names compared without case, `_` or `-`: `PORT`, `port`, `APP_PORT`, `httpPort`, `DEFAULT_PORT`, `listenPort`, … */
const OWN = new Set(['port', 'appport', 'httpport', 'serverport', 'defaultport', 'listenport']);

const squash = (name: string) => name.toLowerCase().replace(/[-_]/g, '');

/**
 * True when `name` names the service's own listening port: `PORT`, `port`, `APP_PORT`,
 * `<SERVICE>_PORT` or `<SERVICE>_SERVICE_PORT` when `service` (the owner of the file) is given,
 * `HTTP_PORT`, `SERVER_PORT`, `DEFAULT_PORT` or `LISTEN_PORT`, in any case, with `_`, `-` or camelCase.
 */
export function isOwnPortName(name: string, service?: string): boolean {
  const squashed = squash(name);
  if (OWN.has(squashed)) return true;
  // `<SERVICE>_PORT` / `<SERVICE>_SERVICE_PORT` in the service's own code: `CHECKOUT_PORT` in `checkout`.
  if (!service || !squashed.endsWith('port')) return false;
  const prefix = squashed.slice(0, -'port'.length);
  const own = squash(service);
  return prefix !== '' && (prefix === own || prefix === `${own}service` || `${prefix}service` === own);
}

/**
 * What may stand before "port" in an own-port name of `service`, compared as
 * {@link isOwnPortName} compares: `''`, `app`, `http`, …, and `checkout`, `checkoutservice`
 * for `checkout`. A name is an own-port name exactly when, squashed, it is one of these
 * followed by `port`.
 */
export function ownPortPrefixes(service?: string): string[] {
  const prefixes = [...OWN].map((name) => name.slice(0, -'port'.length));
  if (!service) return prefixes;
  const own = squash(service);
  if (own === '') return prefixes;
  prefixes.push(own, `${own}service`);
  if (own.endsWith('service') && own.length > 'service'.length) prefixes.push(own.slice(0, -'service'.length));
  return prefixes;
}
