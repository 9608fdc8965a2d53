import { afterEach, describe, expect, it } from 'vitest';
import { readHeadFiles } from '../../src/action/head-files.js';
import { placeFindings, applyFix, suggestionFiles } from '../../src/report/inline-placement.js';
import { checkRunReporter } from '../../src/github/check-run.js';
import { reviewReporter } from '../../src/github/review.js';
import { RESOLVED_MARKER, fingerprintMarker } from '../../src/report/review.js';
import { runReporters } from '../../src/github/run-reporters.js';
import { planReporters } from '../../src/action/plan.js';
import { stickyCommentReporter } from '../../src/github/sticky-comment.js';
import { STICKY_MARKER } from '../../src/report/sticky-comment.js';
import type { Finding } from '../../src/core/finding.js';
import { BOT, HUMAN, fakeGitHub } from '../support/fake-github.js';
import { prRun, registry, type FixtureRun } from '../support/run-fixture.js';
import type { TempRepo } from '../support/git-fixture.js';

const repos: TempRepo[] = [];
afterEach(() => {
  while (repos.length) repos.pop()?.remove();
});

const DOC = (port: number, other = 'x') => `# svc-a\n\nSome text.\n\n- **Port:** ${port}\n- **Other:** ${other}\n`;

/** Base: svc-a documented at its registry port. Head: the doc drifts to 3050 and svc-c takes svc-b's 3001. */
async function driftRun(): Promise<FixtureRun> {
  const { run, repo } = await prRun({
    base: { 'docs/PORT_SCHEMA.md': registry([['svc-a', 3024], ['svc-b', 3001]]), 'services/svc-a/CLAUDE.md': DOC(3024) },
    head: { 'docs/PORT_SCHEMA.md': registry([['svc-a', 3024], ['svc-c', 3001], ['svc-b', 3001]]), 'services/svc-a/CLAUDE.md': DOC(3050) },
  });
  repos.push(repo);
  return run;
}

/** Head moves svc-a to 3030 in the registry and edits another line of its doc: the drift sits on an unchanged line of a changed file. */
async function offDiffRun(): Promise<FixtureRun> {
  const { run, repo } = await prRun({
    base: { 'docs/PORT_SCHEMA.md': registry([['svc-a', 3024]]), 'services/svc-a/CLAUDE.md': DOC(3024) },
    head: { 'docs/PORT_SCHEMA.md': registry([['svc-a', 3030]]), 'services/svc-a/CLAUDE.md': DOC(3024, 'y') },
  });
  repos.push(repo);
  return run;
}

/** The head files the run's new findings may need for suggestions, read as the check command reads them. */
const headFiles = (run: FixtureRun) => readHeadFiles(run.analysis.headTop, suggestionFiles(run.analysis.classified.new), run.analysis.head.config.maxFileBytes);

describe('inline placement', () => {
  it('comments on changed lines, with a suggestion when the fix lies in the diff', async () => {
    const run = await driftRun();
    const placements = placeFindings({ findings: run.analysis.classified.new, diff: run.analysis.diff!, shifted: new Set(), headFiles: headFiles(run) });
    const byRule = Object.fromEntries(placements.map((p) => [p.finding.ruleId, p]));
    expect(byRule['doc/registry-drift']).toMatchObject({ kind: 'inline', path: 'services/svc-a/CLAUDE.md', line: 5, suggestion: '- **Port:** 3024' });
    expect(byRule['doc/registry-drift']).not.toHaveProperty('startLine');
    // The collision sits on svc-c's added line 7 and has no fix.
    expect(byRule['collision/same-host']).toMatchObject({ kind: 'inline', path: 'docs/PORT_SCHEMA.md', line: 7 });
    expect(byRule['collision/same-host']).not.toHaveProperty('suggestion');
  });

  it('keeps a finding on an unchanged line of a changed file for the summary (file level)', async () => {
    const run = await offDiffRun();
    const placements = placeFindings({ findings: run.analysis.classified.new, diff: run.analysis.diff!, shifted: new Set(), headFiles: headFiles(run) });
    expect(placements.map((p) => [p.kind, p.finding.ruleId, p.finding.location.line])).toEqual([['file', 'doc/registry-drift', 5]]);
  });

  it('sends a finding in an unchanged file, or in a file the base branch shifted, to the summary', async () => {
    const run = await driftRun();
    const drift = run.analysis.classified.new.find((f) => f.ruleId === 'doc/registry-drift')!;
    const moved: Finding = { ...drift, location: { ...drift.location, file: 'untouched.md' } };
    const out = placeFindings({ findings: [moved, drift], diff: run.analysis.diff!, shifted: new Set(['services/svc-a/CLAUDE.md']), headFiles: headFiles(run) });
    expect(out.map((p) => p.kind)).toEqual(['summary', 'summary']);
    expect(out[0]).toMatchObject({ reason: 'file not changed by this pull request' });
    expect(out[1]).toMatchObject({ reason: expect.stringContaining('base branch changed this file') });
  });

  it('applies a fix to whole lines, multi-line ranges included', () => {
    const text = 'a\nport: 3050 # x\nb\n';
    expect(applyFix(text, { file: 'f', line: 2, column: 7, endLine: 2, endColumn: 11 }, '3024', { start: 2, end: 2 })).toBe('port: 3024 # x');
    expect(applyFix(text, { file: 'f', line: 2, column: 7, endLine: 2, endColumn: 11 }, '3024', { start: 1, end: 3 })).toBe('a\nport: 3024 # x\nb');
    expect(applyFix(text, { file: 'f', line: 9, column: 1, endLine: 9, endColumn: 2 }, 'x', { start: 2, end: 2 })).toBeUndefined();
  });
});

