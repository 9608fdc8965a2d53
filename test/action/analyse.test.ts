import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyse } from '../../src/action/analyse.js';
import { openCacheStore } from '../../src/cache-store.js';
import { classify } from '../../src/baseline/classify.js';
import { findMergeBase, isShallow } from '../../src/git/merge-base.js';
import type { PullRequestInfo } from '../../src/github/context.js';
import type { Finding } from '../../src/core/finding.js';
import { tempRepo, type TempRepo } from '../support/git-fixture.js';

/** A registry whose "Real ports today" lists `entries` on the Mac Mini. */
function registry(entries: [string, number][], preamble = ''): string {
  return ['# Port Schema', preamble, '> **Real ports today**', '>', '> **Mac Mini (production):**', ...entries.map(([s, p]) => `> - ${s} \`${p}\``), ''].join('\n');
}

const BASE = registry([
  ['svc-a', 3001],
  ['svc-b', 3001],
  ['svc-c', 3002],
  ['svc-x', 3005],
  ['svc-y', 3005],
]);
// Head: a new collision (svc-e on svc-c's 3002), svc-y moved off 3005, and a preamble that shifts every line.
const HEAD = registry(
  [
    ['svc-a', 3001],
    ['svc-b', 3001],
    ['svc-c', 3002],
    ['svc-e', 3002],
    ['svc-x', 3005],
    ['svc-y', 3006],
  ],
  'Ports of the monorepo, one line longer than before.\n',
);

const cleanup: (() => void)[] = [];
afterEach(() => {
  while (cleanup.length) cleanup.pop()?.();
});

function repo(): TempRepo {
  const r = tempRepo();
  cleanup.push(() => r.remove());
  return r;
}

function pr(baseSha: string, headSha: string): PullRequestInfo {
  return { number: 7, baseSha, headSha, baseRef: 'main', headRepoFullName: 'o/r', fork: false };
}

const finding = (fp: string, line = 1): Finding => ({
  ruleId: 'r',
  severity: 'error',
  message: fp,
  location: { file: 'f', line, column: 1, endLine: line, endColumn: 2 },
  related: [],
  fingerprint: fp,
  url: '',
});

describe('classify', () => {
  it('splits by fingerprint, ignoring line moves', () => {
    const out = classify([finding('a', 9), finding('b')], [finding('a', 1), finding('c')]);
    expect(out.existing.map((f) => [f.fingerprint, f.location.line, f.status])).toEqual([['a', 9, 'existing']]);
    expect(out.new.map((f) => [f.fingerprint, f.status])).toEqual([['b', 'new']]);
    expect(out.fixed.map((f) => f.fingerprint)).toEqual(['c']);
  });

  it('counts repeated fingerprints: two in head, one in base → one new', () => {
    const out = classify([finding('a', 1), finding('a', 2)], [finding('a', 5)]);
    expect(out.existing).toHaveLength(1);
    expect(out.new).toHaveLength(1);
    expect(out.fixed).toHaveLength(0);
  });
});

