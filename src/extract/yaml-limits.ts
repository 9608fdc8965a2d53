/**
 * A limit on YAML aliases, checked right after parsing and before any alias is followed.
 * The `yaml` package resolves an alias by walking the document up to it, so following n
 * aliases costs n × the document: a 50,000-step chain of `&a` / `*a` is quadratic. The
 * limit is the one `yaml` itself applies when it converts a document to JavaScript
 * (`maxAliasCount`, 100); compose files use a handful (`<<: *defaults`).
 */
import { isAlias, visit, type Document, type Node } from 'yaml';

/** Aliases (`*name`) one YAML document (or config) may hold; the `maxAliasCount` of every parse. */
export const MAX_YAML_ALIASES = 100;

/** The first alias past {@link MAX_YAML_ALIASES} in `doc`, with the count found, or undefined. */
export function excessAlias(doc: Document): { node: Node; count: number } | undefined {
  let count = 0;
  let first: Node | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (!isAlias(node)) return undefined;
      count++;
      if (count > MAX_YAML_ALIASES && !first) first = node;
      return undefined;
    },
  });
  return first ? { node: first, count } : undefined;
}
