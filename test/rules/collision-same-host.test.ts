import { describe, expect, it } from 'vitest';
import { collisionSameHost } from '../../src/rules/collision-same-host.js';
import { actual, at, binding, deploy, direct, doc, dockerfile, fingerprints, model, notDeployed, run, shiftLines, source } from './model-builder.js';
import { seedRegistry } from './seed-registry.js';

describe('collision/same-host', () => {
  it('finds no collision in the seed: 3023 on mac-mini and on windows-gpu-server, 3021 only in the plan', () => {
    expect(run(collisionSameHost, model({ registry: seedRegistry() }))).toEqual([]);
  });

  it('reports two dev source defaults on one port as a warning, the later service as subject', () => {
    const m = model({ bindings: [source('mana-voice-bot', 3050, 12), deploy('mana-sync', 3050, 'docker-compose.yml', 40, { host: 'dev' })] });
    const [f, ...rest] = run(collisionSameHost, m);
    expect(rest).toEqual([]);
    expect(f!.severity).toBe('warning');
    expect(f!.message).toBe('Port `3050` of `mana-voice-bot` collides with `mana-sync` on host `dev`; expected one service per port on a host.');
    expect(f!.location).toEqual(at('services/mana-voice-bot/src/config.ts', 12, 20, 4));
    expect(f!.related).toEqual([{ location: at('docker-compose.yml', 40, 10, 4), message: '`mana-sync` binds 3050 here (compose `ports`)' }]);
  });

  it('reports a collision on a named host as an error and lists every service and binding involved', () => {
    const m = model({
      bindings: [
        actual('mana-notify', 3040, 25),
        deploy('presi-server', 3040, 'docker-compose.macmini.yml', 80, { host: 'mac-mini' }),
        deploy('mana-notify', 3040, 'docker-compose.macmini.yml', 60, { host: 'mac-mini' }),
        deploy('glitchtip', 3040, 'docker-compose.macmini.yml', 90, { host: 'mac-mini' }),
      ],
    });
    const [f, ...rest] = run(collisionSameHost, m);
    expect(rest).toEqual([]);
    expect(f!.severity).toBe('error');
    expect(f!.message).toBe('Port `3040` of `presi-server` collides with `glitchtip` and `mana-notify` on host `mac-mini`; expected one service per port on a host.');
    // Related evidence is in location order: compose file first, then the registry.
    expect(f!.related.map((r) => r.message)).toEqual([
      '`mana-notify` binds 3040 here (compose `ports`)',
      '`glitchtip` binds 3040 here (compose `ports`)',
      '`mana-notify` binds 3040 here (registry actual)',
    ]);
  });

  it('ignores container-scoped ports, weak doc mentions, the plan and "Not deployed"', () => {
    const m = model({
      bindings: [
        source('mana-sync', 3050, 3),
        dockerfile('mana-voice-bot', 3050, 'services/mana-voice-bot/Dockerfile', 4),
        doc('mana-events', 3050, 5, { strength: 'weak', via: 'diagram' }),
        binding('mana-media', 3050, { kind: 'registry-plan', host: 'plan', source: 'registry' }),
        notDeployed('mana-llm', 3050, 9),
      ],
    });
    expect(run(collisionSameHost, m)).toEqual([]);
  });

  it('does not let one service collide with itself across statements', () => {
    const m = model({ bindings: [source('mana-sync', 3050, 3), doc('mana-sync', 3050, 7), direct('mana-sync', 3050, 'scripts/dev.sh', 2)] });
    expect(run(collisionSameHost, m)).toEqual([]);
  });

  it('keeps its fingerprint when lines move', () => {
    const m = model({ bindings: [source('a', 3050, 12), source('b', 3050, 40)] });
    expect(fingerprints(run(collisionSameHost, shiftLines(m, 5)))).toEqual(fingerprints(run(collisionSameHost, m)));
  });
});
