import { describe, expect, it } from 'vitest';
import { registryActualDrift } from '../../src/rules/registry-actual-drift.js';
import { registryOrphan } from '../../src/rules/registry-orphan.js';
import { registryUnregistered } from '../../src/rules/registry-unregistered.js';
import { REGISTRY, actual, at, deploy, dir, doc, dockerfile, fingerprints, model, notDeployed, reference, registry, row, run, section, shiftLines, source } from './model-builder.js';
import { seedRegistry } from './seed-registry.js';

const COMPOSE = 'docker-compose.macmini.yml';

describe('registry/actual-drift', () => {
  it("reports a real-ports entry that the host's compose file contradicts, fixable to the deployed port", () => {
    const m = model({ registry: registry({ actual: [actual('mana-sync', 3050, 26)] }), bindings: [deploy('mana-sync', 3051, COMPOSE, 33, { host: 'mac-mini', containerPort: 3050 })] });
    const [f, ...rest] = run(registryActualDrift, m);
    expect(rest).toEqual([]);
    expect(f!.severity).toBe('warning');
    expect(f!.message).toBe(
      'The registry lists `mana-sync` at `3050` on host `mac-mini`, but its deploy files bind `3051` there (docker-compose.macmini.yml); expected the registry to match what is deployed.',
    );
    expect(f!.location).toEqual(at(REGISTRY, 26, 18, 4));
    expect(f!.related).toEqual([{ location: at(COMPOSE, 33, 10, 4), message: '`mana-sync` binds 3051 here (compose `ports`)' }]);
    expect(f!.fix).toEqual({ location: at(REGISTRY, 26, 18, 4), text: '3051' });
  });

  it('ignores container-scoped ports, other hosts and the "Not deployed" group', () => {
    const m = model({
      registry: registry({ actual: [actual('mana-sync', 3050, 26), notDeployed('mana-voice-bot', 3024, 30)] }),
      bindings: [
        dockerfile('mana-sync', 3010, 'services/mana-sync/Dockerfile', 3),
        deploy('mana-sync', 3099, 'docker-compose.yml', 3, { host: 'dev' }),
        deploy('mana-voice-bot', 3050, 'docker-compose.yml', 9, { host: 'dev' }),
      ],
    });
    expect(run(registryActualDrift, m)).toEqual([]);
  });

  it('accepts an entry that matches one of the deploy bindings', () => {
    const m = model({ registry: registry({ actual: [actual('mana-sync', 3050, 26)] }), bindings: [deploy('mana-sync', 3050, COMPOSE, 33, { host: 'mac-mini' })] });
    expect(run(registryActualDrift, m)).toEqual([]);
  });

  it('keeps its fingerprint when lines move', () => {
    const m = model({ registry: registry({ actual: [actual('mana-sync', 3050, 26)] }), bindings: [deploy('mana-sync', 3051, COMPOSE, 33, { host: 'mac-mini' })] });
    expect(fingerprints(run(registryActualDrift, shiftLines(m, 3)))).toEqual(fingerprints(run(registryActualDrift, m)));
  });
});

describe('registry/unregistered', () => {
  it('reports a service with a doc, a default and a compose port but no registry entry, on its doc first', () => {
    const m = model({
      registry: seedRegistry(),
      bindings: [deploy('mana-matrix', 3070, COMPOSE, 90, { host: 'mac-mini' }), source('mana-matrix', 3070, 4), doc('mana-matrix', 3070, 2)],
    });
    const [f, ...rest] = run(registryUnregistered, m);
    expect(rest).toEqual([]);
    expect(f!.severity).toBe('warning');
    expect(f!.message).toBe(
      '`mana-matrix` binds port `3070` but has no entry in the registry `docs/PORT_SCHEMA.md`; expected a row in a range table (and a real-ports entry once deployed).',
    );
    expect(f!.location).toEqual(at('services/mana-matrix/CLAUDE.md', 2, 10, 4));
    expect(f!.related.map((r) => r.message)).toEqual(['`mana-matrix` binds 3070 here (TypeScript default)', '`mana-matrix` binds 3070 here (compose `ports`)']);
  });

  it('accepts services in the plan or only in the real-ports list, and says nothing without a registry', () => {
    const m = model({ registry: seedRegistry(), bindings: [source('mana-events', 3065, 4), source('mana-sync', 3050, 4)] });
    expect(run(registryUnregistered, m)).toEqual([]);
    expect(run(registryUnregistered, model({ bindings: [source('mana-matrix', 3070, 4)] }))).toEqual([]);
  });

  it('keeps its fingerprint when lines move', () => {
    const m = model({ registry: seedRegistry(), bindings: [source('mana-matrix', 3070, 4)] });
    expect(fingerprints(run(registryUnregistered, shiftLines(m, 3)))).toEqual(fingerprints(run(registryUnregistered, m)));
  });
});

describe('registry/orphan', () => {
  const small = () =>
    registry({
      sections: [section('3000-3009', 'Core', 1, [row('3001', 'mana-auth', 3), row('3002', 'mana-legacy', 4), row('3006-3009', undefined, 5)])],
      actual: [actual('mana-auth', 3001, 20), actual('mana-legacy', 3062, 21)],
    });

  it('reports a registry entry the repository does not know, with all its entries as evidence', () => {
    const m = model({ registry: small(), serviceDirs: [dir('mana-auth')] });
    const [f, ...rest] = run(registryOrphan, m);
    expect(rest).toEqual([]);
    expect(f!.severity).toBe('notice');
    expect(f!.message).toBe(
      'The registry lists `mana-legacy` (plan `3002`, `3062` on `mac-mini`), but the repository has no service directory, binding or reference for it; expected the entry to name an existing service, or to be removed.',
    );
    expect(f!.location).toEqual(at(REGISTRY, 4, 3, 4));
    expect(f!.related).toEqual([{ location: at(REGISTRY, 21, 18, 4), message: '`mana-legacy` binds 3062 here (registry actual)' }]);
  });

  it('knows services from bindings and references outside the registry, not only from directories', () => {
    const m = model({ registry: small(), bindings: [source('mana-auth', 3001, 3)], references: [reference('mana-legacy', 3062, 'prometheus.yml', 4, { host: 'mac-mini' })] });
    expect(run(registryOrphan, m)).toEqual([]);
  });

  it('stays silent for a registry alone (no service dirs, no other bindings)', () => {
    expect(run(registryOrphan, model({ registry: seedRegistry() }))).toEqual([]);
  });

  it('keeps its fingerprint when lines move', () => {
    const m = model({ registry: small(), serviceDirs: [dir('mana-auth')] });
    expect(fingerprints(run(registryOrphan, shiftLines(m, 3)))).toEqual(fingerprints(run(registryOrphan, m)));
  });
});
