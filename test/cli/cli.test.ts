/**
 * The CLI as a user runs it, on tiny repositories under test/fixtures/repos and on the
 * example monorepo, against goldens (`UPDATE_GOLDENS=1 npm test` rewrites them).
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src/version.js';
import pkg from '../../package.json' with { type: 'json' };
import { expectGolden } from './golden.js';
import { runCli } from './run-cli.js';

const repo = (name: string) => resolve(import.meta.dirname, '../fixtures/repos', name);
const example = resolve(import.meta.dirname, '../../examples/monorepo');
const golden = (name: string) => resolve(import.meta.dirname, '../fixtures/goldens', name);

/** Paths in output are relative to the checked root, so goldens do not depend on where the repo lives. */
describe('portwarden check', () => {
  it('prints the example monorepo findings like a compiler and exits 1 on errors', async () => {
    const { code, stdout, stderr } = await runCli(['check', example]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expectGolden(golden('example.txt'), stdout);
  });

  it('prints the example monorepo as versioned JSON', async () => {
    const { code, stdout } = await runCli(['check', example, '--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.version).toBe(1);
    report.stats.ms = 0;
    expectGolden(golden('example.json'), JSON.stringify(report, null, 2) + '\n');
  });

  it('exits 0 on a clean repository and says so', async () => {
    const { code, stdout } = await runCli(['check', repo('clean')]);
    expect(stdout).toBe('✔ no problems\n');
    expect(code).toBe(0);
  });

  it('turns bad input into findings naming file and line, and keeps the other findings', async () => {
    const { code, stdout } = await runCli(['check', repo('bad-input')]);
    expect(code).toBe(1);
    expectGolden(golden('bad-input.txt'), stdout);
    expect(stdout).toMatch(/docs\/PORT_SCHEMA.md:8:\d+ +error +.*is a 5-digit number above 65535.*input\/invalid-port/);
    expect(stdout).toMatch(/services\/mana-auth\/Dockerfile:3:1 +warning +.*binary \(a NUL byte on line 3.*input\/binary-file/);
    expect(stdout).toMatch(/docker-compose.yml:\d+:\d+ +warning +.*input\/invalid-yaml/);
  });

  it('reports a missing registry as a finding, not a crash', async () => {
    const { stdout } = await runCli(['check', repo('no-registry')]);
    // At the default path a missing registry is a notice: most repositories keep none.
    expect(stdout).toMatch(/^docs\/PORT_SCHEMA.md:1:1 +notice +No registry at `docs\/PORT_SCHEMA.md`.*input\/missing-registry$/m);
  });

  it('--fail-level decides the exit code: never passes the example, notice fails a repository with only notices', async () => {
    const never = await runCli(['check', example, '--fail-level', 'never']);
    expect(never.code).toBe(0);
    expectGolden(golden('example.txt'), never.stdout);
    const notices = await runCli(['check', repo('no-registry')]);
    expect(notices.stdout).toMatch(/ notice /);
    expect(notices.stdout).not.toMatch(/ (error|warning) /);
    expect(notices.code).toBe(0);
    expect((await runCli(['check', repo('no-registry'), '--fail-level', 'notice'])).code).toBe(1);
  });

  it('explains which files placed which ports on which host', async () => {
    const { code, stdout } = await runCli(['hosts', example]);
    expect(code).toBe(0);
    expectGolden(golden('example-hosts.txt'), stdout);
    expect(stdout).toMatch(/^mac-mini \("Mac Mini", "macmini", "Mac Mini \(production\)"\): \d+ bindings$/m);
    expect(stdout).toContain('docker-compose.macmini.yml  (the path names this host)');
  });
});

describe('usage', () => {
  it.each([
    [['check', '--format', 'xml'], /`--format xml` is not supported; expected `text` or `json`/],
    [['lint'], /Unknown command `lint`; expected `check` or `hosts`/],
    [['check', '/does/not/exist'], /`\/does\/not\/exist` is not a directory/],
    [['check', '--colour'], /Unknown option '--colour'/],
    [['hosts', '--base', 'main'], /`--base` goes with `check`, not `hosts`/],
    [['hosts', '--cache', 'c.json'], /`--cache` goes with `check`, not `hosts`/],
    [['check', '--cache', ''], /`--cache` is empty; expected the path of a cache file/],
  ])('exits 2 on %j with a message naming the problem', async (args, message) => {
    const { code, stderr } = await runCli(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('exits 2 on a broken config, naming the file and line', async () => {
    const { code, stderr } = await runCli(['check', repo('clean'), '--config', resolve(import.meta.dirname, '../fixtures/engine/bad-config.yml')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/config error: .*bad-config.yml:2: rule `collision\/same-host` is set to `loud`/);
  });

  it('prints help and a version that matches package.json', async () => {
    expect((await runCli(['--help'])).stdout).toContain('Usage: portwarden <command>');
    expect((await runCli(['--version'])).stdout).toBe(`${VERSION}\n`);
    expect(VERSION).toBe(pkg.version);
  });
});
