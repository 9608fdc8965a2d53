/**
 * Source defaults in TypeScript and JavaScript: the port a service listens on when nothing
 * overrides it. Only statements about the service's own port count (see port-names.ts);
 * comments are never read and other numbers (`TIMEOUT = 3000`) are never ports.
 */
import type { Node } from 'web-tree-sitter';
import { stringValue } from './literal.js';
import type { SourceOutput } from './output.js';
import type { NodesOfType } from './run.js';
import { anchorsBeforeLiterals, ownPortNameAnchors, urlAnchors, wordAnchors, type Anchors } from './anchors.js';
import { isOwnPortName } from './port-names.js';
import { callArgs, calleeName, envName, pairKey, quote, unwrap } from './script-syntax.js';

/** Keys whose object value configures the server itself: Vite's `server`, webpack's `devServer`. */
const SERVER_KEYS = new Set(['server', 'devServer', 'http', 'app']);
/** Calls that start a server from an options object or a port: `Bun.serve`, `app.listen`, `serve` (Hono). */
const SERVE_CALLS = new Set(['serve', 'listen', 'createServer', 'createAdaptorServer', 'startServer']);
/** Names of a variable holding the server's config object. */
const CONFIG_NAMES = /^(?:app|server|service|http)?(?:config|configuration|settings)$|^server(?:options)?$/i;

const NODE_TYPES = ['call_expression', 'binary_expression', 'ternary_expression', 'pair', 'variable_declarator', 'string', 'template_string'];

/**
 * Where a statement can be (./anchors.ts). Each reading below starts from a node that holds
 * its anchor, and looks only at that node, its children and its ancestors:
 *   - a call: the port name in its first argument (`env('PORT', …)`), or `listen` as its
 *     callee (`app.listen(3001)`, also `app.listen<number>(3001)`);
 *   - `||`/`??` and `?:`: the port name in the variable read on the left or in the condition;
 *   - a pair: the port name as its key (whether its object configures a server is read by
 *     climbing from the pair);
 *   - a declarator: the port name as its name (module level is read by climbing);
 *   - a string: a URL with a port inside it.
 * None needs a name declared elsewhere in the file, so the whole tree is never walked. Each
 * binds a literal written after its anchor (the default after the name, the port after
 * `listen`), so a file with no digit or quote after its first anchor holds none.
 */
export function scriptAnchors(text: string, service: string | undefined): Anchors {
  return anchorsBeforeLiterals(text, [...ownPortNameAnchors(text, service), ...wordAnchors(text, LISTEN)], urlAnchors(text));
}

/** `listen` as a name of its own (the callee of `app.listen(…)`). */
const LISTEN = /(?<![A-Za-z0-9_$])listen(?![A-Za-z0-9_$])/g;

/** Reads the source defaults and URL references of a parsed TypeScript/JavaScript file. */
export function readScript(_root: Node, out: SourceOutput, nodes: NodesOfType): void {
  const service = out.file.service;
  const text = out.file.text;
  for (const node of nodes(NODE_TYPES)) {
    switch (node.type) {
      case 'call_expression':
        readCall(node, out, service, text);
        break;
      case 'binary_expression':
        readFallback(node, out, service, text);
        break;
      case 'ternary_expression':
        readTernary(node, out, service, text);
        break;
      case 'pair':
        readPortPair(node, out, service, text);
        break;
      case 'variable_declarator':
        readPortConstant(node, out, service);
        break;
      default:
        out.urls(node, 'url', service);
    }
  }
}

/** `env('PORT', '3062')`, `intEnv('PORT', 3069)`, `config.get<number>('port', 3030)`, `app.listen(3001)`. */
function readCall(call: Node, out: SourceOutput, service: string | undefined, text: string): void {
  const args = callArgs(call);
  const [first, second] = args;
  if (!first) return;
  const callee = quote(call.childForFieldName('function')?.text ?? '', 40);
  const name = stringValue(first, text);
  if (name !== undefined && isOwnPortName(name, service)) {
    if (second) out.bindLiteral(unwrap(second), { service, via: `${callee}('${name}', …)` });
    return;
  }
  if (calleeName(call) === 'listen') out.bindLiteral(unwrap(first), { service, via: `${callee}(…)` });
}

/** `process.env.PORT || '3001'`, `Number(process.env.PORT) ?? 3001`. */
function readFallback(node: Node, out: SourceOutput, service: string | undefined, text: string): void {
  const op = node.childForFieldName('operator')?.text;
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  if ((op !== '||' && op !== '??') || !left || !right) return;
  const name = envName(left, text);
  if (name !== undefined && isOwnPortName(name, service)) out.bindLiteral(unwrap(right), { service, via: `${quote(left.text)} ${op} …` });
}

