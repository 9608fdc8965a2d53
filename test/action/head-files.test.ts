import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHeadFiles } from '../../src/action/head-files.js';

describe('readHeadFiles', () => {
  it('reads head files back through the safe reader: no links, nothing outside, nothing above the limit', () => {
    const outside = mkdtempSync(join(tmpdir(), 'pw-outside-'));
    writeFileSync(join(outside, 'secret.yml'), 'token: x\n');
    const top = mkdtempSync(join(tmpdir(), 'pw-head-'));
    mkdirSync(join(top, 'deploy'));
    writeFileSync(join(top, 'deploy/docker-compose.yml'), '\ufeffservices: {}\n');
    writeFileSync(join(top, 'big.yml'), 'x'.repeat(100));
    symlinkSync(join(outside, 'secret.yml'), join(top, 'link.yml'));
    symlinkSync('deploy', join(top, 'linked'));
    const escape = '../' + join(outside, 'secret.yml');
    const read = readHeadFiles(top, ['deploy/docker-compose.yml', 'link.yml', 'linked/docker-compose.yml', escape, 'big.yml', 'missing.yml'], 64);
    // The byte-order mark is dropped, as when the engine read the file and placed its findings.
    expect(read.get('deploy/docker-compose.yml')).toBe('services: {}\n');
    // A link, a path through a linked directory, a path outside, a file above the limit and a missing one: none is read.
    expect([...read.keys()]).toEqual(['deploy/docker-compose.yml']);
  });
});
