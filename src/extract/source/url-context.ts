/**
 * What the code around a string literal says its URLs are, by the name they are given: the key
 * of a pair (`origin: [...]`, `allowedOrigins:`, Python `allow_origins=`, Go `AllowOrigins:`),
 * the variable or field assigned (`CORS_ORIGINS = [...]`, `const listenAddr = ...`), or the
 * call that receives them (`cors('http://localhost:3000')`, `CORSMiddleware(...)`). Lists,
 * tuples, arguments and concatenations between the literal and that name are looked through.
 * The names are read as ../address-keys.ts reads setting names: an allow list or a listen
 * address holds no reference to another service.
 */
import type { Node } from 'web-tree-sitter';
import { addressRole, type AddressRole } from '../address-keys.js';

/** Nodes that give their value a name: the name is their key, name or left side. */
const NAMING = new Set([
  'pair', // TS/JS object, Python dict
  'keyed_element', // Go composite literal
  'keyword_argument', // Python call
  'variable_declarator', // TS/JS
  'assignment_expression', // TS/JS
  'assignment', // Python
  'short_var_declaration', // Go
  'var_spec', // Go
  'const_spec', // Go
  'assignment_statement', // Go
  'public_field_definition', // TS class field
  'field_definition', // JS class field
]);

/** Calls: the name is the callee's last segment (`app.use(cors(...))` → `cors`). */
const CALLS = new Set(['call_expression', 'call', 'new_expression']);

/** Nodes looked through on the way up: containers and operators that pass a literal on. */
const THROUGH = new Set([
  'array',
  'list',
  'tuple',
  'set',
  'arguments',
  'argument_list',
  'expression_list',
  'literal_value',
  'literal_element',
  'composite_literal',
  'parenthesized_expression',
  'binary_expression',
  'binary_operator',
  'concatenated_string',
  'as_expression',
  'satisfies_expression',
  'non_null_expression',
  'template_substitution',
  'object',
  'dictionary',
  'spread_element',
  'conditional_expression',
  'ternary_expression',
]);

/** The deepest a literal sits below the name that gives it meaning. */
const MAX_UP = 8;

/** The role the name around `literal` gives its URLs; undefined when there is none. */
export function urlContextRole(literal: Node): AddressRole | undefined {
  let child: Node = literal;
  for (let node = literal.parent, up = 0; node && up < MAX_UP; child = node, node = node.parent, up++) {
    if (NAMING.has(node.type)) {
      const name = nameOf(node);
      // The literal is the name itself (a dict key): nothing names it.
      if (name === undefined || name.id === child.id) return undefined;
      return addressRole(name.text.replace(/^["'`]|["'`]$/g, ''));
    }
    if (CALLS.has(node.type)) {
      const callee = node.childForFieldName('function') ?? node.childForFieldName('constructor') ?? node.namedChildren[0];
      if (!callee || callee.id === child.id) return undefined;
      return addressRole(callee.text.slice(callee.text.lastIndexOf('.') + 1));
    }
    if (!THROUGH.has(node.type)) return undefined;
  }
  return undefined;
}

/** The node naming the value of a naming node: its key, name or left side. */
function nameOf(node: Node): Node | undefined {
  const named = node.childForFieldName('key') ?? node.childForFieldName('name') ?? node.childForFieldName('left') ?? node.namedChildren[0] ?? undefined;
  if (!named) return undefined;
  // Go `keyed_element`: the key is a literal_element holding the identifier; Go specs hold a name list.
  const inner = named.type === 'literal_element' || named.type === 'expression_list' ? (named.namedChildren[0] ?? named) : named;
  return inner;
}
