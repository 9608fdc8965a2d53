/**
 * Env generator scripts (`scripts/generate-env.mjs`): they write each service's dev `.env`,
 * so `'mana-credits': { PORT: process.env.X || '3115' }` binds mana-credits on the dev host,
 * and `MANA_AUTH_URL: 'http://localhost:3001'` is a reference from the section's service.
 * A section is named by an enclosing key (`'mana-credits'`, `'services/mana-credits/.env'`),
 * a sibling `name:`/`service:` property, or a string argument of an enclosing call; only
 * names the repository knows (or `services/<name>` paths) are taken as services.
 *
 * A port table is read too: an array of `{ name: 'mana-auth', port: 3001 }` rows (any
 * own-port key beside a `name`/`service`/`id`), or an object held by a variable or key
 * named like a port table (`PORTS`, `servicePorts`) whose keys are known services:
 * `const PORTS = { 'mana-auth': 3001 }`.
 */
import type { Node } from 'web-tree-sitter';
import type { ServiceIndex } from '../../core/services.js';
import { stringValue } from './literal.js';
import type { SourceOutput } from './output.js';
import { isOwnPortName } from './port-names.js';
import { callArgs, namedKids, pairKey, unwrap } from './script-syntax.js';

const NAME_KEYS = new Set(['name', 'service', 'id']);

/** Reads the per-service ports and URL references of a parsed env generator script. */
export function readEnvGenerator(root: Node, out: SourceOutput, services: ServiceIndex): void {
  const text = out.file.text;
  for (const node of root.descendantsOfType(['pair', 'string', 'template_string'])) {
    if (node.type !== 'pair') {
      out.urls(node, 'env-generator', sectionOf(node, services, text));
      continue;
    }
    const key = pairKey(node, text);
    const value = node.childForFieldName('value');
    if (key === undefined || !value) continue;
    if (!isOwnPortName(key)) {
      readTableEntry(node, key, value, out, services);
      continue;
    }
    const service = sectionOf(node, services, text);
    out.bindLiteral(fallbackOf(value), { service, kind: 'deploy', mirrorsDefault: true, via: `${key} of '${service ?? 'no service'}' in the env generator` });
  }
}

/** `'mana-auth': 3001` inside `const PORTS = { … }` (or `ports: { … }`): the service keyed binds the port. */
function readTableEntry(pair: Node, key: string, value: Node, out: SourceOutput, services: ServiceIndex): void {
  const service = serviceNamed(key, services);
  const table = pair.parent;
  if (!service || table?.type !== 'object') return;
  const holder = unwrapUp(table);
  const holderName = holder?.type === 'variable_declarator' ? holder.childForFieldName('name')?.text : holder?.type === 'pair' ? pairKey(holder, out.file.text) : undefined;
  if (!holderName || !/ports?$/i.test(holderName)) return;
  out.bindLiteral(fallbackOf(value), { service, kind: 'deploy', mirrorsDefault: true, via: `${holderName}['${key}'] in the env generator` });
}

/** The node holding an object literal, past `as const` / `satisfies` / parentheses. */
function unwrapUp(node: Node): Node | null {
  let up = node.parent;
  while (up && ['as_expression', 'satisfies_expression', 'parenthesized_expression'].includes(up.type)) up = up.parent;
  return up;
}

/** The literal a value falls back to: `process.env.X || '3115'` gives `'3115'`. */
function fallbackOf(value: Node): Node {
  const v = unwrap(value);
  if (v.type === 'binary_expression' && ['||', '??'].includes(v.childForFieldName('operator')?.text ?? '')) {
    const right = v.childForFieldName('right');
    if (right) return unwrap(right);
  }
  return v;
}

/** The service whose section encloses `node`, or undefined. */
function sectionOf(node: Node, services: ServiceIndex, text: string): string | undefined {
  for (let up = node.parent; up; up = up.parent) {
    let named: string | undefined;
    if (up.type === 'pair' && up !== node) named = serviceNamed(pairKey(up, text), services);
    else if (up.type === 'object') {
      for (const pair of namedKids(up)) {
        if (pair.type !== 'pair' || pair === node || !NAME_KEYS.has(pairKey(pair, text) ?? '')) continue;
        const value = pair.childForFieldName('value');
        named ??= serviceNamed(value ? stringValue(value, text) : undefined, services);
      }
    } else if (up.type === 'call_expression') {
      for (const arg of callArgs(up)) named ??= serviceNamed(stringValue(arg, text), services);
    }
    if (named) return named;
  }
  return undefined;
}

/** A known service name, or the `<name>` of a `services/<name>/…` path; else undefined. */
function serviceNamed(name: string | undefined, services: ServiceIndex): string | undefined {
  if (!name) return undefined;
  const inServices = /(?:^|\/)services\/([^/]+)/.exec(name);
  if (inServices?.[1]) return services.canonical(inServices[1]);
  return services.has(name) ? services.canonical(name) : undefined;
}
