import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('docs/rules.md', () => {
  it('documents every input problem and internal finding the sources can emit', () => {
    const headings = new Set([...readFileSync(join(ROOT, 'docs/rules.md'), 'utf8').matchAll(/^## (\S+)$/gm)].map((m) => m[1]));
    const emitted = new Set<string>();
    for (const file of sources(join(ROOT, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/['`](input|internal)\/([a-z-]+)['`]/g)) emitted.add(`${m[1]}/${m[2]}`);
      // The registry parser names its problems without the prefix: addProblem(ctx, 'invalid-port', …).
      for (const m of text.matchAll(/addProblem\(ctx, '([a-z-]+)'/g)) emitted.add(`input/${m[1]}`);
    }
    expect(emitted.size).toBeGreaterThan(10);
    expect([...emitted].filter((id) => !headings.has(id)).sort()).toEqual([]);
  });
});

describe('docs/rules/', () => {
  /** The repository path a docs URL points at (`https://github.com/<owner>/<repo>/blob/main/<path>`). */
  const pathOf = (url: string) => url.replace(/^https:\/\/github\.com\/[^/]+\/[^/]+\/blob\/main\//, '');

  it('has a page for every rule and every documented input problem, and every finding links to its page', async () => {
    const { allRules } = await import('../../src/rules/index.js');
    const { ruleUrl } = await import('../../src/core/finding.js');
    const index = readFileSync(join(ROOT, 'docs/rules.md'), 'utf8');
    const ids = new Set([...allRules.map((r) => r.meta.id), ...[...index.matchAll(/^## (\S+)$/gm)].map((m) => m[1]!)]);
    expect(ids.size).toBeGreaterThan(allRules.length);
    const pages = new Set(readdirSync(join(ROOT, 'docs/rules')));
    expect([...ids].filter((id) => !pages.has(`${id.replace('/', '-')}.md`)).sort()).toEqual([]);
    for (const id of ids) {
      const url = ruleUrl(id);
      expect(url).toMatch(/^https:\/\/github\.com\/portwarden\/portwarden\/blob\/main\/docs\/rules\/[a-z-]+\.md$/);
      expect(existsSync(join(ROOT, pathOf(url))), `${id} links to ${url}`).toBe(true);
      // The page is about this id: its title names it.
      expect(readFileSync(join(ROOT, pathOf(url)), 'utf8').split('\n')[0]).toBe(`# ${id}`);
    }
    for (const rule of allRules) expect(rule.meta.docs).toBe(ruleUrl(rule.meta.id));
  });
});
