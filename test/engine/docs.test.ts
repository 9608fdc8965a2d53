import { readdirSync, readFileSync, statSync } from 'node:fs';
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
