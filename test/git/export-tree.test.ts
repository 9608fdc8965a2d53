import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/action/analyse.js';
import { exportTree } from '../../src/git/export-tree.js';
import { check } from '../../src/engine.js';
import { createTempRepo } from '../support/git-repo.js';

/** Every path under `dir`, files and directories, relative and sorted. */
function listAll(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).map((p) => p.split('\\').join('/')).sort();
}

describe('exportTree', () => {
  it('writes every file of the commit, whatever its .gitattributes says about export', async () => {
    const repo = createTempRepo();
    repo.write({
      // A pull request could try to hide the registry from its own check this way.
      '.gitattributes': 'docs/PORT_SCHEMA.md export-ignore\nservices/** export-subst\n',
      'docs/PORT_SCHEMA.md': '# Port Schema\n',
      'services/mana-auth/CLAUDE.md': '- **Port:** 3001 $Format:%H$\n',
      'services/mana-auth/src/ünïcode name.ts': 'export const port = 3001;\n',
    });
    symlinkSync('../docs/PORT_SCHEMA.md', join(repo.dir, 'services/link.md'));
    const sha = repo.commit('base');
    repo.write({ 'docs/PORT_SCHEMA.md': '# changed after the commit\n' });

    const tree = await exportTree(repo.dir, sha);
    try {
      expect(readFileSync(join(tree.dir, 'docs/PORT_SCHEMA.md'), 'utf8')).toBe('# Port Schema\n');
      expect(readFileSync(join(tree.dir, 'services/mana-auth/CLAUDE.md'), 'utf8')).toBe('- **Port:** 3001 $Format:%H$\n');
      expect(readFileSync(join(tree.dir, 'services/mana-auth/src/ünïcode name.ts'), 'utf8')).toBe('export const port = 3001;\n');
      // Symlinks are never created: the link is reported as refused instead.
      expect(existsSync(join(tree.dir, 'services/link.md'))).toBe(false);
      expect(tree.refused).toEqual([{ path: 'services/link.md', reason: 'symlink', commit: sha }]);
      const listed = execFileSync('git', ['ls-tree', '-r', '--name-only', sha], { cwd: repo.dir, encoding: 'utf8' }).trim().split('\n');
      expect(listed.length).toBe(5);
    } finally {
      await tree.dispose();
    }
    expect(existsSync(tree.dir)).toBe(false);
  });

  it('drains a blob above the limit without writing it, and keeps reading the blobs after it', async () => {
    const repo = createTempRepo();
    const big = Buffer.alloc(3 * 1024 * 1024, 'a');
    // A newline-rich blob just under the limit: framing must come from sizes, never from newlines.
    const near = Buffer.from('\n'.repeat(1024 * 1024 - 1) + 'z');
    repo.write({ 'a.yml': 'first\n', 'b/big.yml': big.toString(), 'c/near.txt': near.toString(), 'd.env': 'PORT=3001\n' });
    const sha = repo.commit('big');
    const tree = await exportTree(repo.dir, sha, { maxFileBytes: 1024 * 1024 });
    try {
      expect(listAll(tree.dir)).toEqual(['a.yml', 'c', 'c/near.txt', 'd.env']);
      expect(readFileSync(join(tree.dir, 'a.yml'), 'utf8')).toBe('first\n');
      expect(readFileSync(join(tree.dir, 'c/near.txt')).equals(near)).toBe(true);
      expect(readFileSync(join(tree.dir, 'd.env'), 'utf8')).toBe('PORT=3001\n');
      expect(tree.refused).toEqual([{ path: 'b/big.yml', reason: 'too-large', size: big.length, limit: 1024 * 1024, commit: sha }]);
    } finally {
      await tree.dispose();
    }
  });

  it('writes a multi-megabyte blob whole (streamed: linear in its size)', async () => {
    const repo = createTempRepo();
    // Distinct bytes at every offset, so a chunk written twice or out of order shows.
    const big = Buffer.alloc(8 * 1024 * 1024);
    for (let i = 0; i < big.length; i += 4) big.writeUInt32LE(i, i);
    // Written through git directly: the fixture's write() takes strings.
    const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: repo.dir, input: big, encoding: 'utf8' }).trim();
    const treeSha = execFileSync('git', ['mktree'], { cwd: repo.dir, input: `100644 blob ${blob}\tbig.bin\n`, encoding: 'utf8' }).trim();
    const tree = await exportTree(repo.dir, treeSha, { maxFileBytes: 64 * 1024 * 1024 });
    try {
      expect(statSync(join(tree.dir, 'big.bin')).size).toBe(big.length);
      expect(readFileSync(join(tree.dir, 'big.bin')).equals(big)).toBe(true);
      expect(tree.refused).toEqual([]);
    } finally {
      await tree.dispose();
    }
  });

  it('never writes outside the export through a symlink named like a directory of the tree', async () => {
    const repo = createTempRepo();
    repo.write({ seed: 'x' });
    repo.commit('seed');
    const outside = mkdtempSync(join(tmpdir(), 'pw-outside-'));
    const hash = (input: string) => execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: repo.dir, input, encoding: 'utf8' }).trim();
    const mktree = (input: string) => execFileSync('git', ['mktree', '--missing'], { cwd: repo.dir, input, encoding: 'utf8' }).trim();
    // A crafted tree: `a` is a symlink to a directory outside, and `a` is also a directory
    // holding `escape.yml`. Writing the link first and then `a/escape.yml` would land outside.
    const inner = mktree(`100644 blob ${hash('services:\n  x:\n    ports: ["1:1"]\n')}\tescape.yml\n`);
    const crafted = mktree(`120000 blob ${hash(outside)}\ta\n040000 tree ${inner}\ta\n100644 blob ${hash('../../x')}\tb\n`);
    const tree = await exportTree(repo.dir, crafted);
    try {
      expect(readdirSync(outside)).toEqual([]);
      expect(listAll(tree.dir)).toEqual(['a', 'a/escape.yml', 'b']);
      expect(statSync(join(tree.dir, 'a')).isDirectory()).toBe(true);
      expect(tree.refused).toEqual([{ path: 'a', reason: 'symlink', commit: crafted }]);
    } finally {
      await tree.dispose();
    }
  });

  it('makes what it did not write a finding when the tree is checked', async () => {
    const repo = createTempRepo();
    repo.write({ 'docs/PORT_SCHEMA.md': '# Port Schema\n', 'docker-compose.yml': `# ${'x'.repeat(4000)}\nservices: {}\n`, 'assets/logo.svg': '<svg/>' });
    symlinkSync('.git/config', join(repo.dir, '.env'));
    symlinkSync('logo.svg', join(repo.dir, 'assets/icon.svg'));
    const sha = repo.commit('hostile');
    const tree = await exportTree(repo.dir, sha, { maxFileBytes: 2048 });
    try {
      const result = await check({ root: tree.dir, refused: tree.refused });
      const inputs = result.findings.filter((f) => f.ruleId.startsWith('input/')).map((f) => `${f.ruleId} ${f.location.file}`);
      // The unread link to a logo is not reported: nothing would have read it.
      expect(inputs).toEqual(['input/symlink-not-followed .env', 'input/file-too-large docker-compose.yml']);
      expect(result.findings.find((f) => f.location.file === 'docker-compose.yml')!.message).toContain('4016 bytes');
    } finally {
      await tree.dispose();
    }
  });

  it('fails with git\'s message on a commit that does not exist', async () => {
    const repo = createTempRepo();
    repo.write({ a: 'x' });
    repo.commit('one');
    await expect(exportTree(repo.dir, '0123456789012345678901234567890123456789')).rejects.toThrow(/git ls-tree .* failed/);
  });
});

