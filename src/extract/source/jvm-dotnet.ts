/**
 * Source defaults in Java and C#, read with their tree-sitter grammars.
 *
 * Java: a call whose first argument names the port variable and whose second is the default
 * (`System.getenv().getOrDefault("PORT", "9555")`, `System.getProperty("server.port", "8080")`,
 * `Integer.getInteger("port", 8080)`, a project's own `getEnv("PORT", "8080")`), and
 * `Optional.ofNullable(System.getenv("PORT")).orElse("8080")`.
 *
 * C#: `Environment.GetEnvironmentVariable("PORT") ?? "8080"`, a two-argument lookup
 * (`configuration.GetValue("PORT", 8080)`), Kestrel's `options.ListenAnyIP(5001)` /
 * `ListenLocalhost` / `Listen(IPAddress.Any, 5001)`, and URLs passed to `app.Run`, `UseUrls`
 * or `Urls.Add` (`"http://0.0.0.0:5000"`).
 *
 * Only names of the service's own port count (see port-names.ts). URLs in string literals
 * are not read as references in these languages.
 */
import type { Node } from 'web-tree-sitter';
import { findUrlPorts } from '../url-port.js';
import { portAt, stringPort, type PortLiteral } from './literal.js';
import type { SourceOutput } from './output.js';
import type { NodesOfType } from './run.js';
import { anchorsBeforeLiterals, ownPortNameAnchors, urlAnchors, wordAnchors, type Anchors } from './anchors.js';
import { isOwnPortName } from './port-names.js';
import { namedKids, quote } from './script-syntax.js';

/** Integer literal node types of both grammars. */
const INTEGERS = new Set(['decimal_integer_literal', 'integer_literal']);
/** C# calls that take the URLs the host listens on. */
const URL_CALLS = new Set(['Run', 'RunAsync', 'UseUrls']);
/** Kestrel calls that take a port: `ListenAnyIP(5001)`, `ListenLocalhost(5001)`, `Listen(IPAddress.Any, 5001)`. */
const KESTREL_CALLS = new Set(['ListenAnyIP', 'ListenLocalhost', 'Listen']);

/** The node under a C# `argument` wrapper (`ref`/`out` and names aside), else the node itself. */
function bare(node: Node | undefined): Node | undefined {
  if (node?.type !== 'argument') return node;
  return namedKids(node).at(-1);
}

/** The span inside the quotes of a plain (not verbatim, not interpolated) string literal. */
function stringSpan(node: Node, text: string): { start: number; end: number } | undefined {
  if (node.type !== 'string_literal' || text[node.startIndex] !== '"' || text[node.endIndex - 1] !== '"' || node.endIndex - node.startIndex < 2) return undefined;
  return { start: node.startIndex + 1, end: node.endIndex - 1 };
}

/** The static value of a plain string literal. */
function stringOf(node: Node | undefined, text: string): string | undefined {
  const span = node && stringSpan(node, text);
  return span && text.slice(span.start, span.end);
}

/** A port literal: an integer literal, or a string of digits (its digits); other strings are invalid. */
export function portLiteral(node: Node | undefined, text: string): PortLiteral | undefined {
  const n = bare(node);
  if (!n) return undefined;
  if (INTEGERS.has(n.type)) return portAt(text, n.startIndex, n.endIndex);
  const span = stringSpan(n, text);
  return span && stringPort(text, span);
}

/** Binds the literal `node` when it is one; false when it is no literal. */
function bindAt(node: Node | undefined, out: SourceOutput, service: string | undefined, via: string): boolean {
  const lit = portLiteral(node, out.file.text);
  if (!lit) return false;
  out.bind(lit, { service, via });
  return true;
}

/** The own-port name a call looks up as its first argument (`getenv("PORT")`), else undefined. */
function lookedUp(call: Node, text: string, service: string | undefined): string | undefined {
  const first = bare(namedKids(call.childForFieldName('arguments'))[0]);
  const name = stringOf(first, text);
  return name !== undefined && isOwnPortName(name, service) ? name : undefined;
}

/** True when `node` is or holds a call looking up the port variable. */
function holdsLookup(node: Node | null, types: string[], text: string, service: string | undefined): boolean {
  if (!node) return false;
  const calls = types.includes(node.type) ? [node, ...node.descendantsOfType(types)] : node.descendantsOfType(types);
  return calls.some((c) => lookedUp(c, text, service) !== undefined);
}

/**
 * Where a Java statement can be (./anchors.ts): the port name looked up, inside the call that
 * looks it up (`getOrDefault("PORT", …)`) or inside the object of `.orElse(…)`, which holds
 * that call. Both are read from the call and its children, and bind an argument written
 * after the name.
 */
