import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../../src/config/load.js';
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
    expect(() => parseConfig('.github/portwarden.yml', text)).toThrow(ConfigError);
    expect(() => parseConfig('.github/portwarden.yml', text)).toThrow(message);
  });

  it('refuses a config in the repository that is a symlink out of it', () => {
    const outside = mkdtempSync(join(tmpdir(), 'pw-outside-'));
    writeFileSync(join(outside, 'secret.yml'), 'registry: x\n');
    const root = mkdtempSync(join(tmpdir(), 'pw-config-'));
    mkdirSync(join(root, '.github'));
    symlinkSync(join(outside, 'secret.yml'), join(root, '.github/portwarden.yml'));
    expect(() => loadConfig(root)).toThrow(/`.github\/portwarden.yml` is a symlink to .*outside the repository/);
  });

  it('fails on an explicit --config path that does not exist', () => {
    const root = mkdtempSync(join(tmpdir(), 'pw-config-'));
    expect(() => loadConfig(root, 'nope.yml')).toThrow(/Config file `nope.yml` does not exist/);
  });

  it('publishes a JSON Schema naming every key the loader accepts', () => {
    expect(Object.keys(schema.properties).sort()).toEqual(['aliases', 'hosts', 'ignore', 'max-file-bytes', 'registry', 'rules', 'service-docs', 'services']);
  });
});
