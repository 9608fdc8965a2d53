/**
 * Source defaults in Python: `os.getenv("PORT", "3023")`, `os.environ.get("PORT") or 3023`,
 * a settings class field `port: int = 3025`, a module constant `PORT = 3023`, and
 * `uvicorn.run(app, port=3023)`. Docstrings and comments are never read for ports or URLs.
 */
import type { Node } from 'web-tree-sitter';
import { stringValue } from './literal.js';
import type { SourceOutput } from './output.js';
import type { NodesOfType } from './run.js';
import { anchorsBeforeLiterals, ownPortNameAnchors, urlAnchors, type Anchors } from './anchors.js';
import { isOwnPortName } from './port-names.js';
import { namedKids, quote } from './script-syntax.js';

/** Calls that start a server with a `port=` keyword: `uvicorn.run`, Flask's `app.run`, aiohttp's `web.run_app`. */
const RUNNERS = new Set(['run', 'run_app', 'serve', 'Config']);
const CONVERSIONS = new Set(['int', 'str']);

/** Who a statement binds, and as what kind of statement. */
export interface RunnerOwner {
  service: string | undefined;
  /** `deploy` for a runner script (outside a service, or placed on a host), else `source-default`. */
  kind: 'deploy' | 'source-default';
}

/**
 * Where a statement can be (./anchors.ts). Each reading starts from a node that holds its
 * anchor and looks only at it, its children and its ancestors:
 *   - a call: the port name as its first argument (`os.getenv("PORT", …)`), or the keyword
 *     `port=` of a runner (`uvicorn.run(app, port=3023)`);
 *   - `or`: the port name in the lookup on its left;
 *   - an assignment: the port name on its left (the module or settings class holding it is
 *     read by climbing);
 *   - a string: a URL with a port inside it (whether it is a docstring, by its parent).
 * Each binds a literal written after its anchor. `service` is the owner the reader binds for: the file's service, or the one a runner
 * script's path names.
 */
export function pythonAnchors(text: string, service: string | undefined): Anchors {
  return anchorsBeforeLiterals(text, ownPortNameAnchors(text, service), urlAnchors(text));
}

/** Reads the source defaults and URL references of a parsed Python file. */
export function readPython(nodes: NodesOfType, out: SourceOutput, runner: RunnerOwner): void {
  // A runner script outside any service speaks for the service its path names, as a deploy file.
  const owner: RunnerOwner = out.file.service ? { service: out.file.service, kind: 'source-default' } : runner;
  const text = out.file.text;
  for (const node of nodes(['call', 'boolean_operator', 'assignment', 'string'])) {
    if (node.type === 'call') readCall(node, out, owner, runner, text);
    else if (node.type === 'boolean_operator') readOr(node, out, owner, text);
    else if (node.type === 'assignment') readAssignment(node, out, owner);
    else if (!isDocstring(node)) out.urls(node, 'url', owner.service);
  }
}

/** `os.getenv("PORT", "3023")`, `config("PORT", default=3023)`, `uvicorn.run(app, port=3023)`. */
function readCall(call: Node, out: SourceOutput, owner: RunnerOwner, runner: RunnerOwner, text: string): void {
  const args = namedKids(call.childForFieldName('arguments'));
  const positional = args.filter((a) => a.type !== 'keyword_argument');
  const keyword = (name: string) => args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === name)?.childForFieldName('value');
  const callee = call.childForFieldName('function');
  const calleeText = quote(callee?.text ?? '', 40);
  const first = positional[0];
  const name = first && stringValue(first, text);
  if (name !== undefined && isOwnPortName(name, owner.service)) {
    const fallback = positional[1] ?? keyword('default');
    if (fallback) out.bindLiteral(fallback, { ...owner, via: `${calleeText}("${name}", …)` });
    return;
  }
  const last = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : callee?.text;
  const port = keyword('port');
  if (port && last && RUNNERS.has(last)) out.bindLiteral(port, { ...runner, via: calleeText });
}

/** `os.environ.get("PORT") or 3023`, `int(os.getenv("PORT") or "3023")`. */
function readOr(node: Node, out: SourceOutput, owner: RunnerOwner, text: string): void {
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  if (node.childForFieldName('operator')?.text !== 'or' || !left || !right) return;
  const name = envName(left, text);
  if (name !== undefined && isOwnPortName(name, owner.service)) out.bindLiteral(right, { ...owner, via: `${quote(left.text)} or …` });
}

/** The variable read by `os.getenv("PORT")`, `os.environ.get("PORT")`, `os.environ["PORT"]`, `int(…)` of those. */
function envName(node: Node, text: string): string | undefined {
  if (node.type === 'subscript') {
    const key = node.childForFieldName('subscript');
    return /(^|\.)environ$/.test(node.childForFieldName('value')?.text ?? '') && key ? stringValue(key, text) : undefined;
  }
  if (node.type !== 'call') return undefined;
  const args = namedKids(node.childForFieldName('arguments'));
  const first = args[0];
  if (args.length !== 1 || !first) return undefined;
  if (CONVERSIONS.has(node.childForFieldName('function')?.text ?? '')) return envName(first, text);
  return stringValue(first, text);
}

/** `port: int = 3025` in a settings class, `port = Field(3025)`, or a module-level `PORT = 3023`. */
function readAssignment(node: Node, out: SourceOutput, owner: RunnerOwner): void {
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  if (!left || !right || left.type !== 'identifier' || !isOwnPortName(left.text, owner.service)) return;
  const statement = node.parent;
  const scope = statement?.type === 'expression_statement' ? statement.parent : undefined;
  if (scope?.type === 'module') {
    out.bindLiteral(right, { ...owner, via: `${left.text} = …` });
    return;
  }
  const cls = scope?.type === 'block' ? scope.parent : undefined;
  if (cls?.type !== 'class_definition' || !isSettingsClass(cls)) return;
  const via = `${cls.childForFieldName('name')?.text ?? 'class'}.${left.text}`;
  if (out.bindLiteral(right, { ...owner, via })) return;
  // pydantic: `port: int = Field(3025, …)` or `Field(default=3025)`.
  if (right.type !== 'call' || !/(^|\.)Field$/.test(right.childForFieldName('function')?.text ?? '')) return;
  const args = namedKids(right.childForFieldName('arguments'));
  const value = args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'default')?.childForFieldName('value') ?? args.find((a) => a.type !== 'keyword_argument');
  if (value) out.bindLiteral(value, { ...owner, via });
}

/** A pydantic `BaseSettings` subclass or a class named like `Settings`/`Config`. */
function isSettingsClass(cls: Node): boolean {
  return /Settings|Config/.test(cls.childForFieldName('name')?.text ?? '') || /Settings/.test(cls.childForFieldName('superclasses')?.text ?? '');
}

/** A string standing alone as a statement: a docstring, or a string used as a comment. */
function isDocstring(node: Node): boolean {
  return node.parent?.type === 'expression_statement' && node.parent.namedChildCount === 1;
}
