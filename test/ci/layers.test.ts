/**
 * The stage rules of .dependency-cruiser.cjs (`npm run layers`), run on a tiny tree with one
 * breach of each kind and one import of each kind that is allowed: every breach is reported
 * under its rule, and nothing else is.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** Writes `files` (path → source) under a fresh directory with a tsconfig like the project's. */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pw-layers-'));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', noEmit: true }, include: ['src', 'test'] }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** `rule: from → to` for every violation the project's rules find under `dir`. */
async function violations(dir: string): Promise<string[]> {
  const cli = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
  const run = promisify(execFile)(process.execPath, [cli, 'src', '--config', join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'json'], { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
  // Exit code = number of errors; the JSON is on stdout either way.
  const { stdout } = await run.catch((error: { stdout: string }) => error);
  const result = JSON.parse(stdout) as { summary: { violations: { rule: { name: string }; from: string; to: string; cycle?: unknown[] }[] } };
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

describe('the stage rules (.dependency-cruiser.cjs)', () => {
  it('report each breach under its rule, and allow what the layout allows', { timeout: 120_000 }, async () => {
    const dir = tree({
      'src/core/location.ts': 'export const at = 1;\n',
      // Breaches: core reaching right, model reaching into collect, config doing I/O, a cycle
      // in extract, a module in no stage, src importing test.
      'src/core/hosts.ts': "import { rule } from '../rules/rule.js';\nexport const hosts = rule;\n",
      'src/model/build.ts': "import { files } from '../collect/walk.js';\nimport { at } from '../core/location.js';\nexport const build = [files, at];\n",
      'src/config/parse.ts': "import { readFileSync } from 'node:fs';\nexport const parse = readFileSync;\n",
      'src/extract/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
      'src/extract/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
      'src/misc/helper.ts': "import { at } from '../core/location.js';\nexport const helper = at;\n",
      'src/rules/rule.ts': "import { build } from '../model/build.js';\nimport { fixture } from '../../test/fixture.js';\nexport const rule = [build, fixture];\n",
      'test/fixture.ts': 'export const fixture = 1;\n',
      // Allowed: collect reads files and imports config; extract imports collect; the edge imports anything and writes.
      'src/collect/walk.ts': "import { readdirSync } from 'node:fs';\nimport { parse } from '../config/parse.js';\nexport const files = [readdirSync, parse];\n",
      'src/extract/index.ts': "import { files } from '../collect/walk.js';\nexport const extract = files;\n",
      'src/engine.ts': "import { writeFileSync } from 'node:fs';\nimport { rule } from './rules/rule.js';\nimport { extract } from './extract/index.js';\nexport const run = [writeFileSync, rule, extract];\n",
    });
    expect(await violations(dir)).toEqual([
      'file-system-only-in-collect-and-the-edge: src/config/parse.ts → fs',
      'layer-core: src/core/hosts.ts → src/rules/rule.ts',
      'layer-model: src/model/build.ts → src/collect/walk.ts',
      'no-circular: src/extract/a.ts → src/extract/b.ts',
      'no-module-outside-the-stages: src/misc/helper.ts → src/core/location.ts',
      'no-src-importing-test: src/rules/rule.ts → test/fixture.ts',
    ]);
  });
});
