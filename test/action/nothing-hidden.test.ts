// A pull request cannot hide a finding quietly: a `portwarden-ignore` it adds or widens is
// listed with what it silences (and on pull_request_target does not apply unless the base
// config allows it); a base finding the head still has but suppressed is "suppressed", and one
// in a file the head could not read is "not checked"; neither is "fixed". Real git repos.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyse, type Analysis } from '../../src/action/analyse.js';
import { classify } from '../../src/baseline/classify.js';
import { NOT_READ_PROBLEMS, READ_ANYWAY_PROBLEMS } from '../../src/collect/not-read.js';
import { suppressionChanges } from '../../src/rules/suppress.js';
import { parseConfigText } from '../support/config.js';
import type { RunContext } from '../../src/github/context.js';
import type { Finding } from '../../src/core/finding.js';
import { lineLocation } from '../../src/core/location.js';
import { checkTitle } from '../../src/report/check-run.js';
import { COMMENT_BODY_CHARS } from '../../src/report/limits.js';
import { jobSummary } from '../../src/report/job-summary.js';
import { toJsonReport } from '../../src/report/json.js';
import { renderReport } from '../../src/report/markdown.js';
import type { RunReport } from '../../src/report/reporter.js';
import { stickyBody } from '../../src/report/sticky-comment.js';
import { verdict } from '../../src/baseline/verdict.js';
import { VERSION } from '../../src/version.js';
import { tempRepo, type TempRepo } from '../support/git-fixture.js';
import { registry, settings } from '../support/run-fixture.js';

const repos: TempRepo[] = [];
afterAll(() => repos.forEach((r) => r.remove()));

/** Analyses base → head in a fresh repository, as `pull_request` or (headFromGit) `pull_request_target`. */
async function pr(base: Record<string, string>, head: Record<string, string | null>, target = false): Promise<RunReport & { analysis: Analysis }> {
  const repo = tempRepo();
  repos.push(repo);
  const baseSha = repo.commit(base);
  const headSha = repo.commit(head);
  const compare = { number: 7, baseSha, headSha, baseRef: 'main', headRepoFullName: 'fork/mono', fork: true };
  if (target) repo.git('checkout', '-q', baseSha); // pull_request_target: the workspace is the base branch
  const analysis = await analyse({ workspace: repo.dir, workingDirectory: '.', compare, headFromGit: target });
  const s = settings();
  const context: RunContext = { event: target ? 'pull_request_target' : 'pull_request', owner: 'octo', repo: 'mono', sha: headSha, headSha, workspace: repo.dir, apiUrl: 'http://127.0.0.1:1', serverUrl: 'https://github.com', pr: compare };
  return { context, settings: s, analysis, ...verdict(analysis.classified, s.failLevel), version: VERSION };
}

// The base deploys svc-a on 3001 (and has an old collision: svc-b and svc-c on 3002); the head adds svc-d on 3001.
const compose = (directive = '', svcD = true) =>
  [
    'services:',
    '  svc-a:',
    '    ports:',
    '      - "3001:3001"',
    '  svc-b:',
    '    ports:',
    '      - "3002:3002"',
    '  svc-c:',
    '    ports:',
    '      - "3002:3002"',
    ...(svcD ? ['  svc-d:', '    ports:', ...(directive ? [`      # ${directive}`] : []), '      - "3001:3001"'] : []),
    '',
  ].join('\n');
const REGISTRY = registry([['svc-z', 3009]]);
const BASE = { 'docs/PORT_SCHEMA.md': REGISTRY, 'docker-compose.macmini.yml': compose('', false) };
const head = (directive: string) => ({ 'docker-compose.macmini.yml': compose(directive) });
const FILE = 'docker-compose.macmini.yml';
const reports = (run: RunReport) => [stickyBody(run), renderReport(run, { limit: 65_535, unit: 'chars', fullListIn: 'x' }), jobSummary(run)];

