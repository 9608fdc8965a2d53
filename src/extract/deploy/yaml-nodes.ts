/**
 * Reading YAML with the `yaml` package while keeping positions: a scalar becomes a
 * {@link Mapped} string over its source characters (quotes and escapes accounted for),
 * aliases are followed, `<<` merge keys are expanded, and a broken document becomes
 * `input/invalid-yaml` problems at the parser's own positions instead of an exception.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { Mapped } from '../../core/mapped.js';
import { align, identity } from '../../core/mapped.js';
import type { DeployOutput } from './output.js';
import { MAX_YAML_ALIASES, MAX_YAML_ALIAS_TOKENS, aliasTokenOverflow, excessAlias } from '../../core/yaml-limits.js';
import { yamlDocument } from '../../core/yaml-parse.js';

/** Parses the file (or takes discovery's parse of it); on errors, reports each and returns undefined. */
export function parseYaml(out: DeployOutput): Document | undefined {
  let doc: Document;
  const overflow = aliasTokenOverflow(out.file.text);
  if (overflow >= 0) {
    out.problem('input/too-complex', `Found more than ${MAX_YAML_ALIAS_TOKENS} YAML alias tokens (\`*name\`) in ${out.file.path}; expected at most ${MAX_YAML_ALIASES} aliases, so the file was not parsed.`, overflow, overflow + 1, `${out.file.path}|aliases`);
    return undefined;
  }
  try {
    doc = yamlDocument(out.file.path, out.file.text);
  } catch (error) {
    // The parser reports problems as errors; a throw would be a bug there, still not a crash here.
    out.problem('input/invalid-yaml', `Found YAML the parser rejected (${(error as Error).message}); expected valid YAML.`, 0, 0, out.file.path);
    return undefined;
  }
  if (doc.errors.length === 0) {
    const excess = excessAlias(doc, out.file.text);
    if (!excess) return doc;
    const [start, end] = excess.node.range ?? [0, 0];
    out.problem('input/too-complex', `Found ${excess.count} YAML aliases in ${out.file.path}; expected at most ${MAX_YAML_ALIASES} (each alias is followed by walking the document), so the file was not read.`, start, Math.max(end, start + 1), `${out.file.path}|aliases`);
    return undefined;
  }
  for (const [n, e] of doc.errors.entries()) {
    const [start, end] = e.pos;
    const reason = e.message.split('\n')[0] ?? e.code;
    out.problem('input/invalid-yaml', `Found invalid YAML in ${out.file.path}: ${reason}; expected a valid YAML document.`, start, Math.max(end, start + 1), `${out.file.path}|${e.code}|${n + 1}`);
  }
  return undefined;
}

/** The node an alias points to, else the node itself. */
export function deref(node: unknown, doc: Document): Node | undefined {
  if (isAlias(node)) return node.resolve(doc) as Node | undefined;
  return (node ?? undefined) as Node | undefined;
}

/** A map entry with a string key. */
export interface Entry {
  key: string;
  keyNode: Node;
  value: Node | undefined;
}

/** The entries of a map, `<<` merges expanded (own keys win, as YAML merge keys say). */
export function entries(node: unknown, doc: Document): Entry[] {
  const map = deref(node, doc);
  if (!isMap(map)) return [];
  const own: Entry[] = [];
  const merged: Entry[] = [];
  for (const pair of map.items) {
    const keyNode = deref(pair.key, doc);
    if (!isScalar(keyNode)) continue;
    const key = String(keyNode.value);
    if (key === '<<') {
      const sources = deref(pair.value, doc);
      for (const src of isSeq(sources) ? sources.items : [sources]) merged.push(...entries(src, doc));
      continue;
    }
    own.push({ key, keyNode, value: deref(pair.value, doc) });
  }
  const ownKeys = new Set(own.map((e) => e.key));
  return [...merged.filter((e) => !ownKeys.has(e.key)), ...own];
}

/**
 * The value of `key` in a map node: the last own entry of that key, else the last one the `<<`
 * merges bring (what {@link entries} lists last for it), found without listing the entries.
 */
export function get(node: unknown, key: string, doc: Document): Node | undefined {
  const map = deref(node, doc);
  if (!isMap(map)) return undefined;
  let merges = false;
  for (let i = map.items.length - 1; i >= 0; i--) {
    const pair = map.items[i]!;
    const keyNode = deref(pair.key, doc);
    if (!isScalar(keyNode)) continue;
    const name = String(keyNode.value);
    if (name === '<<') merges = true;
    else if (name === key) return deref(pair.value, doc);
  }
  return merges && key !== '<<' ? entries(map, doc).findLast((e) => e.key === key)?.value : undefined;
}

/** The items of a sequence node, aliases followed. */
export function items(node: unknown, doc: Document): Node[] {
  const seq = deref(node, doc);
  if (!isSeq(seq)) return [];
  return seq.items.map((item) => deref(item, doc)).filter((n): n is Node => n !== undefined);
}

/** A scalar's text as written, mapped to its source; undefined for collections and null values. */
export function scalarText(node: unknown, text: string): Mapped | undefined {
  if (!isScalar(node) || node.value === null || !node.range) return undefined;
  const [start, end] = node.range;
  const raw = text.slice(start, end);
  if (node.type === 'PLAIN' || node.type === undefined) {
    // The source of a plain scalar is its text (`3001`, `03001`, `3041:3000`), whatever type it resolved to.
    return raw.includes('\n') ? align(String(node.value), raw, start) : identity(text, start, end);
  }
  if (node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE') return align(String(node.value), raw.slice(1, -1), start + 1);
  return align(String(node.value), raw, start);
}
