/** GitHub's diff of a pull request, read back after a 422: which head lines take a comment. */
import { describe, expect, it } from 'vitest';
import { headLines, onDiff } from '../../src/github/pull-diff.js';
import { createPullRequestRepo } from '../support/git-repo.js';

const PATCH = [
  '@@ -1,4 +1,5 @@',
  ' a',
  '-b',
  '+B',
  '+B2',
  ' c',
  ' d',
  '@@ -20,3 +21,3 @@ section',
  ' x',
  '-y',
  '+Y',
  ' z',
  '\\ No newline at end of file',
].join('\n');

describe('headLines', () => {
  it('takes context and added lines of each hunk, by head line number; removed lines and markers take none', () => {
    expect([...headLines(PATCH)]).toEqual([
      [1, 0],
      [2, 0],
      [3, 0],
      [4, 0],
      [5, 0],
      [21, 1],
      [22, 1],
      [23, 1],
    ]);
  });

  it('reads a diff git made of a real change the same way GitHub shows it (added lines on the head side)', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`);
    const changed = [...lines];
    changed[14] = 'line 15 changed';
    const pr = createPullRequestRepo({ 'f.txt': lines.join('\n') + '\n' }, { 'f.txt': changed.join('\n') + '\n' });
    try {
      const file = headLines(pr.files[0]!.patch!);
      expect([...file.keys()]).toEqual([12, 13, 14, 15, 16, 17, 18]);
    } finally {
      pr.repo.remove();
    }
  });
});

describe('onDiff', () => {
  const file = headLines(PATCH);
  it('accepts a line or a range within one hunk', () => {
    expect(onDiff(file, 3)).toBe(true);
    expect(onDiff(file, 5, 2)).toBe(true);
  });
  it('refuses lines off the diff, ranges across hunks or backwards, and files GitHub shows no patch for', () => {
    expect(onDiff(file, 10)).toBe(false);
    expect(onDiff(file, 22, 4)).toBe(false);
    expect(onDiff(file, 2, 5)).toBe(false);
    expect(onDiff(undefined, 1)).toBe(false);
  });
});
