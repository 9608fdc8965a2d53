import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import picomatch from 'picomatch';
import { collect } from '../../src/collect/index.js';
import { coversDirectory } from '../../src/collect/walk.js';
import { readText } from '../../src/collect/read.js';
import { findSuppressions } from '../../src/collect/suppressions.js';
import { defaultConfig } from '../../src/config/defaults.js';

function tree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'pw-collect-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

describe('collect', () => {
  it('lists files, skipping lock files, node_modules, vendored, generated code and changelogs', () => {
    const root = tree({
      'docs/PORT_SCHEMA.md': '# Ports',
      'services/mana-auth/src/config.ts': 'x',
      'services/mana-auth/node_modules/dep/index.js': 'x',
      'vendor/lib/a.go': 'x',
      'package-lock.json': '{}',
      'services/mana-auth/src/api.generated.ts': 'x',
      'CHANGELOG.md': 'x',
      'docs/devlog/2026-04-01.md': 'x',
    });
    const paths = collect(root, defaultConfig()).files.map((f) => f.path);
    expect(paths).toEqual(['docs/PORT_SCHEMA.md', 'services/mana-auth/src/config.ts']);
  });

  it('honours user ignore globs on top of the built-in ones', () => {
    const root = tree({ 'legacy/docker-compose.yml': 'x', 'docker-compose.yml': 'x' });
    const paths = collect(root, { ...defaultConfig(), ignore: ['legacy/**'] }).files.map((f) => f.path);
    expect(paths).toEqual(['docker-compose.yml']);
  });

  it('finds service directories, their docs, and the owner of each file', () => {
    const root = tree({ 'services/mana-sync/CLAUDE.md': '# sync', 'services/mana-sync/cmd/config.go': 'x', 'services/empty/.keep': '' });
    const collected = collect(root, defaultConfig());
    expect(collected.serviceDirs).toEqual([
      { name: 'empty', path: 'services/empty' },
      { name: 'mana-sync', path: 'services/mana-sync', doc: 'services/mana-sync/CLAUDE.md' },
    ]);
    expect(collected.serviceDocs).toEqual(new Set(['services/mana-sync/CLAUDE.md']));
    expect(collected.ownerOf('services/mana-sync/cmd/config.go')).toBe('mana-sync');
    expect(collected.ownerOf('docker-compose.yml')).toBeUndefined();
  });

  it('refuses a symlink leaving the workspace when it is read, instead of following it', () => {
    const outside = tree({ 'secret.env': 'PORT=1' });
    const root = tree({ 'docs/PORT_SCHEMA.md': '#' });
    symlinkSync(join(outside, 'secret.env'), join(root, '.env'));
    const collected = collect(root, defaultConfig());
    expect(collected.files.map((f) => f.path)).toEqual(['.env', 'docs/PORT_SCHEMA.md']);
    const read = readText(collected.files[0]!, 100);
    expect(read).toMatchObject({ problem: { ruleId: 'input/symlink-outside-workspace', location: { file: '.env', line: 1 } } });
    expect('problem' in read && read.problem.message).toContain('outside the workspace');
  });

  it('lists a symlink inside the workspace without following it, and never descends a linked directory', () => {
    const root = tree({ 'deploy/base.env': 'PORT=3001' });
    symlinkSync(join(root, 'deploy/base.env'), join(root, '.env'));
    symlinkSync(join(root, 'deploy'), join(root, 'loop'));
    const collected = collect(root, defaultConfig());
    expect(collected.files.map((f) => f.path)).toEqual(['.env', 'deploy/base.env', 'loop']);
    expect(collected.problems).toEqual([]);
    // Listing is not reading: the reader refuses the link when an extractor asks for it.
    expect(readText(collected.files[0]!, 100)).toMatchObject({ problem: { ruleId: 'input/symlink-not-followed', location: { file: '.env' } } });
  });

  it('reports a symlink where a service directory would be, instead of reading through it', () => {
    const root = tree({ 'elsewhere/mana-auth/src/config.ts': 'x' });
    mkdirSync(join(root, 'services'));
    symlinkSync(join(root, 'elsewhere/mana-auth'), join(root, 'services/mana-auth'));
    const collected = collect(root, defaultConfig());
    expect(collected.serviceDirs).toEqual([]);
    expect(collected.problems).toMatchObject([{ ruleId: 'input/symlink-not-followed', location: { file: 'services/mana-auth' } }]);
  });

  it('prunes a directory only when an ignore glob covers everything under it', () => {
    const root = tree({ 'a/x': '1', 'a/keep.yml': '2', 'b/c/x': '3', 'b/c/d.env': '4', 'x/inner.yml': '5', 'legacy/old.yml': '6' });
    const paths = collect(root, { ...defaultConfig(), ignore: ['**/x', 'legacy/**'] }).files.map((f) => f.path);
    // `**/x` skips the files named x (and a directory named x), not every directory.
    expect(paths).toEqual(['a/keep.yml', 'b/c/d.env']);
  });

  it('lists refused tree paths like files, under the same ignore globs', () => {
    const root = tree({ 'docs/PORT_SCHEMA.md': '#' });
    const collected = collect(root, { ...defaultConfig(), ignore: ['legacy/**'] }, new Map([['old.yml', 'new.yml']]), [
      { path: 'docker-compose.yml', reason: 'too-large', size: 5_000_000, limit: 1024 },
      { path: 'legacy/docker-compose.yml', reason: 'symlink' },
      { path: 'node_modules/x/index.js', reason: 'symlink' },
      { path: 'old.yml', reason: 'symlink' },
    ]);
    expect(collected.files.map((f) => f.path)).toEqual(['docs/PORT_SCHEMA.md', 'docker-compose.yml', 'new.yml']);
    expect(readText(collected.files[1]!, 1024)).toMatchObject({ problem: { ruleId: 'input/file-too-large', message: expect.stringContaining('5000000 bytes') } });
    expect(readText(collected.files[2]!, 1024)).toMatchObject({ problem: { ruleId: 'input/symlink-not-followed', location: { file: 'new.yml' } } });
  });
});

