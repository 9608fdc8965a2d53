/**
 * The seed registry (../shared/seed, present in CI and developer sessions, absent from a plain
 * clone) checked end to end through the CLI, as a user runs it.
 */
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_DIR, needsShared } from '../support/shared.js';
import { runCli } from './run-cli.js';

const seedDir = join(SHARED_DIR, 'seed');

function repoWith(registry: string): string {
  const root = mkdtempSync(join(tmpdir(), 'pw-seed-'));
  mkdirSync(join(root, 'docs'));
  copyFileSync(join(seedDir, registry), join(root, 'docs/PORT_SCHEMA.md'));
  return root;
}

describe('the seed registry through the CLI', needsShared('seed/PORT_SCHEMA.md', 'seed/PORT_SCHEMA.lossy.md'), () => {
  it('reports the overlap, the out-of-range rows and the plan drift, and no same-host collision', async () => {
    const { code, stdout } = await runCli(['check', repoWith('PORT_SCHEMA.md'), '--format', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { findings: { ruleId: string; message: string; location: { line: number } }[] };
    const by = (rule: string) => report.findings.filter((f) => f.ruleId === rule);

    expect(by('registry/range-overlap').map((f) => f.message)).toEqual([expect.stringMatching(/`5050-5059`.*overlaps.*`5000-5059`/)]);
    expect(by('registry/out-of-range').map((f) => f.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('`5432`'), expect.stringContaining('`6379`')]),
    );
    const drift = by('registry/plan-drift').map((f) => f.message);
    expect(drift).toEqual(expect.arrayContaining([expect.stringMatching(/`mana-credits`.*`3061`.*`3002`/), expect.stringMatching(/`mana-sync`.*`3050`.*`3010`/)]));
    // Every service whose real port differs from its planned one: 11 of them in the seed.
    expect(drift).toHaveLength(11);
    // 3023 (crawler on the Mac Mini, image-gen on the GPU server) and 3021 are different hosts.
    expect(by('collision/same-host')).toEqual([]);
  });

  it('reads the lossy web copy into the same findings', async () => {
    const strip = (s: string) => (JSON.parse(s) as { findings: { ruleId: string; message: string }[] }).findings.map((f) => `${f.ruleId} ${f.message}`).sort();
    const original = await runCli(['check', repoWith('PORT_SCHEMA.md'), '--format', 'json']);
    const lossy = await runCli(['check', repoWith('PORT_SCHEMA.lossy.md'), '--format', 'json']);
    expect(strip(lossy.stdout)).toEqual(strip(original.stdout));
  });
});
