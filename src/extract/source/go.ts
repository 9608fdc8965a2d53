/**
 * Source defaults in Go: `getEnv("PORT", "3050")`, `GetInt("PORT", 3021)`,
 * `flag.Int("port", 3021, …)`, `flag.IntVar(&p, "port", 3021, …)`, `os.Getenv("PORT")`
 * followed by `if port == "" { port = "3050" }`, `http.ListenAndServe(":3050", …)` and a
 * struct tag `env:"PORT" envDefault:"3050"`.
 */
import type { Node } from 'web-tree-sitter';
import { portAt, stringContent, stringValue } from './literal.js';
import type { SourceOutput } from './output.js';
import { isOwnPortName } from './port-names.js';
import { namedKids, quote } from './script-syntax.js';

const LISTENERS = new Set(['ListenAndServe', 'ListenAndServeTLS', 'Listen']);
const TYPES = ['call_expression', 'if_statement', 'field_declaration', 'interpreted_string_literal', 'raw_string_literal'];

/** Reads the source defaults and URL references of a parsed Go file. */
export function readGo(root: Node, out: SourceOutput): void {
  const service = out.file.service;
  const text = out.file.text;
  for (const node of root.descendantsOfType(TYPES)) {
    if (node.type === 'call_expression') readCall(node, out, service, text);
    else if (node.type === 'if_statement') readEmptyFallback(node, out, service, text);
    else if (node.type === 'field_declaration') readEnvTag(node, out, service, text);
    else if (node.parent?.type !== 'import_spec') out.urls(node, 'url', service);
  }
}

/** The port-name argument of a lookup call (`"PORT"` first, or second after a pointer), with its index. */
function portNameArg(args: Node[], text: string): { name: string; index: number } | undefined {
  for (const index of [0, 1]) {
    const arg = args[index];
    const name = arg && stringValue(arg, text);
    if (name !== undefined && isOwnPortName(name)) return { name, index };
  }
  return undefined;
}

/** `getEnv("PORT", "3050")`, `flag.Int("port", 3021, "…")`, `http.ListenAndServe(":3050", nil)`. */
function readCall(call: Node, out: SourceOutput, service: string | undefined, text: string): void {
  const fn = call.childForFieldName('function');
  const args = namedKids(call.childForFieldName('arguments'));
  const callee = quote(fn?.text ?? '', 40);
  const named = portNameArg(args, text);
  if (named) {
    const fallback = args[named.index + 1];
    if (fallback) out.bindLiteral(fallback, { service, via: `${callee}("${named.name}", …)` });
    return;
  }
  const last = fn?.type === 'selector_expression' ? fn.childForFieldName('field')?.text : fn?.text;
  if (!last || !LISTENERS.has(last)) return;
  for (const arg of args) {
    const span = stringContent(arg);
    // ":3050" or "0.0.0.0:3050": the port is the digits after the last colon.
    const addr = span && /^[\w.-]*:(\d+)$/.exec(text.slice(span.start, span.end));
    const lit = span && addr ? portAt(text, span.end - (addr[1]?.length ?? 0), span.end) : undefined;
    if (lit) out.bind(lit, { service, via: `${callee}(":…")` });
  }
}

/** `port := os.Getenv("PORT")` then `if port == "" { port = "3050" }`: the literal is the default. */
function readEmptyFallback(node: Node, out: SourceOutput, service: string | undefined, text: string): void {
  const condition = node.childForFieldName('condition');
  if (condition?.type !== 'binary_expression' || condition.childForFieldName('operator')?.text !== '==') return;
  const variable = condition.childForFieldName('left');
  const empty = condition.childForFieldName('right');
  if (variable?.type !== 'identifier' || !empty || stringValue(empty, text) !== '') return;
  const origin = [node.childForFieldName('initializer'), ...precedingStatements(node)].find((s) => s && readsPortInto(s, variable.text, text));
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
function readsPortInto(statement: Node, name: string, text: string): boolean {
  if (statement.type !== 'short_var_declaration' && statement.type !== 'assignment_statement') return false;
  const left = namedKids(statement.childForFieldName('left'));
  if (!left.some((l) => l.text === name)) return false;
  const calls = statement.childForFieldName('right')?.descendantsOfType('call_expression') ?? [];
  return calls.some((c) => portNameArg(namedKids(c.childForFieldName('arguments')), text)?.index === 0);
}

/** A struct field tagged `env:"PORT" envDefault:"3050"` (caarlos0/env). */
function readEnvTag(field: Node, out: SourceOutput, service: string | undefined, text: string): void {
  const tag = field.childForFieldName('tag');
  const span = tag && stringContent(tag);
  if (!span) return;
  const value = text.slice(span.start, span.end);
  const env = /(?:^|\s)env:"([^",]*)/.exec(value);
  const fallback = /(?:^|\s)envDefault:"([^"]*)"/.exec(value);
  if (!env?.[1] || !isOwnPortName(env[1]) || !fallback?.[1]) return;
  const start = span.start + fallback.index + fallback[0].length - 1 - fallback[1].length;
  const lit = portAt(text, start, start + fallback[1].length);
  if (lit) out.bind(lit, { service, via: `env:"${env[1]}" envDefault` });
}
