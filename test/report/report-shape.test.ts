// The reviewer-facing shape of the markdown report: severity order, deduplicated evidence,
// the port map's per-service evidence and tags, and the links to the merge base and the run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding, Severity } from '../../src/core/finding.js';
import { lineLocation } from '../../src/core/location.js';
import { COMMENT_BODY_CHARS } from '../../src/report/limits.js';
import { findingRow, renderReport } from '../../src/report/markdown.js';
import { bySeverity, distinctRelated } from '../../src/report/order.js';
import { claimTag } from '../../src/report/port-map.js';
import { evidenceLinks } from '../../src/report/port-map-links.js';
import type { RunReport } from '../../src/report/reporter.js';
import { jobSummary } from '../../src/report/job-summary.js';
import { stickyBody } from '../../src/report/sticky-comment.js';
import { prRun, registry } from '../support/run-fixture.js';
import type { TempRepo } from '../support/git-fixture.js';

const repos: TempRepo[] = [];
afterAll(() => repos.forEach((r) => r.remove()));

function finding(severity: Severity, file: string, line: number, ruleId = 'collision/same-host', related: [string, number, string][] = []): Finding {
  return {
    ruleId,
    severity,
    message: `${severity} at ${file}:${line}`,
    location: lineLocation(file, line),
    related: related.map(([f, l, message]) => ({ location: lineLocation(f, l), message })),
    fingerprint: `${severity}${file}${line}`,
    url: `https://example.com/rules#${ruleId}`,
  };
}

/** The messages of the finding rows, in the order the markdown shows them. */
const rowMessages = (md: string) => [...md.matchAll(/^\| [🔴🟠🔵] .*? \| .*? \| ((?:error|warning|notice) at [^ <|]+)/gmu)].map((m) => m[1]);

describe('finding order', () => {
  let run: RunReport;
  beforeAll(async () => {
    const made = await prRun();
    repos.push(made.repo);
    run = made.run;
  });

  it('sorts by severity, then file, line and column, then rule id', () => {
    const list = [finding('notice', 'a.md', 1), finding('error', 'b.md', 9), finding('warning', 'a.md', 2), finding('error', 'a.md', 30), finding('error', 'a.md', 4, 'b-rule'), finding('error', 'a.md', 4, 'a-rule')];
    expect(bySeverity(list).map((f) => `${f.severity} ${f.location.file}:${f.location.line} ${f.ruleId}`)).toEqual([
      'error a.md:4 a-rule',
      'error a.md:4 b-rule',
      'error a.md:30 collision/same-host',
      'error b.md:9 collision/same-host',
      'warning a.md:2 collision/same-host',
      'notice a.md:1 collision/same-host',
    ]);
  });

  it('shows errors first in the new, existing and fixed tables alike', () => {
    const mixed = (file: string) => [finding('notice', file, 1), finding('warning', file, 2), finding('error', file, 3), finding('error', 'a/first.md', 8)];
    const shaped: RunReport = { ...run, analysis: { ...run.analysis, classified: { new: mixed('n.md'), existing: mixed('e.md'), fixed: mixed('f.md'), notChecked: [], suppressed: [] } } };
    const md = renderReport(shaped, { limit: COMMENT_BODY_CHARS, unit: 'chars', fullListIn: 'x' });
    const rows = rowMessages(md);
    expect(rows).toEqual([
      ...['error at a/first.md:8', 'error at n.md:3', 'warning at n.md:2', 'notice at n.md:1'],
      ...['error at a/first.md:8', 'error at e.md:3', 'warning at e.md:2', 'notice at e.md:1'],
      ...['error at a/first.md:8', 'error at f.md:3', 'warning at f.md:2', 'notice at f.md:1'],
    ]);
  });

  it('puts the severity icon beside the rule link in a three-column table', () => {
    const row = findingRow(run, finding('warning', 'docs/PORT_SCHEMA.md', 7), 'abc');
    expect(row).toBe(
      '| 🟠 [`collision/same-host`](https://example.com/rules#collision/same-host "warning")<br><sub>warning</sub> | [docs/PORT\\_SCHEMA.md:7](https://github.com/octo/mono/blob/abc/docs/PORT_SCHEMA.md#L7) | warning at docs/PORT\\_SCHEMA.md:7 |\n',
    );
    expect(renderReport(run, { limit: COMMENT_BODY_CHARS, unit: 'chars', fullListIn: 'x' })).toContain('| Rule | Location | Message |\n|---|---|---|\n');
  });
});

