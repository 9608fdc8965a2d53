/**
 * package.json `scripts`: `vite --port 5010`, `PORT=3030 bun run src/index.ts`,
 * `next dev -p 3000`. Each is a development binding of the owning service, positioned on the
 * digits inside the JSON string (escapes accounted for). Scripts that run tests (`test`,
 * `test:e2e`, `cypress`) are not read: their ports are the test run's.
 */
import type { Extractor } from '../extractor.js';
import { identity } from '../../core/mapped.js';
import { DeployOutput } from './output.js';
import { JsonError, member, members, parseJson, stringOf } from './json.js';
import { scanShell } from './shell-scan.js';
import { quote } from '../../core/quote.js';

/** Reads ports from package.json scripts. */
export const packageJsonExtractor: Extractor = {
  id: 'package-json',
  accepts: (path) => path === 'package.json' || path.endsWith('/package.json'),
  prefilter: (text) => text.includes('"scripts"'),
  extract(file, ctx) {
    const out = new DeployOutput(file, 'package-json', { runtime: 'process' });
    const text = file.text;
    try {
      JSON.parse(text);
    } catch (error) {
      const at = errorIndex(text, error);
      out.problem(
        'input/invalid-json',
        `Found invalid JSON in ${file.path} (${(error as Error).message}); expected a valid package.json.`,
        at,
        Math.min(at + 1, text.length),
        file.path,
      );
      return out.extraction;
    }
    const source = identity(text, 0, text.length);
    let root;
    try {
      root = parseJson(source);
    } catch {
      // JSON.parse accepted it; only nesting too deep for the parser's stack lands here.
      out.problem('input/too-complex', `Found JSON in ${quote(file.path)} nested too deeply to read, so its scripts were not read; expected nesting a parser's stack can hold.`, 0, Math.min(1, text.length), file.path);
      return out.extraction;
    }
    for (const { key, value } of members(member(root, 'scripts'))) {
      const script = stringOf(source, value);
      // A test run's port (`"test": "PORT=8081 mocha"`) is the test's, not where the service runs.
      if (!script || isTestScript(key)) continue;
      scanShell(script, out, {
        service: file.service,
        services: ctx.services,
        network: 'host',
        what: `package.json script "${key}"`,
      });
    }
    return out.extraction;
  },
};

/** `test`, `test:e2e`, `e2e-ci`, `cypress:open`, `playwright`: scripts that run tests. */
export function isTestScript(name: string): boolean {
  return /(^|[:_-])(tests?|e2e|spec|cypress|playwright|jest|vitest|mocha)([:_-]|$)/i.test(name);
}

/** Where JSON is broken: the parser's first error, else the position JSON.parse names. */
function errorIndex(text: string, error: unknown): number {
  try {
    parseJson(identity(text, 0, text.length));
  } catch (e) {
    if (e instanceof JsonError) return e.index;
  }
  const pos = /position (\d+)/.exec(String((error as Error)?.message))?.[1];
  return pos ? Number(pos) : 0;
}
