import { describe, expect, it } from 'vitest';
import { HostModel } from '../../src/core/hosts.js';
import type { Extracted } from '../../src/core/extracted.js';
import { ServiceIndex } from '../../src/core/services.js';
import type { Finding } from '../../src/core/finding.js';
import { inputProblem, type InputRuleId } from '../../src/core/input-rules.js';
import { emptyExtraction, type Extraction } from '../../src/core/statements.js';
import { build, type Layout } from '../../src/model/build.js';
import { at, deploy, dir, host, reference, registry, source } from '../rules/model-builder.js';

const CONFIG = { registry: 'docs/PORT_SCHEMA.md', composeProjects: [] };
const problem = (file: string, ruleId: InputRuleId = 'input/invalid-yaml'): Finding => inputProblem(ruleId, `Found ${file} broken; expected it to parse.`, at(file, 1), file);
const extraction = (e: Partial<Extraction>): Extraction => ({ ...emptyExtraction(), ...e });

function extracted(extractions: Extraction[], hosts = new HostModel([host('mac-mini'), { ...host('windows-gpu-server'), label: 'Windows GPU Server', aliases: ['gpu box'] }])): Extracted {
  return { extractions, hosts, services: new ServiceIndex() };
}

const layout = (extra: Partial<Layout> = {}): Layout => ({ paths: [], serviceDirs: [], ...extra });