describe('review reporter', () => {
  it('posts one review with the inline comment, then skips it on a rerun and resolves it once gone', async () => {
    const run = await driftRun();
    const gh = fakeGitHub();
    const first = await reviewReporter(gh.client).report(run);
    const reviews = gh.calls.filter((c) => c.route === 'POST /pulls/{n}/reviews');
    expect(reviews).toHaveLength(1);
    expect(reviews[0]!.params).toMatchObject({ pull_number: 7, commit_id: run.context.headSha, event: 'COMMENT' });
    // The drift, svc-c's collision, and svc-c's registry/orphan notice (no services/svc-c).
    expect(reviews[0]!.params.comments.map((c: { path: string; line: number }) => [c.path, c.line])).toEqual([
      ['docs/PORT_SCHEMA.md', 7],
      ['docs/PORT_SCHEMA.md', 7],
      ['services/svc-a/CLAUDE.md', 5],
    ]);
    const comment = reviews[0]!.params.comments.find((c: { path: string }) => c.path.endsWith('CLAUDE.md'));
    expect(comment).toMatchObject({ path: 'services/svc-a/CLAUDE.md', line: 5, side: 'RIGHT' });
    const drift = run.analysis.classified.new.find((f) => f.ruleId === 'doc/registry-drift')!;
    expect(comment.body.startsWith(fingerprintMarker(drift.fingerprint))).toBe(true);
    expect(comment.body).toContain('```suggestion\n- **Port:** 3024\n```');
    expect(comment.body).toContain(`[docs/PORT\\_SCHEMA.md:6](https://github.com/octo/mono/blob/${run.context.headSha}/docs/PORT_SCHEMA.md#L6)`);
    expect(first.detail).toBe('1 review with 3 inline comments; 0 already commented; 0 off the diff (in the summary); 0 resolved');

    gh.calls.length = 0;
    await reviewReporter(gh.client).report(run);
    expect(gh.calls.map((c) => c.route)).toEqual(['GET /pulls/{n}/comments']);

    // The drift is gone from the head: neither a new finding nor placed in the review.
    const fixed: FixtureRun = { ...run, analysis: { ...run.analysis, classified: { ...run.analysis.classified, new: run.analysis.classified.new.filter((f) => f !== drift) } }, placements: run.placements.filter((p) => p.finding !== drift) };
    gh.calls.length = 0;
    await reviewReporter(gh.client).report(fixed);
    expect(gh.calls.map((c) => c.route)).toEqual(['GET /pulls/{n}/comments', 'PATCH /pulls/comments/{id}']);
    const resolved = gh.reviewComments.find((c) => c.path?.endsWith('CLAUDE.md'))!;
    expect(resolved.body).toContain(RESOLVED_MARKER);
    expect(resolved.body).toContain('✅ Resolved in');
    expect(resolved.body).not.toContain('```suggestion');
    expect(gh.reviewComments.filter((c) => c.body.includes(RESOLVED_MARKER))).toHaveLength(1);
    gh.calls.length = 0;
    await reviewReporter(gh.client).report(fixed);
    expect(gh.calls.map((c) => c.route)).toEqual(['GET /pulls/{n}/comments']);
  });
});

