/**
 * Extractors for source code (TypeScript/JavaScript, Python, Go, Java, C#) and env generator scripts,
 * all read with tree-sitter (see tree-sitter.ts). Each grammar loads on the first file that
 * needs it; files whose text never mentions a port or a URL are not parsed at all, and the
 * readers are handed only the syntax nodes around what can hold a statement (./anchors.ts).
 */
import type { ExtractContext, Extractor, SourceFile } from '../extractor.js';
import type { Extraction } from '../../core/statements.js';
import type { Anchors } from './anchors.js';
import { readEnvGenerator } from './env-generator.js';
import { goAnchors, readGo } from './go.js';
import { isTestPath } from '../../collect/paths.js';
import { isEnvGenerator, scriptGrammar, serviceNamedByPath } from './paths.js';
import { csharpAnchors, javaAnchors, readCSharp, readJava } from './jvm-dotnet.js';
import { pythonAnchors, readPython } from './python.js';
import { mentionsPort, readWith, type TreeReader } from './run.js';
import type { Grammar } from './tree-sitter.js';
import { readScript, scriptAnchors } from './typescript.js';

/** The ids of the source extractors. */
export type SourceId = 'typescript' | 'javascript' | 'python' | 'go' | 'java' | 'csharp' | 'env-generator';

/** How an extractor reads one file: the grammar, its `source`, the reader and the file's anchors. */
interface Reading {
  grammar: Grammar;
  source: string;
  read: TreeReader;
  /** Undefined: the reader needs the whole tree. */
  anchors?: Anchors;
}

const readings: Record<SourceId, (file: SourceFile, ctx: ExtractContext) => Reading> = {
  typescript: (file) => ({ grammar: scriptGrammar(file.path) ?? 'typescript', source: 'typescript', read: readScript, anchors: scriptAnchors(file.text, file.service) }),
  javascript: (file) => ({ grammar: 'javascript', source: 'javascript', read: readScript, anchors: scriptAnchors(file.text, file.service) }),
  // `uvicorn.run(…, port=…)` in a runner script (a file outside any service whose path names
  // one, or a file placed on a host) is a `deploy` binding of that service.
  python: (file, ctx) => {
    const service = file.service ?? serviceNamedByPath(file.path, ctx.services);
    const kind = file.service === undefined || file.host !== undefined ? 'deploy' : 'source-default';
    return { grammar: 'python', source: 'python', read: (_root, out, nodes) => readPython(nodes, out, { service, kind }), anchors: pythonAnchors(file.text, service) };
  },
  go: (file) => ({ grammar: 'go', source: 'go', read: readGo, anchors: goAnchors(file.text, file.service) }),
  java: (file) => ({ grammar: 'java', source: 'java', read: readJava, anchors: javaAnchors(file.text, file.service) }),
  csharp: (file) => ({ grammar: 'c-sharp', source: 'csharp', read: readCSharp, anchors: csharpAnchors(file.text, file.service) }),
  // A port table's rows are known by the name of the variable holding the table, outside the
  // rows themselves: this reader walks the whole tree (one file per repository).
  'env-generator': (file, ctx) => ({ grammar: scriptGrammar(file.path) ?? 'javascript', source: 'env-generator', read: (root, out) => readEnvGenerator(root, out, ctx.services) }),
};

/**
 * Reads `file` as the extractor `id` does: around its anchors, or, with `'whole-tree'`,
 * handing the reader every node of the tree (what the anchored reading must equal).
 */
export function readSource(id: SourceId, file: SourceFile, ctx: ExtractContext, scope: 'anchors' | 'whole-tree' = 'anchors'): Promise<Extraction> {
  const { grammar, source, read, anchors } = readings[id](file, ctx);
  return readWith(file, grammar, source, read, scope === 'anchors' ? anchors : undefined);
}

/** `.ts`, `.mts`, `.cts`, `.tsx` (not `.d.ts`, tests or env generators); source `typescript`. */
export const typescriptExtractor: Extractor = {
  id: 'typescript',
  accepts: (path) => isScript(path, ['typescript', 'tsx']),
  prefilter: mentionsPort,
  extract: (file, ctx) => readSource('typescript', file, ctx),
};

/** `.js`, `.mjs`, `.cjs`, `.jsx` (not minified files, tests or env generators); source `javascript`. */
export const javascriptExtractor: Extractor = {
  id: 'javascript',
  accepts: (path) => isScript(path, ['javascript']),
  prefilter: mentionsPort,
  extract: (file, ctx) => readSource('javascript', file, ctx),
};

/** `.py` files; a runner script's `uvicorn.run(…, port=…)` binds the service its path names, as `deploy`. */
export const pythonExtractor: Extractor = {
  id: 'python',
  accepts: (path) => path.endsWith('.py') && !isTestPath(path),
  prefilter: mentionsPort,
  extract: (file, ctx) => readSource('python', file, ctx),
};

/** `.go` files (not `_test.go`); source `go`. */
export const goExtractor: Extractor = {
  id: 'go',
  accepts: (path) => path.endsWith('.go') && !isTestPath(path),
  prefilter: mentionsPort,
  extract: (file, ctx) => readSource('go', file, ctx),
};

/** `.java` files (not tests); source `java`. */
export const javaExtractor: Extractor = {
  id: 'java',
  accepts: (path) => path.endsWith('.java') && !isTestPath(path),
  prefilter: mentionsPort,
  extract: (file, ctx) => readSource('java', file, ctx),
};

/** `.cs` files (not tests, not generated `*.Designer.cs` / `*.g.cs`); source `csharp`. */
export const csharpExtractor: Extractor = {
  id: 'csharp',
  accepts: (path) => path.endsWith('.cs') && !isTestPath(path) && !/\.(Designer|g|g\.i)\.cs$/.test(path),
  prefilter: mentionsPort,
  extract: (file, ctx) => readSource('csharp', file, ctx),
};

/** `scripts/generate-env.mjs` and any `*generate-env*.{js,mjs,cjs,ts,mts}`; source `env-generator`, kind `deploy`. */
export const envGeneratorExtractor: Extractor = {
  id: 'env-generator',
  accepts: isEnvGenerator,
  prefilter: (text) => /PORT|:\/\//i.test(text),
  extract: (file, ctx) => readSource('env-generator', file, ctx),
};

/** Every source extractor, in the order the engine runs them. */
export const sourceExtractors: Extractor[] = [typescriptExtractor, javascriptExtractor, pythonExtractor, goExtractor, javaExtractor, csharpExtractor, envGeneratorExtractor];

/** A script file of one of `grammars`, not a test and not an env generator (that has its own reader). */
function isScript(path: string, grammars: string[]): boolean {
  const grammar = scriptGrammar(path);
  return grammar !== undefined && grammars.includes(grammar) && !isTestPath(path) && !isEnvGenerator(path);
}
