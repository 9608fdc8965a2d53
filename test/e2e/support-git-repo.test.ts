/** The temp-repo builder: deterministic shas, GitHub-shaped file lists, an actions/checkout-like workspace. */
import { afterEach, describe, expect, it } from 'vitest';
import { actionsCheckout, createPullRequestRepo, createTempRepo, type TempRepo } from '../support/git-repo.js';

const made: TempRepo[] = [];
afterEach(() => {
  for (const r of made.splice(0)) r.remove();
});

describe('temporary git repositories', () => {
  it('commits with a fixed identity and date, so the sha is the same every run', () => {
    const shas = [0, 1].map(() => {
      const repo = createTempRepo();
      made.push(repo);
      repo.write({ 'a.txt': 'one\n', 'dir/b.txt': 'two\n' });
      return repo.commit('first');
    });
    expect(shas[0]).toMatch(/^[0-9a-f]{40}$/);
    expect(shas[0]).toBe(shas[1]);
    expect(made[0]!.git('log', '-1', '--format=%an <%ae> %aI')).toBe('Portwarden Test <test@portwarden.invalid> 2026-01-01T00:01:00+00:00');
  });

  it("lists a PR's files like pulls/list-files: status, counts and a patch starting at the hunk", () => {
    const pr = createPullRequestRepo({ 'keep.md': 'x\n', 'gone.md': 'bye\n', 'svc.yml': 'a: 1\nb: 2\nc: 3\n' }, { 'gone.md': null, 'svc.yml': 'a: 1\nb: 20\nc: 3\n', 'new.md': 'hi\n' });
    made.push(pr.repo);
    expect(pr.files.map((f) => [f.filename, f.status, f.additions, f.deletions])).toEqual([
      ['gone.md', 'removed', 0, 1],
      ['new.md', 'added', 1, 0],
      ['svc.yml', 'modified', 1, 1],
    ]);
    expect(pr.files[2]!.patch).toBe('@@ -1,3 +1,3 @@\n a: 1\n-b: 2\n+b: 20\n c: 3');
    expect(pr.repo.git('rev-parse', 'HEAD')).toBe(pr.mergeSha);
    expect(pr.repo.git('rev-parse', 'HEAD^1', 'HEAD^2').split('\n')).toEqual([pr.baseSha, pr.headSha]);
  });

  it('checks out the merge commit shallowly, as actions/checkout does, with base and head fetchable from origin', () => {
    const pr = createPullRequestRepo({ 'a.md': '1\n' }, { 'a.md': '2\n' });
    made.push(pr.repo);
    const ws = actionsCheckout(pr, 7);
    made.push(ws);
    expect(ws.git('rev-parse', 'HEAD')).toBe(pr.mergeSha);
    expect(ws.git('rev-parse', '--is-shallow-repository')).toBe('true');
    expect(() => ws.git('cat-file', '-e', `${pr.baseSha}^{commit}`)).toThrow();
    ws.git('fetch', '-q', '--depth=1', 'origin', pr.baseSha, pr.headSha);
    expect(ws.git('cat-file', '-t', pr.headSha)).toBe('commit');
  });
});
