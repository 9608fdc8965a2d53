/**
 * The service-doc extractor: reads `services/<name>/CLAUDE.md` with remark (GFM tables
 * included) and turns what it says about ports into bindings of the doc's service and
 * references to others.
 *
 * Strength by form:
 * - `## Port: 3024`, `**Port:** 3021`, `**Port**: 3021`, `Port: 3024` → `declaration`;
 * - an env table's `PORT` row, `PORT=3062` and `--port 3024` in code → `support`;
 * - `Port 3050` / `:3050` in an ASCII diagram → `weak`.
 *
 * Hosts: statements sit on the file's host, else `dev`. A declaration qualified
 * `(production)` goes on the one known host labelled `(production)`; one qualified with a
 * host name or address (`(Mac Mini)`, `(192.168.178.11)`) goes on that host; `(dev)` on
 * `dev`; a qualifier that resolves to no known host is ignored.
 *
 * References: URLs with a port, `*_URL` variables and `localhost:3001` in code, inline code,
 * env tables and prose; `<SERVICE>_PORT=` for known services. Numbers anywhere else (prose,
 * dates, versions, comment lines in code) are not ports.
 *
 * Inline suppressions (`<!-- portwarden-ignore rule: reason -->`) are not read here: the
 * engine collects them from every file (collect/suppressions.ts).
 */
import type { Code, Nodes, Root } from 'mdast';
import type { ExtractContext, Extractor, SourceFile } from '../extractor.js';
import type { Extraction } from '../../core/statements.js';
import { inputProblem } from '../../core/input-rules.js';
import { readCode } from './code-block.js';
import { scanCommands } from './commands.js';
import { readHeading, readParagraph } from './declaration.js';
import { DocScan, SOURCE } from './doc-scan.js';
import { readEnvTable } from './env-table.js';
import { parseServiceDoc } from './markdown.js';
import { scanReferences } from './references.js';
import { MAX_SERVICE_DOC_CHARS, markdownLimitHit } from '../markdown-depth.js';
import { walk } from '../mdast-walk.js';


/** The raw text of a node, with its start offset. */
function raw(scan: DocScan, node: Nodes): [string, number] | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : [scan.slice(start, end), start];
}

function readNode(scan: DocScan, node: Nodes): void {
  switch (node.type) {
    case 'heading':
      return readHeading(scan, node);
    case 'paragraph':
      return readParagraph(scan, node);
    case 'table':
      readEnvTable(scan, node);
      return;
    case 'code':
      return readCode(scan, node as Code);
    case 'inlineCode': {
      const r = raw(scan, node);
      if (r) scanCommands(scan, ...r);
      if (r) scanReferences(scan, ...r);
      return;
    }
    case 'text':
    case 'definition': {
      const r = raw(scan, node);
      if (r) scanReferences(scan, ...r);
      return;
    }
    case 'link': {
      // `[text](http://host:3001)`: the URL sits after the link text, in the source only.
      const r = raw(scan, node);
      const textEnd = node.children.at(-1)?.position?.end.offset;
      if (r && textEnd !== undefined) scanReferences(scan, scan.slice(textEnd, r[1] + r[0].length), textEnd);
      return;
    }
    default:
      return;
  }
}

/** Parses one CLAUDE.md into bindings of `file.service`, references and input problems. */
export function extractServiceDoc(file: SourceFile, ctx: ExtractContext): Extraction {
  const scan = new DocScan(file, ctx);
  if (file.text.length > MAX_SERVICE_DOC_CHARS) {
    const firstLine = file.text.indexOf('\n');
    scan.pushProblem(
      'input/too-complex',
      `${file.path} is ${file.text.length.toLocaleString('en-US')} characters long; expected at most ${MAX_SERVICE_DOC_CHARS.toLocaleString('en-US')} (the markdown parser reads about 70 KB per CPU-second), so the doc was not read.`,
      0,
      firstLine < 0 ? file.text.length : firstLine,
      `${file.path}|too-long`,
    );
    return scan.extraction;
  }
  const limit = markdownLimitHit(file.text);
  if (limit) {
    scan.pushProblem(
      limit.kind === 'too-deep' ? 'input/markdown-too-deep' : 'input/too-complex',
      `${file.path} ${limit.found}; expected ${limit.expected} (the markdown parser's time grows much faster than linearly with this), so the doc was not read.`,
      limit.start,
      limit.end,
      `${file.path}|${limit.kind}`,
    );
    return scan.extraction;
  }
  try {
    const tree: Root = parseServiceDoc(file.text);
    // Pre-order: a table is read before its cells and a paragraph before its text, so the
    // specific reader claims a port before the generic URL scan sees it.
    walk(tree, (node) => readNode(scan, node as Nodes));
  } catch (error) {
    scan.extraction.problems.push(
      inputProblem(
        'input/unreadable-doc',
        `${file.path} could not be read as Markdown (${error instanceof Error ? error.message : String(error)}); expected a CommonMark/GFM document.`,
        file.locator.range(0, 0),
        file.path,
      ),
    );
  }
  return scan.extraction;
}

/** Reads `CLAUDE.md` files; the lead passes only the configured service-doc paths. */
export const serviceDocExtractor: Extractor = {
  id: SOURCE,
  accepts: (path) => (path.split('/').pop() ?? '') === 'CLAUDE.md',
  prefilter: (text) => /port|:\d/i.test(text),
  extract: extractServiceDoc,
};
