/**
 * `portwarden check --base <rev>` on real git repositories made here: what a pull request
 * from the working tree (or from `--head`) into `<rev>` would report, and the exit code the
 * check would conclude with.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';
import { runCli } from './run-cli.js';

const repos: TempRepo[] = [];
afterAll(() => repos.forEach((r) => r.remove()));

const registry = (entries: [string, number][]) => ['# Port Schema', '', '> **Real ports today**', '>', '> **Mac Mini (production):**', ...entries.map(([s, p]) => `> - ${s} \`${p}\``), ''].join('\n');
const REGISTRY = 'docs/PORT_SCHEMA.md';

/**
 * `main` has two collisions (svc-a/svc-b on 3001, svc-x/svc-y on 3005); branch `feature`
 * fixes the second and adds a third (svc-d joins svc-c on 3002). Checked out: `feature`.
 */
function repository(): TempRepo {
  const repo = createTempRepo('pw-check-base-');
  repos.push(repo);
  repo.write({ [REGISTRY]: registry([['svc-a', 3001], ['svc-b', 3001], ['svc-c', 3002], ['svc-x', 3005], ['svc-y', 3005]]) });
  repo.commit('base');
  repo.checkout('feature', { create: true });
  repo.write({ [REGISTRY]: registry([['svc-a', 3001], ['svc-b', 3001], ['svc-c', 3002], ['svc-d', 3002], ['svc-x', 3005], ['svc-y', 3006]]) });
  repo.commit('feature');
  return repo;
}

