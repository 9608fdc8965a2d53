import { describe, expect, it } from 'vitest';
import { createFinding, fingerprint, ruleUrl } from '../../src/core/finding.js';
import { inputProblem, inputRule, problem } from '../../src/core/input-rules.js';
import { lineLocation } from '../../src/core/location.js';

const rule = { id: 'collision/same-host', defaultSeverity: 'error' as const, docs: ruleUrl('collision/same-host') };

describe('createFinding', () => {
  it("stamps the rule's id, default severity and docs link, and the fingerprint of its key", () => {
    const location = lineLocation('compose.yaml', 4);
    const related = [{ location: lineLocation('compose.yaml', 7), message: '`api` binds 8000 here (compose `ports`)' }];
    const f = createFinding(rule, { message: 'Port `8000` of `web` collides with `api` on host `dev`; expected one service per port on a host.', location, related, key: 'dev|8000' });
    expect(f).toEqual({
      ruleId: 'collision/same-host',
      severity: 'error',
      message: 'Port `8000` of `web` collides with `api` on host `dev`; expected one service per port on a host.',
      location,
      related,
      fingerprint: fingerprint('collision/same-host', 'dev|8000'),
      url: 'https://github.com/portwarden/portwarden/blob/main/docs/rules/collision-same-host.md',
    });
  });

  it('keeps a severity and a certain fix the report gives', () => {
    const location = lineLocation('CLAUDE.md', 3);
    const f = createFinding(rule, { message: 'm', location, key: 'k', severity: 'warning', fix: { location, text: '3050' } });
    expect([f.severity, f.fix, f.related]).toEqual(['warning', { location, text: '3050' }, []]);
  });

  it('fingerprints by rule id and key only: the place and the message may change, the identity does not', () => {
    const a = createFinding(rule, { message: 'one', location: lineLocation('a', 1), key: 'dev|8000' });
    const b = createFinding(rule, { message: 'two', location: lineLocation('b', 90), key: 'dev|8000' });
    const other = createFinding({ ...rule, id: 'drift/deploy' }, { message: 'one', location: lineLocation('a', 1), key: 'dev|8000' });
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.fingerprint).not.toBe(other.fingerprint);
    expect(a.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('input problems', () => {
  it('are findings of their input rule, made by the same constructor', () => {
    const f = inputProblem('input/invalid-port', 'Found a value as the port in `ports`: it is a 5-digit number above 65535; expected an integer from 1 to 65535.', lineLocation('compose.yaml', 10), 'compose.yaml|ports|is a 5-digit number above 65535');
    expect(f).toEqual(createFinding(inputRule('input/invalid-port'), { message: f.message, location: f.location, key: 'compose.yaml|ports|is a 5-digit number above 65535' }));
    expect([f.severity, f.url]).toEqual(['error', ruleUrl('input/invalid-port')]);
  });

  it('about a whole file sit on its line 1, keyed by the path', () => {
    const f = problem('input/file-too-large', 'big.yml', '`big.yml` is 2000000 bytes, above the limit of 1048576 (`max-file-bytes`); it was not read.');
    expect([f.location, f.severity, f.fingerprint]).toEqual([lineLocation('big.yml', 1), 'warning', fingerprint('input/file-too-large', 'big.yml')]);
  });
});