describe('comments people wrote', () => {
  it('are never taken for the sticky comment, even when they start with its marker', async () => {
    const run = await driftRun();
    const gh = fakeGitHub();
    gh.issueComments.push({ id: 5, body: `${STICKY_MARKER}\nmine, keep it`, user: HUMAN });
    await stickyCommentReporter(gh.client, 'on-findings').report(run);
    expect(gh.issueComments.find((c) => c.id === 5)!.body).toBe(`${STICKY_MARKER}\nmine, keep it`);
    expect(gh.calls.map((c) => c.route)).toEqual(['GET /issues/{n}/comments', 'POST /issues/{n}/comments', 'GET /issues/{n}/comments']);
  });

  it('are never resolved, and a copied fingerprint does not silence a finding', async () => {
    const run = await driftRun();
    const gh = fakeGitHub();
    const drift = run.analysis.classified.new.find((f) => f.ruleId === 'doc/registry-drift')!;
    const human = { id: 9, body: `I disagree. ${fingerprintMarker(drift.fingerprint)}`, path: 'services/svc-a/CLAUDE.md', line: 5, user: HUMAN };
    const gone = { id: 10, body: `Old note ${fingerprintMarker('0123456789abcdef')}`, path: 'README.md', line: 1, user: HUMAN };
    gh.reviewComments.push(human, gone);
    await reviewReporter(gh.client).report(run);
    const review = gh.calls.find((c) => c.route === 'POST /pulls/{n}/reviews')!;
    expect(review.params.comments.some((c: { body: string }) => c.body.startsWith(fingerprintMarker(drift.fingerprint)))).toBe(true);
    expect(gh.calls.some((c) => c.route === 'PATCH /pulls/comments/{id}')).toBe(false);
    expect(gh.reviewComments.find((c) => c.id === 9)!.body).toBe(human.body);
  });
});

describe('sticky comment reporter', () => {
  it('creates one comment, then edits it in place', async () => {
    const run = await driftRun();
    const gh = fakeGitHub();
    gh.issueComments.push({ id: 1, body: 'LGTM', user: HUMAN });
    await stickyCommentReporter(gh.client, 'on-findings').report(run);
    await stickyCommentReporter(gh.client, 'on-findings').report(run);
    expect(gh.calls.map((c) => c.route)).toEqual(['GET /issues/{n}/comments', 'POST /issues/{n}/comments', 'GET /issues/{n}/comments', 'GET /issues/{n}/comments', 'PATCH /issues/comments/{id}']);
    expect(gh.issueComments.filter((c) => c.body.startsWith(STICKY_MARKER))).toHaveLength(1);
  });

  it('after losing a creation race keeps the oldest comment and deletes its own', async () => {
    const run = await driftRun();
    const gh = fakeGitHub();
    // Another run's comment appears between our list and our create.
    const list = gh.client.rest.issues.listComments;
    let listed = 0;
    (gh.client.rest.issues as any).listComments = async (p: any) => {
      const out = await list(p);
      if (listed++ === 0) gh.issueComments.push({ id: 5, body: `${STICKY_MARKER}\nother run`, user: BOT });
      return out;
    };
    const result = await stickyCommentReporter(gh.client, 'on-findings').report(run);
    expect(result.detail).toMatch(/another run created comment 5 first/);
    expect(gh.issueComments.map((c) => c.id)).toEqual([5]);
    expect(gh.issueComments[0]!.body).toContain('portwarden');
  });

  it('posts nothing in on-findings mode when the PR neither adds nor fixes findings', async () => {
    const run = await driftRun();
    const quiet: FixtureRun = { ...run, analysis: { ...run.analysis, classified: { new: [], existing: run.analysis.classified.new, fixed: [], notChecked: [], suppressed: [] } } };
    const gh = fakeGitHub();
    const result = await stickyCommentReporter(gh.client, 'on-findings').report(quiet);
    expect(gh.calls.map((c) => c.route)).toEqual(['GET /issues/{n}/comments']);
    expect(result.detail).toMatch(/none posted/);
  });

  it('posts in on-findings mode when the PR only adds a suppression or leaves base findings unchecked', async () => {
    const run = await driftRun();
    const quiet = { new: [], existing: run.analysis.classified.new, fixed: [], notChecked: [], suppressed: [] };
    const directive = { file: 'a.yml', line: 3, ruleId: '*', reason: 'x', kind: 'added' as const, silences: 1, rules: ['r'], applied: true };
    for (const analysis of [
      { ...run.analysis, classified: quiet, suppressions: [directive] },
      { ...run.analysis, classified: { ...quiet, notChecked: run.analysis.classified.new } },
    ]) {
      const gh = fakeGitHub();
      await stickyCommentReporter(gh.client, 'on-findings').report({ ...run, analysis });
      expect(gh.calls.map((c) => c.route)).toContain('POST /issues/{n}/comments');
    }
  });
});

