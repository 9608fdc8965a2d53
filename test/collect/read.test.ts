import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collect } from '../../src/collect/index.js';
import { firstInvalidUtf8, identifyFile, readRepoFile, readText } from '../../src/collect/read.js';
import { defaultConfig } from '../../src/config/defaults.js';
import { check } from '../../src/engine.js';

function tree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'pw-safe-read-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const TOKEN = 'ghs_portwardenTestTokenDoNotLeak0123456789';
const EXTRAHEADER = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${TOKEN}`).toString('base64')}`;

describe('readRepoFile', () => {
  it('refuses a FIFO at once instead of waiting for a writer', () => {
    const root = tree({});
    execFileSync('mkfifo', [join(root, '.env')]);
    const read = readRepoFile(root, '.env', 1024);
    expect(read).toMatchObject({ problem: { ruleId: 'input/not-a-regular-file', location: { file: '.env', line: 1 } } });
    expect('problem' in read && read.problem.message).toContain('named pipe');
  });

  it('refuses a device and a directory', () => {
    expect(readRepoFile('/dev', 'zero', 1024)).toMatchObject({ problem: { ruleId: 'input/not-a-regular-file', message: expect.stringContaining('character device') } });
    const root = tree({ 'docker-compose.yml/inner': 'x' });
    expect(readRepoFile(root, 'docker-compose.yml', 1024)).toMatchObject({ problem: { ruleId: 'input/not-a-regular-file', message: expect.stringContaining('a directory') } });
  });

  it('never follows a symlink, to a device outside or to a file inside', () => {
    const root = tree({ '.git/config': `[http]\n\textraheader = ${EXTRAHEADER}\n` });
    symlinkSync('/dev/zero', join(root, 'zero.env'));
    symlinkSync('.git/config', join(root, '.env'));
    symlinkSync('nowhere', join(root, 'dangling.yml'));
    expect(readRepoFile(root, 'zero.env', 1024)).toMatchObject({ problem: { ruleId: 'input/symlink-outside-workspace', message: expect.stringContaining('/dev/zero') } });
    const env = readRepoFile(root, '.env', 1024);
    expect(env).toMatchObject({ problem: { ruleId: 'input/symlink-not-followed', message: '`.env` is a symlink to `.git/config`; symlinks are never followed, so it was not read (expected a regular file).' } });
    expect(readRepoFile(root, 'dangling.yml', 1024)).toMatchObject({ problem: { ruleId: 'input/symlink-not-followed', message: expect.stringContaining('target does not exist') } });
  });

  it('refuses a file under a linked directory, naming the link', () => {
    const root = tree({ 'real/docker-compose.yml': 'services: {}\n' });
    symlinkSync(join(root, 'real'), join(root, 'deploy'));
    expect(readRepoFile(root, 'deploy/docker-compose.yml', 1024)).toMatchObject({
      problem: { ruleId: 'input/symlink-not-followed', location: { file: 'deploy/docker-compose.yml' }, message: expect.stringContaining('lies under `deploy`, a symlink') },
    });
    expect(readRepoFile(root, 'real/docker-compose.yml', 1024)).toEqual({ text: 'services: {}\n' });
  });

  it('refuses paths that leave the root', () => {
    const root = tree({ 'a.yml': 'x' });
    expect(readRepoFile(join(root, 'sub'), '../a.yml', 1024)).toMatchObject({ problem: { ruleId: 'input/unreadable' } });
    expect(readRepoFile(root, '/etc/passwd', 1024)).toMatchObject({ problem: { ruleId: 'input/unreadable' } });
  });

  it('names the line of the first byte that is not UTF-8, and of a NUL', () => {
    const root = tree({ 'a.env': Buffer.from('A=1\nB=2\nC=\xff\n', 'latin1'), 'b.env': Buffer.from('A=1\n\nB=\0\n', 'latin1') });
    expect(readRepoFile(root, 'a.env', 1024)).toMatchObject({ problem: { ruleId: 'input/binary-file', location: { line: 3 }, message: expect.stringContaining('line 3') } });
    expect(readRepoFile(root, 'b.env', 1024)).toMatchObject({ problem: { ruleId: 'input/binary-file', location: { line: 3 } } });
  });

  it.runIf(process.platform !== 'win32')('reads a POSIX name holding a backslash as one name', () => {
    const root = tree({ 'dir/a\\b.env': 'PORT=3001\n' });
    expect(readRepoFile(root, 'dir/a\\b.env', 1024)).toEqual({ text: 'PORT=3001\n' });
  });

  it('reads an empty file and a file exactly at the limit', () => {
    const root = tree({ empty: '', full: 'y'.repeat(64) });
    expect(readRepoFile(root, 'empty', 64)).toEqual({ text: '' });
    expect(readRepoFile(root, 'full', 64)).toEqual({ text: 'y'.repeat(64) });
    expect(readRepoFile(root, 'full', 63)).toMatchObject({ problem: { ruleId: 'input/file-too-large' } });
  });
});

