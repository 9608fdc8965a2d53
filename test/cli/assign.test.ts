/** `portwarden assign` on tiny repositories on disk (the seed's registry, a service directory). */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_DIR, seedText } from '../assign/seed.js';
import { runCli } from './run-cli.js';

function seedRepo(files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'pw-assign-'));
  mkdirSync(join(root, 'docs'));
  copyFileSync(join(SEED_DIR, 'PORT_SCHEMA.md'), join(root, 'docs/PORT_SCHEMA.md'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe.skipIf(!seedText)('portwarden assign on the seed registry', () => {
  it('prints 3027 for 3020-3029 with the skipped candidates, and writes nothing without --write', async () => {
    const root = seedRepo();
    const { code, stdout } = await runCli(['assign', 'mana-foo', root, '--in', '3020-3029']);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('mana-foo: port 3027 (range 3020-3029, section "AI/ML Services")');
    expect(stdout).toContain('  skipped 3026: used by `mana-video-gen` on host `windows-gpu-server`');
    expect(stdout).toContain('would write (dry run; --write to edit) docs/PORT_SCHEMA.md (row at line 89)');
    expect(readFileSync(join(root, 'docs/PORT_SCHEMA.md'), 'utf8')).toBe(seedText);
  });

  it('gives {service, port, range, skipped} as JSON for a section title', async () => {
    const { code, stdout } = await runCli(['assign', 'mana-foo', seedRepo(), '--in', 'App Compute Servers', '--format', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ service: 'mana-foo', port: 3041, range: { start: 3030, end: 3059 }, section: 'App Compute Servers', written: false });
    expect(json.skipped.map((s: { port: number }) => s.port)).toEqual([3030, 3031, 3032, 3033, 3034, 3035, 3036, 3037, 3038, 3039, 3040]);
    expect(json.skipped[10]).toEqual({ port: 3040, reason: 'used', detail: expect.stringContaining('`presi-server` in the registry plan') });
  });

  it('--write adds the row and the port line of a CLAUDE.md that states none', async () => {
    const root = seedRepo({ 'services/mana-foo/CLAUDE.md': '# mana-foo\n\nA new service.\n\n## Commands\n' });
    const { code, stdout } = await runCli(['assign', 'mana-foo', root, '--in', '3020-3029', '--write']);
    expect(code).toBe(0);
    expect(stdout).toContain('wrote services/mana-foo/CLAUDE.md (port line)');
    expect(readFileSync(join(root, 'services/mana-foo/CLAUDE.md'), 'utf8')).toBe('# mana-foo\n\nA new service.\n\n**Port:** 3027\n\n## Commands\n');
    expect(readFileSync(join(root, 'docs/PORT_SCHEMA.md'), 'utf8')).toContain('| 3025-3026 | *(reserved)* | | |\n| 3027 | mana-foo | | |\n| 3028-3029 | *(reserved)* | | |\n');
    // A second assignment sees the first: the next one is 3028.
    const again = await runCli(['assign', 'mana-bar', root, '--in', '3020-3029', '--format', 'json']);
    expect(JSON.parse(again.stdout).port).toBe(3028);
  });

  it('respects the deny list of the config, and a service already in the registry is refused', async () => {
    const root = seedRepo({ '.github/portwarden.yml': 'assign-port:\n  deny: [3027-3028]\n' });
    expect(JSON.parse((await runCli(['assign', 'mana-foo', root, '--in', '3020-3029', '--format', 'json'])).stdout).port).toBe(3029);
    const taken = await runCli(['assign', 'mana-llm', root, '--in', '3020-3029']);
    expect(taken.code).toBe(1);
    expect(taken.stdout).toBe('portwarden: no port for mana-llm: `mana-llm` already has port 3020 in the registry (`docs/PORT_SCHEMA.md:83:3`); expected a service without a row.\n');
  });

  it('exits 1 when the range is full, listing every candidate', async () => {
    const { code, stdout } = await runCli(['assign', 'mana-foo', seedRepo(), '--in', '3001-3002']);
    expect(code).toBe(1);
    expect(stdout).toBe('portwarden: no port for mana-foo: Every port of 3001-3002 is taken; expected a range with a free port.\n  skipped 3001: used by `mana-auth` in the registry plan (`docs/PORT_SCHEMA.md:59:3`), `mana-auth` on host `mac-mini` (`docs/PORT_SCHEMA.md:20:16`)\n  skipped 3002: used by `mana-credits` in the registry plan (`docs/PORT_SCHEMA.md:60:3`)\n');
  });
});

describe('portwarden assign usage', () => {
  it('refuses a bad service name, a missing --in and a backwards range with exit 2', async () => {
    const bad = await runCli(['assign', 'Mana_Foo', '.', '--in', '3000-3009']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^portwarden: `Mana_Foo` is not a service name; expected lower-case letters/);
    expect(bad.stderr).toContain('Usage: portwarden assign <service>');
    expect((await runCli(['assign', 'mana-foo', '.'])).stderr).toMatch(/needs `--in <lo-hi>`/);
    expect((await runCli(['assign', 'mana-foo', '.', '--in', '3009-3000'])).stderr).toMatch(/`--in 3009-3000` is not a range of ports/);
  });

  it('names the sections a title could have been', async () => {
    if (!seedText) return;
    const { code, stdout } = await runCli(['assign', 'mana-foo', seedRepo(), '--in', 'Nope']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/no section titled `Nope`; expected one of `Core Platform Services`, `Core Infrastructure Services`, `AI\/ML Services`/);
  });
});
