/**
 * portwarden on four real repositories (see corpus.ts): every finding reviewed, every error
 * true, most warnings worth acting on, and the services a careful reader finds found.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CORPUS,
  checkCorpus,
  readExpectations,
  serviceCoverage,
  unpack,
  updatedExpectations,
  corpusOptions,
  writeExpectations,
} from './corpus.js';

const update = process.env.PORTWARDEN_UPDATE_CORPUS === '1';

/** Every warning and error the expectations call true, by `rule file:line`, for comparing runs. */
const trueKeys = (findings: { ruleId: string; location: { file: string; line: number }; fingerprint: string }[], verdicts: Map<string, boolean | null>) =>
  findings.filter((f) => verdicts.get(f.fingerprint) === true).map((f) => `${f.ruleId} ${f.location.file}:${f.location.line}`);

describe('the example monorepo with and without its config', () => {
  it('declaring hosts loses no true finding: only the dev collision the config explains goes', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pw-example-'));
    cpSync(resolve(import.meta.dirname, '../../examples/monorepo'), root, { recursive: true });
    const configured = await checkCorpus(root);
    rmSync(join(root, '.github/portwarden.yml'));
    const plain = await checkCorpus(root);
    const key = (f: { ruleId: string; location: { file: string; line: number } }) => `${f.ruleId} ${f.location.file}:${f.location.line}`;
    const kept = new Set(configured.findings.map(key));
    // mana-image-gen's default 3023 meets mana-crawler's only on a laptop the config rules out:
    // its files run on the GPU server alone, so this zero-config warning is not a true finding.
    expect(plain.findings.map(key).filter((k) => !kept.has(k))).toEqual(['collision/same-host services/mana-image-gen/CLAUDE.md:6']);
  });
});

describe('the real-world corpus', { ...corpusOptions(), timeout: 180_000 }, () => {
  for (const name of CORPUS) {
    it(`${name}: every finding reviewed, every error true, ≥ 70% of warnings true, services found`, async () => {
      const root = unpack(name);
      const result = await checkCorpus(root);
      const coverage = serviceCoverage(name, result);
      const count = (s: string) => result.findings.filter((f) => f.severity === s).length;
      console.log(`${name}: ${coverage.found}/${coverage.total} services found with their ports; ${count('error')} errors, ${count('warning')} warnings, ${count('notice')} notices; missed: ${coverage.missing.join('; ') || 'none'}`);
      const previous = readExpectations(name);
      if (update) writeExpectations(name, updatedExpectations(name, result.findings, previous, coverage.found / Math.max(1, coverage.total)));
      const expected = update ? readExpectations(name)! : previous;
      expect(expected, `test/corpus/${name}.expected.json is missing: run with PORTWARDEN_UPDATE_CORPUS=1 and review it`).toBeDefined();

      const byPrint = new Map(expected!.findings.map((f) => [f.fingerprint, f]));
      const unseen = result.findings.filter((f) => !byPrint.has(f.fingerprint)).map((f) => `${f.ruleId} ${f.location.file}:${f.location.line} ${f.message}`);
      expect(unseen, 'findings not in the expectations (review them: PORTWARDEN_UPDATE_CORPUS=1)').toEqual([]);
      const reported = new Set(result.findings.map((f) => f.fingerprint));
      const gone = expected!.findings.filter((f) => !reported.has(f.fingerprint)).map((f) => `${f.verdict ? 'TRUE finding lost' : 'no longer reported'}: ${f.ruleId} ${f.at}`);
      expect(gone, 'expected findings that are no longer reported').toEqual([]);
      expect(expected!.findings.filter((f) => f.verdict === null || f.reason.trim() === '').map((f) => `${f.ruleId} ${f.at}`), 'findings without a verdict and reason').toEqual([]);

      const errors = expected!.findings.filter((f) => f.severity === 'error');
      expect(errors.filter((f) => !f.verdict).map((f) => `${f.ruleId} ${f.at}: ${f.reason}`), 'false errors').toEqual([]);
      const warnings = expected!.findings.filter((f) => f.severity === 'warning');
      const trueWarnings = warnings.filter((f) => f.verdict).length;
      if (warnings.length > 0) expect(trueWarnings / warnings.length, `${trueWarnings} of ${warnings.length} warnings true`).toBeGreaterThanOrEqual(0.7);

      const share = coverage.found / Math.max(1, coverage.total);
      expect(share, `services missed: ${coverage.missing.join('; ')}`).toBeGreaterThanOrEqual(expected!.minServiceCoverage);
    });
  }

  it('declaring hosts in the config loses no true finding of the zero-config run', async () => {
    for (const name of CORPUS) {
      const expected = readExpectations(name);
      if (!expected) continue;
      const verdicts = new Map(expected.findings.map((f) => [f.fingerprint, f.verdict]));
      const root = unpack(name);
      const plain = await checkCorpus(root);
      // A production host holding every compose file, as a maintainer declaring their machine would.
      mkdirSync(join(root, '.github'), { recursive: true });
      writeFileSync(join(root, '.github/portwarden.yml'), 'hosts:\n  - name: production\n    files: ["**/*compose*.y*ml"]\n');
      const configured = await checkCorpus(root);
      const kept = new Set(configured.findings.map((f) => `${f.ruleId} ${f.location.file}:${f.location.line}`));
      const lost = trueKeys(plain.findings, verdicts).filter((k) => !kept.has(k));
      expect(lost, `${name}: true findings lost once hosts are declared`).toEqual([]);
    }
  });
});