describe('build', () => {
  it('gathers every statement in reading order: bindings, references, problems and suppressions', () => {
    const code = source('mana-sync', 3050, 3);
    const compose = deploy('mana-sync', 3051, 'docker-compose.yml', 4, { containerPort: 3050 });
    const url = reference('mana-auth', 3001, '.env', 2);
    const walk = problem('big.bin', 'input/binary-file');
    const yaml = problem('docker-compose.yml');
    const ignore = { file: '.env', line: 2, ruleId: 'stale-reference', reason: 'proxy' };
    const m = build(
      extracted([extraction({ problems: [walk] }), extraction({ bindings: [code] }), extraction({ bindings: [compose], references: [url], problems: [yaml], suppressions: [ignore] })]),
      layout({ serviceDirs: [dir('mana-sync')] }),
      CONFIG,
    );
    expect(m.bindings).toEqual([code, compose]);
    expect(m.references).toEqual([url]);
    // The unreadable compose file's problem says what it leaves unjudged (scopes.ts).
    expect(m.problems).toEqual([walk, { ...yaml, message: expect.stringMatching(/^Found docker-compose\.yml broken; expected it to parse\. Until it is read, /) }]);
    expect(m.suppressions).toEqual([ignore]);
    expect(m.serviceDirs).toEqual([dir('mana-sync')]);
    expect(m.registryPath).toBe('docs/PORT_SCHEMA.md');
    expect(m.registry).toBeUndefined();
    expect(m.discoveredServices).toBeUndefined();
  });

  it('keeps the registry document and the services discovery found', () => {
    const doc = registry();
    const discovered = [{ name: 'cartservice', path: 'src/cartservice', via: 'Dockerfile' }];
    const m = build({ ...extracted([]), registry: doc }, layout({ discovered }), CONFIG);
    expect(m.registry).toEqual(doc);
    expect(m.discoveredServices).toEqual(discovered);
  });

  it("names the model's own statements in the registry's lists, host names resolved as everywhere", () => {
    const real = deploy('mana-stt', 3020, 'docs/PORT_SCHEMA.md', 9, { kind: 'registry-actual', host: 'Windows GPU Server' });
    const doc = registry({ actual: [real] });
    const m = build({ ...extracted([extraction({ bindings: [...doc.plan, ...doc.actual] })]), registry: doc }, layout(), CONFIG);
    expect(m.registry?.actual[0]).toBe(m.bindings[0]);
    expect(m.registry?.actual[0]?.host).toBe('windows-gpu-server');
  });

  it('leaves the extractions as they are, so that another check of the same run may share them', () => {
    const frozen = <T>(value: T): T => {
      if (value && typeof value === 'object' && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const v of Object.values(value)) frozen(v);
      }
      return value;
    };
    const inContainer = (path: string) => path.startsWith('django/');
    const contained = source('web', 8000, 3, { file: 'django/config.py', host: 'gpu box' });
    const django = deploy('web', 8000, 'django/compose.yaml', 4, { containerPort: 8000, host: 'Mac Mini' });
    const flask = deploy('web', 8000, 'flask/compose.yaml', 4, { containerPort: 8000 });
    const call = reference('web', 8000, 'flask/.env', 2, { host: 'Mac Mini' });
    const broken = problem('flask/compose.yaml');
    const real = deploy('web', 8000, 'docs/PORT_SCHEMA.md', 9, { kind: 'registry-actual', host: 'Windows GPU Server' });
    const doc = registry({ actual: [real] });
    const extractions = frozen([extraction({ bindings: [real] }), extraction({ bindings: [contained, django, flask], references: [call], problems: [broken] })]);
    const paths = ['django/compose.yaml', 'flask/compose.yaml', 'django/config.py'];
    const m = build({ ...extracted(extractions), registry: frozen(doc) }, layout({ paths, inContainer }), CONFIG);
    expect(m.bindings.map((b) => [b.host, b.network, b.project])).toEqual([
      ['windows-gpu-server', undefined, undefined],
      ['windows-gpu-server', 'container', 'django'],
      ['mac-mini', undefined, 'django'],
      ['dev', undefined, 'flask'],
    ]);
    expect(m.problems[0]?.message).toMatch(/Until it is read/);
    expect(broken.message).not.toMatch(/Until it is read/);
    expect(contained.host).toBe('gpu box');
  });

  it("moves a source default of a service run as a container inside its container, and nothing else", () => {
    const inContainer = (path: string) => path.startsWith('src/cartservice/');
    const contained = source('cartservice', 7070, 3, { file: 'src/cartservice/config.ts' });
    const direct = source('mana-sync', 3050, 3);
    const deployed = deploy('cartservice', 7070, 'src/cartservice/compose.yaml', 3);
    const m = build(extracted([extraction({ bindings: [contained, direct, deployed] })]), layout({ inContainer }), CONFIG);
    expect(m.bindings.map((b) => b.network)).toEqual(['container', undefined, undefined]);
  });

  it('writes every host name as its host id, in bindings and references; unknown names stay', () => {
    const onGpu = source('mana-stt', 3020, 3, { host: 'Windows GPU Server' });
    const onBox = deploy('mana-stt', 3021, 'run.sh', 2, { host: 'gpu box' });
    const elsewhere = source('mana-sync', 3050, 3, { host: 'atlantis' });
    const call = reference('mana-stt', 3020, '.env', 2, { host: 'Mac Mini' });
    const m = build(extracted([extraction({ bindings: [onGpu, onBox, elsewhere], references: [call] })]), layout(), CONFIG);
    expect(m.bindings.map((b) => b.host)).toEqual(['windows-gpu-server', 'windows-gpu-server', 'atlantis']);
    expect(m.references.map((r) => r.host)).toEqual(['mac-mini']);
  });

  it('scopes the statements of independent compose projects to their project', () => {
    const django = deploy('web', 8000, 'django/compose.yaml', 4, { containerPort: 8000 });
    const flask = deploy('web', 8000, 'flask/compose.yaml', 4, { containerPort: 8000 });
    const m = build(extracted([extraction({ bindings: [django, flask] })]), layout({ paths: ['django/compose.yaml', 'flask/compose.yaml'] }), CONFIG);
    expect(m.composeProjects).toEqual(['django', 'flask']);
    expect(m.bindings.map((b) => [b.service, b.scope])).toEqual([
      ['django/web', 'django'],
      ['flask/web', 'flask'],
    ]);
    expect(m.unreadDeployFiles).toEqual([]);
  });

  it('records a compose file that could not be read, on the host its name places it', () => {
    const m = build(extracted([extraction({ problems: [problem('docker-compose.macmini.yml')] })]), layout({ paths: ['docker-compose.macmini.yml'] }), CONFIG);
    expect(m.unreadDeployFiles).toEqual([{ file: 'docker-compose.macmini.yml', host: 'mac-mini' }]);
  });
});
