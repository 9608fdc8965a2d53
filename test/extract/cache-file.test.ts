/**
 * The extraction cache across runs (`check --cache <file>`): a second run of the same tree
 * extracts nothing and reports the same bytes; a changed file is extracted again; a cache file
 * that is cut short, corrupt, of another version, huge, a symlink or shaped wrongly is ignored
 * whole with one warning naming it, and the report is the one a run without cache gives.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/engine.js';
import { cacheFileText, loadCacheFile, MAX_CACHE_FILE_BYTES, parseCacheText } from '../../src/extract/cache-file.js';
import { runCli } from '../cli/run-cli.js';

const EXAMPLE = resolve(import.meta.dirname, '../../examples/monorepo');
const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}

/** A copy of the example monorepo, free to change. */
function exampleCopy(): string {
  const root = tempDir('pw-cache-tree-');
  cpSync(EXAMPLE, root, { recursive: true });
  return root;
}

/** The JSON report of `check` on `root` (with `--cache file` when given), the timing left out. */
async function report(root: string, file?: string): Promise<{ json: string; stderr: string }> {
  const { code, stdout, stderr } = await runCli(['check', root, '--format', 'json', ...(file ? ['--cache', file] : [])]);
  expect([0, 1]).toContain(code);
  return { json: stdout.replace(/"ms": \d+/, '"ms": 0'), stderr };
}

/** The extraction counts of a check of `root` with the cache file at `file`, and the file's warning. */
async function counts(root: string, file: string) {
  const { cache, warning } = loadCacheFile(file);
  const result = await check({ root, cache });
  return { ...result.extraction, warning };
}