describe('analyse on a pull request', () => {
  it('classifies head against the merge base: new, existing and fixed collisions', async () => {
    const r = repo();
    const base = r.commit({ 'docs/PORT_SCHEMA.md': BASE });
    const head = r.commit({ 'docs/PORT_SCHEMA.md': HEAD });
    const out = await analyse({ workspace: r.dir, workingDirectory: '.', compare: pr(base, head) });
    expect(out.mode).toBe('pull-request');
    expect(out.mergeBase).toBe(base);
    expect(out.classified.new.map((f) => f.message)).toEqual([expect.stringContaining('`svc-e` collides with `svc-c`')]);
    // The new finding sits on line 10 of the head (two lines down: the preamble, and svc-e after svc-c).
    expect(out.classified.new[0]?.location).toMatchObject({ file: 'docs/PORT_SCHEMA.md', line: 10, column: 12 });
    expect(out.classified.existing.map((f) => f.message)).toEqual([expect.stringContaining('`svc-b` collides with `svc-a`')]);
    expect(out.classified.fixed.map((f) => f.message)).toEqual([expect.stringContaining('`svc-y` collides with `svc-x`')]);
    expect(out.diff?.get('docs/PORT_SCHEMA.md')?.changed).toEqual([
      { start: 2, end: 2 },
      { start: 10, end: 10 },
      { start: 12, end: 12 },
    ]);
    expect(out.shifted.size).toBe(0);
  });

  it('keeps the findings of a renamed file existing, not new and fixed', async () => {
    const r = repo();
    const compose = 'services:\n  mana-sync:\n    environment:\n      CREDITS_URL: http://mana-credits:3002\n';
    const registry = ['# Ports', '', '> **Real ports today**', '>', '> **Mac Mini (production):**', '> - mana-credits `3061`', ''].join('\n');
    const base = r.commit({ 'docs/PORT_SCHEMA.md': registry, 'docker-compose.macmini.yml': compose });
    const head = r.commit({ 'docker-compose.macmini.yml': null, 'deploy/docker-compose.macmini.yml': compose });
    const out = await analyse({ workspace: r.dir, workingDirectory: '.', compare: pr(base, head) });
    const stale = (fs: { ruleId: string; location: { file: string } }[]) => fs.filter((f) => f.ruleId === 'stale-reference').map((f) => f.location.file);
    expect(stale(out.classified.existing)).toEqual(['deploy/docker-compose.macmini.yml']);
    expect(stale(out.classified.new)).toEqual([]);
    expect(stale(out.classified.fixed)).toEqual([]);
  });

  it('reports paths relative to the repository when the working directory is a subdirectory', async () => {
    const r = repo();
    const base = r.commit({ 'mono/docs/PORT_SCHEMA.md': BASE });
    const head = r.commit({ 'mono/docs/PORT_SCHEMA.md': HEAD });
    const out = await analyse({ workspace: r.dir, workingDirectory: 'mono', compare: pr(base, head) });
    expect(out.prefix).toBe('mono');
    expect(out.classified.new[0]?.location.file).toBe('mono/docs/PORT_SCHEMA.md');
    expect(out.classified.new[0]?.related[0]?.location.file).toBe('mono/docs/PORT_SCHEMA.md');
    expect(out.diff?.has('mono/docs/PORT_SCHEMA.md')).toBe(true);
  });

  it('under pull_request_target reads the head from git objects, leaving the base checkout alone', async () => {
    const r = repo();
    const base = r.commit({ 'docs/PORT_SCHEMA.md': BASE });
    const head = r.commit({ 'docs/PORT_SCHEMA.md': HEAD });
    r.git('checkout', '-q', base);
    const out = await analyse({ workspace: r.dir, workingDirectory: '.', compare: pr(base, head), headFromGit: true });
    cleanup.push(() => rmSync(out.headTop, { recursive: true, force: true }));
    expect(out.headTop).not.toBe(r.dir);
    expect(existsSync(join(out.headTop, 'docs/PORT_SCHEMA.md'))).toBe(true);
    expect(out.classified.new).toHaveLength(1);
    expect(r.git('rev-parse', 'HEAD').trim()).toBe(base);
  });

  it('under pull_request_target takes the rules from the base checkout, not from the PR', async () => {
    const r = repo();
    const base = r.commit({ 'docs/PORT_SCHEMA.md': BASE });
    const head = r.commit({ 'docs/PORT_SCHEMA.md': HEAD, '.github/portwarden.yml': 'rules:\n  collision/same-host: off\n' });
    r.git('checkout', '-q', base);
    const target = await analyse({ workspace: r.dir, workingDirectory: '.', compare: pr(base, head), headFromGit: true });
    cleanup.push(() => rmSync(target.headTop, { recursive: true, force: true }));
    expect(target.classified.new.map((f) => f.ruleId)).toEqual(['collision/same-host']);
    // On pull_request (a branch of this repository) the PR's own config applies.
    r.git('checkout', '-q', head);
    const same = await analyse({ workspace: r.dir, workingDirectory: '.', compare: pr(base, head) });
    expect(same.classified.new).toEqual([]);
  });

  it('marks files the merge commit changed beyond the PR head as shifted', async () => {
    const r = repo();
    const base = r.commit({ 'docs/PORT_SCHEMA.md': BASE, 'other.md': 'x\n' });
    r.git('checkout', '-q', '-b', 'feature');
    const head = r.commit({ 'docs/PORT_SCHEMA.md': HEAD });
    r.git('checkout', '-q', 'main');
    const advanced = r.commit({ 'other.md': 'y\n' });
    r.git('checkout', '-q', '-b', 'merge', advanced);
    r.git('merge', '-q', '--no-edit', 'feature');
    const out = await analyse({ workspace: r.dir, workingDirectory: '.', compare: pr(advanced, head) });
    expect(out.mergeBase).toBe(base);
    expect([...out.shifted]).toEqual(['other.md']);
    expect(out.classified.new).toHaveLength(1);
  });

  it('under pull_request_target fails instead of checking the base checkout in place of the PR', async () => {
    const r = repo();
    const head = r.commit({ 'docs/PORT_SCHEMA.md': HEAD });
    await expect(analyse({ workspace: r.dir, workingDirectory: '.', compare: pr('0'.repeat(40), head), headFromGit: true })).rejects.toThrow(
      /head could not be checked [\s\S]*failing rather than checking the base branch in its place/,
    );
  });

  it('degrades to a full run with a note when the base commit cannot be found', async () => {
    const r = repo();
    const head = r.commit({ 'docs/PORT_SCHEMA.md': HEAD });
    const out = await analyse({ workspace: r.dir, workingDirectory: '.', compare: pr('0'.repeat(40), head) });
    expect(out.mode).toBe('full');
    expect(out.notes[0]).toMatch(/baseline could not be computed/);
    expect(out.classified.new.length).toBeGreaterThanOrEqual(2);
  });
});