describe('related evidence', () => {
  it('lists each file:line once, keeping the first entry', () => {
    const related = distinctRelated([
      { location: lineLocation('c.yml', 5), message: 'ports' },
      { location: { ...lineLocation('c.yml', 5), column: 12 }, message: 'ports (container)' },
      { location: lineLocation('c.yml', 7), message: 'environment' },
      { location: lineLocation('d.md', 5), message: 'doc' },
    ]);
    expect(related.map((r) => `${r.location.file}:${r.location.line} ${r.message}`)).toEqual(['c.yml:5 ports', 'c.yml:7 environment', 'd.md:5 doc']);
  });

  it('counts "and N more" after removing the repeats', async () => {
    const made = await prRun();
    repos.push(made.repo);
    const dup: [string, number, string][] = [['c.yml', 5, 'ports'], ['c.yml', 5, 'ports (container)'], ['c.yml', 7, 'env'], ['c.yml', 7, 'env again'], ['d.md', 2, 'doc']];
    const row = findingRow(made.run, finding('error', 'x.md', 1, 'drift/deploy', dup), 'abc');
    expect(row.match(/↳/g)).toHaveLength(3);
    expect(row).toContain('c.yml:5](https://github.com/octo/mono/blob/abc/c.yml#L5) ports<br>');
    expect(row).not.toContain('ports (container)');
    expect(row).not.toContain('and ');
    const five = findingRow(made.run, finding('error', 'x.md', 1, 'drift/deploy', [...dup, ['e.md', 1, 'e'], ['e.md', 1, 'e2']]), 'abc');
    expect(five).toContain('<br>↳ and 1 more |');
  });
});

const COMPOSE_BASE = ['services:', '  svc-a:', '    image: a', '    ports:', '      - "3001:3001"', ''].join('\n');
// svc-b publishes host port 3001 (svc-a's) from container port 3000, which must not show as a host port.
const COMPOSE_HEAD = [
  'services:',
  '  svc-a:',
  '    image: a',
  '    ports:',
  '      - "3001:3001"',
  '  svc-b:',
  '    image: b',
  '    ports:',
  '      - "3001:3000"',
  '    environment:',
  '      PORT: "3000"',
  '  svc-c:',
  '    image: c',
  '    ports:',
  '      - "3007:3007"',
  '      - "3008:3008"',
  '',
].join('\n');

