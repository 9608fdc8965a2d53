import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, readlinkSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportTree } from '../../src/baseline/export-tree.js';
import { createTempRepo } from '../support/git-repo.js';

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
      expect(lstatSync(join(tree.dir, 'services/link.md')).isSymbolicLink()).toBe(true);
      expect(readlinkSync(join(tree.dir, 'services/link.md'))).toBe('../docs/PORT_SCHEMA.md');
      const listed = execFileSync('git', ['ls-tree', '-r', '--name-only', sha], { cwd: repo.dir, encoding: 'utf8' }).trim().split('\n');
      expect(listed.length).toBe(5);
    } finally {
      await tree.dispose();
    }
    expect(existsSync(tree.dir)).toBe(false);
  });

  it('fails with git\'s message on a commit that does not exist', async () => {
    const repo = createTempRepo();
    repo.write({ a: 'x' });
    repo.commit('one');
    await expect(exportTree(repo.dir, '0123456789012345678901234567890123456789')).rejects.toThrow(/git ls-tree .* failed/);
  });
});
