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
import { quote } from '../../core/quote.js';
import { inputProblem } from '../../core/input-rules.js';

/** Reads the syntax tree of a file into `out`. */
export type TreeReader = (root: Node, out: SourceOutput) => void;

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

/** Parses `file` with `grammar` and runs `read`; never throws. */
export async function readWith(file: SourceFile, grammar: Grammar, source: string, read: TreeReader): Promise<Extraction> {
  const out = new SourceOutput(file, source);
  let tree;
  try {
    tree = await parse(grammar, file.text);
    const shape = treeShapeProblem(tree.rootNode, file.text.length);
    if (shape) {
      const at = file.locator.range(shape.start, shape.start);
      out.extraction.problems.push(inputProblem('input/too-complex', `${quote(file.path)} ${shape.found}; expected ${shape.expected}, so its ports were not read.`, at, `${file.path}|${grammar}`));
      return out.extraction;
    }
    read(tree.rootNode, out);
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