describe('a cache file across runs', () => {
  let root: string;
  let plain: string;
  beforeAll(async () => {
    root = exampleCopy();
    plain = (await report(root)).json;
  });

  it('round trip: the second run reports the same bytes as a run without cache and extracts no file', async () => {
    const file = join(tempDir('pw-cache-'), 'nested', 'extraction.cache');
    const first = await report(root, file);
    expect(first).toEqual({ json: plain, stderr: '' });
    const written = readFileSync(file, 'utf8');
    const { ino } = statSync(file);
    const second = await report(root, file);
    expect(second).toEqual({ json: plain, stderr: '' });
    // Same tree, same results: the file is left as it was, not written again (a write renames a new file over it).
    expect(readFileSync(file, 'utf8')).toBe(written);
    expect(statSync(file).ino).toBe(ino);
    const again = await counts(root, file);
    expect(again.extracted).toBe(0);
    expect(again.reused).toBeGreaterThan(20);
    expect(again.warning).toBeUndefined();
  });

  it('extracts a changed file again, and reuses every other', async () => {
    const tree = exampleCopy();
    const file = join(tempDir('pw-cache-'), 'c');
    await report(tree, file);
    const before = await counts(tree, file);
    const config = join(tree, 'services/mana-auth/src/config.ts');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/\b3001\b/, '3123'));
    expect(await counts(tree, file)).toMatchObject({ extracted: 1, reused: before.reused - 1 });
    const { ino } = statSync(file);
    const changed = await report(tree, file);
    expect(statSync(file).ino).not.toBe(ino);
    expect(changed.json).not.toBe(plain);
    expect(changed).toEqual(await report(tree));
    // The cache now holds the changed file's new result (written back by the run above).
    const after = await counts(tree, file);
    expect(after).toMatchObject({ extracted: 0, reused: before.reused });
  });

  it("keeps the registry's parse: the next run takes it from the file as it is (a cache is as honest as what wrote it)", async () => {
    const tree = exampleCopy();
    const file = join(tempDir('pw-cache-'), 'c');
    await report(tree, file);
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('["registry\\u0000'));
    expect(lines.filter((l) => l.startsWith('["registry\\u0000'))).toHaveLength(1);
    // A well-formed change under the registry's true key: the run believes it, so it was not parsed again.
    const [key, parse] = JSON.parse(lines[at]!);
    expect(parse.doc.plan.length).toBeGreaterThan(0);
    parse.doc.plan[0].port = 4999;
    lines[at] = JSON.stringify([key, parse]);
    writeFileSync(file, lines.join('\n'));
    const { json, stderr } = await report(tree, file);
    expect(stderr).toBe('');
    expect(plain).not.toContain('4999');
    expect(json).toContain('4999');
  });

  it('keeps only the results the run used or made: a deleted file leaves the cache', async () => {
    const tree = exampleCopy();
    const file = join(tempDir('pw-cache-'), 'c');
    await report(tree, file);
    const entries = parseCacheText(readFileSync(file, 'utf8')).length;
    rmSync(join(tree, 'services/mana-sync/Dockerfile'));
    await report(tree, file);
    expect(parseCacheText(readFileSync(file, 'utf8')).length).toBe(entries - 1);
  });

  describe('a bad cache file is ignored with one warning, and the report is right', () => {
    // The example with an input problem too, so a saved result holds one.
    let tree: string;
    let expected: string;
    let good: string;
    beforeAll(async () => {
      tree = exampleCopy();
      writeFileSync(join(tree, 'services/mana-auth/.env'), 'PORT=70000\n');
      expected = (await report(tree)).json;
      expect(expected).toContain('input/invalid-port');
      const file = join(tempDir('pw-cache-'), 'good');
      await report(tree, file);
      good = readFileSync(file, 'utf8');
    });

    /** Checks with the cache file `make` leaves at the path it is given; returns the warning. */
    async function ignored(make: (path: string) => void): Promise<string> {
      const file = join(tempDir('pw-cache-bad-'), 'extraction.cache');
      make(file);
      const { json, stderr } = await report(tree, file);
      expect(json).toBe(expected);
      const lines = stderr.split('\n').filter((l) => l !== '');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`Cache file \`${file}\` ignored: `);
      // Written anew: the next run uses it.
      expect((await counts(tree, file)).extracted).toBe(0);
      return lines[0]!;
    }

    it('corrupted', async () => {
      expect(await ignored((f) => writeFileSync(f, good.replace('"bindings":[', '"bindings":[[')))).toMatch(/line \d+ is not valid JSON/);
    });

    it('truncated', async () => {
      expect(await ignored((f) => writeFileSync(f, good.slice(0, Math.floor(good.length / 2))))).toContain('does not end with a line break');
      expect(await ignored((f) => writeFileSync(f, good.slice(0, good.lastIndexOf('\n', good.length - 2) + 1).replace(/\]\n$/, '\n')))).toMatch(/is not valid JSON/);
    });

    it('of another version', async () => {
      expect(await ignored((f) => writeFileSync(f, good.replace('"extraction":1}', '"extraction":99}')))).toContain('its extraction version is 99, not 1');
      expect(await ignored((f) => writeFileSync(f, good.replace('"version":1', '"version":"1"')))).toContain('its file format version is not a number, not 1');
      expect(await ignored((f) => writeFileSync(f, good.replace('portwarden-extraction-cache', 'something-else')))).toContain('line 1 is not a `portwarden-extraction-cache` header');
    });

    it('huge', async () => {
      // A sparse file: its size is refused before a byte is read.
      expect(await ignored((f) => (writeFileSync(f, ''), truncateSync(f, MAX_CACHE_FILE_BYTES + 1)))).toContain(`it is ${MAX_CACHE_FILE_BYTES + 1} bytes, above the limit of ${MAX_CACHE_FILE_BYTES}`);
    });

    it('a symlink (even to a good cache file)', async () => {
      const target = join(tempDir('pw-cache-target-'), 'real');
      writeFileSync(target, good);
      const warning = await ignored((f) => symlinkSync(target, f));
      expect(warning).toContain('it is a symlink, and symlinks are never followed');
      expect(warning).not.toContain(target);
      // Written back in the link's place, not through it.
      expect(readFileSync(target, 'utf8')).toBe(good);
    });

    it('binary, or a directory', async () => {
      expect(await ignored((f) => writeFileSync(f, Buffer.from([0x7b, 0, 0x7d, 0x0a])))).toContain('it is not UTF-8 text (line 1)');
      const dir = join(tempDir('pw-cache-dir-'), 'extraction.cache');
      mkdirSync(dir);
      const { json, stderr } = await report(tree, dir);
      expect(json).toBe(expected);
      expect(stderr).toContain('it is a directory');
      expect(stderr).toContain('not written (');
    });

    /** The good file with the first entry whose result matches `pick` changed by `edit`. */
    function hostile(pick: (line: string) => boolean, edit: (result: any) => void): (f: string) => void {
      return (f) => {
        const lines = good.split('\n');
        const at = lines.findIndex((l, i) => i > 0 && pick(l));
        expect(at).toBeGreaterThan(0);
        const [key, result] = JSON.parse(lines[at]!);
        edit(result);
        lines[at] = JSON.stringify([key, result]);
        writeFileSync(f, lines.join('\n'));
      };
    }
    const withBinding = (l: string) => l.includes('"bindings":[{');
    const withProblem = (l: string) => l.includes('"problems":[{');
    const withRegistry = (l: string) => l.startsWith('["registry\\u0000');
    const EVIL = '::error::EVIL';

    it('with hostile fields: each names the place and never the value', async () => {
      const cases: [(f: string) => void, RegExp][] = [
        [hostile(withBinding, (r) => (r.extraction.bindings[0].port = 70000)), /line \d+: result\.extraction\.bindings\[0\]\.port is not a port from 1 to 65535/],
        [hostile(withBinding, (r) => (r.extraction.bindings[0].port = '3000')), /bindings\[0\]\.port is not a port/],
        [hostile(withBinding, (r) => (r.extraction.bindings[0].location.line = 0)), /bindings\[0\]\.location\.line is not a positive integer/],
        [hostile(withBinding, (r) => (r.extraction.bindings[0].location.column = 1.5)), /location\.column is not a positive integer/],
        [hostile(withBinding, (r) => (r.extraction.bindings[0].kind = EVIL)), /bindings\[0\]\.kind is not one of registry-plan, /],
        [hostile(withBinding, (r) => (r.extraction.bindings[0].service = { toString: EVIL })), /bindings\[0\]\.service is not a string/],
        [hostile(withBinding, (r) => (r.extraction.bindings[0][EVIL] = 1)), /bindings\[0\] is not free of unknown fields \(field \d+ is one\)/],
        // Written as text: in code, `__proto__` would set the prototype, not a field.
        [(f) => writeFileSync(f, good.replace('"bindings":[{', '"bindings":[{"__proto__":{"polluted":true},')), /bindings\[0\] is not free of unknown fields/],
        [hostile(withBinding, (r) => delete r.extraction.bindings[0].location), /bindings\[0\]\.location is not present/],
        [hostile(withBinding, (r) => (r.extraction.references = null)), /extraction\.references is not a list/],
        [hostile(withBinding, (r) => (r.blob = EVIL)), /result\.blob is not a git object id/],
        [hostile(withBinding, (r) => (r.parsed = 'yes')), /result\.parsed is not true or false/],
        [hostile(withProblem, (r) => (r.extraction.problems[0].ruleId = 'collision/same-host')), /problems\[0\]\.ruleId is not one of input\//],
        [hostile(withProblem, (r) => (r.extraction.problems[0].url = 'https://example.invalid/' + EVIL)), /problems\[0\]\.url is not the rule's documentation link/],
        [hostile(withProblem, (r) => (r.extraction.problems[0].severity = 'fatal')), /problems\[0\]\.severity is not one of error, warning, notice/],
        [(f) => writeFileSync(f, good.replace(/\n\[".*?",/, `\n[${JSON.stringify(EVIL)},${JSON.stringify(EVIL)},`)), /line 2 is not a \[key, result\] pair/],
        [(f) => writeFileSync(f, good + good.split('\n')[1] + '\n'), /: the key appears twice/],
        [hostile(withRegistry, (r) => (r.doc.plan[0].port = 70000)), /line \d+: registry\.doc\.plan\[0\]\.port is not a port from 1 to 65535/],
        [hostile(withRegistry, (r) => (r.doc.sections.find((s: any) => s.rows.length > 0).rows[0].columns = { [EVIL]: { toString: EVIL } })), /rows\[0\]\.columns\[column 1\] is not a string/],
        [hostile(withRegistry, (r) => (r.doc.hosts = [{ id: EVIL }])), /registry\.doc\.hosts\[0\]\.label is not present/],
        [hostile(withRegistry, (r) => (r.doc[EVIL] = true)), /registry\.doc is not free of unknown fields/],
        [hostile(withRegistry, (r) => (r.problems = [{ ruleId: 'input/invalid-port' }])), /registry\.problems\[0\]\.severity is not present/],
      ];
      for (const [make, expected] of cases) {
        const warning = await ignored(make);
        expect(warning).toMatch(expected);
        expect(warning).not.toContain('EVIL');
        expect(warning).not.toContain('polluted');
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });

  it('a cache that cannot be written is a warning, not a failed check', async () => {
    const blocker = join(tempDir('pw-cache-'), 'a-file');
    writeFileSync(blocker, 'x');
    const { json, stderr } = await report(root, join(blocker, 'cache'));
    expect(json).toBe(plain);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^portwarden: warning: Cache file \`${join(blocker, 'cache')}\` not written \\(E[A-Z]+\\); expected a writable path\\. The next run extracts every file again\\.$`));
  });

  it('writes the same bytes whatever order the results were made in', async () => {
    const file = join(tempDir('pw-cache-'), 'c');
    await report(root, file);
    const { cache } = loadCacheFile(file);
    await check({ root, cache });
    expect(cacheFileText(cache)).toBe(readFileSync(file, 'utf8'));
  });
});

