import { describe, expect, it } from 'vitest';
import { staleReference } from '../../src/rules/stale-reference.js';
import { actual, at, deploy, dir, dockerfile as image, fingerprints, model, reference, registry, row, run, section, shiftLines, source } from './model-builder.js';

const ENV = 'scripts/generate-env.mjs';

describe('stale-reference', () => {
  it('reports a URL to a service at a port it no longer binds on that host, with a fix', () => {
    const m = model({
      registry: registry({ actual: [actual('mana-credits', 3061, 27)] }),
      references: [reference('mana-credits', 3002, 'docker-compose.macmini.yml', 44, { host: 'mac-mini' })],
    });
    const [f, ...rest] = run(staleReference, m);
    expect(rest).toEqual([]);
    expect(f!.severity).toBe('error');
    expect(f!.message).toBe(
      '`mana-credits:3002` expects `mana-credits` at port `3002` on host `mac-mini`, but it binds `3061` there (docs/PORT_SCHEMA.md); expected the reference to use the port the service binds.',
    );
    expect(f!.location).toEqual(at('docker-compose.macmini.yml', 44, 20, 4));
    expect(f!.related).toEqual([{ location: at('docs/PORT_SCHEMA.md', 27, 18, 4), message: '`mana-credits` binds 3061 here (registry actual)' }]);
    expect(f!.fix).toEqual({ location: at('docker-compose.macmini.yml', 44, 20, 4), text: '3061' });
  });

  it('accepts a reference matching the service on its host', () => {
    const m = model({ serviceDirs: [dir('mana-auth')], bindings: [source('mana-auth', 3001, 3)], references: [reference('mana-auth', 3001, ENV, 9)] });
    expect(run(staleReference, m)).toEqual([]);
  });

  it('compares a container-network reference with the container port, Dockerfile included', () => {
    const bindings = [
      deploy('mana-sync', 3051, 'docker-compose.macmini.yml', 10, { host: 'mac-mini', containerPort: 3050 }),
      image('mana-llm', 3020, 'services/mana-llm/Dockerfile', 4),
    ];
    const ok = model({
      bindings,
      references: [
        reference('mana-sync', 3050, 'docker-compose.macmini.yml', 30, { host: 'mac-mini', containerNetwork: true }),
        reference('mana-sync', 3051, 'docker-compose.macmini.yml', 31, { host: 'mac-mini', containerNetwork: true }),
        reference('mana-llm', 3020, 'docker-compose.macmini.yml', 32, { host: 'mac-mini', containerNetwork: true }),
      ],
    });
    expect(run(staleReference, ok)).toEqual([]);
    // Without the container network, only the host side of the mapping counts.
    const hostSide = model({ bindings, references: [reference('mana-sync', 3050, 'docker-compose.macmini.yml', 30, { host: 'mac-mini' })] });
    expect(run(staleReference, hostSide)[0]!.message).toContain('but it binds `3051` there');
  });

  it('warns when a known service binds that port nowhere, and accepts a port only the plan gives it', () => {
    const m = model({
      serviceDirs: [dir('mana-events')],
      registry: registry({ sections: [section('9000-9199', 'Infra', 1, [row('5432', 'postgres', 3)])] }),
      references: [reference('mana-events', 3065, ENV, 2), reference('postgres', 5432, ENV, 3)],
    });
    const [f, ...rest] = run(staleReference, m);
    expect(rest).toEqual([]);
    expect(f!.severity).toBe('warning');
    expect(f!.message).toBe(
      '`mana-events:3065` expects `mana-events` at port `3065`, but nothing shows `mana-events` binding 3065 on host `dev` or elsewhere; expected a binding for it.',
    );
  });

  it('accepts a loopback URL when any service binds that port on the caller host, and warns otherwise', () => {
    const m = model({
      // 3999 is bound, but on the Mac Mini: the repository knows the port, so the dev reference is a warning.
      bindings: [source('mana-auth', 3001, 3), deploy('mana-sync', 3999, 'docker-compose.macmini.yml', 4, { host: 'mac-mini' })],
      references: [reference('localhost', 3001, ENV, 5), reference('127.0.0.1', 3999, ENV, 6)],
    });
    const [f, ...rest] = run(staleReference, m);
    expect(rest).toEqual([]);
    expect(f!.severity).toBe('warning');
    expect(f!.message).toBe('`127.0.0.1:3999` expects a service at port `3999` on host `dev`, but nothing binds it there; expected a service, doc or deploy file binding it.');
  });

  it('resolves a host address (the GPU server) and checks what binds there', () => {
    const m = model({
      registry: registry({ actual: [actual('mana-stt', 3020, 12, 'windows-gpu-server')] }),
      references: [reference('192.168.178.11', 3020, ENV, 5), reference('192.168.178.11', 3021, ENV, 6)],
    });
    const findings = run(staleReference, m);
    expect(findings.map((f) => f.message)).toEqual([
      "`192.168.178.11:3021` expects a service at port `3021` on host `windows-gpu-server`, but nothing in the repository binds it: a target outside the repository's knowledge (another repository's service, an agent, a tool's default); expected a binding here only if the service is the repository's own.",
    ]);
  });

  it('ignores external targets it cannot place', () => {
    expect(run(staleReference, model({ references: [reference('api.stripe.com', 443, ENV, 5)] }))).toEqual([]);
  });

  it('groups repeated references in one file into one finding and keeps its fingerprint when lines move', () => {
    const m = model({
      bindings: [source('mana-auth', 3001, 3)],
      references: [reference('mana-auth', 3000, ENV, 5), reference('mana-auth', 3000, ENV, 9)],
    });
    const [f, ...rest] = run(staleReference, m);
    expect(rest).toEqual([]);
    expect(f!.fix).toBeUndefined();
    expect(f!.related[0]!.location.line).toBe(9);
    expect(fingerprints(run(staleReference, shiftLines(m, 6)))).toEqual(fingerprints([f!]));
  });
});

describe('stale-reference inside a container', () => {
  const dockerfile = (port: number) => image('mana-sync', port, 'services/mana-sync/Dockerfile', 4);
  const healthcheck = (port: number) =>
    reference('localhost', port, 'services/mana-sync/Dockerfile', 9, { kind: 'healthcheck', containerNetwork: true, fromService: 'mana-sync', source: 'dockerfile' });

  it("checks a health check on localhost against the service's own container port", () => {
    expect(run(staleReference, model({ bindings: [dockerfile(3050), source('mana-sync', 3010, 3)], references: [healthcheck(3050)] }))).toEqual([]);
    const [f] = run(staleReference, model({ bindings: [dockerfile(3050)], references: [healthcheck(3010)] }));
    expect(f!.severity).toBe('error');
    expect(f!.message).toContain('expects `mana-sync` at port `3010` on host `dev`, but it binds `3050` there');
    expect(f!.fix).toEqual({ location: at('services/mana-sync/Dockerfile', 9, 17, 4), text: '3050' });
  });
});