describe('the port map', () => {
  let md: string;
  let run: RunReport;
  beforeAll(async () => {
    const schema = registry([['svc-a', 3001], ['svc-d', 3009]]);
    const made = await prRun({ base: { 'docs/PORT_SCHEMA.md': schema, 'docker-compose.macmini.yml': COMPOSE_BASE }, head: { 'docker-compose.macmini.yml': COMPOSE_HEAD } });
    repos.push(made.repo);
    run = made.run;
    md = renderReport(run, { limit: COMMENT_BODY_CHARS, unit: 'chars', fullListIn: 'x' });
  });
  const rowOf = (port: number) => md.split('\n').find((l) => l.startsWith(`| ${port} |`)) ?? '';

  it('names each colliding service beside its own evidence, the new line included', () => {
    const sha = run.context.headSha;
    const link = (file: string, line: number) => `[${file.replace(/_/g, '\\_')}:${line}](https://github.com/octo/mono/blob/${sha}/${file}#L${line})`;
    expect(rowOf(3001)).toBe(
      `| 3001 | ⚠️ \`svc-a\`, \`svc-b\` | \`svc-a\`: ${link('docker-compose.macmini.yml', 5)}, ${link('docs/PORT_SCHEMA.md', 6)}<br>\`svc-b\`: ${link('docker-compose.macmini.yml', 9)} |`,
    );
  });

  it('leaves container-internal ports out of the map', () => {
    expect(rowOf(3000)).toBe('');
    expect(run.analysis.head.model.bindings.some((b) => b.port === 3000 && b.network === 'container')).toBe(true);
  });

  it('flags a service on two ports of one host, and a registry-only row', () => {
    expect(rowOf(3007)).toMatch(/^\| 3007 \| `svc-c` ↔️ also on 3008 \|/);
    expect(rowOf(3008)).toMatch(/^\| 3008 \| `svc-c` ↔️ also on 3007 \|/);
    expect(rowOf(3009)).toMatch(/^\| 3009 \| `svc-d` <sub>registry only<\/sub> \| \[docs\/PORT\\_SCHEMA\.md:7\]/);
    expect(rowOf(3001)).not.toContain('registry only');
  });

  it('shows the line a new finding points at first, then deploy, source, doc and registry evidence, each line once', () => {
    const at = (kind: 'service-doc' | 'registry-actual' | 'deploy' | 'source-default', file: string, line: number) => ({ ...run.analysis.head.model.bindings[0]!, kind, location: lineLocation(file, line) });
    const list = [at('registry-actual', 'r.md', 1), at('service-doc', 'd.md', 2), at('deploy', 'c.yml', 3), at('deploy', 'c.yml', 3), at('source-default', 's.ts', 4)];
    const links = (fresh: string[]) => evidenceLinks({ run, prefix: 'sub', fresh: new Set(fresh) }, list).replace(/\]\([^)]*\)/g, ']');
    expect(links([])).toBe('[sub/c.yml:3], [sub/s.ts:4] and 2 more');
    expect(links(['sub/r.md:1'])).toBe('[sub/r.md:1], [sub/c.yml:3] and 2 more');
  });

  it('tags evidence by kind: doc only, registry only, both, or a deployment', () => {
    const b = (kind: 'service-doc' | 'registry-actual' | 'deploy' | 'source-default') => ({ ...run.analysis.head.model.bindings[0]!, kind });
    expect(claimTag([b('service-doc')])).toBe('doc only');
    expect(claimTag([b('registry-actual')])).toBe('registry only');
    expect(claimTag([b('service-doc'), b('registry-actual')])).toBe('doc + registry only');
    expect(claimTag([b('service-doc'), b('source-default')])).toBe('');
    expect(claimTag([b('registry-actual'), b('deploy')])).toBe('');
  });
});

describe('links to the merge base and the workflow run', () => {
  let run: RunReport;
  beforeAll(async () => {
    const made = await prRun();
    repos.push(made.repo);
    run = made.run;
  });

  it('links the merge base sha to its commit page', () => {
    const base = run.analysis.mergeBase!;
    expect(stickyBody(run)).toContain(`compared with the merge base [\`${base.slice(0, 7)}\`](https://github.com/octo/mono/commit/${base}).`);
  });

  it('links the workflow run and says where the full list is, per channel', () => {
    const withRun: RunReport = { ...run, context: { ...run.context, runId: '1001' } };
    expect(stickyBody(withRun)).toContain('<sub>Full list: the job summary / report.json of [this workflow run](https://github.com/octo/mono/actions/runs/1001).<br>portwarden ');
    expect(jobSummary(withRun)).toContain('<sub>Full list: report.json (the `report` output) of [this workflow run](https://github.com/octo/mono/actions/runs/1001).<br>');
    // Outside a runner there is no run id: the line still says where the list is, without a link.
    expect(stickyBody(run)).toContain('<sub>Full list: the job summary / report.json.<br>portwarden ');
  });
});