describe('analyse under pull_request_target: what the head export refused is a finding on the PR', () => {
  it('a compose file replaced by a link to .git/config, and one padded past the limit, are new findings; their old findings are not "fixed"', async () => {
    const repo = createTempRepo();
    const compose = 'services:\n  svc-a:\n    ports:\n      - "3001:3001"\n  svc-b:\n    ports:\n      - "3001:3001"\n';
    repo.write({
      '.github/portwarden.yml': 'max-file-bytes: 2000\n',
      'docs/PORT_SCHEMA.md': '# Port Schema\n',
      'docker-compose.yml': compose,
      'deploy/docker-compose.yml': compose,
    });
    const baseSha = repo.commit('base');
    repo.write({ 'deploy/docker-compose.yml': `${compose}# ${'x'.repeat(3000)}\n`, 'docker-compose.yml': null });
    symlinkSync('.git/config', join(repo.dir, 'docker-compose.yml'));
    const headSha = repo.commit('head');
    execFileSync('git', ['checkout', '-q', baseSha], { cwd: repo.dir });
    const compare = { number: 7, baseSha, headSha, baseRef: 'main', headRepoFullName: 'fork/mono', fork: true };
    const out = await analyse({ workspace: repo.dir, workingDirectory: '.', compare, headFromGit: true });
    const newInputs = out.classified.new.filter((f) => f.ruleId.startsWith('input/')).map((f) => `${f.ruleId} ${f.location.file}`);
    expect(newInputs).toEqual(['input/file-too-large deploy/docker-compose.yml', 'input/symlink-not-followed docker-compose.yml']);
    expect(out.classified.fixed).toEqual([]);
  });
});
