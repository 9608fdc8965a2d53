/**
 * A fingerprint names the problem, not its parties: when a pull request adds a service to a
 * collision that was already there, or another file to a drift, the baseline compare must see
 * the same finding with a new message (existing), not one fixed and one new. Each case runs
 * the real rule on a base and a head model and classifies head against base.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/baseline/classify.js';
import type { Finding } from '../../src/core/finding.js';
import type { Binding } from '../../src/core/statements.js';
import { collisionSameHost } from '../../src/rules/collision-same-host.js';
import { docRegistryDrift } from '../../src/rules/doc-registry-drift.js';
import { docMissingPort } from '../../src/rules/doc-missing-port.js';
import { driftDeploy } from '../../src/rules/drift-deploy.js';
import { driftDocVsSource } from '../../src/rules/drift-doc-vs-source.js';
import { registryActualDrift } from '../../src/rules/registry-actual-drift.js';
import { registryDuplicatePort } from '../../src/rules/registry-duplicate-port.js';
import { registryPlanDrift } from '../../src/rules/registry-plan-drift.js';
import type { Rule } from '../../src/rules/rule.js';
import { actual, deploy, dir, doc, model, registry, row, run, section, source } from './model-builder.js';

const COMPOSE = 'docker-compose.macmini.yml';
const onMini = (service: string, port: number, line: number): Binding => deploy(service, port, COMPOSE, line, { host: 'mac-mini' });

/** The classes of head's findings against base's, as `class: message` lines. */
function compare(rule: Rule, base: Parameters<typeof model>[0], head: Parameters<typeof model>[0]) {
  const before = run(rule, model(base));
  const after = run(rule, model(head));
  const c = classify(after, before);
  const show = (fs: Finding[]) => fs.map((f) => f.message);
  return { new: show(c.new), existing: show(c.existing), fixed: show(c.fixed), before, after };
}

