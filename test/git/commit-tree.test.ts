/**
 * A commit listed from git objects (git/commit-tree.ts) is checked exactly as the same commit
 * written out to disk (git/export-tree.ts): the same files in the same order, the same
 * refusals, the same findings, with or without extraction results reused from another check.
 */
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collect } from '../../src/collect/index.js';
import { defaultConfig } from '../../src/config/defaults.js';
import { check, type CheckResult } from '../../src/engine.js';
import { ExtractionCache } from '../../src/extract/cache.js';
import { listCommit } from '../../src/git/commit-tree.js';
import { exportTree } from '../../src/git/export-tree.js';
import { createTempRepo, type TempRepo } from '../support/git-repo.js';

const repos: TempRepo[] = [];
afterAll(() => repos.forEach((r) => r.remove()));

const EXAMPLE = join(import.meta.dirname, '../../examples/monorepo');
const FIXTURES = join(import.meta.dirname, '../fixtures/repos');

/** Everything a report can show of a check, and the files it listed in their order. */
function shown(result: CheckResult) {
  return {
    findings: result.findings,
    suppressed: result.suppressed,
    bindings: result.model.bindings,
    references: result.model.references,
    problems: result.model.problems,
    files: result.stats.files,
    parsed: result.stats.parsed,
  };
}

/** A repository holding `source` (a directory copied as it is, links included) plus `extra`, committed. */
function committed(source: string | undefined, extra: (dir: string) => void = () => {}): { repo: TempRepo; sha: string } {
  const repo = createTempRepo('pw-commit-tree-');
  repos.push(repo);
  if (source) cpSync(source, repo.dir, { recursive: true, verbatimSymlinks: true });
  extra(repo.dir);
  return { repo, sha: repo.commit('tree') };
}

/**
 * Names whose order differs between git (full paths, a directory sorting as `name/`) and a
 * directory walk (names within each directory), links, a directory holding only a link, a
 * blob above the limit, a binary file, a root `.env`, and a service directory glob.
 */
function tricky(dir: string): void {
  const put = (path: string, text: string | Buffer) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  put('.github/portwarden.yml', 'services:\n  - services/*\nmax-file-bytes: 4000\n');
  put('.env', 'API_PORT=4100\n');
  put('docs/PORT_SCHEMA.md', '# Port Schema\n\n> **Real ports today**\n>\n> **Mac Mini (production):**\n> - svc-a `3001`\n> - svc-a.b `3002`\n> - svc-a-b `3001`\n');
  for (const name of ['svc-a', 'svc-a.b', 'svc-a-b', 'svc-a0', 'svc-ä']) {
    put(`services/${name}/CLAUDE.md`, `# ${name}\n\n- **Port:** 3001\n`);
    put(`services/${name}/src/config.ts`, 'export const port = Number(process.env.PORT ?? 3001);\n');
    put(`services/${name}.md`, `${name}: http://localhost:3009\n`);
  }
  put('services/svc-a/Dockerfile', 'FROM node:20\nEXPOSE 3001\n');
  put('services/svc-a/Dockerfile.dev', 'FROM node:20\nEXPOSE 3003\n');
  put('services/svc-a-b/.env', `PORT=3005\n${'# padding\n'.repeat(600)}`);
  put('services/svc-a/.env', Buffer.from('PORT=3006\n\0\0binary'));
  put('docker-compose.yml', 'services:\n  api:\n    build: ./services/svc-a\n    ports:\n      - "${API_PORT:-4100}:3001"\n');
  mkdirSync(join(dir, 'links'), { recursive: true });
  symlinkSync('../docs/PORT_SCHEMA.md', join(dir, 'links/registry.md'));
  symlinkSync('/etc/passwd', join(dir, 'services/svc-a0/.env'));
  symlinkSync('../svc-a', join(dir, 'services/svc-link'));
}

