import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import { CHECK_SUMMARY_CHARS, COMMENT_BODY_CHARS, JOB_SUMMARY_BYTES, clipTo, truncate } from '../../src/report/limits.js';
import { headline, inline, renderReport } from '../../src/report/markdown.js';
import { jobSummary } from '../../src/report/job-summary.js';
import type { RunReport } from '../../src/report/reporter.js';
import { stickyBody, STICKY_MARKER } from '../../src/report/sticky-comment.js';
import { verdict } from '../../src/baseline/verdict.js';
import { prRun } from '../support/run-fixture.js';
import type { TempRepo } from '../support/git-fixture.js';

let run: RunReport;
let repo: TempRepo;
beforeAll(async () => {
  ({ run, repo } = await prRun());
});
afterAll(() => repo.remove());

/** `n` copies of a finding with long messages, each its own fingerprint. */
function many(template: Finding, n: number): Finding[] {
  return Array.from({ length: n }, (_, i) => ({ ...template, fingerprint: `fp${i}`, message: `${template.message} #${i} ${'x'.repeat(300)}` }));
}

describe('the markdown report', () => {
  it('has a failing headline, counts and a table per class on a pull request', () => {
    const md = renderReport(run, { limit: COMMENT_BODY_CHARS, unit: 'chars', fullListIn: 'x' });
    expect(headline(run)).toBe('❌ portwarden: 1 new finding at or above `error`');
    expect(md).toContain(`**1 new** (1 error) · **1 existing** · **1 fixed**, compared with the merge base [\`${run.analysis.mergeBase!.slice(0, 7)}\`](https://github.com/octo/mono/commit/${run.analysis.mergeBase}).`);
    expect(md).toContain('#### New (1)');
    expect(md).toContain('<details><summary>Existing before this pull request (1)</summary>');
    expect(md).toContain('<details><summary>Fixed by this pull request (1)</summary>');
    // The new finding's row links its location at the head and its rule's docs.
    const sha = run.context.headSha;
    expect(md).toContain(`[docs/PORT\\_SCHEMA.md:9](https://github.com/octo/mono/blob/${sha}/docs/PORT_SCHEMA.md#L9)`);
    expect(md).toMatch(/\| 🔴 \[`collision\/same-host`\]\(https:\/\/[^) ]+ "error"\)<br><sub>error<\/sub> \|/);
    // The fixed finding links the merge base, where its line still exists.
    expect(md).toContain(`/blob/${run.analysis.mergeBase}/docs/PORT_SCHEMA.md#L10`);
  });

  it('shows a port map per host that flags a port with two services', () => {
    const md = renderReport(run, { limit: COMMENT_BODY_CHARS, unit: 'chars', fullListIn: 'x' });
    expect(md).toContain('<details><summary>Port map (1 host)</summary>');
    expect(md).toMatch(/\| 3001 \| ⚠️ `svc-a` <sub>registry only<\/sub>, `svc-b` <sub>registry only<\/sub> \| `svc-a`: \[docs\/PORT\\_SCHEMA\.md:6\]\(.*PORT_SCHEMA\.md#L6\)<br>`svc-b`: \[docs\/PORT\\_SCHEMA\.md:7\]/);
    expect(md).toMatch(/\| 3006 \| `svc-y` <sub>registry only<\/sub> \|/);
  });

  it('passes with a green headline when nothing is new', () => {
    const clean: RunReport = { ...run, analysis: { ...run.analysis, classified: { ...run.analysis.classified, new: [] } } };
    Object.assign(clean, verdict(clean.analysis.classified, 'error'));
    expect(headline(clean)).toBe('✅ portwarden: no new port problems');
    expect(clean.conclusion).toBe('success');
  });

  it('is neutral when new findings are all below fail-level', () => {
    const v = verdict(run.analysis.classified, 'never');
    expect(v).toEqual({ failing: [], conclusion: 'neutral' });
    expect(headline({ ...run, ...v, settings: { ...run.settings, failLevel: 'never' } })).toBe('⚠️ portwarden: 1 new finding, none at or above `never`');
  });

  it('puts the sticky marker first in the comment body', () => {
    expect(stickyBody(run).startsWith(`${STICKY_MARKER}\n### ❌`)).toBe(true);
  });

  it('fits 2,000 findings into a comment, keeping new ones first and counting the rest', () => {
    const template = run.analysis.classified.new[0]!;
    const big: RunReport = { ...run, analysis: { ...run.analysis, classified: { new: many(template, 2000), existing: many(template, 50), fixed: [], notChecked: [], suppressed: [] } } };
    const body = stickyBody(big);
    expect(body.length).toBeLessThanOrEqual(COMMENT_BODY_CHARS);
    const rows = body.split('\n').filter((l) => l.startsWith('| 🔴')).length;
    expect(rows).toBeGreaterThan(50);
    const m = /… (\d+) more findings not shown; the full list is in the job summary \/ report\.json\./.exec(body);
    expect(Number(m?.[1])).toBe(2050 - rows);
    // The structure survives: headline, the existing section closes.
    expect(body).toContain('#### New (2000)');
    expect(body.trimEnd().endsWith('report.json.')).toBe(true);
    const summary = renderReport(big, { limit: CHECK_SUMMARY_CHARS, unit: 'chars', fullListIn: 'y' });
    expect(summary.length).toBeLessThanOrEqual(CHECK_SUMMARY_CHARS);
  });

  it('measures the job summary in bytes, not characters', () => {
    const template = { ...run.analysis.classified.new[0]!, message: '端口冲突 '.repeat(100) };
    const big: RunReport = { ...run, analysis: { ...run.analysis, classified: { new: many(template, 5000), existing: [], fixed: [], notChecked: [], suppressed: [] } } };
    const md = jobSummary(big);
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(JOB_SUMMARY_BYTES);
    expect(md.length).toBeLessThan(JOB_SUMMARY_BYTES);
    expect(md).toMatch(/more findings not shown; the full list is in report\.json/);
  });
});

describe('truncate and clipTo', () => {
  it('keeps everything under the limit and adds no note', () => {
    expect(truncate([{ text: 'a', priority: 0 }, { text: 'b', priority: 1, findings: 1 }], { limit: 10, unit: 'chars', fullListIn: 'z' })).toBe('ab');
  });

  it('drops lower priorities first and keeps document order', () => {
    const chunks = [
      { text: 'H\n', priority: 0 },
      { text: 'existing'.repeat(10) + '\n', priority: 3, findings: 1 },
      { text: 'new\n', priority: 1, findings: 1 },
      { text: 'end\n', priority: 0 },
    ];
    const out = truncate(chunks, { limit: 70, unit: 'chars', fullListIn: 'z' });
    expect(out).toBe('H\nnew\nend\n\n… 1 more finding not shown; the full list is in z.\n');
  });

  it('clips without splitting a surrogate pair', () => {
    expect(clipTo('ab😀cd', 4)).toBe('ab…');
    expect(clipTo('short', 10)).toBe('short');
    expect(Buffer.byteLength(clipTo('ééééé', 7, 'bytes'))).toBeLessThanOrEqual(7);
  });
});

describe('inline', () => {
  it('neutralises HTML, pipes, emphasis and mentions outside code spans, keeps code spans', () => {
    expect(inline('<!-- portwarden:sticky --> a|b *x* @octocat `a|<b>`')).toBe('&lt;!-- portwarden:sticky --&gt; a\\|b \\*x\\* @\u200boctocat `a\\|<b>`');
  });
});