describe('check-run reporter', () => {
  it('sends 50 annotations with the create and each further 50 with an update', async () => {
    const run = await driftRun();
    const template = run.analysis.classified.new[0]!;
    const many = Array.from({ length: 120 }, (_, i) => ({ ...template, fingerprint: `f${i}` }));
    const big: FixtureRun = { ...run, analysis: { ...run.analysis, classified: { ...run.analysis.classified, new: many } } };
    const gh = fakeGitHub();
    const result = await checkRunReporter(gh.client).report(big);
    expect(gh.calls.map((c) => [c.route, c.params.output.annotations.length])).toEqual([
      ['POST /check-runs', 50],
      ['PATCH /check-runs/{id}', 50],
      ['PATCH /check-runs/{id}', 20],
    ]);
    expect(gh.calls[0]!.params).toMatchObject({ name: 'portwarden', head_sha: run.context.headSha, status: 'completed', conclusion: 'failure' });
    expect(gh.calls[0]!.params.output.title).toBe(`120 new findings, ${run.failing.length} at or above error`);
    expect(result.detail).toMatch(/120 annotations in 3 requests/);
  });
});

describe('runReporters', () => {
  it('on a 403 skips the other writes, then falls back to annotations and the job summary', async () => {
    const run = await driftRun();
    const gh = fakeGitHub();
    gh.denyWrites = true;
    const lines: string[] = [];
    const warnings: string[] = [];
    const plan = planReporters(run.settings, run.context, gh.client, { write: (l) => lines.push(l), summaryPath: '' });
    const results = await runReporters(run, plan, { info: () => {}, warning: (m) => warnings.push(m) });
    expect(results.map((r) => [r.reporter, r.ok, r.denied ?? false])).toEqual([
      ['check-run', false, true],
      ['review', false, true],
      ['comment', false, true],
      ['job-summary', true, false],
      ['annotations', true, false],
    ]);
    // One refused write is enough to know: the review and the comment are not attempted.
    expect(results.slice(1, 3).map((r) => r.detail)).toEqual(['skipped: the token cannot write', 'skipped: the token cannot write']);
    expect(warnings.some((w) => w.includes('falling back to workflow-command annotations'))).toBe(true);
    expect(lines).toHaveLength(run.analysis.classified.new.length);
    expect(lines[0]).toMatch(/^::error file=/);
  });

  it('without a token plans no API reporters and goes straight to the fallback', async () => {
    const run = await driftRun();
    const plan = planReporters(run.settings, run.context, undefined, { write: () => {}, summaryPath: '' });
    expect(plan.reporters.map((r) => r.name)).toEqual(['job-summary']);
    expect(plan.deniedUpFront).toBe(true);
    const warnings: string[] = [];
    const results = await runReporters(run, plan, { info: () => {}, warning: (m) => warnings.push(m) });
    expect(results.map((r) => r.reporter)).toEqual(['job-summary', 'annotations']);
    expect(warnings).toEqual(['No token to write with: using workflow-command annotations and the job summary.']);
  });

  it('skips review and comment outside pull requests', async () => {
    const run = await driftRun();
    const { pr: _pr, ...push } = run.context;
    const plan = planReporters(run.settings, { ...push, event: 'push' }, fakeGitHub().client, { summaryPath: '' });
    expect(plan.reporters.map((r) => r.name)).toEqual(['check-run', 'job-summary']);
  });

  it('a reporter that throws does not stop the others', async () => {
    const run = await driftRun();
    const boom = { name: 'boom', report: async () => Promise.reject(new Error('kaput')) };
    const ok = { name: 'ok', report: async () => ({ reporter: 'ok', ok: true, detail: 'fine' }) };
    const results = await runReporters(run, { reporters: [boom, ok], fallback: [] }, { info: () => {}, warning: () => {} });
    expect(results).toEqual([{ reporter: 'boom', ok: false, denied: false, detail: 'kaput' }, { reporter: 'ok', ok: true, detail: 'fine' }]);
  });
});