describe('readText on the files the walk lists', () => {
  it('answers as readRepoFile does for each of them, links, FIFOs, binary and oversized files included', () => {
    const big = 'x'.repeat(200 * 1024);
    const root = tree({
      'services/a/src/config.ts': 'export const port = 3001;\n',
      'services/a/deep/er/still/.env': 'PORT=3002\n',
      'real/docker-compose.yml': 'services: {}\n',
      'bom.env': '\ufeffPORT=1\n',
      'empty.env': '',
      'big.md': big,
      'huge.md': 'y'.repeat(300 * 1024),
      'nul.env': Buffer.from('A=1\n\0', 'latin1'),
      'latin1.env': Buffer.from('A=\xe9\n', 'latin1'),
      'unicode.md': 'Pört 3000 — ✓\n',
    });
    symlinkSync(join(root, 'real'), join(root, 'deploy'));
    symlinkSync('/etc/hostname', join(root, 'outside.env'));
    symlinkSync('services/a/src/config.ts', join(root, 'inside.ts'));
    execFileSync('mkfifo', [join(root, 'fifo.env')]);
    const limit = 256 * 1024;
    const files = collect(root, defaultConfig()).files;
    expect(files.map((f) => f.path)).toContain('deploy');
    expect(files.every((f) => f.walked)).toBe(true);
    // Largest first, then the rest: a text read before must not change when the next file is read.
    const ordered = [...files].sort((a, b) => Number(b.path === 'big.md') - Number(a.path === 'big.md'));
    const texts = ordered.map((f) => [f.path, readText(f, limit)] as const);
    for (const [path, read] of texts) expect(read, path).toEqual(readRepoFile(root, path, limit));
    expect(texts.find(([p]) => p === 'big.md')?.[1]).toEqual({ text: big });
    expect(texts.find(([p]) => p === 'unicode.md')?.[1]).toEqual({ text: 'Pört 3000 — ✓\n' });
    expect(texts.find(([p]) => p === 'huge.md')?.[1]).toMatchObject({ problem: { ruleId: 'input/file-too-large' } });
  });
});

describe('identifyFile', () => {
  it("names each listed file's bytes as git does, refuses what readText refuses before reading, and takes no bytes for text", () => {
    const root = tree({
      'services/a/src/config.ts': 'export const port = 3001;\n',
      'bom.env': '\ufeffPORT=1\n',
      'empty.env': '',
      'huge.md': 'y'.repeat(300 * 1024),
      'nul.env': Buffer.from('A=1\n\0', 'latin1'),
      'latin1.env': Buffer.from('A=\xe9\n', 'latin1'),
    });
    symlinkSync('/etc/hostname', join(root, 'outside.env'));
    execFileSync('mkfifo', [join(root, 'fifo.env')]);
    const limit = 256 * 1024;
    for (const file of collect(root, defaultConfig()).files) {
      const named = identifyFile(file, limit);
      const read = readText(file, limit, undefined, true);
      if ('problem' in named) {
        // Refused before any byte is read: the same refusal as a text read.
        expect(named, file.path).toEqual(read);
        continue;
      }
      const hashed = execFileSync('git', ['hash-object', '--no-filters', join(root, file.path)], { encoding: 'utf8' }).trim();
      expect(named.blob, file.path).toBe(hashed);
      // A text read names the same bytes, or refuses them as text (a NUL, not UTF-8).
      if ('text' in read) expect(read.blob, file.path).toBe(hashed);
      else expect(read.refusal.kind, file.path).toMatch(/^(binary|not-utf8)$/);
    }
  });
});

