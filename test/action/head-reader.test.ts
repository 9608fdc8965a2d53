import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headReader } from '../../src/report/inline-placement.js';

describe('headReader', () => {
  it('reads head files back through the safe reader: no links, nothing outside, nothing above the limit', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'pw-outside-'));
    writeFileSync(join(outside, 'secret.yml'), 'token: x\n');
    const top = mkdtempSync(join(tmpdir(), 'pw-head-'));
    mkdirSync(join(top, 'deploy'));
    writeFileSync(join(top, 'deploy/docker-compose.yml'), '\ufeffservices: {}\n');
    writeFileSync(join(top, 'big.yml'), 'x'.repeat(100));
    symlinkSync(join(outside, 'secret.yml'), join(top, 'link.yml'));
    symlinkSync('deploy', join(top, 'linked'));
    const read = headReader(top, 64);
    // The byte-order mark is dropped, as when the engine read the file and placed its findings.
    expect(await read('deploy/docker-compose.yml')).toBe('services: {}\n');
    expect(await read('link.yml')).toBeUndefined();
    expect(await read('linked/docker-compose.yml')).toBeUndefined();
    expect(await read('../' + join(outside, 'secret.yml'))).toBeUndefined();
    expect(await read('big.yml')).toBeUndefined();
    expect(await read('missing.yml')).toBeUndefined();
  });
});