describe('findMergeBase in a shallow clone', () => {
  it('fetches the missing base and deepens until the histories meet', async () => {
    const origin = repo();
    origin.git('config', 'uploadpack.allowAnySHA1InWant', 'true');
    const fork = origin.commit({ 'a.txt': '1\n' });
    for (let i = 0; i < 5; i++) origin.commit({ 'main.txt': `${i}\n` });
    const baseSha = origin.git('rev-parse', 'HEAD').trim();
    origin.git('checkout', '-q', '-b', 'feature', fork);
    for (let i = 0; i < 4; i++) origin.commit({ 'f.txt': `${i}\n` });
    const headSha = origin.git('rev-parse', 'HEAD').trim();

    const dir = mkdtempSync(join(tmpdir(), 'pw-clone-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    execFileSync('git', ['clone', '-q', '--depth=1', '--branch', 'feature', `file://${origin.dir}`, dir]);
    expect(await isShallow(dir)).toBe(true);
    const logs: string[] = [];
    const found = await findMergeBase(dir, baseSha, headSha, { initialDepth: 2, log: (m) => logs.push(m) });
    expect(found).toBe(fork);
    expect(logs.some((l) => l.includes('deepening by 2'))).toBe(true);
  });
});

describe('analyse with a cache file from an earlier run', () => {
  it('classifies a pull request the same, with nothing extracted again in the head or the merge base', async () => {
    const r = repo();
    const base = r.commit({ 'docs/PORT_SCHEMA.md': BASE, 'services/svc-a/CLAUDE.md': '# svc-a\n\n- **Port:** 3001\n' });
    const head = r.commit({ 'docs/PORT_SCHEMA.md': HEAD, 'services/svc-e/CLAUDE.md': '# svc-e\n\n- **Port:** 3002\n' });
    const dir = mkdtempSync(join(tmpdir(), 'pw-analyse-cache-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'extraction.cache');
    const classified = (out: Awaited<ReturnType<typeof analyse>>) => JSON.stringify(out.classified);
    const plain = await analyse({ workspace: r.dir, workingDirectory: '.', compare: pr(base, head) });
    for (const headFromGit of [false, true]) {
      const runs = [];
      for (let i = 0; i < 2; i++) {
        const store = openCacheStore(file, (m) => expect.fail(m));
        const out = await analyse({ workspace: r.dir, workingDirectory: '.', compare: pr(base, head), headFromGit, cache: store.cache });
        store.save();
        if (headFromGit) cleanup.push(() => rmSync(out.headTop, { recursive: true, force: true }));
        runs.push(out);
      }
      for (const out of runs) expect(classified(out)).toBe(classified(plain));
      expect(runs[1]!.head.extraction).toEqual({ extracted: 0, reused: plain.head.extraction.extracted });
      expect(runs[1]!.baseCost).toMatchObject({ extracted: 0 });
    }
  });
});