/** Checks commit `sha` of `repo` (under `prefix`) written out and listed; both results and the listed one's cache counts. */
async function both(repo: TempRepo, sha: string, prefix = '', cache?: ExtractionCache) {
  const maxFileBytes = 4000;
  const exported = await exportTree(repo.dir, sha, { maxFileBytes });
  try {
    const under = (refused: typeof exported.refused) => (prefix === '' ? refused : refused.filter((r) => r.path.startsWith(`${prefix}/`)).map((r) => ({ ...r, path: r.path.slice(prefix.length + 1) })));
    const root = join(exported.dir, prefix);
    const written = await check({ root, refused: under(exported.refused) });
    const tree = await listCommit(repo.dir, sha, { prefix, maxFileBytes });
    expect(tree.refused).toEqual(exported.refused);
    const listedRoot = join(tmpdir(), 'portwarden-never-created', prefix);
    const listed = await check({ root: listedRoot, refused: under(tree.refused), tree, ...(cache ? { cache } : {}) });
    // The walk's order, file by file (extraction and model follow it).
    const config = defaultConfig();
    const paths = (files: { path: string }[]) => files.map((f) => f.path);
    expect(paths(collect(listedRoot, config, undefined, under(tree.refused), tree).files)).toEqual(paths(collect(root, config, undefined, under(exported.refused)).files));
    return { written, listed, tree };
  } finally {
    await exported.dispose();
  }
}

describe('a commit listed from git objects', () => {
  it('is checked like the commit written out: the example, every fixture repository, and a tree of awkward names, links and refusals', async () => {
    const sources: [string, string | undefined, ((dir: string) => void) | undefined][] = [
      ['example', EXAMPLE, undefined],
      ['bad-input', join(FIXTURES, 'bad-input'), undefined],
      ['clean', join(FIXTURES, 'clean'), undefined],
      ['no-registry', join(FIXTURES, 'no-registry'), undefined],
      ['tricky', undefined, tricky],
    ];
    for (const [name, source, extra] of sources) {
      const { repo, sha } = committed(source, extra);
      const { written, listed } = await both(repo, sha);
      expect(shown(listed), name).toEqual(shown(written));
      expect(written.stats.files, name).toBeGreaterThan(0);
    }
  });

  it('refuses links, blobs above the limit and names it cannot hold exactly as an export does, and reads a blob only when asked', async () => {
    const { repo, sha } = committed(undefined, tricky);
    const { written, listed, tree } = await both(repo, sha);
    expect(tree.refused.map((r) => `${r.reason} ${r.path}`)).toEqual(['symlink links/registry.md', 'symlink services/svc-a0/.env', 'symlink services/svc-link', 'too-large services/svc-a-b/.env']);
    const rules = (r: CheckResult) => r.findings.filter((f) => f.ruleId.startsWith('input/')).map((f) => `${f.ruleId} ${f.location.file}`);
    expect(rules(listed)).toEqual(rules(written));
    expect(rules(listed)).toEqual(expect.arrayContaining(['input/file-too-large services/svc-a-b/.env', 'input/binary-file services/svc-a/.env', 'input/symlink-not-followed services/svc-a0/.env', 'input/symlink-not-followed services/svc-link']));
    // A directory holding only a link does not exist in either.
    expect(() => tree.entries('links')).toThrow(/ENOENT/);
    // Every read went through the blobs fetched on demand: no more than the files the check read.
    expect(tree.blobsRead).toBeGreaterThan(0);
    expect(tree.blobsRead).toBeLessThanOrEqual(listed.stats.files);
  });

  it('checks a working directory inside the repository, and one the commit does not have, like the written-out tree', async () => {
    const { repo, sha } = committed(EXAMPLE, tricky);
    for (const prefix of ['services', 'services/svc-a', 'not/in/the/commit']) {
      const { written, listed } = await both(repo, sha, prefix);
      expect(shown(listed), prefix).toEqual(shown(written));
    }
  });

  it('reuses extraction results only for the same bytes, path and context, and then reports the same', async () => {
    const { repo, sha } = committed(EXAMPLE, tricky);
    const cache = new ExtractionCache();
    const first = await both(repo, sha, '', cache);
    expect(first.listed.extraction.reused).toBe(0);
    expect(cache.size).toBeGreaterThan(0);
    // The same commit again: every file comes from the cache and nothing but collect's own reads is fetched.
    const again = await both(repo, sha, '', cache);
    expect(shown(again.listed)).toEqual(shown(again.written));
    expect(again.listed.extraction).toEqual({ extracted: 0, reused: first.listed.extraction.extracted });

    // Another context (the registry gives another host): nothing is reused.
    repo.write({ 'docs/PORT_SCHEMA.md': '# Port Schema\n\n> **Real ports today**\n>\n> **Staging box:**\n> - svc-a `3001`\n' });
    const other = repo.commit('another registry');
    const changed = await both(repo, other, '', cache);
    expect(changed.listed.extraction.reused).toBe(0);
    expect(shown(changed.listed)).toEqual(shown(changed.written));
  });
});
