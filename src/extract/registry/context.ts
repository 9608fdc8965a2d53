/**
 * What every registry sub-parser shares: the file, its locator, the service index and the
 * list problems are appended to. Positions always come from mdast offsets into `text`.
 */
import type { Node } from 'unist';
import type { Locator, Location } from '../../core/location.js';
import type { ServiceIndex } from '../../core/services.js';
import type { Finding } from '../../core/finding.js';
import { inputProblem, type InputName } from '../../core/input-rules.js';

/** Shared state of one `parseRegistry` call. */
export interface ParseContext {
  path: string;
  text: string;
  locator: Locator;
  services?: ServiceIndex;
  problems: Finding[];
}

/** The `[start, end)` offsets of a node, or undefined when the parser gave it no position. */
export function span(node: Node | undefined): [number, number] | undefined {
  const start = node?.position?.start.offset;
  const end = node?.position?.end.offset;
  return start === undefined || end === undefined ? undefined : [start, end];
}

/** Location of a node; a node without position (never produced by remark-parse) maps to the file start. */
export function nodeLocation(ctx: ParseContext, node: Node | undefined): Location {
  const s = span(node);
  return s ? ctx.locator.range(s[0], s[1]) : ctx.locator.range(0, 0);
}

/** Records an input problem. `key` must hold no line numbers: it feeds the fingerprint. */
export function addProblem(ctx: ParseContext, name: InputName, message: string, start: number, end: number, key: string): void {
  ctx.problems.push(inputProblem(`input/${name}`, message, ctx.locator.range(start, end), `${ctx.path}|${key}`));
}

/** The canonical spelling of a service name (aliases applied when an index is given). */
export function canonicalService(ctx: ParseContext, name: string): string {
  return ctx.services ? ctx.services.canonical(name) : name.trim();
}
