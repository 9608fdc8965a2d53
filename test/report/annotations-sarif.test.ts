import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import { escapeData, escapeProperty, workflowCommand } from '../../src/report/annotations.js';
import { toAnnotation } from '../../src/report/check-run.js';
import { FINGERPRINT_KEY, toSarif } from '../../src/report/sarif.js';

const finding: Finding = {
  ruleId: 'doc/registry-drift',
  severity: 'error',
  message: 'Port `3050` of `svc-a`: 100% wrong,\nexpected 3024',
  location: { file: 'services/a,b/CLAUDE.md', line: 4, column: 13, endLine: 4, endColumn: 17 },
  related: [{ location: { file: 'docs/PORT_SCHEMA.md', line: 9, column: 12, endLine: 9, endColumn: 16 }, message: 'registry says 3024' }],
  fix: { location: { file: 'services/a,b/CLAUDE.md', line: 4, column: 13, endLine: 4, endColumn: 17 }, text: '3024' },
  fingerprint: 'abc123',
  url: 'https://example.com/rules#doc-registry-drift',
  status: 'new',
};

describe('workflow commands', () => {
  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('100%\r\nok: a,b')).toBe('100%25%0D%0Aok: a,b');
    expect(escapeProperty('C:\\a,b%\n')).toBe('C%3A\\a%2Cb%25%0A');
  });

  it('annotates a one-line finding with columns, the end column inclusive', () => {
    expect(workflowCommand(finding)).toBe(
      '::error file=services/a%2Cb/CLAUDE.md,line=4,endLine=4,col=13,endColumn=16,title=doc/registry-drift::Port `3050` of `svc-a`: 100%25 wrong,%0Aexpected 3024%0A↳ docs/PORT_SCHEMA.md:9: registry says 3024',
    );
  });

  it('drops columns for a span over several lines; an end at column 1 ends on the line before', () => {
    const multi = { ...finding, severity: 'notice' as const, related: [], message: 'm', location: { file: 'f', line: 2, column: 3, endLine: 5, endColumn: 1 } };
    expect(workflowCommand(multi)).toBe('::notice file=f,line=2,endLine=4,title=doc/registry-drift::m');
  });
});

describe('check-run annotations', () => {
  it('maps severity to annotation_level and carries related locations as raw_details', () => {
    expect(toAnnotation(finding)).toEqual({
      path: 'services/a,b/CLAUDE.md',
      start_line: 4,
      end_line: 4,
      start_column: 13,
      end_column: 16,
      annotation_level: 'failure',
      message: finding.message,
      title: 'doc/registry-drift',
      raw_details: 'docs/PORT_SCHEMA.md:9:12: registry says 3024',
    });
    const warning = toAnnotation({ ...finding, severity: 'warning', related: [], location: { ...finding.location, endLine: 6 } });
    expect(warning).toMatchObject({ annotation_level: 'warning', start_line: 4, end_line: 6 });
    expect(warning).not.toHaveProperty('start_column');
    expect(warning).not.toHaveProperty('raw_details');
  });
});

describe('SARIF', () => {
  it('has the 2.1.0 shape: rules with helpUri, results with level, locations, fingerprints and fixes', () => {
    const notice = { ...finding, ruleId: 'plan/drift', severity: 'notice' as const, fix: undefined, related: [], fingerprint: 'def', status: 'existing' as const };
    const log = toSarif([finding, notice, { ...finding, fingerprint: 'x2' }], '9.9.9');
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    const run = log.runs[0]!;
    expect(run.tool.driver).toMatchObject({ name: 'portwarden', version: '9.9.9' });
    expect(run.tool.driver.rules).toEqual([
      { id: 'doc/registry-drift', shortDescription: { text: 'doc/registry-drift' }, helpUri: finding.url },
      { id: 'plan/drift', shortDescription: { text: 'plan/drift' }, helpUri: finding.url },
    ]);
    const [first, second, third] = run.results;
    expect(first).toMatchObject({
      ruleId: 'doc/registry-drift',
      ruleIndex: 0,
      level: 'error',
      message: { text: finding.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'services/a,b/CLAUDE.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 4, startColumn: 13, endLine: 4, endColumn: 17 } } }],
      relatedLocations: [{ id: 0, message: { text: 'registry says 3024' }, physicalLocation: { region: { startLine: 9 } } }],
      partialFingerprints: { [FINGERPRINT_KEY]: 'abc123' },
      baselineState: 'new',
      fixes: [{ artifactChanges: [{ replacements: [{ deletedRegion: { startLine: 4, startColumn: 13, endColumn: 17 }, insertedContent: { text: '3024' } }] }] }],
    });
    expect(second).toMatchObject({ ruleIndex: 1, level: 'note', baselineState: 'unchanged' });
    expect(second).not.toHaveProperty('fixes');
    expect(second).not.toHaveProperty('relatedLocations');
    expect(third?.ruleIndex).toBe(0);
  });
});