describe('portwarden check --base', () => {
  it('prints new, existing and fixed findings against the merge base, and fails on the new error', async () => {
    const repo = repository();
    const mergeBase = repo.git('merge-base', 'main', 'HEAD');
    const { code, stdout, stderr } = await runCli(['check', repo.dir, '--base', 'main']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toMatch(/^New \(1\)\ndocs\/PORT_SCHEMA.md:9:12 +error +Port `3002` of `svc-d` collides with `svc-c`.*collision\/same-host$/m);
    expect(stdout).toMatch(/^Existing \(1\)\ndocs\/PORT_SCHEMA.md:7:12 +error +Port `3001` of `svc-b` collides with `svc-a`/m);
    // Fixed findings are where they were in the merge base.
    expect(stdout).toMatch(/^Fixed \(1\), at their places in the merge base\ndocs\/PORT_SCHEMA.md:10:12 +error +Port `3005` of `svc-y` collides with `svc-x`/m);
    expect(stdout).not.toContain('Not checked');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(`✖ 1 new problem (1 error, 0 warnings, 0 notices); 1 existing, 1 fixed, 0 not checked, 0 suppressed; compared with the merge base ${mergeBase.slice(0, 12)}`);
  });

  it('the working tree is the head: uncommitted edits count, and the exit code follows --fail-level', async () => {
    const repo = repository();
    // Undo the new collision on disk without committing: nothing new remains.
    repo.write({ [REGISTRY]: registry([['svc-a', 3001], ['svc-b', 3001], ['svc-c', 3002], ['svc-d', 3004], ['svc-x', 3005], ['svc-y', 3006]]) });
    const clean = await runCli(['check', repo.dir, '--base', 'main']);
    expect(clean.code).toBe(0);
    expect(clean.stdout).not.toContain('New (');
    expect(clean.stdout).toMatch(/^✔ no new problems; 1 existing, 1 fixed, /m);
    // The committed head still has the collision; `--fail-level never` reports it without failing.
    const committed = await runCli(['check', repo.dir, '--base', 'main', '--head', 'HEAD', '--fail-level', 'never']);
    expect(committed.code).toBe(0);
    expect(committed.stdout).toMatch(/^New \(1\)$/m);
    // The working tree was only read: the edit is still there.
    expect(repo.git('status', '--porcelain')).toBe(`M ${REGISTRY}`);
  });

  it('a new notice fails only at --fail-level notice', async () => {
    const repo = repository();
    // An unregistered service doc is not an error; restore the head's registry without the new collision.
    repo.write({ [REGISTRY]: registry([['svc-a', 3001], ['svc-b', 3001], ['svc-c', 3002], ['svc-x', 3005], ['svc-y', 3006]]), 'services/svc-q/CLAUDE.md': '# svc-q\n\n- **Port:** 3099\n' });
    const error = await runCli(['check', repo.dir, '--base', 'main', '--format', 'json']);
    const report = JSON.parse(error.stdout);
    const fresh = report.findings.filter((f: { status: string }) => f.status === 'new');
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every((f: { severity: string }) => f.severity !== 'error')).toBe(true);
    expect(error.code).toBe(0);
    const strict = await runCli(['check', repo.dir, '--base', 'main', '--fail-level', fresh.some((f: { severity: string }) => f.severity === 'warning') ? 'warning' : 'notice']);
    expect(strict.code).toBe(1);
  });

  it('--format json is the Action report: findings with their status, fixed, notChecked and the added directives', async () => {
    const repo = createTempRepo('pw-check-base-');
    repos.push(repo);
    const compose = (extra: string[]) => ['services:', '  svc-a:', '    ports:', '      - "3001:3001"', '  svc-b:', '    ports:', '      - "3002:3002"', '  svc-c:', '    ports:', '      - "3002:3002"', ...extra, ''].join('\n');
    repo.write({ [REGISTRY]: registry([['svc-z', 3009]]), 'docker-compose.macmini.yml': compose([]) });
    repo.commit('base');
    repo.checkout('feature', { create: true });
    // svc-d joins svc-a on 3001, under a directive the head adds.
    repo.write({ 'docker-compose.macmini.yml': compose(['  svc-d:', '    ports:', '      # portwarden-ignore collision/same-host: moving soon', '      - "3001:3001"']) });
    const { code, stdout } = await runCli(['check', repo.dir, '--base', 'main', '--format', 'json']);
    const report = JSON.parse(stdout);
    expect(report.version).toBe(1);
    // The new collision is silenced; svc-d is still not in the registry (a warning).
    expect(report.findings.filter((f: { status: string }) => f.status === 'new').map((f: { ruleId: string }) => f.ruleId)).toEqual(['registry/unregistered']);
    expect(report.findings.some((f: { ruleId: string; status: string }) => f.ruleId === 'collision/same-host' && f.status === 'existing')).toBe(true);
    expect(report.fixed).toEqual([]);
    expect(report.notChecked).toEqual([]);
    expect(report.summary.suppressed).toBe(1);
    expect(report.suppressions).toEqual([expect.objectContaining({ file: 'docker-compose.macmini.yml', line: 13, ruleId: 'collision/same-host', kind: 'added', silences: 1, applied: true })]);
    // The directive silenced the only new error.
    expect(code).toBe(0);
    expect((await runCli(['check', repo.dir, '--base', 'main', '--fail-level', 'warning'])).code).toBe(1);
    const text = await runCli(['check', repo.dir, '--base', 'main']);
    expect(text.stdout).toContain('portwarden-ignore added or widened (1)\ndocker-compose.macmini.yml:13  collision/same-host  added; silences 1 finding: moving soon\n');
  });

  it('a renamed file keeps its findings existing, not fixed and new again', async () => {
    const repo = createTempRepo('pw-check-base-');
    repos.push(repo);
    const compose = (port: number) => `services:\n  svc-a:\n    ports:\n      - "3001:3001"\n  svc-b:\n    ports:\n      - "${port}:${port}"\n`;
    repo.write({ [REGISTRY]: registry([['svc-z', 3009]]), 'docker-compose.macmini.yml': compose(3001) });
    repo.commit('base');
    repo.checkout('feature', { create: true });
    // Moved in the working tree and staged (a file git does not track is no rename).
    repo.write({ 'docker-compose.macmini.yml': null, 'deploy/docker-compose.macmini.yml': compose(3001) });
    repo.git('add', '-A');
    const { stdout } = await runCli(['check', repo.dir, '--base', 'main']);
    expect(stdout).toMatch(/^Existing \(\d+\)\ndeploy\/docker-compose\.macmini\.yml:/m);
    expect(stdout).not.toContain('Fixed (');
    expect(stdout).not.toMatch(/^New \(/m);
  });

  it('checks a working directory inside the repository, with repository-relative paths', async () => {
    const repo = createTempRepo('pw-check-base-');
    repos.push(repo);
    repo.write({ [`mono/${REGISTRY}`]: registry([['svc-a', 3001]]) });
    repo.commit('base');
    repo.checkout('feature', { create: true });
    repo.write({ [`mono/${REGISTRY}`]: registry([['svc-a', 3001], ['svc-b', 3001]]) });
    const { code, stdout } = await runCli(['check', join(repo.dir, 'mono'), '--base', 'main']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^New \(1\)\nmono\/docs\/PORT_SCHEMA.md:7:12 +error/m);
  });

  it('says what is wrong with a revision, a directory outside git, or --head alone (exit 2)', async () => {
    const repo = repository();
    const unknown = await runCli(['check', repo.dir, '--base', 'no-such-branch']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('`--base no-such-branch` names no commit in');
    const option = await runCli(['check', repo.dir, '--base=--upload-pack=x']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('names no commit');
    const plain = mkdtempSync(join(tmpdir(), 'pw-no-git-'));
    try {
      const outside = await runCli(['check', plain, '--base', 'main']);
      expect(outside.code).toBe(2);
      expect(outside.stderr).toContain('is not inside a git repository');
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
    const alone = await runCli(['check', repo.dir, '--head', 'HEAD']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('`--head` needs `--base`');
    const level = await runCli(['check', repo.dir, '--fail-level', 'fatal']);
    expect(level.code).toBe(2);
    expect(level.stderr).toContain('`--fail-level fatal` is not a level; expected one of error, warning, notice, never.');
  });

  it('unrelated histories have no merge base: exit 2 naming both commits', async () => {
    const repo = repository();
    repo.git('checkout', '-q', '--orphan', 'other');
    repo.write({ 'x.md': 'x\n' });
    repo.commit('unrelated');
    const { code, stderr } = await runCli(['check', repo.dir, '--base', 'main']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^portwarden: Commits [0-9a-f]{40} \(base\) and HEAD \(head\) have no common ancestor\.\n$/);
  });
});