describe('a stale cache file (every result made in another context)', () => {
  it('gives the report of a run without cache, extracting every file', async () => {
    const tree = tempDir('pw-cache-stale-');
    const files: Record<string, string> = { '.env': 'LOG_LEVEL=info\n', '.github/portwarden.yml': 'services:\n  - services/*\n' };
    for (let i = 0; i < 150; i++) {
      files[`services/svc-${i}/CLAUDE.md`] = `# svc-${i}\n\n- **Port:** ${4000 + i}\n`;
      files[`services/svc-${i}/src/config.ts`] = `export const port = Number(process.env.PORT ?? ${4000 + (i % 149)});\n`;
    }
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(tree, path, '..'), { recursive: true });
      writeFileSync(join(tree, path), text);
    }
    const file = join(tempDir('pw-cache-'), 'c');
    await report(tree, file);
    // The root `.env` is part of every result's context: none of the saved results applies now (302 files: the services', the `.env`, the config).
    writeFileSync(join(tree, '.env'), 'LOG_LEVEL=debug\n');
    const stale = await counts(tree, file);
    expect(stale).toMatchObject({ extracted: 302, reused: 0 });
    expect(await report(tree, file)).toEqual(await report(tree));
    expect(await counts(tree, file)).toMatchObject({ extracted: 0, reused: 302 });
  });
});
