/**
 * The benchmark generator: the tree it writes has the promised shape (services of varied size
 * whose files mostly state no port, skipped noise untracked), is deterministic, and is a
 * registry and repository the engine reads.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, type Generated } from '../../bench/generate.mjs';
import { routeCount } from '../../bench/lib/app-files.mjs';
import { composeFiles, MAX_FILE_BYTES } from '../../bench/lib/root-files.mjs';
import { planRepo } from '../../bench/lib/plan.mjs';
import { DEFAULT_MAX_FILE_BYTES } from '../../src/config/defaults.js';
import { check } from '../../src/engine.js';
import { parseRegistry } from '../../src/extract/registry/index.js';

const scratch = mkdtempSync(join(tmpdir(), 'pw-bench-test-'));
let repo: Generated;

beforeAll(() => {
  repo = generate(join(scratch, 'n5'), 5);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const git = (root: string, ...args: string[]) => execFileSync('git', ['-C', root, ...args], { encoding: 'utf8' });
const read = (rel: string) => readFileSync(join(repo.root, rel), 'utf8');

/** Every file under `dir`, recursively, relative to it. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
}

describe('bench/generate.mjs', () => {
  it('writes services of varied size, six root files and an untracked node_modules', () => {
    const perService = [0, 1, 2, 3, 4].map((i) => listFiles(join(repo.root, 'services', `svc-${i}`)).length);
    for (const count of perService) expect(count).toBeGreaterThan(10);
    expect(new Set(perService).size).toBeGreaterThan(1);
    const serviceFiles = perService.reduce((a, b) => a + b, 0);
    expect(repo.files).toBe(serviceFiles + 6 + 16);
    const tracked = git(repo.root, 'ls-files').trim().split('\n');
    expect(tracked).toHaveLength(repo.trackedFiles);
    expect(tracked).toHaveLength(serviceFiles + 6);
    expect(tracked.some((f) => f.startsWith('node_modules/'))).toBe(false);
    expect(tracked).toContain('package-lock.json');
    expect(read('package-lock.json').length).toBeGreaterThan(1024 * 1024);
  });

  it('gives most services 3 to 6 route modules, some 1 or 2, a few up to 12', () => {
    const counts = Array.from({ length: 1000 }, (_, i) => routeCount(i));
    const share = (test: (c: number) => boolean) => counts.filter(test).length / counts.length;
    expect(Math.min(...counts)).toBe(1);
    expect(Math.max(...counts)).toBe(12);
    expect(share((c) => c >= 3 && c <= 6)).toBeGreaterThan(0.6);
  });

  it('rotates the source default among config.ts, app/main.py and config.go', () => {
    expect(read('services/svc-0/src/config.ts')).toContain('const port = Number(process.env.PORT ?? 10000);');
    expect(read('services/svc-1/src/config.ts')).toContain(`env('PORT', '10001')`);
    expect(read('services/svc-2/app/main.py')).toContain('os.getenv("PORT", "10002")');
    expect(read('services/svc-3/config.go')).toContain('getEnv("PORT", "10003")');
  });

  it('plants one drift at N=5: svc-3 documents 40003 while its code says 10003', () => {
    expect(repo.drifts).toEqual([{ service: 'svc-3', kind: 'doc-stale' }]);
    expect(read('services/svc-3/CLAUDE.md').split('\n')[6]).toBe('- **Port:** 40003');
    expect(read('services/svc-4/CLAUDE.md').split('\n')[6]).toBe('- **Port:** 10004');
  });

  it('gives the same commit for the same N, and a different one for another N', () => {
    const again = generate(join(scratch, 'again'), 5);
    const other = generate(join(scratch, 'other'), 6);
    const head = (root: string) => git(root, 'rev-parse', 'HEAD').trim();
    expect(head(again.root)).toBe(head(repo.root));
    expect(head(other.root)).not.toBe(head(repo.root));
  });

  it('regenerates over its own output but refuses to overwrite any other directory', () => {
    const foreign = join(scratch, 'foreign');
    generate(foreign, 1, { git: false }); // no .git marker: not provably ours after this
    writeFileSync(join(foreign, 'keep.txt'), 'mine');
    expect(() => generate(foreign, 1)).toThrow(/refusing to overwrite/);
    expect(readFileSync(join(foreign, 'keep.txt'), 'utf8')).toBe('mine');
    expect(() => generate(repo.root, 5)).not.toThrow();
  });

  it('rejects N outside 1..21536', () => {
    expect(() => generate(join(scratch, 'zero'), 0)).toThrow(RangeError);
    expect(() => generate(join(scratch, 'huge'), 30000)).toThrow(RangeError);
  });
});

describe('the generated registry', () => {
  it('parses without problems: every service planned, the Mac Mini and its real ports', () => {
    const { doc, problems } = parseRegistry('docs/PORT_SCHEMA.md', read('docs/PORT_SCHEMA.md'));
    expect(problems).toEqual([]);
    expect(doc.aspirational).toBe(true);
    expect(doc.plan.map((b) => [b.service, b.port])).toEqual([0, 1, 2, 3, 4].map((i) => [`svc-${i}`, 10000 + i]));
    expect(doc.sections.find((s) => s.range)?.range).toEqual({ start: 10000, end: 10099 });
    expect(doc.hosts.map((h) => h.label)).toEqual(['Mac Mini (production)']);
    expect(doc.actual.map((b) => [b.service, b.port, b.host])).toEqual([['svc-0', 10000, doc.hosts[0]!.id]]);
    // `| 10000 | svc-0 | ...` is line 29; the port starts at column 3.
    expect(doc.plan[0]!.location).toMatchObject({ file: 'docs/PORT_SCHEMA.md', line: 29, column: 3, endLine: 29, endColumn: 8 });
  });

  it('is read by the engine with no input problems, and the planted drift shows in a finding', async () => {
    const result = await check({ root: repo.root });
    expect(result.findings.filter((f) => f.ruleId.startsWith('input/'))).toEqual([]);
    expect(result.model.bindings.filter((b) => b.kind === 'registry-plan' || b.source === 'registry').length).toBeGreaterThanOrEqual(5);
    // node_modules and the lock file are skipped: none of their paths is read.
    expect(result.model.bindings.some((b) => b.location.file.startsWith('node_modules/'))).toBe(false);
    const drifted = (f: (typeof result.findings)[number]) =>
      [f.location, ...f.related.map((r) => r.location)].some((l) => l.file === 'services/svc-3/CLAUDE.md' && l.line === 7 && l.column === 13);
    expect(result.findings.some(drifted)).toBe(true);
    // Like a real monorepo, most of a service's files state no port.
    const withStatements = new Set([...result.model.bindings, ...result.model.references].map((b) => b.location.file).filter((f) => f.startsWith('services/')));
    const serviceFiles = git(repo.root, 'ls-files', 'services').trim().split('\n');
    expect(withStatements.size / serviceFiles.length).toBeLessThan(0.3);
  });
});

describe('the generated compose files', () => {
  const keys = (text: string) => [...text.matchAll(/^  (svc-\d+):$/gm)].map((m) => m[1]);
  const names = (n: number) => Array.from({ length: n }, (_, i) => `svc-${i}`);

  it('stay one docker-compose.macmini.yml while it fits in portwarden\'s file limit (2,000 services)', () => {
    expect(MAX_FILE_BYTES).toBe(DEFAULT_MAX_FILE_BYTES);
    const files = composeFiles(planRepo(2000).services);
    expect(files.map(([path]) => path)).toEqual(['docker-compose.macmini.yml']);
    expect(keys(files[0]![1])).toEqual(names(2000));
  });

  it('split into stacks of whole port ranges, none past the limit, past it (10,000 services)', () => {
    const { services } = planRepo(10000);
    const files = composeFiles(services);
    expect(files.length).toBeGreaterThan(2);
    expect(files.map(([path]) => path)).toEqual(['docker-compose.macmini.yml', ...files.slice(1).map((_, i) => `docker-compose.stack${i + 2}.macmini.yml`)]);
    for (const [, text] of files) {
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_FILE_BYTES);
      expect(text).toMatch(/^# Production stack \d+ of the Mac Mini: svc-\d+ to svc-\d+ .*\nname: platform\n\nservices:\n/);
      // A stack starts a port range (100 services) and ends one.
      const own = keys(text);
      expect(Number(own[0]!.slice(4)) % 100).toBe(0);
      expect(Number(own[own.length - 1]!.slice(4)) % 100).toBe(99);
    }
    // Every service once, in order.
    expect(files.flatMap(([, text]) => keys(text))).toEqual(names(10000));
  });

  it('are all parsed and placed on the Mac Mini, the later stacks as the first', async () => {
    const split = generate(join(scratch, 'split'), 120, { composeBytes: 25_000, git: false });
    expect(listFiles(split.root).filter((f) => f.includes('compose')).sort()).toEqual(['docker-compose.macmini.yml', 'docker-compose.stack2.macmini.yml']);
    const result = await check({ root: split.root });
    expect(result.findings.filter((f) => f.ruleId.startsWith('input/'))).toEqual([]);
    const published = result.model.bindings.filter((b) => b.source === 'compose' && b.role === 'publish');
    expect(published.map((b) => b.service).sort()).toEqual(names(120).sort());
    const stack2 = published.filter((b) => b.location.file === 'docker-compose.stack2.macmini.yml');
    expect(stack2.map((b) => [b.service, b.port])).toEqual(names(120).slice(100).map((name, i) => [name, 10100 + i]));
    const macMini = result.model.bindings.find((b) => b.kind === 'registry-actual')!.host;
    expect(new Set(published.map((b) => b.host))).toEqual(new Set([macMini]));
  }, 180_000);
});
