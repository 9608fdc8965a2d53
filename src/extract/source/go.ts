/**
 * Source defaults in Go: `getEnv("PORT", "3050")`, `GetInt("PORT", 3021)`,
 * `flag.Int("port", 3021, …)`, `flag.IntVar(&p, "port", 3021, …)`, `os.Getenv("PORT")`
 * followed by `if port == "" { port = "3050" }`, `http.ListenAndServe(":3050", …)` and a
 * struct tag `env:"PORT" envDefault:"3050"`.
 *
 * An override the other way round states the default as the variable's initial value:
 * `port := listenPort` (or a package-level `var port = "3550"`) then
 * `if os.Getenv("PORT") != "" { port = os.Getenv("PORT") }` (or `os.LookupEnv("PORT")`):
 * the initial value, followed through one package-level `var`/`const`, is the default. A
 * package-level `const port = 8080` / `var listenPort = "5050"` with an own-port name is a
 * default when the file starts a listener (`net.Listen`, `ListenAndServe`).
 */
import type { Node } from 'web-tree-sitter';
import { portAt, stringContent, stringValue } from './literal.js';
import type { SourceOutput } from './output.js';
import type { NodesOfType } from './run.js';
import { emptyStringAnchors, ownPortNameAnchors, quotedOwnPortNameAnchors, urlAnchors, wordAnchors, type Anchors } from './anchors.js';
import { isOwnPortName } from './port-names.js';
import { namedKids, quote } from './script-syntax.js';

const LISTENERS = new Set(['ListenAndServe', 'ListenAndServeTLS', 'Listen']);
const TYPES = ['call_expression', 'if_statement', 'field_declaration', 'interpreted_string_literal', 'raw_string_literal'];

/**
 * Where a statement can be (./anchors.ts). Each reading starts from a node that holds an
 * anchor:
 *   - a call: the port name as its first or second argument (`getEnv("PORT", …)`,
 *     `flag.IntVar(&p, "port", …)`), or a listener's name (`http.ListenAndServe(…)`), which
 *     also says the file listens;
 *   - `if os.Getenv("PORT") != "" { … }`: the port name in its condition or initializer;
 *   - `if port == "" { port = "3050" }`: the empty string of its condition (the lookup that
 *     fills `port` is found among the statements before it, and needs a port name too);
 *   - a struct field: the port name in its tag;
 *   - a string: a URL with a port inside it.
 * Two readings look further, from where they start: the package-level `var`/`const`
 * declarations (a listener's file binds its own-port names declared there; an override's
 * initial value may name one), read from the root's children when needed, and the
 * statements before an `if` in its block.
 *
 * So a file is worth parsing only when it has a URL that may carry a port, a port name looked up as a string
 * (`"PORT"`: calls, overrides and fallbacks all need one), a port name with a struct tag's
 * `envDefault:"`, or a listener with either an address literal (`":3050"`) or a port name
 * and a `var`/`const` (package-level defaults). An entry file that calls
 * `http.ListenAndServe(":"+listenPort, r)` with `listenPort` declared in another file holds
 * none of these.
 */
export function goAnchors(text: string, service: string | undefined): Anchors {
  const names = ownPortNameAnchors(text, service);
  const listeners = wordAnchors(text, LISTENER_NAMES);
  const urls = urlAnchors(text);
  const parse =
    urls.length > 0 ||
    quotedOwnPortNameAnchors(text, service, '"`').length > 0 ||
    (names.length > 0 && text.includes('envDefault:"')) ||
    (listeners.length > 0 && (LISTEN_ADDRESS.test(text) || (names.length > 0 && /\b(?:var|const)\b/.test(text))));
  return { offsets: [...names, ...listeners, ...urls, ...emptyStringAnchors(text)], parse };
}

