import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSuppressions } from '../../src/collect/suppressions.js';
import { createFinding, ruleUrl } from '../../src/core/finding.js';
import { lineLocation } from '../../src/core/location.js';
import { check } from '../../src/engine.js';
import { suppress } from '../../src/rules/suppress.js';

const rule = (id: string) => ({ id, defaultSeverity: 'error' as const, docs: ruleUrl(id) });
const finding = (ruleId: string, line: number) => createFinding(rule(ruleId), { message: 'm', location: lineLocation('docker-compose.yml', line), key: `k${line}` });

describe('suppress', () => {
  it('silences the named rule on its own line and the line below, nothing else', () => {
    const sup = findSuppressions('docker-compose.yml', 'a\n# portwarden-ignore drift/deploy: moving\nb\nc');
    const { kept, suppressed } = suppress([finding('drift/deploy', 2), finding('drift/deploy', 3), finding('drift/deploy', 4), finding('collision/same-host', 3)], sup);
    expect(suppressed.map((f) => f.location.line)).toEqual([2, 3]);
    expect(kept.map((f) => `${f.ruleId}:${f.location.line}`)).toEqual(['drift/deploy:4', 'collision/same-host:3']);
  });

  it('silences input problems like any rule, `*` silencing every rule', () => {
    const sup = findSuppressions('docker-compose.yml', '# portwarden-ignore *: legacy file\nx\ny');
    const { kept, suppressed } = suppress([finding('input/invalid-port', 2), finding('collision/same-host', 1), finding('input/invalid-port', 3)], sup);
    expect(suppressed.map((f) => `${f.ruleId}:${f.location.line}`)).toEqual(['input/invalid-port:2', 'collision/same-host:1']);
    expect(kept.map((f) => `${f.ruleId}:${f.location.line}`)).toEqual(['input/invalid-port:3']);
  });
});

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'pw-suppress-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const compose = (ignoreInput: string, ignoreCollision: string) => `services:
  web:
    build: ./web
${ignoreCollision}    ports: ["8000:8000"]
  api:
    build: ./api
    ports: ["8000:8000"]
  worker:
    build: ./worker
${ignoreInput}    ports: ["70000:80"]
`;

const lines = (fs: { ruleId: string; severity: string; location: { line: number } }[]) => fs.map((f) => `${f.location.line} ${f.severity} ${f.ruleId}`).filter((l) => !l.endsWith('input/missing-registry'));

describe('the engine: rules, then input findings, then one suppression step', () => {
  it('reports the rule finding and the input problem side by side', async () => {
    const result = await check({ root: tree({ 'compose.yaml': compose('', '') }) });
    expect(lines(result.findings)).toEqual(['4 warning collision/same-host', '10 error input/invalid-port']);
    expect(result.suppressed).toEqual([]);
  });

  it('silences a rule finding and an input problem with the same kind of directive', async () => {
    const root = tree({ 'compose.yaml': compose('    # portwarden-ignore input/invalid-port: fixed upstream\n', '') });
    const result = await check({ root });
    expect(lines(result.findings)).toEqual(['4 warning collision/same-host']);
    expect(lines(result.suppressed)).toEqual(['11 error input/invalid-port']);
    // The collision is reported on `web` (the last name; a warning on `dev`); a directive above its port silences it.
    const both = await check({ root: tree({ 'compose.yaml': compose('    # portwarden-ignore input/invalid-port: fixed upstream\n', '    # portwarden-ignore collision/same-host: one of them is stopped\n') }) });
    expect(lines(both.findings)).toEqual([]);
    expect(lines(both.suppressed)).toEqual(['5 warning collision/same-host', '12 error input/invalid-port']);
  });

  it('applies the config to input problems as to rules: by id, or all at once with input/*', async () => {
    const run = async (config: string) => lines((await check({ root: tree({ 'compose.yaml': compose('', ''), '.github/portwarden.yml': config }) })).findings);
    expect(await run('rules:\n  input/*: notice\n')).toEqual(['4 warning collision/same-host', '10 notice input/invalid-port']);
    expect(await run('rules:\n  input/*: notice\n  input/invalid-port: warning\n')).toEqual(['4 warning collision/same-host', '10 warning input/invalid-port']);
    expect(await run('rules:\n  input/invalid-port: off\n  collision/same-host: notice\n')).toEqual(['4 notice collision/same-host']);
  });
});