/** `process.env.PORT ? Number(process.env.PORT) : 3001`. */
function readTernary(node: Node, out: SourceOutput, service: string | undefined, text: string): void {
  const condition = node.childForFieldName('condition');
  const otherwise = node.childForFieldName('alternative');
  if (!condition || !otherwise) return;
  const name = envName(condition, text);
  if (name !== undefined && isOwnPortName(name, service)) out.bindLiteral(unwrap(otherwise), { service, via: `${quote(condition.text)} ? … : …` });
}

/**
 * A pair naming the port: `port: 5173` inside an object that configures the server (see
 * {@link serverObject}); an env-style key anywhere (`PORT: 3001` in a pm2 `env:`,
 * `PORT: z.coerce.number().default(3001)` in a zod schema, `PORT: port({ default: 3001 })`
 * with envalid). A lower-case `port:` elsewhere (`redis: { port: 6379 }`) is not the service's.
 */
function readPortPair(pair: Node, out: SourceOutput, service: string | undefined, text: string): void {
  const key = pairKey(pair, text);
  const value = pair.childForFieldName('value');
  if (key === undefined || !value || pair.parent?.type !== 'object' || !isOwnPortName(key, service)) return;
  const via = /^[A-Z][A-Z0-9_]*$/.test(key) ? `${key}: …` : key === 'port' ? serverObject(pair.parent, text) : undefined;
  if (!via) return;
  const literal = unwrap(value);
  if (!out.bindLiteral(literal, { service, via })) {
    const fallback = schemaDefault(literal, text);
    if (fallback) out.bindLiteral(fallback, { service, via: `${via.replace(/ …$/, '')} ….default(…)` });
  }
}

/** The default of a schema value: `z.number().default(3001)` or `port({ default: 3001 })`. */
function schemaDefault(value: Node, text: string): Node | undefined {
  if (value.type !== 'call_expression') return undefined;
  const [first] = callArgs(value);
  if (!first) return undefined;
  if (calleeName(value) === 'default') return unwrap(first);
  if (first.type !== 'object') return undefined;
  const pair = first.namedChildren.find((p) => p.type === 'pair' && pairKey(p, text) === 'default');
  const fallback = pair?.childForFieldName('value');
  return fallback ? unwrap(fallback) : undefined;
}

/**
 * Says what server config `object` is, or undefined when it is not one: the value of a
 * `server:` key (Vite), an argument of `Bun.serve(…)`/`serve(…)`/`listen(…)`, the default
 * export (Bun's `export default { port, fetch }`) or a variable named like `config`. A
 * `redis: { port: 6379 }` inside a config is none of these.
 */
function serverObject(object: Node, text: string): string | undefined {
  let up = object.parent;
  while (up && (up.type === 'parenthesized_expression' || up.type === 'as_expression' || up.type === 'satisfies_expression')) up = up.parent;
  if (!up) return undefined;
  switch (up.type) {
    case 'pair': {
      const key = pairKey(up, text);
      return key !== undefined && SERVER_KEYS.has(key) ? `${key}.port` : undefined;
    }
    case 'arguments': {
      const call = up.parent;
      return call && SERVE_CALLS.has(calleeName(call)) ? `${quote(call.childForFieldName('function')?.text ?? '', 40)}({ port })` : undefined;
    }
    case 'export_statement':
      return 'export default { port }';
    case 'arrow_function':
      return up.parent?.type === 'export_statement' ? 'export default () => ({ port })' : undefined;
    case 'variable_declarator': {
      const name = up.childForFieldName('name')?.text ?? '';
      return CONFIG_NAMES.test(name) ? `${name}.port` : undefined;
    }
    default:
      return undefined;
  }
}

/** A module-level `const PORT = 3001` (also exported). Nested or non-port names are ignored. */
function readPortConstant(declarator: Node, out: SourceOutput, service: string | undefined): void {
  const name = declarator.childForFieldName('name');
  const value = declarator.childForFieldName('value');
  if (!name || !value || name.type !== 'identifier' || !isOwnPortName(name.text, service)) return;
  let scope = declarator.parent?.parent;
  if (scope?.type === 'export_statement') scope = scope.parent;
  if (scope?.type !== 'program') return;
  out.bindLiteral(unwrap(value), { service, via: `const ${name.text} = …` });
}