export function javaAnchors(text: string, service: string | undefined): Anchors {
  return anchorsBeforeLiterals(text, ownPortNameAnchors(text, service), []);
}

/**
 * Where a C# statement can be (./anchors.ts): the port name looked up, inside a two-argument
 * lookup or the left side of `??`; a Kestrel call by its name (`ListenAnyIP`, also
 * `Listen<T>`); a listen URL with a port inside an argument of `app.Run`, `UseUrls` or
 * `Urls.Add`. Each is read from the call or the `??` and their children, and binds a literal
 * written after its name anchor, or a URL anchor itself.
 */
export function csharpAnchors(text: string, service: string | undefined): Anchors {
  return anchorsBeforeLiterals(text, [...ownPortNameAnchors(text, service), ...wordAnchors(text, KESTREL_NAMES)], urlAnchors(text));
}

/** The names of {@link KESTREL_CALLS} standing alone. */
const KESTREL_NAMES = /(?<![A-Za-z0-9_])Listen(?:AnyIP|Localhost)?(?![A-Za-z0-9_])/g;

/** Reads the source defaults of a parsed Java file. */
export function readJava(_root: Node, out: SourceOutput, nodes: NodesOfType): void {
  const service = out.file.service;
  const text = out.file.text;
  for (const call of nodes(['method_invocation'])) {
    const args = namedKids(call.childForFieldName('arguments'));
    const method = call.childForFieldName('name')?.text ?? '';
    const name = lookedUp(call, text, service);
    if (name !== undefined && args.length === 2) {
      bindAt(args[1], out, service, `${quote(method)}("${name}", …)`);
      continue;
    }
    // `Optional.ofNullable(System.getenv("PORT")).orElse("8080")`.
    if (method === 'orElse' && args.length === 1 && holdsLookup(call.childForFieldName('object'), ['method_invocation'], text, service)) {
      bindAt(args[0], out, service, `${quote(call.childForFieldName('object')?.text ?? '', 40)}.orElse(…)`);
    }
  }
}

/** Reads the source defaults of a parsed C# file. */
export function readCSharp(_root: Node, out: SourceOutput, nodes: NodesOfType): void {
  const service = out.file.service;
  const text = out.file.text;
  for (const node of nodes(['invocation_expression', 'binary_expression'])) {
    if (node.type === 'binary_expression') {
      // `Environment.GetEnvironmentVariable("PORT") ?? "8080"`.
      if (node.childForFieldName('operator')?.text !== '??') continue;
      const left = node.childForFieldName('left');
      if (holdsLookup(left, ['invocation_expression'], text, service)) bindAt(node.childForFieldName('right') ?? undefined, out, service, `${quote(left?.text ?? '', 40)} ?? …`);
      continue;
    }
    const args = namedKids(node.childForFieldName('arguments'));
    const fn = node.childForFieldName('function');
    const method = (fn?.type === 'member_access_expression' ? fn.childForFieldName('name')?.text : fn?.text)?.replace(/<.*$/, '') ?? '';
    const name = lookedUp(node, text, service);
    if (name !== undefined && args.length === 2) {
      bindAt(args[1], out, service, `${quote(method)}("${name}", …)`);
      continue;
    }
    if (KESTREL_CALLS.has(method)) {
      // The port is the integer argument: `ListenAnyIP(5001)`, `Listen(IPAddress.Any, 5001)`.
      const port = args.map(bare).find((a) => a && INTEGERS.has(a.type));
      if (port) bindAt(port, out, service, `${method}(…)`);
      continue;
    }
    const urls = URL_CALLS.has(method) || (method === 'Add' && /(^|\.)Urls$/.test(fn?.childForFieldName('expression')?.text ?? ''));
    if (urls) for (const arg of args) bindUrl(bare(arg), out, service, `${method}("…")`);
  }
}

/** The port of a listen URL passed as a string (`"http://0.0.0.0:5000"`, `"http://*:5000"`). */
function bindUrl(node: Node | undefined, out: SourceOutput, service: string | undefined, via: string): void {
  const span = node && stringSpan(node, out.file.text);
  if (!span) return;
  const value = out.file.text.slice(span.start, span.end);
  // The whole string is one listen URL, read by `new URL` (../url-port.ts): `http://*:5000`, `http://[::]:5000/`.
  const url = findUrlPorts(value, { listen: true })[0];
  if (!url || url.start !== 0 || !/^https?$/.test(url.scheme) || !/^\d+$/.test(url.portText) || !/^\/?$/.test(value.slice(url.portEnd))) return;
  const lit = portAt(out.file.text, span.start + url.portStart, span.start + url.portEnd);
  if (lit) out.bind(lit, { service, via });
}
