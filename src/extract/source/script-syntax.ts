/**
 * Small readers over the TypeScript/JavaScript syntax tree, shared by the source-default
 * reader and the env-generator reader.
 */
import type { Node } from 'web-tree-sitter';
import { stringValue } from './literal.js';

/** Named children without comments: a comment between two arguments is a named child too. */
export function namedKids(node: Node | null): Node[] {
  return node ? node.namedChildren.filter((k) => k.type !== 'comment') : [];
}

/** The argument nodes of a call expression. */
export function callArgs(call: Node): Node[] {
  return namedKids(call.childForFieldName('arguments'));
}

/** The last name of a callee: `listen` for `app.listen`, `serve` for `Bun.serve`, `env` for `env`. */
export function calleeName(call: Node): string {
  const fn = call.childForFieldName('function');
  if (!fn) return '';
  if (fn.type === 'member_expression') return fn.childForFieldName('property')?.text ?? '';
  return fn.text;
}

/** Shortens code quoted in a message. */
export function quote(code: string, max = 48): string {
  // Reads only as far as the quote needs: it is taken of nodes that may span the whole file.
  let flat = '';
  let blank = false;
  for (let i = 0; i < code.length && flat.length <= max; i++) {
    const c = code[i] as string;
    if (/\s/.test(c)) {
      if (!blank) flat += ' ';
      blank = true;
    } else {
      flat += c;
      blank = false;
    }
  }
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The key of an object pair as a plain name: `port`, `'mana-credits'`, `PORT`. */
export function pairKey(pair: Node, text: string): string | undefined {
  const key = pair.childForFieldName('key');
  if (!key) return undefined;
  if (key.type === 'property_identifier' || key.type === 'identifier') return key.text;
  return stringValue(key, text);
}

/** Skips wrappers that do not change a value: `(x)`, `x as number`, `x!`, `x satisfies T`. */
export function unwrap(node: Node): Node {
  let n = node;
  while (['parenthesized_expression', 'as_expression', 'non_null_expression', 'satisfies_expression'].includes(n.type)) {
    const inner = namedKids(n)[0];
    if (!inner) break;
    n = inner;
  }
  return n;
}

const CONVERSIONS = new Set(['Number', 'parseInt', 'parseFloat', 'String']);

/**
 * The environment variable an expression reads, if it reads one: `process.env.PORT`,
 * `Bun.env['PORT']`, `import.meta.env.PORT`, `env('PORT')`, `Deno.env.get('PORT')`, also
 * through `Number(…)`, `parseInt(…)`, `+…` and `a || b` chains.
 */
export function envName(node: Node, text: string): string | undefined {
  const n = unwrap(node);
  switch (n.type) {
    case 'member_expression': {
      const prop = n.childForFieldName('property');
      return isEnvObject(n.childForFieldName('object')) && prop?.type === 'property_identifier' ? prop.text : undefined;
    }
    case 'subscript_expression': {
      const index = n.childForFieldName('index');
      return isEnvObject(n.childForFieldName('object')) && index ? stringValue(index, text) : undefined;
    }
    case 'unary_expression':
      return n.childForFieldName('operator')?.text === '+' ? envOf(n.childForFieldName('argument'), text) : undefined;
    case 'binary_expression': {
      const op = n.childForFieldName('operator')?.text;
      if (op !== '||' && op !== '??') return undefined;
      return envOf(n.childForFieldName('left'), text) ?? envOf(n.childForFieldName('right'), text);
    }
    case 'call_expression': {
      const args = callArgs(n);
      const first = args[0];
      if (!first) return undefined;
      if (CONVERSIONS.has(n.childForFieldName('function')?.text ?? '')) return envName(first, text);
      // A one-argument lookup by name: env('PORT'), Deno.env.get('PORT'), config.get('PORT').
      return args.length === 1 ? stringValue(first, text) : undefined;
    }
    default:
      return undefined;
  }
}

const envOf = (node: Node | null, text: string) => (node ? envName(node, text) : undefined);

/** `process.env`, `Bun.env`, `import.meta.env`, `env`. */
function isEnvObject(node: Node | null): boolean {
  return !!node && /(^|\.)env$/.test(node.text);
}