describe('firstInvalidUtf8', () => {
  const strict = new TextDecoder('utf-8', { fatal: true });
  const valid = (bytes: Uint8Array) => {
    try {
      strict.decode(bytes);
      return true;
    } catch {
      return false;
    }
  };

  it('agrees with a strict decoder on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => (firstInvalidUtf8(bytes) === -1) === valid(bytes)), { numRuns: 3000 });
  });

  it('agrees on text with one byte changed, and everything before the byte it names is valid', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.nat(), fc.integer({ min: 0, max: 255 }), (text, at, byte) => {
        const bytes = new Uint8Array(Buffer.from(text, 'utf8'));
        if (bytes.length === 0) return true;
        bytes[at % bytes.length] = byte;
        const bad = firstInvalidUtf8(bytes);
        return (bad === -1) === valid(bytes) && (bad === -1 || valid(bytes.subarray(0, bad)));
      }),
      { numRuns: 5000 },
    );
  });

  it('refuses overlong forms, surrogates and code points above U+10FFFF', () => {
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0xc0, 0xaf]))).toBe(1);
    expect(firstInvalidUtf8(Uint8Array.from([0xe0, 0x80, 0xaf]))).toBe(0);
    expect(firstInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Uint8Array.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Uint8Array.from([0xf0, 0x9f, 0x98, 0x80]))).toBe(-1);
    expect(firstInvalidUtf8(Uint8Array.from([0xe2, 0x82]))).toBe(0);
  });
});

describe('check() reads every repository file through the safe reader', () => {
  it('turns a root .env linked to .git/config into a finding and never reads the token', async () => {
    const root = tree({
      '.git/config': `[http "https://github.com/"]\n\textraheader = ${EXTRAHEADER}\n`,
      'docs/PORT_SCHEMA.md': '# Port Schema\n',
      'docker-compose.yml': 'services:\n  api:\n    ports:\n      - "${extraheader}:3000"\n',
    });
    symlinkSync('.git/config', join(root, '.env'));
    const result = await check({ root });
    const env = result.findings.filter((f) => f.location.file === '.env');
    expect(env).toMatchObject([{ ruleId: 'input/symlink-not-followed', severity: 'notice' }]);
    const everything = JSON.stringify({ findings: result.findings, model: { ...result.model, hosts: undefined, services: undefined } });
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain(Buffer.from(`x-access-token:${TOKEN}`).toString('base64'));
    expect(everything).not.toContain('AUTHORIZATION');
  });

  it('refuses a root .env that is a FIFO without hanging', async () => {
    const root = tree({ 'docs/PORT_SCHEMA.md': '# Port Schema\n' });
    execFileSync('mkfifo', [join(root, '.env')]);
    const result = await check({ root });
    expect(result.findings.filter((f) => f.location.file === '.env')).toMatchObject([{ ruleId: 'input/not-a-regular-file' }]);
  });

  it('reports a linked registry, and stays quiet about links nobody reads', async () => {
    const root = tree({ 'real/PORT_SCHEMA.md': '# Port Schema\n', 'assets/logo.svg': '<svg/>' });
    mkdirSync(join(root, 'docs'));
    symlinkSync('../real/PORT_SCHEMA.md', join(root, 'docs/PORT_SCHEMA.md'));
    symlinkSync('logo.svg', join(root, 'assets/icon.svg'));
    symlinkSync('/etc', join(root, 'etc-link'));
    const result = await check({ root });
    const inputs = result.findings.filter((f) => f.ruleId.startsWith('input/')).map((f) => `${f.ruleId} ${f.location.file}`);
    expect(inputs).toEqual(['input/symlink-not-followed docs/PORT_SCHEMA.md']);
    expect(result.model.registry).toBeUndefined();
  });
});
