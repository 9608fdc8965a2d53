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

/**
 * `*name` tokens a YAML text may hold before it is parsed at all: parsing itself slows down
 * with tens of thousands of aliases (a 50,000-step chain took minutes when every alias also
 * carried an anchor), so the text is counted first. Quoted `*` can be counted too, hence the
 * margin over {@link MAX_YAML_ALIASES}.
 */
export const MAX_YAML_ALIAS_TOKENS = MAX_YAML_ALIASES * 10;

/**
 * The offset of the first `*name` token past {@link MAX_YAML_ALIAS_TOKENS} in `text`, or -1.
 * A token is a `*` that starts a line or follows a space, `[`, `{`, `,` or `:`, and is followed
 * by a character that can start an anchor name (not a space, a `*` or a flow indicator).
 */
export function aliasTokenOverflow(text: string): number {
  let count = 0;
  for (let i = text.indexOf('*'); i >= 0; i = text.indexOf('*', i + 1)) {
    const before = i === 0 ? '\n' : text[i - 1]!;
    const after = text[i + 1] ?? ' ';
    if (!' \t\n[{,:-'.includes(before) || ' \t\r\n*,[]{}'.includes(after)) continue;
    if (++count > MAX_YAML_ALIAS_TOKENS) return i;
  }
  return -1;
}

/**
 * The first alias past {@link MAX_YAML_ALIASES} in `doc`, with the count found, or undefined.
 * Given the `text` the document was parsed from, the walk is skipped when the text holds no
 * more `*` characters than the limit: every alias is written with one, so none can be past it.
 */
export function excessAlias(doc: Document, text?: string): { node: Node; count: number } | undefined {
  if (text !== undefined && !moreStarsThan(text, MAX_YAML_ALIASES)) return undefined;
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

/** True when `text` holds more than `limit` `*` characters. */
function moreStarsThan(text: string, limit: number): boolean {
  let count = 0;
  for (let i = text.indexOf('*'); i >= 0; i = text.indexOf('*', i + 1)) if (++count > limit) return true;
  return false;
}
