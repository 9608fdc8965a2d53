import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createLocator } from '../../../src/core/location.js';
import { fingerprint, ruleUrl } from '../../../src/core/finding.js';
import { pythonExtractor, typescriptExtractor } from '../../../src/extract/source/index.js';
import { readWith } from '../../../src/extract/source/run.js';
import { loadedGrammars, locateWasm, parse } from '../../../src/extract/source/tree-sitter.js';
import { run } from './support.js';

// One file per process state: vitest isolates test files, so the lazy-loading assertions
// below see only what this file loaded.
describe('the tree-sitter loader', () => {
  test('finds the runtime and the grammars in node_modules when not bundled', () => {
    const wasm = locateWasm();
    expect(existsSync(wasm.runtime)).toBe(true);
    for (const g of ['typescript', 'tsx', 'javascript', 'python', 'go', 'java', 'c-sharp']) expect(existsSync(join(wasm.grammars, `tree-sitter-${g}.wasm`))).toBe(true);
  });

  test('loads no grammar for a file the prefilter rejects, and only the grammar a file needs', async () => {
    expect(loadedGrammars()).toEqual([]);
    expect(typescriptExtractor.prefilter!("import a from 'b';\nexport default a;")).toBe(false);
    expect(loadedGrammars()).toEqual([]);
    await run(typescriptExtractor, "export const port = env('PORT', '3062');", { path: 'services/a/config.ts', service: 'a' });
    expect(loadedGrammars()).toEqual(['typescript']);
    await run(pythonExtractor, 'PORT = 3023\n', { path: 'services/a/main.py', service: 'a' });
    expect(loadedGrammars()).toEqual(['python', 'typescript']);
  });

  test('node offsets are UTF-16 code units of the JavaScript string, not UTF-8 bytes', async () => {
    const text = "// Größe 😀\nconst port = env('PORT', '3062');\n";
    const tree = await parse('typescript', text);
    try {
      const [fragment] = tree.rootNode.descendantsOfType('string_fragment').filter((n) => n.text === '3062');
      expect(fragment?.startIndex).toBe(text.indexOf('3062'));
    } finally {
      tree.delete();
    }
  });

  test('a reader that fails becomes an input/parse-failed problem on the file, keeping what it read', async () => {
    const text = "export const port = env('PORT', '3062');";
    const file = { path: 'services/a/config.ts', text, service: 'a', locator: createLocator('services/a/config.ts', text) };
    const result = await readWith(file, 'typescript', 'typescript', (root, out) => {
      out.bindLiteral(root.descendantsOfType('string')[1]!, { service: 'a', via: 'test' });
      throw new Error('reader bug');
    });
    expect(result.bindings.map((b) => b.port)).toEqual([3062]);
    expect(result.problems).toEqual([
      {
        ruleId: 'input/parse-failed',
        message: 'Could not read `services/a/config.ts` as typescript: reader bug; expected a file tree-sitter can parse. Its ports are unknown.',
        location: { file: 'services/a/config.ts', line: 1, column: 1, endLine: 1, endColumn: 1 },
        severity: 'warning',
        related: [],
        fingerprint: fingerprint('input/parse-failed', 'services/a/config.ts'),
        url: ruleUrl('input/parse-failed'),
      },
    ]);
  });
});
