import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { exitQuietlyOnEpipe } from '../../src/cli/epipe.js';

const ROOT = resolve(import.meta.dirname, '../..');

describe('exitQuietlyOnEpipe', () => {
  it('ends with the exit code so far on EPIPE, and rethrows any other error', () => {
    const stream = new EventEmitter();
    const exits: number[] = [];
    exitQuietlyOnEpipe(stream, (code) => exits.push(code));
    const before = process.exitCode;
    try {
      process.exitCode = 1;
      stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      process.exitCode = undefined;
      stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    } finally {
      process.exitCode = before;
    }
    expect(exits).toEqual([1, 0]);
    expect(() => stream.emit('error', Object.assign(new Error('disk full'), { code: 'ENOSPC' }))).toThrow('disk full');
  });
});

describe('the CLI with a reader that goes away (`| head`)', () => {
  let cli: string;
  beforeAll(async () => {
    // The CLI as shipped, bundled from the current source (dist/ is rebuilt separately).
    const out = mkdtempSync(join(tmpdir(), 'pw-cli-build-'));
    cli = join(out, 'cli.mjs');
    await build({
      entryPoints: [join(ROOT, 'src/cli/index.ts')],
      outfile: cli,
      bundle: true,
      platform: 'node',
      format: 'esm',
      logLevel: 'error',
      banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
    });
  }, 60_000);

  it.each([['check'], ['hosts']])('`%s` ends quietly when stdout is closed before it writes', async (command) => {
    const repo = mkdtempSync(join(tmpdir(), 'pw-epipe-'));
    writeFileSync(join(repo, 'docker-compose.yml'), 'services:\n  api:\n    ports: ["99999:80"]\n');
    const child = spawn(process.execPath, [cli, command, repo], { stdio: ['ignore', 'pipe', 'pipe'] });
    // Like `head` exiting: the read end of the pipe is closed before the CLI has output.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(code).not.toBeNull();
    expect(code).toBeLessThan(2);
  }, 60_000);
});
