/**
 * The git plumbing `check --base` adds, on real repositories: naming a commit, the merge base
 * without fetching, the diff to the work tree, and the files a merge commit shifted.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { filesChangedSince, gitDiff } from '../../src/git/diff.js';
import { resolveCommit } from '../../src/git/git.js';
import { localMergeBase, MergeBaseError } from '../../src/git/merge-base.js';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';

const repos: TempRepo[] = [];
afterAll(() => repos.forEach((r) => r.remove()));

/** `main` with one commit, `feature` one commit ahead. */
function repository(): { repo: TempRepo; base: string; head: string } {
  const repo = createTempRepo('pw-git-');
  repos.push(repo);
  repo.write({ 'a.txt': 'one\ntwo\nthree\n', 'b.txt': 'b\n' });
  const base = repo.commit('base');
  repo.checkout('feature', { create: true });
  repo.write({ 'a.txt': 'one\n2\nthree\n' });
  const head = repo.commit('feature');
  return { repo, base, head };
}

describe('resolveCommit', () => {
  it('names the commit of a branch, a sha or a relative revision; undefined for anything else', async () => {
    const { repo, base, head } = repository();
    expect(await resolveCommit(repo.dir, 'main')).toBe(base);
    expect(await resolveCommit(repo.dir, 'HEAD')).toBe(head);
    expect(await resolveCommit(repo.dir, 'HEAD~1')).toBe(base);
    expect(await resolveCommit(repo.dir, base.slice(0, 10))).toBe(base);
    expect(await resolveCommit(repo.dir, 'nope')).toBeUndefined();
    // Not an option, whatever it looks like.
    expect(await resolveCommit(repo.dir, '--output=/tmp/x')).toBeUndefined();
  });
});

describe('localMergeBase', () => {
  it('finds the merge base in the history present, and names both commits when there is none', async () => {
    const { repo, base, head } = repository();
    expect(await localMergeBase(repo.dir, 'main', head)).toBe(base);
    repo.git('checkout', '-q', '--orphan', 'lonely');
    repo.write({ 'c.txt': 'c\n' });
    const lonely = repo.commit('lonely');
    await expect(localMergeBase(repo.dir, base, lonely)).rejects.toThrow(new MergeBaseError(`Commits ${base} (base) and ${lonely} (head) have no common ancestor.`));
  });
});

describe('gitDiff to the work tree', () => {
  it('sees edits not yet committed, and a staged move as a rename', async () => {
    const { repo, base } = repository();
    repo.write({ 'a.txt': 'one\n2\n3\n', 'b.txt': null, 'moved/b.txt': 'b\n' });
    repo.git('add', '-A');
    const diff = await gitDiff(repo.dir, base);
    expect(diff.get('a.txt')).toMatchObject({ status: 'modified', changed: [{ start: 2, end: 3 }] });
    expect(diff.get('moved/b.txt')).toMatchObject({ status: 'renamed', oldPath: 'b.txt' });
  });
});

describe('filesChangedSince', () => {
  it('lists the files where the checked-out commit differs from the given one', async () => {
    const { repo, base, head } = repository();
    expect(await filesChangedSince(repo.dir, head)).toEqual(new Set());
    expect(await filesChangedSince(repo.dir, base)).toEqual(new Set(['a.txt']));
  });
});
