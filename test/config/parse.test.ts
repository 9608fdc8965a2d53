import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/engine.js';
import { parseConfig } from '../../src/config/parse.js';
import { parseConfigText } from '../support/config.js';
import { MAX_GLOB_LENGTH } from '../../src/config/globs.js';
import { ConfigError } from '../../src/config/types.js';
import schema from '../../schema/portwarden.schema.json' with { type: 'json' };

describe('config', () => {
  it('uses the defaults when the repository has no config', () => {
    const root = mkdtempSync(join(tmpdir(), 'pw-config-'));
    const { config, path } = loadConfig(root);
    expect(path).toBeUndefined();
    expect(config.registry).toBe('docs/PORT_SCHEMA.md');
    expect(config.serviceDocs).toContain('services/*/CLAUDE.md');
  });

  it('reads every key of .github/portwarden.yml', () => {
    const root = mkdtempSync(join(tmpdir(), 'pw-config-'));
    mkdirSync(join(root, '.github'));
    writeFileSync(
      join(root, '.github/portwarden.yml'),
      [
        'registry: docs/PORTS.md',
        'services: [svc/*]',
        'service-docs: svc/*/README.md',
        'ignore: [legacy/**]',
        'hosts:',
        '  - name: mac-mini',
        '    aliases: [Mac Mini (production), macmini]',
        '    addresses: [192.168.178.10]',
        '    files: [deploy/mini/**]',
        'aliases: { mana-old: mana-new }',
        'rules:',
        '  registry/plan-drift: off',
        '  collision/same-host: warning',
        'max-file-bytes: 2048',
      ].join('\n'),
    );
    const { config, path } = loadConfig(root);
    expect(path).toBe(join(root, '.github/portwarden.yml'));
    expect(config).toMatchObject({
      registry: 'docs/PORTS.md',
      services: ['svc/*'],
      serviceDocs: ['svc/*/README.md'],
      ignore: ['legacy/**'],
      hosts: [{ name: 'mac-mini', aliases: ['Mac Mini (production)', 'macmini'], addresses: ['192.168.178.10'], files: ['deploy/mini/**'] }],
      aliases: { 'mana-old': 'mana-new' },
      rules: { 'registry/plan-drift': 'off', 'collision/same-host': 'warning' },
      maxFileBytes: 2048,
    });
  });

  it.each([
    ['regisrty: x', /portwarden.yml:1: unknown key `regisrty`; expected one of registry/],
    ['rules:\n  collision/same-host: fatal', /:2: rule `collision\/same-host` is set to `fatal`; expected one of error, warning, notice, off/],
    ['hosts:\n  - aliases: [x]', /:2: each entry of `hosts` needs a `name:`/],
    ['hosts: mac-mini', /`hosts` must be a list/],
    ['max-file-bytes: -1', /`max-file-bytes` must be a positive integer/],
    ['services: 3', /`services` must be a string or a list of strings/],
    ['registry: [a, b', /portwarden.yml:1: invalid YAML/],
    ['aliases:\n  alpha-old: alpha\n  alpha: alpha-old', /:2: the aliases `alpha-old` → `alpha` → `alpha-old` form a cycle/],
    ['rules:\n  collision/*: off', /:2: `collision\/\*` is not a portwarden rule; expected one of registry\/range-overlap/],
    ['rules:\n  colision/same-host: off', /:2: `colision\/same-host` is not a portwarden rule/],
    ['- just\n- a list', /the config must be a mapping/],
  ])('rejects %j naming the line, key and accepted form', (text, message) => {
    expect(() => parseConfigText('.github/portwarden.yml', text)).toThrow(ConfigError);
    expect(() => parseConfigText('.github/portwarden.yml', text)).toThrow(message);
  });

  it('checks rule ids against the catalogue it is handed, not against rules it imports', () => {
    const catalogue = [{ id: 'ports/custom' }, { id: 'input/invalid-port' }];
    expect(parseConfig('c.yml', 'rules:\n  ports/custom: notice\n  input/*: off\n', catalogue).rules).toEqual({ 'ports/custom': 'notice', 'input/*': 'off' });
    // The error lists the catalogue's rules; input problems are named by their pattern.
    expect(() => parseConfig('c.yml', 'rules:\n  collision/same-host: off\n', catalogue)).toThrow(
      'c.yml:2: `collision/same-host` is not a portwarden rule; expected one of ports/custom, an input problem such as `input/invalid-port`, or `input/*`.',
    );
  });

  it('refuses a config in the repository that is a symlink out of it', () => {
    const outside = mkdtempSync(join(tmpdir(), 'pw-outside-'));
    writeFileSync(join(outside, 'secret.yml'), 'registry: x\n');
    const root = mkdtempSync(join(tmpdir(), 'pw-config-'));
    mkdirSync(join(root, '.github'));
    symlinkSync(join(outside, 'secret.yml'), join(root, '.github/portwarden.yml'));
    expect(() => loadConfig(root)).toThrow(/`.github\/portwarden.yml` is a symlink to .*outside the repository/);
  });

  it('refuses a config that is a symlink inside the repository, or lies under a linked directory', () => {
    const root = mkdtempSync(join(tmpdir(), 'pw-config-'));
    mkdirSync(join(root, 'conf'));
    writeFileSync(join(root, 'conf/portwarden.yml'), 'registry: x\n');
    mkdirSync(join(root, '.github'));
    symlinkSync('../conf/portwarden.yml', join(root, '.github/portwarden.yml'));
    expect(() => loadConfig(root)).toThrow('Config file `.github/portwarden.yml` is a symlink to `conf/portwarden.yml`; expected a regular file (symlinks are never followed).');
    const other = mkdtempSync(join(tmpdir(), 'pw-config-'));
    mkdirSync(join(other, 'real'));
    writeFileSync(join(other, 'real/portwarden.yml'), 'registry: x\n');
    symlinkSync('real', join(other, '.github'));
    expect(() => loadConfig(other)).toThrow(/`.github\/portwarden.yml` is under `.github`, a symlink/);
  });

  it('refuses a dangling symlink instead of falling back to the defaults', () => {
    const root = mkdtempSync(join(tmpdir(), 'pw-config-'));
    mkdirSync(join(root, '.github'));
    symlinkSync('nowhere.yml', join(root, '.github/portwarden.yml'));
    expect(() => loadConfig(root)).toThrow(ConfigError);
  });

  it('refuses a config that is a FIFO without waiting on it', () => {
    const root = mkdtempSync(join(tmpdir(), 'pw-config-'));
    mkdirSync(join(root, '.github'));
    execFileSync('mkfifo', [join(root, '.github/portwarden.yml')]);
    expect(() => loadConfig(root)).toThrow('Config file `.github/portwarden.yml` is a named pipe (FIFO); expected a regular file.');
  });

  it.each([
    ['invalid UTF-8', Buffer.from('registry: docs/P.md\nignore:\n  - "le\xe9gacy/**"\n', 'latin1'), /^\.github\/portwarden\.yml:3: the config is not valid UTF-8/],
    ['a NUL byte', Buffer.from('registry: docs/P.md\n\0\n', 'latin1'), /^\.github\/portwarden\.yml:2: the config contains a NUL byte/],
    ['a NUL byte past the first 8 KiB', Buffer.from(`${'# padding\n'.repeat(1000)}registry: x\0\n`, 'latin1'), /^\.github\/portwarden\.yml:1001: the config contains a NUL byte/],
  ])('refuses a config with %s, naming the line', (_, bytes, message) => {
    const root = mkdtempSync(join(tmpdir(), 'pw-config-'));
    mkdirSync(join(root, '.github'));
    writeFileSync(join(root, '.github/portwarden.yml'), bytes);
    expect(() => loadConfig(root)).toThrow(ConfigError);
    expect(() => loadConfig(root)).toThrow(message);
  });

  it.each([
    ['ignore:\n  - legacy/**\n  - "**"', /:3: the `ignore` glob `\*\*` matches every path/],
    ['ignore: ["**/*"]', /:1: the `ignore` glob `\*\*\/\*` matches every path/],
    ['ignore:\n  - "*/**"', /:2: the `ignore` glob `\*\/\*\*` matches every path/],
    ['ignore: "!legacy/**"', /:1: the `ignore` glob `!legacy\/\*\*` matches every path/],
    [`services:\n  - services/*\n  - "${'a'.repeat(MAX_GLOB_LENGTH + 1)}"`, new RegExp(`:3: the \`services\` glob is ${MAX_GLOB_LENGTH + 1} characters long; expected at most ${MAX_GLOB_LENGTH}`)],
    [`service-docs: "${'*'.repeat(70_000)}"`, /:1: the `service-docs` glob is 70000 characters long/],
    [`ignore: ["${'b'.repeat(MAX_GLOB_LENGTH + 1)}"]`, /:1: the `ignore` glob is/],
    [`hosts:\n  - name: mini\n    files: ["${'c'.repeat(MAX_GLOB_LENGTH + 1)}"]`, /:3: the `hosts\[\]\.files` glob is/],
  ])('refuses the glob in %j naming key and line', (text, message) => {
    expect(() => parseConfigText('.github/portwarden.yml', text)).toThrow(ConfigError);
    expect(() => parseConfigText('.github/portwarden.yml', text)).toThrow(message);
  });

  it('accepts ignore globs that skip part of the tree, at the length limit', () => {
    const config = parseConfigText('c.yml', `ignore: ["**/x", "*", "**/*.md", "legacy/**", "**/test/**", "${'d'.repeat(MAX_GLOB_LENGTH)}"]`);
    expect(config.ignore).toHaveLength(6);
  });

  it('fails on an explicit --config path that does not exist', () => {
    const root = mkdtempSync(join(tmpdir(), 'pw-config-'));
    expect(() => loadConfig(root, 'nope.yml')).toThrow(/Config file `nope.yml` does not exist/);
  });

  it('publishes a JSON Schema naming every key the loader accepts', () => {
    expect(Object.keys(schema.properties).sort()).toEqual(['aliases', 'allow-new-suppressions-on-pr-target', 'assign-port', 'compose-projects', 'hosts', 'ignore', 'max-file-bytes', 'registry', 'rules', 'service-docs', 'services']);
  });

  it('reads compose-projects: compose files deployed together, each entry named once, with its files', () => {
    const config = parseConfigText('p.yml', 'compose-projects:\n  - name: stack\n    files: [infra/compose.yaml, app/*/compose.yaml]\n');
    expect(config.composeProjects).toEqual([{ name: 'stack', files: ['infra/compose.yaml', 'app/*/compose.yaml'] }]);
    expect(parseConfigText('p.yml', '').composeProjects).toEqual([]);
    const error = (text: string) => {
      try {
        parseConfigText('p.yml', text);
      } catch (e) {
        return (e as ConfigError).message;
      }
      return 'accepted';
    };
    expect(error('compose-projects: stack\n')).toMatch(/^p\.yml:1: `compose-projects` must be a list of `\{ name, files \}`/);
    expect(error('compose-projects:\n  - name: stack\n')).toBe('p.yml:2: compose project `stack` needs `files:`, globs of the compose files deployed together.');
    expect(error('compose-projects:\n  - files: [a/compose.yaml]\n')).toBe('p.yml:2: each entry of `compose-projects` needs a `name:`.');
    expect(error('compose-projects:\n  - { name: a, files: [x] }\n  - { name: a, files: [y] }\n')).toMatch(/^p\.yml:3: the compose project `a` is named twice/);
    expect(error('compose-projects:\n  - { name: a, file: [x] }\n')).toBe('p.yml:2: unknown key `compose-projects[].file`; expected one of name, files.');
  });
});
