/**
 * Extractors for source code (TypeScript/JavaScript, Python, Go, Java, C#) and env generator scripts,
 * all read with tree-sitter (see tree-sitter.ts). Each grammar loads on the first file that
 * needs it; files whose text never mentions a port or a URL are not parsed at all.
 */
import type { Extractor } from '../extractor.js';
import { readEnvGenerator } from './env-generator.js';
import { readGo } from './go.js';
import { isTestPath } from '../../collect/paths.js';
import { isEnvGenerator, scriptGrammar, serviceNamedByPath } from './paths.js';
import { readCSharp, readJava } from './jvm-dotnet.js';
import { readPython } from './python.js';
import { mentionsPort, readWith } from './run.js';
import { readScript } from './typescript.js';

/** `.ts`, `.mts`, `.cts`, `.tsx` (not `.d.ts`, tests or env generators); source `typescript`. */
export const typescriptExtractor: Extractor = {
  id: 'typescript',
  accepts: (path) => isScript(path, ['typescript', 'tsx']),
  prefilter: mentionsPort,
  extract: (file) => readWith(file, scriptGrammar(file.path) ?? 'typescript', 'typescript', readScript),
};

/** `.js`, `.mjs`, `.cjs`, `.jsx` (not minified files, tests or env generators); source `javascript`. */
export const javascriptExtractor: Extractor = {
  id: 'javascript',
  accepts: (path) => isScript(path, ['javascript']),
  prefilter: mentionsPort,
  extract: (file) => readWith(file, 'javascript', 'javascript', readScript),
};

/**
 * `.py` files. `uvicorn.run(…, port=…)` in a runner script (a file outside any service whose
 * path names one, or a file placed on a host) is a `deploy` binding of that service.
 */
export const pythonExtractor: Extractor = {
  id: 'python',
  accepts: (path) => path.endsWith('.py') && !isTestPath(path),
  prefilter: mentionsPort,
  extract: (file, ctx) => {
    const service = file.service ?? serviceNamedByPath(file.path, ctx.services);
    const kind = file.service === undefined || file.host !== undefined ? 'deploy' : 'source-default';
    return readWith(file, 'python', 'python', (root, out) => readPython(root, out, { service, kind }));
  },
};

/** `.go` files (not `_test.go`); source `go`. */
export const goExtractor: Extractor = {
  id: 'go',
  accepts: (path) => path.endsWith('.go') && !isTestPath(path),
  prefilter: mentionsPort,
  extract: (file) => readWith(file, 'go', 'go', readGo),
};

/** `.java` files (not tests); source `java`. */
export const javaExtractor: Extractor = {
  id: 'java',
  accepts: (path) => path.endsWith('.java') && !isTestPath(path),
  prefilter: mentionsPort,
  extract: (file) => readWith(file, 'java', 'java', readJava),
};

/** `.cs` files (not tests, not generated `*.Designer.cs` / `*.g.cs`); source `csharp`. */
export const csharpExtractor: Extractor = {
  id: 'csharp',
  accepts: (path) => path.endsWith('.cs') && !isTestPath(path) && !/\.(Designer|g|g\.i)\.cs$/.test(path),
  prefilter: mentionsPort,
  extract: (file) => readWith(file, 'c-sharp', 'csharp', readCSharp),
};

/** `scripts/generate-env.mjs` and any `*generate-env*.{js,mjs,cjs,ts,mts}`; source `env-generator`, kind `deploy`. */
export const envGeneratorExtractor: Extractor = {
  id: 'env-generator',
  accepts: isEnvGenerator,
  prefilter: (text) => /PORT|:\/\//i.test(text),
  extract: (file, ctx) => readWith(file, scriptGrammar(file.path) ?? 'javascript', 'env-generator', (root, out) => readEnvGenerator(root, out, ctx.services)),
};

/** Every source extractor, in the order the engine runs them. */
export const sourceExtractors: Extractor[] = [typescriptExtractor, javascriptExtractor, pythonExtractor, goExtractor, javaExtractor, csharpExtractor, envGeneratorExtractor];

/** A script file of one of `grammars`, not a test and not an env generator (that has its own reader). */
function isScript(path: string, grammars: string[]): boolean {
  const grammar = scriptGrammar(path);
  return grammar !== undefined && grammars.includes(grammar) && !isTestPath(path) && !isEnvGenerator(path);
}