/** The names of {@link LISTENERS} standing alone. */
const LISTENER_NAMES = /(?<![A-Za-z0-9_])Listen(?:AndServe(?:TLS)?)?(?![A-Za-z0-9_])/g;
/** The end of a listen address literal: `":3050"`, `"0.0.0.0:3050"`. */
const LISTEN_ADDRESS = /:[0-9]+["`]/;

/** Reads the source defaults and URL references of a parsed Go file. */
export function readGo(root: Node, out: SourceOutput, nodes: NodesOfType): void {
  const service = out.file.service;
  const text = out.file.text;
  // Read only when a statement needs them: most files have none to offer.
  let values: Map<string, Node> | undefined;
  const globals = () => (values ??= packageValues(root));
  let listens = false;
  for (const node of nodes(TYPES)) {
    if (node.type === 'call_expression') listens = readCall(node, out, service, text) || listens;
    else if (node.type === 'if_statement') {
      readEmptyFallback(node, out, service, text);
      readOverride(node, out, service, text, globals);
    } else if (node.type === 'field_declaration') readEnvTag(node, out, service, text);
    else if (node.parent?.type !== 'import_spec') out.urls(node, 'url', service);
  }
  if (!listens) return;
  for (const [name, value] of globals()) if (isOwnPortName(name, service)) out.bindLiteral(value, { service, via: `${name} = …` });
}

/** The single-name package-level `var`/`const` declarations with a value: name → value node. */
function packageValues(root: Node): Map<string, Node> {
  const values = new Map<string, Node>();
  for (const decl of root.namedChildren) {
    if (decl.type !== 'var_declaration' && decl.type !== 'const_declaration') continue;
    for (const spec of decl.descendantsOfType(['var_spec', 'const_spec'])) {
      const names = spec.childrenForFieldName('name');
      const value = namedKids(spec.childForFieldName('value'));
      if (names.length === 1 && value.length === 1 && names[0] && value[0]) values.set(names[0].text, value[0]);
    }
  }
  return values;
}

/** True when `node` holds a lookup of the port variable: `os.Getenv("PORT")`, `os.LookupEnv("PORT")`. */
function looksUpPort(node: Node | null, text: string, service: string | undefined): boolean {
  if (!node) return false;
  const calls = node.type === 'call_expression' ? [node] : node.descendantsOfType('call_expression');
  return calls.some((c) => portNameArg(namedKids(c.childForFieldName('arguments')), text, service)?.index === 0);
}

/**
 * `if os.Getenv("PORT") != "" { port = os.Getenv("PORT") }` or
 * `if v, ok := os.LookupEnv("PORT"); ok { port = v }`: the variable overridden has its
 * default as its initial value (`port := listenPort`, a package-level `var port = "3550"`).
 */
function readOverride(node: Node, out: SourceOutput, service: string | undefined, text: string, globals: () => Map<string, Node>): void {
  if (!looksUpPort(node.childForFieldName('condition'), text, service) && !looksUpPort(node.childForFieldName('initializer'), text, service)) return;
  const body = node.childForFieldName('consequence');
  for (const assign of body?.descendantsOfType('assignment_statement') ?? []) {
    const left = namedKids(assign.childForFieldName('left'));
    const variable = left.length === 1 && left[0]?.type === 'identifier' ? left[0].text : undefined;
    if (!variable) continue;
    let initial = initialValue(node, variable) ?? globals().get(variable);
    // One step through a package-level name: `port := listenPort`.
    if (initial?.type === 'identifier') initial = globals().get(initial.text);
    if (initial) out.bindLiteral(initial, { service, via: `${variable} unless $PORT is set` });
    return;
  }
}

/** The value `name` is declared with in a statement before `node` in its block (`port := listenPort`). */
function initialValue(node: Node, name: string): Node | undefined {
  for (const s of precedingStatements(node)) {
    if (s.type === 'short_var_declaration') {
      const left = namedKids(s.childForFieldName('left'));
      const right = namedKids(s.childForFieldName('right'));
      const i = left.findIndex((l) => l.text === name);
      if (i >= 0) return left.length === right.length ? right[i] : undefined;
    }
    if (s.type === 'var_declaration') {
      for (const spec of s.descendantsOfType('var_spec')) {
        const names = spec.childrenForFieldName('name');
        const value = namedKids(spec.childForFieldName('value'));
        const i = names.findIndex((n) => n?.text === name);
        if (i >= 0) return names.length === value.length ? value[i] : undefined;
      }
    }
  }
  return undefined;
}

/** The port-name argument of a lookup call (`"PORT"` first, or second after a pointer), with its index. */
function portNameArg(args: Node[], text: string, service: string | undefined): { name: string; index: number } | undefined {
  for (const index of [0, 1]) {
    const arg = args[index];
    const name = arg && stringValue(arg, text);
    if (name !== undefined && isOwnPortName(name, service)) return { name, index };
  }
  return undefined;
}

/**
 * `getEnv("PORT", "3050")`, `flag.Int("port", 3021, "…")`, `http.ListenAndServe(":3050", nil)`.
 * True when the call starts a listener.
 */
function readCall(call: Node, out: SourceOutput, service: string | undefined, text: string): boolean {
  const fn = call.childForFieldName('function');
  const args = namedKids(call.childForFieldName('arguments'));
  const callee = quote(fn?.text ?? '', 40);
  const named = portNameArg(args, text, service);
  if (named) {
    const fallback = args[named.index + 1];
    if (fallback) out.bindLiteral(fallback, { service, via: `${callee}("${named.name}", …)` });
    return false;
  }
  const last = fn?.type === 'selector_expression' ? fn.childForFieldName('field')?.text : fn?.text;
  if (!last || !LISTENERS.has(last)) return false;
  for (const arg of args) {
    const span = stringContent(arg);
    // ":3050" or "0.0.0.0:3050": the port is the digits after the last colon.
    const addr = span && /^[\w.-]*:(\d+)$/.exec(text.slice(span.start, span.end));
    const lit = span && addr ? portAt(text, span.end - (addr[1]?.length ?? 0), span.end) : undefined;
    if (lit) out.bind(lit, { service, via: `${callee}(":…")` });
  }
  return true;
}

/** `port := os.Getenv("PORT")` then `if port == "" { port = "3050" }`: the literal is the default. */
function readEmptyFallback(node: Node, out: SourceOutput, service: string | undefined, text: string): void {
  const condition = node.childForFieldName('condition');
  if (condition?.type !== 'binary_expression' || condition.childForFieldName('operator')?.text !== '==') return;
  const variable = condition.childForFieldName('left');
  const empty = condition.childForFieldName('right');
  if (variable?.type !== 'identifier' || !empty || stringValue(empty, text) !== '') return;
  const origin = [node.childForFieldName('initializer'), ...precedingStatements(node)].find((s) => s && readsPortInto(s, variable.text, text, service));
  if (!origin) return;
  const body = node.childForFieldName('consequence');
  for (const assign of body?.descendantsOfType('assignment_statement') ?? []) {
    const left = namedKids(assign.childForFieldName('left'));
    const right = namedKids(assign.childForFieldName('right'));
    if (left.length === 1 && left[0]?.text === variable.text && right[0]) {
      out.bindLiteral(right[0], { service, via: `${quote(origin.text)}, else …` });
      return;
    }
  }
}

/** The statements before `node` in its block, nearest first. */
function precedingStatements(node: Node): Node[] {
  const list: Node[] = [];
  for (let s = node.previousNamedSibling; s; s = s.previousNamedSibling) list.push(s);
  return list;
}

/** True when `statement` assigns `name` from a lookup of the port variable (`os.Getenv("PORT")`). */
function readsPortInto(statement: Node, name: string, text: string, service: string | undefined): boolean {
  if (statement.type !== 'short_var_declaration' && statement.type !== 'assignment_statement') return false;
  const left = namedKids(statement.childForFieldName('left'));
  if (!left.some((l) => l.text === name)) return false;
  const calls = statement.childForFieldName('right')?.descendantsOfType('call_expression') ?? [];
  return calls.some((c) => portNameArg(namedKids(c.childForFieldName('arguments')), text, service)?.index === 0);
}

/** A struct field tagged `env:"PORT" envDefault:"3050"` (caarlos0/env). */
function readEnvTag(field: Node, out: SourceOutput, service: string | undefined, text: string): void {
  const tag = field.childForFieldName('tag');
  const span = tag && stringContent(tag);
  if (!span) return;
  const value = text.slice(span.start, span.end);
  const env = /(?:^|\s)env:"([^",]*)/.exec(value);
  const fallback = /(?:^|\s)envDefault:"([^"]*)"/.exec(value);
  if (!env?.[1] || !isOwnPortName(env[1], service) || !fallback?.[1]) return;
  const start = span.start + fallback.index + fallback[0].length - 1 - fallback[1].length;
  const lit = portAt(text, start, start + fallback[1].length);
  if (lit) out.bind(lit, { service, via: `env:"${env[1]}" envDefault` });
}
