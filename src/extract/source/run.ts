/**
 * Runs one reader over one parsed file: parse, read, free the tree. A failure inside
 * (a grammar that cannot load, a reader bug on odd input) becomes an input problem on the
 * file; whatever was read before it is kept.
 */
import type { Node } from 'web-tree-sitter';
import type { SourceFile } from '../extractor.js';
import { fileLocation } from '../../core/location.js';
import type { Extraction } from '../../core/statements.js';
import { SourceOutput } from './output.js';
import { MAX_PARSE_CPU_MS, ParseBudgetExceeded, parse, type Grammar } from './tree-sitter.js';
import { treeShapeProblem } from './tree-shape.js';
import type { Anchors } from './anchors.js';
import { lineIndexAt, lineStarts } from '../../core/location.js';
import { quote } from '../../core/quote.js';
import { inputProblem } from '../../core/input-rules.js';

/**
 * Lists, in document order (as `descendantsOfType` does), the nodes of `types` a reader must
 * look at: every such node of the tree, or only those around the file's anchors.
 */
export type NodesOfType = (types: readonly string[]) => Node[];

/** Reads the syntax tree of a file into `out`, taking the nodes it starts from from `nodes`. */
export type TreeReader = (root: Node, out: SourceOutput, nodes: NodesOfType) => void;

/**
 * Words that suggest a port statement or a URL, or a call that listens (`listen(`, Go's
 * `ListenAndServe(":80", …)`, Kestrel's `ListenAnyIP(5001)`). `import`, `export`, `report`, `support`,
 * `transport`, `passport`, `viewport` contain "port" but say nothing about one.
 */
const MENTIONS_PORT = /(?<!im|ex|re|sup|trans|pass|view)port|:\/\/|\blisten(?:AndServe(?:TLS)?|AnyIP|Localhost)?\s*\(/i;

/** The cheap prefilter of the source extractors: false means the file cannot hold a default. */
export function mentionsPort(text: string): boolean {
  return MENTIONS_PORT.test(text);
}

/**
 * Parses `file` with `grammar` and runs `read`; never throws. With `anchors`, the reader is
 * handed only the nodes whose text holds one of them (see ./anchors.ts), and a file whose
 * anchors say there is nothing to read is not parsed; without, it walks the whole tree.
 */
export async function readWith(file: SourceFile, grammar: Grammar, source: string, read: TreeReader, anchors?: Anchors): Promise<Extraction> {
  const out = new SourceOutput(file, source);
  if (anchors && !anchors.parse) return out.extraction;
  let tree;
  try {
    tree = await parse(grammar, file.text);
    const shape = treeShapeProblem(tree.rootNode, file.text.length);
    if (shape) {
      const at = file.locator.range(shape.start, shape.start);
      out.extraction.problems.push(inputProblem('input/too-complex', `${quote(file.path)} ${shape.found}; expected ${shape.expected}, so its ports were not read.`, at, `${file.path}|${grammar}`));
      return out.extraction;
    }
    const root = tree.rootNode;
    const nodes: NodesOfType = anchors ? (types) => nodesAround(root, file.text, anchors.offsets, types) : (types) => root.descendantsOfType(types as string[]);
    read(root, out, nodes);
  } catch (error) {
    if (error instanceof ParseBudgetExceeded) {
      out.extraction.problems.push(
        inputProblem(
          'input/too-complex',
          `${quote(file.path)} took more than ${MAX_PARSE_CPU_MS / 1000} s of CPU to parse as ${grammar} (the parser's error recovery on text that is not valid ${grammar}); expected code that parses in linear time, so its ports were not read.`,
          fileLocation(file.path),
          `${file.path}|${grammar}|parse-time`,
        ),
      );
      return out.extraction;
    }
    const why = error instanceof Error ? error.message : String(error);
    out.extraction.problems.push(inputProblem('input/parse-failed', `Could not read ${quote(file.path)} as ${grammar}: ${why}; expected a file tree-sitter can parse. Its ports are unknown.`, fileLocation(file.path), file.path));
  } finally {
    tree?.delete();
  }
  return out.extraction;
}

/** Searches of the tree, one per anchored line, before one search spanning all anchors is cheaper. */
const MAX_LINE_SEARCHES = 32;

/**
 * The nodes of `types` whose span holds one of `offsets`, in document order, each once: the
 * ancestors of every anchor. A node that holds an anchor overlaps the stretch of its line
 * from the line's first anchor to its last: one search of the tree per line with anchors,
 * each listing the nodes of `types` that overlap that stretch (extra nodes between two
 * anchors are harmless: the readers read whatever they are given as a walk of the whole tree
 * would). Lines come in order and do not overlap, so a node first met on a later line comes
 * after every node met before it. Each search skips the siblings before its line, so a file
 * anchored on thousands of lines of one block would cost the square of that: past
 * {@link MAX_LINE_SEARCHES} lines, one search covers everything from the first anchor to
 * the last.
 */
export function nodesAround(root: Node, text: string, offsets: readonly number[], types: readonly string[]): Node[] {
  if (offsets.length === 0) return [];
  const starts = lineStarts(text);
  const sorted = [...offsets].sort((a, b) => a - b);
  const lines = new Set(sorted.map((at) => lineIndexAt(starts, at)));
  if (lines.size > MAX_LINE_SEARCHES) {
    const first = sorted[0] as number;
    const last = sorted[sorted.length - 1] as number;
    const [a, b] = [lineIndexAt(starts, first), lineIndexAt(starts, last)];
    return root.descendantsOfType(types as string[], { row: a, column: first - (starts[a] as number) }, { row: b, column: last - (starts[b] as number) + 1 });
  }
  const nodes: Node[] = [];
  const seen = new Set<number>();
  let line = 0;
  for (let i = 0; i < sorted.length; ) {
    const first = sorted[i] as number;
    while (line + 1 < starts.length && (starts[line + 1] as number) <= first) line++;
    const next = line + 1 < starts.length ? (starts[line + 1] as number) : Infinity;
    let last = first;
    for (; i < sorted.length && (sorted[i] as number) < next; i++) last = sorted[i] as number;
    const lineStart = starts[line] as number;
    const found = root.descendantsOfType(types as string[], { row: line, column: first - lineStart }, { row: line, column: last - lineStart + 1 });
    for (const node of found) {
      if (seen.has(node.id)) continue;
      seen.add(node.id);
      nodes.push(node);
    }
  }
  return nodes;
}
