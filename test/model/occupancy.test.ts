import { describe, expect, it } from 'vitest';
import { holdsHostPort, occupancy } from '../../src/model/occupancy.js';
import { actual, binding, composeEnv, deploy, direct, doc, dockerfile, model, notDeployed, plan, source } from '../rules/model-builder.js';

const COMPOSE = 'docker-compose.macmini.yml';

describe('holdsHostPort', () => {
  it('counts claims on a machine: a process listening, a published port, the real ports, a doc declaration', () => {
    expect(holdsHostPort(source('mana-sync', 3050, 3))).toBe(true);
    expect(holdsHostPort(deploy('mana-sync', 3051, COMPOSE, 10, { host: 'mac-mini', containerPort: 3050 }))).toBe(true);
    expect(holdsHostPort(direct('mana-stt', 3020, 'scripts/run-stt.sh', 3))).toBe(true);
    expect(holdsHostPort(actual('mana-sync', 3050, 26))).toBe(true);
    expect(holdsHostPort(doc('mana-sync', 3050, 5))).toBe(true);
  });

  it('does not count a port inside a container, the plan, "not deployed", or a doc that only mentions a port', () => {
    expect(holdsHostPort(dockerfile('mana-sync', 3050, 'services/mana-sync/Dockerfile', 4))).toBe(false);
    expect(holdsHostPort(composeEnv('mana-sync', 3050, COMPOSE, 12, { host: 'mac-mini' }))).toBe(false);
    expect(holdsHostPort(source('mana-sync', 3050, 3, { network: 'container' }))).toBe(false);
    expect(holdsHostPort(plan('mana-sync', 3050, 20))).toBe(false);
    expect(holdsHostPort(notDeployed('mana-sync', 3050, 30))).toBe(false);
    expect(holdsHostPort(doc('mana-sync', 3050, 5, { strength: 'support', via: 'env table PORT' }))).toBe(false);
    expect(holdsHostPort(doc('mana-sync', 3050, 5, { strength: 'weak', via: 'diagram' }))).toBe(false);
  });

  it("counts a doc's supporting and weak mentions as evidence when asked for mentions, and still nothing inside a container or in the plan", () => {
    expect(holdsHostPort(doc('mana-sync', 3050, 5, { strength: 'support', via: 'env table PORT' }), 'mentions')).toBe(true);
    expect(holdsHostPort(doc('mana-sync', 3050, 5, { strength: 'weak', via: 'diagram' }), 'mentions')).toBe(true);
    expect(holdsHostPort(dockerfile('mana-sync', 3050, 'services/mana-sync/Dockerfile', 4), 'mentions')).toBe(false);
    expect(holdsHostPort(plan('mana-sync', 3050, 20), 'mentions')).toBe(false);
  });
});

describe('occupancy', () => {
  const sync = source('mana-sync', 3050, 3);
  const voice = deploy('mana-voice-bot', 3050, 'docker-compose.yml', 7, { containerPort: 3000 });
  const image = dockerfile('mana-voice-bot', 3000, 'services/mana-voice-bot/Dockerfile', 2);
  const registryEntry = actual('mana-sync', 3050, 26);
  const planned = plan('mana-llm', 3050, 20);
  const parked = notDeployed('mana-tts', 3050, 31);
  const mention = doc('mana-events', 3050, 9, { strength: 'weak', via: 'diagram' });
  const m = model({ bindings: [sync, voice, image, registryEntry, planned, parked, mention] });

  it('lists the holders of a port on a host in model order, and no one on a host where nothing holds it', () => {
    const held = occupancy(m);
    expect(held.holders('dev', 3050)).toEqual([sync, voice]);
    expect(held.holders('mac-mini', 3050)).toEqual([registryEntry]);
    expect(held.holders('dev', 3000)).toEqual([]);
    expect(held.holders('windows-gpu-server', 3050)).toEqual([]);
    expect([...held.portsOn('dev')]).toEqual([3050]);
    expect([...held.portsOn('nowhere')]).toEqual([]);
  });

  it('lists every use of a port anywhere, the plan and "not deployed" included, but not a port inside a container', () => {
    const held = occupancy(m);
    expect(held.usesOf(3050)).toEqual([sync, voice, registryEntry, planned, parked, mention]);
    // 3000 is only the container side of a mapping and an image's EXPOSE: free on every host.
    expect(held.usesOf(3000)).toEqual([]);
    expect(held.usesOf(3999)).toEqual([]);
  });

  it('tells whether another service holds the port at a place, by canonical name', () => {
    const held = occupancy(model({ bindings: [sync, doc('sync', 3050, 5)], aliases: { sync: 'mana-sync' } }));
    expect(held.takenByOther('dev', 3050, 'mana-sync')).toBe(false);
    expect(held.takenByOther('dev', 3050, 'mana-auth')).toBe(true);
    expect(held.takenByOther('dev', 3051, 'mana-auth')).toBe(false);
  });

  it('keeps an independent compose project apart from the shared host, while portsOn spans both', () => {
    const shared = source('mana-sync', 8000, 3);
    const django = { ...deploy('django/web', 8000, 'django/compose.yaml', 4, { containerPort: 8000 }), scope: 'django', project: 'django' };
    const flask = { ...deploy('flask/web', 5000, 'flask/compose.yaml', 4, { containerPort: 5000 }), scope: 'flask', project: 'flask' };
    const held = occupancy(model({ bindings: [shared, django, flask] }));
    expect(held.holders('dev', 8000)).toEqual([shared]);
    expect(held.holders('dev', 8000, 'django')).toEqual([django]);
    expect(held.holders('dev', 5000)).toEqual([]);
    expect(held.holders('dev', 5000, 'flask')).toEqual([flask]);
    expect([...held.portsAt('dev')]).toEqual([8000]);
    expect([...held.portsAt('dev', 'flask')]).toEqual([5000]);
    expect([...held.portsOn('dev')].sort()).toEqual([5000, 8000]);
    expect(held.takenByOther('dev', 8000, 'mana-sync')).toBe(false);
    expect(held.takenByOther('dev', 8000, 'mana-sync', 'django')).toBe(true);
  });

  it('groups by host then port for the port map, with mentions only when asked', () => {
    const claims = occupancy(m).byHost;
    expect([...claims.keys()]).toEqual(['dev', 'mac-mini']);
    expect(claims.get('dev')!.get(3050)).toEqual([sync, voice]);
    const mentions = occupancy(m, 'mentions').byHost;
    expect(mentions.get('dev')!.get(3050)).toEqual([sync, voice, mention]);
  });

  it('is built once per model, and again when the model has changed', () => {
    const fresh = model({ bindings: [sync] });
    const first = occupancy(fresh);
    expect(occupancy(fresh)).toBe(first);
    expect(occupancy(fresh, 'mentions')).not.toBe(first);
    fresh.bindings.push(binding('mana-auth', 3001));
    const second = occupancy(fresh);
    expect(second).not.toBe(first);
    expect(second.holders('dev', 3001).map((b) => b.service)).toEqual(['mana-auth']);
  });
});