describe('fingerprints through the baseline compare', () => {
  it('a service joining an existing collision changes that finding: existing, nothing fixed, nothing new', () => {
    const base = { bindings: [onMini('mana-auth', 3001, 10), onMini('grafana', 3001, 20)] };
    const head = { bindings: [...base.bindings, onMini('presi-server', 3001, 30)] };
    const c = compare(collisionSameHost, base, head);
    expect(c.before.map((f) => f.message)).toEqual(['Port `3001` of `mana-auth` collides with `grafana` on host `mac-mini`; expected one service per port on a host.']);
    expect(c.existing).toEqual(['Port `3001` of `presi-server` collides with `grafana` and `mana-auth` on host `mac-mini`; expected one service per port on a host.']);
    expect(c.new).toEqual([]);
    expect(c.fixed).toEqual([]);
  });

  it('a service leaving a collision of three keeps the finding; the last one leaving fixes it', () => {
    const three = { bindings: [onMini('mana-auth', 3001, 10), onMini('grafana', 3001, 20), onMini('presi-server', 3001, 30)] };
    const two = { bindings: [onMini('mana-auth', 3001, 10), onMini('grafana', 3001, 20)] };
    const left = compare(collisionSameHost, three, two);
    expect([left.new, left.existing.length, left.fixed]).toEqual([[], 1, []]);
    const gone = compare(collisionSameHost, two, { bindings: [onMini('mana-auth', 3001, 10), onMini('grafana', 3002, 20)] });
    expect([gone.new, gone.existing, gone.fixed.length]).toEqual([[], [], 1]);
  });

  it('a collision on another port, or on another host, is a new finding', () => {
    const base = { bindings: [onMini('mana-auth', 3001, 10), onMini('grafana', 3001, 20)] };
    const otherPort = compare(collisionSameHost, base, { bindings: [...base.bindings, onMini('a', 3005, 30), onMini('b', 3005, 31)] });
    expect([otherPort.new.length, otherPort.existing.length, otherPort.fixed]).toEqual([1, 1, []]);
    const otherHost = compare(collisionSameHost, base, {
      bindings: [...base.bindings, deploy('a', 3001, 'docker-compose.yml', 5, { host: 'windows-gpu-server' }), deploy('b', 3001, 'docker-compose.yml', 6, { host: 'windows-gpu-server' })],
    });
    expect([otherHost.new.length, otherHost.existing.length, otherHost.fixed]).toEqual([1, 1, []]);
  });

  it('a third service claiming a duplicated plan port keeps the registry/duplicate-port finding', () => {
    const sections = (rows: ReturnType<typeof row>[]) => ({ registry: registry({ sections: [section('3000-3099', 'Core', 1, rows)] }) });
    const c = compare(
      registryDuplicatePort,
      sections([row('3001', 'mana-auth', 3), row('3001', 'mana-credits', 4)]),
      sections([row('3001', 'mana-auth', 3), row('3001', 'mana-credits', 4), row('3001', 'mana-sync', 5)]),
    );
    expect([c.new, c.existing.length, c.fixed]).toEqual([[], 1, []]);
  });

  it('a deploy file joining a drift with yet another port keeps the drift/deploy finding', () => {
    const base = { bindings: [deploy('mana-sync', 3050, 'docker-compose.yml', 12, { network: 'container', via: 'PORT' }), deploy('mana-sync', 3010, 'services/mana-sync/Dockerfile', 9, { network: 'container', via: 'EXPOSE', source: 'dockerfile' })] };
    const head = { bindings: [...base.bindings, deploy('mana-sync', 3011, 'docker-compose.yml', 14, { network: 'container', via: 'expose' })] };
    const c = compare(driftDeploy, base, head);
    expect(c.before).toHaveLength(1);
    expect([c.new, c.existing.length, c.fixed]).toEqual([[], 1, []]);
  });

  it('the registry or the code moving while the doc stays wrong keeps the doc drift findings', () => {
    const reg = (port: number) => registry({ actual: [actual('mana-sync', port, 26)] });
    const fromRegistry = compare(docRegistryDrift, { registry: reg(3050), bindings: [doc('mana-sync', 3010, 5)] }, { registry: reg(3051), bindings: [doc('mana-sync', 3010, 5)] });
    expect([fromRegistry.new, fromRegistry.existing.length, fromRegistry.fixed]).toEqual([[], 1, []]);
    const fromCode = compare(driftDocVsSource, { bindings: [doc('mana-stt', 3021, 3), source('mana-stt', 3020, 14)] }, { bindings: [doc('mana-stt', 3021, 3), source('mana-stt', 3022, 14)] });
    expect([fromCode.new, fromCode.existing.length, fromCode.fixed]).toEqual([[], 1, []]);
    // The doc itself changing to another wrong port is another statement: a new finding, the old one fixed.
    const docMoved = compare(driftDocVsSource, { bindings: [doc('mana-stt', 3021, 3), source('mana-stt', 3020, 14)] }, { bindings: [doc('mana-stt', 3023, 3), source('mana-stt', 3020, 14)] });
    expect([docMoved.new.length, docMoved.existing, docMoved.fixed.length]).toEqual([1, [], 1]);
  });

  it("the registry's entry drifting further keeps registry/actual-drift and registry/plan-drift", () => {
    const actualDrift = compare(
      registryActualDrift,
      { registry: registry({ actual: [actual('mana-sync', 3050, 26)] }), bindings: [onMini('mana-sync', 3051, 10)] },
      { registry: registry({ actual: [actual('mana-sync', 3050, 26)] }), bindings: [onMini('mana-sync', 3052, 10)] },
    );
    expect([actualDrift.new, actualDrift.existing.length, actualDrift.fixed]).toEqual([[], 1, []]);
    const planned = (real: number) => ({ registry: registry({ sections: [section('3000-3099', 'Core', 1, [row('3002', 'mana-credits', 3)])], actual: [actual('mana-credits', real, 20)] }) });
    const planDrift = compare(registryPlanDrift, planned(3061), planned(3062));
    expect([planDrift.new, planDrift.existing.length, planDrift.fixed]).toEqual([[], 1, []]);
  });

  it('a CLAUDE.md added without a port keeps doc/missing-port; one that declares the port fixes it', () => {
    const added = compare(docMissingPort, { serviceDirs: [dir('mana-sync', false)] }, { serviceDirs: [dir('mana-sync')] });
    expect(added.before.map((f) => f.message)).toEqual(['`services/mana-sync` has no CLAUDE.md, so `mana-sync` documents no port; expected a CLAUDE.md with a line such as `## Port: NNNN`.']);
    expect([added.new, added.existing, added.fixed]).toEqual([[], ['`services/mana-sync/CLAUDE.md` declares no port for `mana-sync`; expected a line such as `## Port: NNNN`.'], []]);
    const declared = compare(docMissingPort, { serviceDirs: [dir('mana-sync')] }, { serviceDirs: [dir('mana-sync')], bindings: [doc('mana-sync', 3050, 3)] });
    expect([declared.new, declared.existing, declared.fixed.length]).toEqual([[], [], 1]);
  });
});
