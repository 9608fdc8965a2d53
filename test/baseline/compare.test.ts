/**
 * compare(base, head) as a pure function: two checks in, new / existing / fixed / not checked
 * and the head's added directives out; no git, no GitHub, no disk.
 */
import { describe, expect, it } from 'vitest';
import { compare, type CheckedSide } from '../../src/baseline/compare.js';
import type { Finding } from '../../src/core/finding.js';

/** A finding of `ruleId` at `file:line` whose fingerprint is `fp` (paths relative to the checked root). */
function finding(fp: string, file: string, line: number, ruleId = 'collision/same-host', related: string[] = []): Finding {
  const at = (f: string, l: number) => ({ file: f, line: l, column: 1, endLine: l, endColumn: 5 });
  return { ruleId, severity: 'error', message: `problem ${fp}`, location: at(file, line), related: related.map((r) => ({ location: at(r, 1), message: 'evidence' })), fingerprint: fp, url: '' };
}

const side = (findings: Finding[], over: Partial<CheckedSide> = {}): CheckedSide => ({ findings, suppressed: [], suppressions: [], ...over });
const fps = (findings: Finding[]) => findings.map((f) => f.fingerprint);

describe('compare', () => {
  it('sorts the head against the base into new, existing and fixed, by fingerprint and count', () => {
    const base = side([finding('a', 'x.md', 1), finding('b', 'x.md', 2), finding('d', 'y.md', 3)]);
    // `a` moved two lines (fingerprints hold no line numbers); `b` is twice in the head: one is new.
    const head = side([finding('a', 'x.md', 3), finding('b', 'x.md', 4), finding('b', 'x.md', 9), finding('c', 'x.md', 5)]);
    const { classified } = compare(base, head, { prefix: '', applyNewSuppressions: true });
    expect(fps(classified.existing)).toEqual(['a', 'b']);
    expect(fps(classified.new)).toEqual(['b', 'c']);
    expect(fps(classified.fixed)).toEqual(['d']);
    expect(classified.new.every((f) => f.status === 'new') && classified.existing.every((f) => f.status === 'existing')).toBe(true);
  });

  it('a base finding in a file the head could not read, or with evidence there, is not checked, never fixed', () => {
    const base = side([finding('a', 'big.yml', 1), finding('b', 'x.md', 1, 'drift/deploy', ['deploy/big.yml']), finding('c', 'x.md', 2)]);
    const { classified } = compare(base, side([]), { prefix: 'mono', applyNewSuppressions: true, notRead: new Set(['big.yml', 'deploy']) });
    expect(fps(classified.notChecked)).toEqual(['a', 'b']);
    expect(fps(classified.fixed)).toEqual(['c']);
  });

  it('`.` (the whole root unread) leaves every base finding unchecked under a working directory', () => {
    const base = side([finding('a', 'x.md', 1), finding('b', 'deep/y.md', 1)]);
    const { classified } = compare(base, side([]), { prefix: 'mono', applyNewSuppressions: true, notRead: new Set(['.']) });
    expect(fps(classified.notChecked)).toEqual(['a', 'b']);
  });

  it('makes every path repository-relative under the working directory', () => {
    const head = side([finding('a', 'x.md', 1, 'drift/deploy', ['svc/Dockerfile'])]);
    const { findings, classified } = compare(side([finding('z', 'old.md', 1)]), head, { prefix: 'mono', applyNewSuppressions: true });
    expect(findings[0]!.location.file).toBe('mono/x.md');
    expect(findings[0]!.related[0]!.location.file).toBe('mono/svc/Dockerfile');
    expect(classified.fixed[0]!.location.file).toBe('mono/old.md');
  });

  it('a base finding the head silences is suppressed, not fixed', () => {
    const silenced = finding('a', 'x.md', 2);
    const directive = { file: 'x.md', line: 1, ruleId: '*', reason: 'known' };
    const base = side([finding('a', 'x.md', 2)], { suppressions: [directive] });
    const head = side([], { suppressed: [silenced], suppressions: [directive] });
    const { classified, suppressions } = compare(base, head, { prefix: '', applyNewSuppressions: true });
    expect(classified.fixed).toEqual([]);
    expect(fps(classified.suppressed)).toEqual(['a']);
    // The directive was already in the base: nothing added.
    expect(suppressions).toEqual([]);
  });

  it('lists a directive the head added, and applies it only when told to', () => {
    const hit = finding('n', 'x.md', 5);
    const directive = { file: 'x.md', line: 4, ruleId: 'collision/same-host', reason: 'later' };
    // The engine applied the head's directives: the finding is in `suppressed`.
    const head = side([], { suppressed: [hit], suppressions: [directive] });

    const trusted = compare(side([]), head, { prefix: 'mono', applyNewSuppressions: true });
    expect(trusted.classified.new).toEqual([]);
    expect(fps(trusted.suppressed)).toEqual(['n']);
    expect(trusted.suppressions).toEqual([{ file: 'mono/x.md', line: 4, ruleId: 'collision/same-host', reason: 'later', kind: 'added', silences: 1, rules: ['collision/same-host'], applied: true }]);

    const untrusted = compare(side([]), head, { prefix: 'mono', applyNewSuppressions: false });
    expect(fps(untrusted.classified.new)).toEqual(['n']);
    expect(untrusted.classified.new[0]!.unappliedSuppression).toEqual({ file: 'mono/x.md', line: 4 });
    expect(untrusted.suppressed).toEqual([]);
    expect(untrusted.suppressions[0]).toMatchObject({ applied: false, silences: 1 });
  });
});
