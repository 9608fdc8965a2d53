import { afterEach, describe, expect, it } from 'vitest';
import { hunkContaining, isChangedLine, parseDiff, unquote } from '../../src/baseline/diff.js';
import { gitDiff } from '../../src/git/diff.js';
import { lines, tempRepo, type TempRepo } from '../support/git-fixture.js';

let repo: TempRepo | undefined;
afterEach(() => repo?.remove());

describe('gitDiff on a real repository', () => {
  it('reports changed new-side lines of a modified file', async () => {
    repo = tempRepo();
    const base = repo.commit({ 'a.txt': lines(20) });
    const head = repo.commit({ 'a.txt': lines(20, { 5: 'five', 6: 'six', 15: 'fifteen' }) });
    const diff = await gitDiff(repo.dir, base, head);
    const file = diff.get('a.txt');
    expect(file).toMatchObject({ path: 'a.txt', status: 'modified', binary: false });
    expect(file?.changed).toEqual([
      { start: 5, end: 6 },
      { start: 15, end: 15 },
    ]);
    // Context of 3 around 5-6 is 2-9, around 15 is 12-18: they do not touch.
    expect(file?.hunks).toEqual([
      { start: 2, end: 9 },
      { start: 12, end: 18 },
    ]);
    expect(isChangedLine(diff, 'a.txt', 6)).toBe(true);
    expect(isChangedLine(diff, 'a.txt', 7)).toBe(false);
  });

  it('merges hunks whose context lines touch, as GitHub shows them', async () => {
    repo = tempRepo();
    const base = repo.commit({ 'a.txt': lines(30) });
    const head = repo.commit({ 'a.txt': lines(30, { 10: 'ten', 17: 'seventeen' }) });
    const diff = await gitDiff(repo.dir, base, head);
    expect(diff.get('a.txt')?.hunks).toEqual([{ start: 7, end: 20 }]);
    expect(hunkContaining(diff, 'a.txt', 10, 17)).toEqual({ start: 7, end: 20 });
    expect(hunkContaining(diff, 'a.txt', 5, 10)).toBeUndefined();
  });

  it('gives a pure deletion a hunk of context but no changed lines', async () => {
    repo = tempRepo();
    const base = repo.commit({ 'a.txt': lines(20) });
    const text = lines(20).split('\n').filter((_, i) => i !== 9).join('\n');
    const head = repo.commit({ 'a.txt': text });
    const file = (await gitDiff(repo.dir, base, head)).get('a.txt');
    expect(file?.changed).toEqual([]);
    // Line 10 was removed: the gap sits after new line 9; context 7..12.
    expect(file?.hunks).toEqual([{ start: 7, end: 12 }]);
  });

  it('names added, deleted and renamed files by their new path', async () => {
    repo = tempRepo();
    const body = lines(40);
    const base = repo.commit({ 'old/name.md': body, 'gone.txt': 'bye\n' });
    const head = repo.commit({ 'old/name.md': null, 'new dir/name.md': lines(40, { 40: 'changed' }), 'gone.txt': null, 'added.txt': 'a\nb\n' });
    const diff = await gitDiff(repo.dir, base, head);
    expect(diff.get('added.txt')).toMatchObject({ status: 'added', changed: [{ start: 1, end: 2 }] });
    expect(diff.get('gone.txt')).toMatchObject({ status: 'deleted', changed: [] });
    expect(diff.get('new dir/name.md')).toMatchObject({ status: 'renamed', oldPath: 'old/name.md', changed: [{ start: 40, end: 40 }] });
    expect(diff.has('old/name.md')).toBe(false);
  });

  it('unquotes paths git quotes (non-ASCII) and marks binary files', async () => {
    repo = tempRepo();
    const base = repo.commit({ 'café.md': 'x\n', 'img.bin': Buffer.from([0, 1, 2, 0]).toString('latin1') });
    const head = repo.commit({ 'café.md': 'y\n', 'img.bin': Buffer.from([0, 3, 2, 0]).toString('latin1') });
    const diff = await gitDiff(repo.dir, base, head);
    expect(diff.get('café.md')?.changed).toEqual([{ start: 1, end: 1 }]);
    expect(diff.get('img.bin')).toMatchObject({ binary: true, changed: [] });
  });
});

describe('parseDiff', () => {
  it('reads a hunk header without counts as one line', () => {
    const text = ['diff --git a/x b/x', '--- a/x', '+++ b/x', '@@ -3 +3 @@', '-a', '+b', ''].join('\n');
    expect(parseDiff(text).get('x')?.changed).toEqual([{ start: 3, end: 3 }]);
  });

  it('ignores text before the first file and returns nothing for an empty diff', () => {
    expect(parseDiff('').size).toBe(0);
    expect(parseDiff('warning: something\n').size).toBe(0);
  });

  it('unquotes C-style escapes', () => {
    expect(unquote('"caf\\303\\251 \\"q\\".md"')).toBe('café "q".md');
    expect(unquote('plain.md')).toBe('plain.md');
  });
});
