/**
 * The one place that loads tree-sitter. The runtime and the grammars are wasm files: in the
 * bundle they sit in `dist/wasm/` beside `dist/index.js` (scripts/build.mjs copies them);
 * from source and in tests they are resolved from node_modules. The runtime is initialised
 * once, and a grammar is loaded only when the first file that needs it arrives.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Language, Parser, type Tree } from 'web-tree-sitter';

/** The grammars the source extractors use (file names `tree-sitter-<grammar>.wasm`). */
export type Grammar = 'typescript' | 'tsx' | 'javascript' | 'python' | 'go' | 'java' | 'c-sharp';

/** Where the wasm files were found. */
export interface WasmFiles {
  /** Path of `web-tree-sitter.wasm`, the runtime. */
  runtime: string;
  /** Directory holding `tree-sitter-<grammar>.wasm`. */
  grammars: string;
}

const RUNTIME = 'web-tree-sitter.wasm';
let located: WasmFiles | undefined;

/**
 * Finds the wasm files: `<dir of this module>/wasm/` when running from the bundle, else the
 * installed packages. Throws naming both places when neither has them.
 */
export function locateWasm(): WasmFiles {
  if (located) return located;
  const beside = fileURLToPath(new URL('./wasm/', import.meta.url));
  if (existsSync(join(beside, RUNTIME))) return (located = { runtime: join(beside, RUNTIME), grammars: beside });
  const require = createRequire(import.meta.url);
  try {
    located = {
      runtime: require.resolve(`web-tree-sitter/${RUNTIME}`),
      grammars: join(dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm'),
    };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`tree-sitter wasm files not found in ${beside} nor in node_modules (${why}); expected them beside the bundle or installed`);
  }
  return located;
}

/**
 * V8 compiles wasm in two tiers: baseline code (Liftoff) at once, then optimised code
 * (TurboFan) for the functions that run hot. A check parses a few small files per service,
 * and optimising the runtime and the grammars (the C# grammar alone is 5 MB of wasm) costs
 * more CPU than the faster code gives back: the parsers run on baseline code only. Once warm
 * that code takes about half as long again per parse, so this pays until a check parses
 * several thousand files. Only tree-sitter is wasm in this process; the flag changes how its
 * code is compiled, never what it computes, and must be set before the first module is
 * compiled.
 */
const WASM_TIERS = '--liftoff-only';

let ready: Promise<void> | undefined;
const languages = new Map<Grammar, Promise<Language>>();
const parsers = new Map<Grammar, Parser>();

/** Initialises the runtime once; a failed attempt may be retried by a later call. */
function init(): Promise<void> {
  if (!ready) setFlagsFromString(WASM_TIERS);
  ready ??= Parser.init({ locateFile: () => locateWasm().runtime }).catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return ready;
}

/** The parser for `grammar`, created (and its grammar loaded) on first use, then reused. */
async function parserFor(grammar: Grammar): Promise<Parser> {
  const cached = parsers.get(grammar);
  if (cached) return cached;
  await init();
  let language = languages.get(grammar);
  if (!language) {
    // web-tree-sitter reads the grammar file itself: portwarden's own wasm, shipped beside the
    // bundle, not a file of the checked repository, so it does not go through collect/read.ts.
    language = Language.load(join(locateWasm().grammars, `tree-sitter-${grammar}.wasm`));
    languages.set(grammar, language);
    language.catch(() => languages.delete(grammar));
  }
  const loaded = await language;
  // Another call may have finished first while this one awaited.
  const raced = parsers.get(grammar);
  if (raced) return raced;
  const parser = new Parser();
  parser.setLanguage(loaded);
  parsers.set(grammar, parser);
  return parser;
}

/**
 * Parses `text` with `grammar`. Node offsets (`startIndex`) are UTF-16 code units into
 * `text`, the unit of {@link Locator.range}. The caller must `delete()` the tree when done:
 * trees live in wasm memory, not on the JS heap.
 */
export async function parse(grammar: Grammar, text: string): Promise<Tree> {
  const parser = await parserFor(grammar);
  // parse() is synchronous, so sharing one parser per grammar between files is safe.
  // Asking the system for CPU time costs tens of microseconds here, more than the parse of a
  // small file, and the progress callback runs many times per parse. So nothing is asked
  // while the parse is younger than CPU_CHECK_AFTER_MS of wall time (almost every parse);
  // past that, the CPU used from then on is measured, and the first CPU_CHECK_AFTER_MS are
  // counted as if they were all CPU (this thread cannot have used more).
  const wallStart = performance.now();
  let cpuStart: NodeJS.CpuUsage | undefined;
  const overBudget = () => {
    const wall = performance.now() - wallStart;
    if (wall <= CPU_CHECK_AFTER_MS) return false;
    cpuStart ??= process.cpuUsage();
    if (wall <= MAX_PARSE_CPU_MS) return false;
    const used = process.cpuUsage(cpuStart);
    return CPU_CHECK_AFTER_MS + (used.user + used.system) / 1000 > MAX_PARSE_CPU_MS;
  };
  // The progress callback cancels the parse when it returns true (the typings say void).
  const tree = parser.parse(text, null, { progressCallback: overBudget as (state: unknown) => void });
  if (!tree) {
    if (overBudget()) throw new ParseBudgetExceeded(grammar);
    throw new Error(`tree-sitter returned no tree for ${grammar}`);
  }
  return tree;
}

/**
 * CPU time one file's parse may take. Real source parses at megabytes per second; text that
 * is not valid code of the grammar can send tree-sitter's error recovery into quadratic time
 * (45 KB of `<!--` runs took 100 s as Python), which would stall the whole check.
 */
export const MAX_PARSE_CPU_MS = 2_000;

/** Wall time a parse runs before its CPU time is measured at all. */
const CPU_CHECK_AFTER_MS = 50;

/** Thrown when a parse was cancelled for taking more than {@link MAX_PARSE_CPU_MS}. */
export class ParseBudgetExceeded extends Error {
  constructor(readonly grammar: Grammar) {
    super(`parsing as ${grammar} took more than ${MAX_PARSE_CPU_MS / 1000} s of CPU`);
  }
}

/** The grammars loaded so far (for tests of lazy loading). */
export function loadedGrammars(): Grammar[] {
  return [...parsers.keys()].sort();
}
