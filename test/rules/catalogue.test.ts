/**
 * The rule catalogue (rules/index.ts) against the docs and the sources: every entry has its
 * page and says there what its metadata says, and every id a rule, a reader or the runner can
 * emit is catalogued.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOT_READ_PROBLEMS, READ_ANYWAY_PROBLEMS } from '../../src/collect/not-read.js';
import { ruleUrl } from '../../src/core/finding.js';
import { INPUT_RULES } from '../../src/core/input-rules.js';
import { allRules, catalogue } from '../../src/rules/index.js';
import { RULE_CRASHED } from '../../src/rules/rule.js';
import { check } from '../../src/engine.js';

const ROOT = resolve(import.meta.dirname, '../..');
const page = (id: string) => join(ROOT, 'docs/rules', `${id.replace('/', '-')}.md`);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('the rule catalogue', () => {
  it('holds every rule, then every input problem, each id once', () => {
    const ids = catalogue.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...allRules.map((r) => r.meta.id), ...INPUT_RULES.map((m) => m.id)]);
    expect(ids.filter((id) => id.startsWith('input/'))).toHaveLength(22);
  });

  it('gives every entry a docs page titled with its id, linked from its metadata, with the same default severity', () => {
    const index = readFileSync(join(ROOT, 'docs/rules.md'), 'utf8');
    for (const meta of [...catalogue, RULE_CRASHED]) {
      expect(meta.docs, meta.id).toBe(ruleUrl(meta.id));
      expect(existsSync(page(meta.id)), `${meta.id} has no page`).toBe(true);
      const text = readFileSync(page(meta.id), 'utf8');
      expect(text.split('\n')[0]).toBe(`# ${meta.id}`);
      // The page's first stated severity is the default; qualifications (a warning on `dev`) follow it.
      expect(/\*\*Default severity:\*\* \**(error|warning|notice)/.exec(text)?.[1], `${meta.id}'s page`).toBe(meta.defaultSeverity);
      expect(index, `docs/rules.md has no heading for ${meta.id}`).toContain(`\n## ${meta.id}\n`);
      expect(meta.description).toMatch(/^[A-Z`].*\.$/);
    }
  });

  it('marks as fixable exactly the rules whose module offers a fix', () => {
    for (const rule of allRules) {
      const file = join(ROOT, 'src/rules', `${rule.meta.id.replace('/', '-')}.ts`);
      expect(readFileSync(file, 'utf8').includes('fix: {'), rule.meta.id).toBe(rule.meta.fixable);
    }
  });

  it('catalogues every id the sources can emit', () => {
    const emitted = new Set<string>();
    for (const file of sources(join(ROOT, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/['`](input\/[a-z-]+)['`]/g)) emitted.add(m[1]!);
      // The registry parser names its problems without the prefix: addProblem(ctx, 'invalid-port', …).
      for (const m of text.matchAll(/addProblem\(ctx, '([a-z-]+)'/g)) emitted.add(`input/${m[1]}`);
    }
    const known = new Set(catalogue.map((m) => m.id));
    expect(emitted.size).toBeGreaterThan(15);
    expect([...emitted].filter((id) => !known.has(id)).sort()).toEqual([]);
    // And every catalogued input problem is emitted somewhere: no entry is left over.
    expect(INPUT_RULES.map((m) => m.id).filter((id) => !emitted.has(id))).toEqual([]);
  });

  it('says for every input problem whether the rest of its file was still checked', () => {
    for (const { id } of INPUT_RULES) expect([NOT_READ_PROBLEMS.has(id), READ_ANYWAY_PROBLEMS.has(id)], id).toContain(true);
    for (const { id } of INPUT_RULES) expect(NOT_READ_PROBLEMS.has(id) && READ_ANYWAY_PROBLEMS.has(id), id).toBe(false);
    expect([...NOT_READ_PROBLEMS, ...READ_ANYWAY_PROBLEMS].sort()).toEqual(INPUT_RULES.map((m) => m.id).sort());
  });
});

describe('every message', () => {
  it('is one sentence saying what was found and what was expected, on the example and on bad input', async () => {
    for (const root of ['examples/monorepo', 'test/fixtures/repos/bad-input', 'test/fixtures/repos/no-registry']) {
      const { findings, suppressed } = await check({ root: join(ROOT, root) });
      expect(findings.length, root).toBeGreaterThan(0);
      for (const f of [...findings, ...suppressed]) {
        expect(f.message, `${f.ruleId} in ${root}`).toMatch(/^[A-Z`].*\bexpected\b.*\.$/s);
        for (const r of f.related) expect(r.message, `a related place of ${f.ruleId}`).not.toBe('');
      }
    }
  });
});