describe('suppressions a pull request adds', () => {
  it('are listed with file, line, rule and how many findings they silence (pull_request: applied)', async () => {
    const run = await pr(BASE, head('portwarden-ignore *: trust me'));
    const { classified, suppressions } = run.analysis;
    expect(suppressions).toEqual([{ file: FILE, line: 13, ruleId: '*', reason: 'trust me', kind: 'added', silences: 2, rules: ['collision/same-host', 'registry/unregistered'], applied: true }]);
    // `*` silences the new collision and svc-d's missing registry entry, both on the line below.
    expect(classified.new).toEqual([]);
    expect(classified.suppressed.map((f) => f.ruleId).sort()).toEqual(['collision/same-host', 'registry/unregistered']);
    expect(run.conclusion).toBe('success');
    // Green, but it says so: in the comment, the check run's summary and the job summary.
    for (const md of reports(run)) {
      expect(md).toContain('#### `portwarden-ignore` added or widened by this pull request (1)');
      expect(md).toMatch(/\| `\*` \(every rule\) \(added\)<br>trust me \| \[docker-compose\.macmini\.yml:13\]\([^)]+#L13\) \| 2 findings \(`collision\/same-host`, `registry\/unregistered`\) \| yes \|/);
      expect(md).toContain('**2 suppressed**');
    }
  });

  it('silence nothing on pull_request_target: the findings stay new, are marked, and the listing says why', async () => {
    const run = await pr(BASE, head('portwarden-ignore collision/same-host: fine'), true);
    const { classified, suppressions } = run.analysis;
    expect(suppressions).toEqual([expect.objectContaining({ line: 13, ruleId: 'collision/same-host', kind: 'added', silences: 1, applied: false })]);
    const collision = classified.new.find((f) => f.ruleId === 'collision/same-host');
    expect(collision?.unappliedSuppression).toEqual({ file: FILE, line: 13 });
    expect(classified.suppressed).toEqual([]);
    expect(run.conclusion).toBe('failure');
    expect(checkTitle(run)).toBe('2 new findings, 1 at or above error; 1 portwarden-ignore added');
    for (const md of reports(run)) {
      expect(md).toMatch(/\| 1 finding \(`collision\/same-host`\) \| no: on `pull_request_target` a pull request's own `portwarden-ignore` applies only when the base branch's config sets `allow-new-suppressions-on-pr-target: true` \|/);
      expect(md).toContain(`⚠️ Not silenced: the \`portwarden-ignore\` at [${FILE}:13]`);
    }
  });

  it('apply on pull_request_target when the base branch config allows it', async () => {
    const config = { '.github/portwarden.yml': 'allow-new-suppressions-on-pr-target: true\n' };
    const run = await pr({ ...config, ...BASE }, head('portwarden-ignore *: ok'), true);
    expect(run.analysis.suppressions).toEqual([expect.objectContaining({ applied: true, silences: 2 })]);
    expect(run.analysis.classified.new.filter((f) => f.ruleId === 'collision/same-host')).toEqual([]);
    expect(run.conclusion).toBe('success');
  });

  it('cannot grant themselves the permission: the PR head config is not read on pull_request_target', async () => {
    const run = await pr(BASE, { '.github/portwarden.yml': 'allow-new-suppressions-on-pr-target: true\n', ...head('portwarden-ignore *: ok') }, true);
    expect(run.analysis.suppressions).toEqual([expect.objectContaining({ applied: false })]);
    expect(run.conclusion).toBe('failure');
  });

  it('the config key is a boolean, false by default', () => {
    expect(parseConfigText('c.yml', 'registry: docs/PORT_SCHEMA.md\n').allowNewSuppressionsOnPrTarget).toBe(false);
    expect(parseConfigText('c.yml', 'allow-new-suppressions-on-pr-target: true\n').allowNewSuppressionsOnPrTarget).toBe(true);
    expect(() => parseConfigText('c.yml', 'allow-new-suppressions-on-pr-target: yes please\n')).toThrow(/c\.yml:1.*`allow-new-suppressions-on-pr-target` must be `true` or `false`/);
  });

  it('compares directives by file, rule and text, not line: a moved directive is not new, a widened one is', () => {
    const s = (line: number, ruleId: string, reason = 'legacy port') => ({ file: 'a.yml', line, ruleId, reason });
    expect(suppressionChanges([s(3, 'collision/same-host')], [s(9, 'collision/same-host')])).toEqual([]);
    expect(suppressionChanges([s(3, 'collision/same-host')], [s(3, '*')])).toEqual([{ suppression: s(3, '*'), kind: 'widened' }]);
    expect(suppressionChanges([s(3, 'collision/same-host')], [s(3, 'drift/deploy')])).toEqual([{ suppression: s(3, 'drift/deploy'), kind: 'added' }]);
    expect(suppressionChanges([s(3, 'x')], [s(3, 'x'), s(7, 'x')])).toEqual([{ suppression: s(7, 'x'), kind: 'added' }]);
    expect(suppressionChanges([{ ...s(3, 'x'), file: 'b.yml' }], [s(3, 'x')])).toEqual([{ suppression: s(3, 'x'), kind: 'added' }]);
  });

  it('a widened directive is listed as widened in the reports', async () => {
    const run = await pr({ ...BASE, ...head('portwarden-ignore drift/deploy: legacy') }, head('portwarden-ignore *: legacy'));
    expect(run.analysis.suppressions).toEqual([expect.objectContaining({ kind: 'widened', ruleId: '*', silences: 2, applied: true })]);
    expect(stickyBody(run)).toContain('| `*` (every rule) (widened to every rule)<br>legacy |');
  });
});

describe('suppressed is not fixed', () => {
  it('a base finding the head still has but silences counts as suppressed', async () => {
    const silenced = compose('', false).replace(/( {2}svc-[bc]:\n {4}ports:\n)/g, '$1      # portwarden-ignore collision/same-host: known\n');
    const run = await pr(BASE, { [FILE]: silenced });
    const { classified } = run.analysis;
    expect(classified.fixed).toEqual([]);
    expect(classified.suppressed.map((f) => f.ruleId)).toEqual(['collision/same-host']);
    expect(stickyBody(run)).toMatch(/\*\*0 new\*\* · \*\*\d+ existing\*\* · \*\*0 fixed\*\* · \*\*1 suppressed\*\*/);
  });

  it('classify: fingerprints matched by suppressed head findings are neither fixed nor new', () => {
    const f = (fp: string, file = 'a.md'): Finding => ({ ruleId: 'r', severity: 'error', message: fp, location: lineLocation(file, 1), related: [], fingerprint: fp, url: '' });
    const out = classify([f('kept')], [f('kept'), f('silenced'), f('gone'), f('unread', 'big.yml')], { suppressed: [f('silenced')], notRead: new Set(['big.yml']) });
    expect(out.existing.map((x) => x.fingerprint)).toEqual(['kept']);
    expect(out.fixed.map((x) => x.fingerprint)).toEqual(['gone']);
    expect(out.notChecked.map((x) => x.fingerprint)).toEqual(['unread']);
    expect(out.suppressed.map((x) => x.fingerprint)).toEqual(['silenced']);
    // Evidence in an unread file, or a file under an unread directory, counts too.
    const related = { ...f('elsewhere'), related: [{ location: lineLocation('deploy/x/compose.yml', 3), message: 'm' }] };
    expect(classify([], [related], { notRead: new Set(['deploy/x']) }).notChecked).toHaveLength(1);
  });
});

describe('a file the head could not read', () => {
  const files = (pad = '') => ({ '.github/portwarden.yml': 'max-file-bytes: 2000\n', ...BASE, [FILE]: `${compose('', false)}${pad}\n` });

  it('padded past the size limit: its findings are "not checked", never "fixed", and the file is a finding on the PR', async () => {
    const run = await pr(files(), files(`# ${'x'.repeat(3000)}`));
    const { classified } = run.analysis;
    const inFile = (f: Finding) => f.location.file === FILE || f.related.some((r) => r.location.file === FILE);
    expect(classified.fixed.filter(inFile)).toEqual([]);
    expect(classified.notChecked.every(inFile)).toBe(true);
    expect(classified.notChecked.map((f) => f.ruleId)).toContain('collision/same-host');
    expect(classified.new.map((f) => f.ruleId)).toContain('input/file-too-large');
    for (const md of reports(run)) {
      expect(md).toMatch(/\*\*\d+ not checked\*\*/);
      expect(md).toContain(`#### Not checked (${classified.notChecked.length}): in files this pull request's head could not read`);
      expect(md).not.toMatch(/Fixed by this pull request[^]*collides with/);
    }
  });

  it('turned binary: the same', async () => {
    const run = await pr(files(), { [FILE]: `${compose('', false)}\0` });
    expect(run.analysis.classified.notChecked.map((f) => f.ruleId)).toContain('collision/same-host');
    expect(run.analysis.classified.fixed.filter((f) => f.location.file === 'docker-compose.macmini.yml')).toEqual([]);
  });

  it('deleted: its findings are fixed, as before', async () => {
    const run = await pr(files(), { 'docker-compose.macmini.yml': null });
    expect(run.analysis.classified.notChecked).toEqual([]);
    expect(run.analysis.classified.fixed.map((f) => f.ruleId)).toContain('collision/same-host');
  });

  it('every documented input problem is decided: the file was not checked, or was checked anyway', () => {
    const docs = readFileSync(join(resolve(import.meta.dirname, '../..'), 'docs/rules.md'), 'utf8');
    const ids = [...docs.matchAll(/^## (input\/\S+)$/gm)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(10);
    expect(ids.filter((id) => NOT_READ_PROBLEMS.has(id) === READ_ANYWAY_PROBLEMS.has(id))).toEqual([]);
  });
});

it('the markdown stays within the comment limit with the new sections', async () => {
  const run = await pr(BASE, head('portwarden-ignore *: x'));
  expect(stickyBody(run).length).toBeLessThanOrEqual(COMMENT_BODY_CHARS);
});

it('the JSON report carries notChecked, the listed directives and the unapplied mark, and validates against its schema', async () => {
  const target = await pr(BASE, head('portwarden-ignore *: x'), true);
  const { classified, suppressions } = target.analysis;
  const json = toJsonReport(target.analysis.head, '0.0.0', { findings: [...classified.new, ...classified.existing], fixed: classified.fixed, notChecked: classified.notChecked, suppressions });
  expect(json.suppressions).toEqual([expect.objectContaining({ applied: false, kind: 'added' })]);
  expect(json.findings.some((f) => f.unappliedSuppression)).toBe(true);
  const schema = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../schema/report.schema.json'), 'utf8'));
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
  expect(validate(JSON.parse(JSON.stringify(json))), JSON.stringify(validate.errors)).toBe(true);
  const padded = await pr({ '.github/portwarden.yml': 'max-file-bytes: 500\n', ...BASE }, { [FILE]: `${compose('', false)}#${'x'.repeat(600)}\n` });
  const withUnread = toJsonReport(padded.analysis.head, '0.0.0', { notChecked: padded.analysis.classified.notChecked, suppressions: [] });
  expect(withUnread.notChecked!.length).toBeGreaterThan(0);
  expect(validate(JSON.parse(JSON.stringify(withUnread))), JSON.stringify(validate.errors)).toBe(true);
});
