/**
 * The published JSON Schemas say what the tool really reads and writes: the JSON report of
 * the example monorepo validates against schema/report.schema.json, and a config using every
 * key validates against schema/portwarden.schema.json (while a typo does not).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../cli/run-cli.js';

const ROOT = resolve(import.meta.dirname, '../..');
const schema = (name: string) => JSON.parse(readFileSync(resolve(ROOT, 'schema', name), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });

describe('published schemas', () => {
  it('the JSON report of the example monorepo validates against report.schema.json', async () => {
    const { stdout } = await runCli(['check', resolve(ROOT, 'examples/monorepo'), '--format', 'json']);
    const validate = ajv.compile(schema('report.schema.json'));
    expect(validate(JSON.parse(stdout)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('names exactly the rules the engine has', async () => {
    const { allRules } = await import('../../src/rules/index.js');
    expect(schema('portwarden.schema.json').properties.rules.propertyNames.anyOf[0].enum.sort()).toEqual(allRules.map((r) => r.meta.id).sort());
  });

  it('the example config validates against portwarden.schema.json, and an unknown key does not', () => {
    const validate = ajv.compile(schema('portwarden.schema.json'));
    const config = parse(readFileSync(resolve(ROOT, 'examples/monorepo/.github/portwarden.yml'), 'utf8'));
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    const full = { registry: 'docs/PORTS.md', services: ['svc/*'], 'service-docs': 'svc/*/CLAUDE.md', ignore: [], hosts: [{ name: 'mac-mini', aliases: ['macmini'], addresses: ['10.0.0.2'], files: ['deploy/**'] }], 'compose-projects': [{ name: 'stack', files: ['infra/compose.yaml', 'app/compose.yaml'] }], aliases: { a: 'b' }, rules: { 'input/*': 'off', 'collision/same-host': 'warning' }, 'max-file-bytes': 10, 'assign-port': { deny: [5432, '8000-8099'], unique: 'per-host' } };
    expect(validate(full), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ regisrty: 'x' })).toBe(false);
    expect(validate({ 'assign-port': { unique: 'per-service' } })).toBe(false);
    expect(validate({ 'compose-projects': [{ name: 'stack' }] })).toBe(false);
    expect(validate({ rules: { 'collision/same-host': 'loud' } })).toBe(false);
    expect(validate({ rules: { 'colision/same-host': 'off' } })).toBe(false);
  });
});