describe('coversDirectory', () => {
  const covers = (globs: string[], dir: string) => coversDirectory(picomatch(globs, { dot: true }), dir);

  it('covers a directory when the globs match it or everything under it', () => {
    expect(covers(['legacy/**'], 'legacy')).toBe(true);
    expect(covers(['**/node_modules/**'], 'a/node_modules')).toBe(true);
    expect(covers(['**/generated'], 'src/generated')).toBe(true);
    expect(covers(['**/x'], 'src')).toBe(false);
    expect(covers(['**/*.md'], 'docs')).toBe(false);
    expect(covers(['legacy/*'], 'legacy')).toBe(false);
  });
});

describe('readText', () => {
  const file = (root: string, path: string) => ({ path, abs: join(root, path), root });

  it('refuses a binary file with a problem naming it', () => {
    const root = tree({ Dockerfile: Buffer.from([0x46, 0x52, 0x00, 0x4d]) });
    expect(readText(file(root, 'Dockerfile'), 100)).toMatchObject({ problem: { ruleId: 'input/binary-file', location: { file: 'Dockerfile', line: 1 } } });
  });

  it('refuses invalid UTF-8', () => {
    const root = tree({ '.env': Buffer.from([0x50, 0x4f, 0xff, 0xfe, 0x41]) });
    expect(readText(file(root, '.env'), 100)).toMatchObject({ problem: { ruleId: 'input/binary-file' } });
  });

  it('refuses a file above the size limit', () => {
    const root = tree({ 'big.yml': 'x'.repeat(5000) });
    expect(readText(file(root, 'big.yml'), 4096)).toMatchObject({
      problem: { ruleId: 'input/file-too-large', message: expect.stringContaining('5000 bytes, above the limit of 4096') },
    });
    expect(readText(file(root, 'big.yml'), 5000)).toEqual({ text: 'x'.repeat(5000) });
  });

  it('drops a byte-order mark and reads the text', () => {
    const root = tree({ '.env': '\ufeffPORT=3001\n' });
    expect(readText(file(root, '.env'), 100)).toEqual({ text: 'PORT=3001\n' });
  });
});

describe('suppressions', () => {
  it('reads `portwarden-ignore <rule>: <reason>` in any comment syntax', () => {
    const text = ['a', '# portwarden-ignore drift/deploy: migrating to 3050', "x: 1 // portwarden-ignore * : legacy", '<!-- portwarden-ignore stale-reference: docs lag -->'].join('\n');
    expect(findSuppressions('f', text)).toEqual([
      { file: 'f', line: 2, ruleId: 'drift/deploy', reason: 'migrating to 3050' },
      { file: 'f', line: 3, ruleId: '*', reason: 'legacy' },
      { file: 'f', line: 4, ruleId: 'stale-reference', reason: 'docs lag' },
    ]);
  });
});
