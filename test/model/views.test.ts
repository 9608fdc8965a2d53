import { describe, expect, it } from 'vitest';
import { bindingsOf, listenPort, views } from '../../src/model/views.js';
import { actual, composeEnv, deploy, direct, doc, dockerfile, dir, model, registry, source } from '../rules/model-builder.js';

const COMPOSE = 'docker-compose.macmini.yml';

describe('listenPort', () => {
  it('reads the port a process listens on from what a deploy statement says, not from its format', () => {
    expect(listenPort(dockerfile('mana-sync', 3050, 'services/mana-sync/Dockerfile', 4))).toBe(3050);
    expect(listenPort(composeEnv('mana-sync', 3050, COMPOSE, 12))).toBe(3050);
    expect(listenPort(deploy('mana-sync', 3051, COMPOSE, 10, { containerPort: 3050 }))).toBe(3050);
    expect(listenPort(direct('mana-stt', 3020, 'scripts/run-stt.sh', 3))).toBe(3020);
  });

  it('gives nothing for a container statement on the host network without a container side, nor for docs and code', () => {
    expect(listenPort(deploy('mana-sync', 3051, COMPOSE, 10))).toBeUndefined();
    expect(listenPort(composeEnv('mana-sync', 3050, COMPOSE, 12, { network: 'host' }))).toBeUndefined();
    expect(listenPort(source('mana-sync', 3050, 3))).toBeUndefined();
    expect(listenPort(doc('mana-sync', 3050, 5))).toBeUndefined();
  });
});

describe('views', () => {
  it('indexes bindings and real ports by canonical service, in model order', () => {
    const entry = actual('sync', 3050, 26);
    const code = source('mana-sync', 3050, 3);
    const m = model({ registry: registry({ actual: [entry] }), bindings: [code], serviceDirs: [dir('sync')], aliases: { sync: 'mana-sync' } });
    expect(bindingsOf(m, 'mana-sync')).toEqual([entry, code]);
    expect(views(m).registryActualByService.get('mana-sync')).toEqual([entry]);
    expect([...views(m).serviceDirNames]).toEqual(['mana-sync']);
    expect(bindingsOf(m, 'mana-auth')).toEqual([]);
  });
});
