import { describe, expect, it } from 'vitest';
import { parseConfigText as parseConfig } from '../support/config.js';

function error(text: string): string {
  try {
    parseConfig('p.yml', text);
  } catch (e) {
    return (e as Error).message;
  }
  return 'accepted';
}

describe('the assign-port config', () => {
  it('defaults to no deny list, unique across hosts', () => {
    expect(parseConfig('p.yml', '').assignPort).toEqual({ deny: [], unique: 'across-hosts' });
  });

  it('reads ports and ranges to deny and per-host uniqueness', () => {
    const config = parseConfig('p.yml', 'assign-port:\n  deny: [5432, "8000-8099", " 9000 "]\n  unique: per-host\n');
    expect(config.assignPort).toEqual({ deny: [{ start: 5432, end: 5432 }, { start: 8000, end: 8099 }, { start: 9000, end: 9000 }], unique: 'per-host' });
    expect(parseConfig('p.yml', 'assign-port:\n  deny: 3000-3009\n').assignPort.deny).toEqual([{ start: 3000, end: 3009 }]);
  });

  it('names the line and the accepted form of a bad entry', () => {
    expect(error('assign-port:\n  deny: [70000]\n')).toBe('p.yml:2: `assign-port.deny` must list ports (`5432`) or ranges (`8000-8099`) within 1..65535.');
    expect(error('assign-port:\n  deny: ["3009-3000"]\n')).toMatch(/^p.yml:2: `assign-port.deny` must list/);
    expect(error('assign-port:\n  unique: sometimes\n')).toBe('p.yml:2: `assign-port.unique` must be `across-hosts` or `per-host`.');
    expect(error('assign-port:\n  range: x\n')).toBe('p.yml:2: unknown key `assign-port.range`; expected one of deny, unique.');
    expect(error('assign-port: 3\n')).toBe('p.yml:1: `assign-port` must be a mapping with `deny:` and `unique:`.');
  });
});
