/**
 * The real-world corpus (../shared/corpus: public repositories nobody here wrote), checked as a
 * new user would check them, and compared with reviewed expectations kept beside this file:
 *
 * - `<name>.services.json`: the services and ports a careful reader finds in the repository,
 *   with file:line evidence (written by reading the files, not by running portwarden);
 * - `<name>.expected.json`: every finding portwarden reports there, each with a verdict
 *   (`true`: a maintainer would act on it; `false`: they would not) and a one-line reason.
 *
 * `PORTWARDEN_UPDATE_CORPUS=1` rewrites the expectations: verdicts of findings still reported
 * are kept (matched by fingerprint, else by rule, place and message), new findings get `verdict: null` (which fails the test until someone reviews them),
 * findings no longer reported are dropped. Read the diff before committing it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, type CheckResult } from '../../src/engine.js';
import type { Finding } from '../../src/core/finding.js';
import { SHARED_DIR, needsShared } from '../support/shared.js';

export const CORPUS_DIR = join(SHARED_DIR, 'corpus');
export const EXPECTATIONS_DIR = import.meta.dirname;
export const CORPUS = ['awesome-compose', 'eShop', 'microservices-demo', 'opentelemetry-demo'] as const;
export type CorpusName = (typeof CORPUS)[number];

/** Suite options for the corpus tests: skipped, saying why, when a tarball is absent. */
export function corpusOptions(): ReturnType<typeof needsShared> {
  return needsShared(...CORPUS.map((n) => `corpus/${n}.tar.gz`));
}

/** Unpacks one repository into a fresh directory and returns its root. */
export function unpack(name: CorpusName): string {
  const dir = mkdtempSync(join(tmpdir(), `pw-corpus-${name}-`));
  execFileSync('tar', ['xzf', join(CORPUS_DIR, `${name}.tar.gz`), '-C', dir]);
  return join(dir, name);
}

/** Runs the check on `root` with the defaults, or with a config written into the tree. */
export async function checkCorpus(root: string, configPath?: string): Promise<CheckResult> {
  return check({ root, ...(configPath ? { configPath } : {}) });
}

export interface ExpectedFinding {
  fingerprint: string;
  ruleId: string;
  severity: string;
  at: string;
  message: string;
  /** null: not reviewed yet. */
  verdict: boolean | null;
  reason: string;
}

export interface Expectations {
  repository: string;
  findings: ExpectedFinding[];
  /** The share of the careful reader's services found with their ports must not fall below this. */
  minServiceCoverage: number;
}

export function expectationsPath(name: CorpusName): string {
  return join(EXPECTATIONS_DIR, `${name}.expected.json`);
}

export function readExpectations(name: CorpusName): Expectations | undefined {
  const path = expectationsPath(name);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Expectations) : undefined;
}

/** The expectations for `findings`, keeping the reviewed verdicts of `previous`. */
export function updatedExpectations(name: CorpusName, findings: Finding[], previous: Expectations | undefined, coverage: number): Expectations {
  const known = new Map((previous?.findings ?? []).map((f) => [f.fingerprint, f]));
  // When the fingerprint format changes, a finding reported at the same place with the same
  // message is the one reviewed before: its verdict is kept.
  const shown = (f: { ruleId: string; at: string; message: string }) => `${f.ruleId}\0${f.at}\0${f.message}`;
  const byText = new Map((previous?.findings ?? []).map((f) => [shown(f), f]));
  return {
    repository: previous?.repository ?? name,
    findings: findings.map((f) => {
      const at = `${f.location.file}:${f.location.line}`;
      const old = known.get(f.fingerprint) ?? byText.get(shown({ ruleId: f.ruleId, at, message: f.message }));
      return {
        fingerprint: f.fingerprint,
        ruleId: f.ruleId,
        severity: f.severity,
        at,
        message: f.message,
        verdict: old?.verdict ?? null,
        reason: old?.reason ?? '',
      };
    }),
    minServiceCoverage: previous?.minServiceCoverage ?? Math.floor(coverage * 100) / 100,
  };
}

export function writeExpectations(name: CorpusName, e: Expectations): void {
  writeFileSync(expectationsPath(name), JSON.stringify(e, null, 2) + '\n');
}

/** One service as the careful reader found it (`<name>.services.json`). */
interface GroundTruthService {
  name: string;
  dir: string | null;
  project?: string | null;
  ports: { port: number; role: string }[];
}

export interface Coverage {
  /** Services the reader found that state at least one port. */
  total: number;
  /** Of those, the ones portwarden found with every listed port. */
  found: number;
  missing: string[];
}

/**
 * How many of the reader's services portwarden found with their ports. A service matches a
 * portwarden service of the same name (or `<project>/<name>` when compose projects are
 * scoped); its ports are found when some binding of it states each one (as its port or,
 * for a published mapping, its container port).
 */
export function serviceCoverage(name: CorpusName, result: CheckResult): Coverage {
  const truth = JSON.parse(readFileSync(join(EXPECTATIONS_DIR, `${name}.services.json`), 'utf8')) as { services: GroundTruthService[] };
  const ports = new Map<string, Set<number>>();
  const files = new Map<string, string[]>();
  for (const b of result.model.bindings) {
    if (b.kind === 'registry-plan') continue;
    const set = ports.get(b.service) ?? new Set<number>();
    set.add(b.port);
    if (b.containerPort !== undefined) set.add(b.containerPort);
    ports.set(b.service, set);
    files.set(b.service, [...(files.get(b.service) ?? []), b.location.file]);
  }
  // Names compare without case and punctuation (`Identity.API` is `identity-api`); a service
  // also matches when its statements sit in the reader's source folder for it.
  const key = (n: string) => n.toLowerCase().replace(/[^a-z0-9/]/g, '');
  const candidates = (s: GroundTruthService) => {
    const names = [s.name, ...(s.project ? [`${s.project}/${s.name}`] : [])].map(key);
    return [...ports.keys()].filter(
      (n) => names.includes(key(n)) || (s.project && key(n).endsWith(`/${key(s.name)}`) && n.includes(s.project)) || (s.dir && files.get(n)!.some((f) => f.startsWith(`${s.dir}/`))),
    );
  };
  const withPorts = truth.services.filter((s) => s.ports.length > 0);
  const missing: string[] = [];
  for (const s of withPorts) {
    const found = candidates(s).some((n) => s.ports.every((p) => ports.get(n)!.has(p.port)));
    if (!found) missing.push(`${s.project ? `${s.project}/` : ''}${s.name} (${s.ports.map((p) => p.port).join(', ')})`);
  }
  return { total: withPorts.length, found: withPorts.length - missing.length, missing };
}
