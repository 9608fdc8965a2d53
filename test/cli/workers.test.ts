/**
 * The bundled CLI spreads extraction over worker threads (dist/extract-worker.js); the
 * result must be exactly what one thread gives: same bindings, same findings, same order.
 * PORTWARDEN_E2E_ENTRY=<bundle>/index.js tests the bundle beside it instead of dist/.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BUNDLE = process.env.PORTWARDEN_E2E_ENTRY ? dirname(resolve(process.env.PORTWARDEN_E2E_ENTRY)) : resolve(ROOT, 'dist');
const CLI = join(BUNDLE, 'cli.js');
const example = resolve(ROOT, 'examples/monorepo');

function bundled(workers: number, cli = CLI): unknown {
  // Exit code 1 (errors found) is expected; execFileSync throws on it, so read stdout from the error.
  let out: string;
  try {
    out = execFileSync(process.execPath, [cli, 'check', example, '--format', 'json'], { env: { ...process.env, PORTWARDEN_WORKERS: String(workers) }, encoding: 'utf8' });
  } catch (error) {
    out = (error as { stdout: string }).stdout;
  }
  const report = JSON.parse(out);
  report.stats.ms = 0;
  return report;
}

describe.skipIf(!existsSync(join(BUNDLE, 'extract-worker.js')))('extraction in worker threads', () => {
  it('gives the same report with 3 workers as with 1, and as the source run in-process', async () => {
    const one = bundled(1);
    expect(bundled(3)).toEqual(one);
    const inProcess = JSON.parse((await runCli(['check', example, '--format', 'json'])).stdout);
    inProcess.stats.ms = 0;
    expect(one).toEqual(inProcess);
  });

  it('redoes the files of a worker that dies on the main thread, losing none', () => {
    // A copy of the bundle (entries and shared chunks; a copy, since Node would follow a link
    // back to the real worker), with the wasm linked and a worker that dies at once.
    const dir = mkdtempSync(join(tmpdir(), 'pw-broken-worker-'));
    for (const name of readdirSync(BUNDLE)) if (name.endsWith('.js') && name !== 'extract-worker.js') copyFileSync(join(BUNDLE, name), join(dir, name));
    symlinkSync(join(BUNDLE, 'wasm'), join(dir, 'wasm'));
    writeFileSync(join(dir, 'extract-worker.js'), "throw new Error('worker broken on purpose');\n");
    expect(bundled(3, join(dir, 'cli.js'))).toEqual(bundled(1));
  });
});
