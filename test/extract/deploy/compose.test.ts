import { describe, expect, it } from 'vitest';
import { composeExtractor } from '../../../src/extract/deploy/compose.js';
import { covered, fixture, refs, run, summary } from './helpers.js';

const PATH = 'docker-compose.macmini.yml';
const KNOWN = ['mana-auth', 'mana-sync', 'mana-credits'];

describe('compose extractor', () => {
  it('binds only the host side of 3041:3000 on the host, the container side in the container', async () => {
    const text = fixture(PATH);
    const x = await run(composeExtractor, PATH, text, { host: 'mac-mini', known: KNOWN });
    const auth = x.bindings.filter((b) => b.service === 'mana-auth');
    expect(summary({ ...x, bindings: auth })).toEqual([
      'mana-auth:3041->3000@mac-mini/host ports',
      'mana-auth:3000@mac-mini/container ports (container)',
      'mana-auth:9229->9229@mac-mini/host ports',
      'mana-auth:9229@mac-mini/container ports (container)',
      'mana-auth:3000@mac-mini/container environment PORT',
    ]);
    expect(auth[0]!.location).toMatchObject({ line: 11, column: 10, endLine: 11, endColumn: 14 });
    expect(auth[1]!.location).toMatchObject({ line: 11, column: 15, endColumn: 19 });
    expect(covered(text, auth[2]!.location)).toBe('9229');
    expect(auth[2]!.location.column).toBe(20);
  });

  it('names the service from container_name when the key is not a known service', async () => {
    const x = await run(composeExtractor, PATH, fixture(PATH), { host: 'mac-mini', known: KNOWN });
    expect(new Set(x.bindings.map((b) => b.service))).toEqual(new Set(['mana-auth', 'mana-sync', 'postgres']));
  });

  it('reads long syntax, ranges, list environment with a default, expose and Traefik labels', async () => {
    const text = fixture(PATH);
    const x = await run(composeExtractor, PATH, text, { host: 'mac-mini', known: KNOWN });
    expect(summary({ ...x, bindings: x.bindings.filter((b) => b.service !== 'mana-auth') })).toEqual([
      'mana-sync:3050->3050@mac-mini/host ports',
      'mana-sync:3050@mac-mini/container ports (container)',
      'mana-sync:9000->9000@mac-mini/host ports',
      'mana-sync:9001->9001@mac-mini/host ports',
      'mana-sync:9000@mac-mini/container ports (container)',
      'mana-sync:9001@mac-mini/container ports (container)',
      'mana-sync:9100@mac-mini/container expose',
      'mana-sync:3050@mac-mini/container environment PORT',
      'mana-sync:3050@mac-mini/container traefik label',
      // `- 3001` alone publishes an ephemeral host port, as Docker does: only the container side binds.
      'postgres:3001@mac-mini/container ports (container)',
    ]);
    const envPort = x.bindings.find((b) => b.via === 'environment PORT' && b.service === 'mana-sync')!;
    expect(covered(text, envPort.location)).toBe('3050');
    expect(envPort.location).toMatchObject({ line: 28, column: 27, endColumn: 31 });
    expect(x.problems).toEqual([]);
  });

  it('reads URL values (also through a merge key, once at the anchor) and health checks as references', async () => {
    const x = await run(composeExtractor, PATH, fixture(PATH), { host: 'mac-mini', known: KNOWN });
    expect(refs(x)).toEqual([
      'env-var mana-sync:3050 (container)',
      // A single-label name seen from a container is a name on its compose network (another file may define it).
      'env-var mana-credits:3061 (container)',
      'healthcheck localhost:3000 (container)',
      'env-var postgres:5432 (container)',
      'env-var api.example.com:8443',
    ]);
    expect(x.references.every((r) => r.host === 'mac-mini')).toBe(true);
    expect(x.references[0]!.location.line).toBe(4);
  });

  it('resolves ${SYNC_PORT:-3050} from the root .env before the default', async () => {
    const x = await run(composeExtractor, PATH, fixture(PATH), { host: 'mac-mini', known: KNOWN, env: { SYNC_PORT: '3055' } });
    const envPort = x.bindings.find((b) => b.via === 'environment PORT' && b.service === 'mana-sync')!;
    expect(envPort.port).toBe(3055);
    // The value lives in .env; the span is the whole expression a reader would change.
    expect(envPort.location).toMatchObject({ line: 28, column: 14, endColumn: 32 });
  });

  it('reports an unresolvable variable instead of a binding', async () => {
    const text = 'services:\n  api:\n    environment:\n      PORT: ${API_PORT}\n    ports: ["${API_PORT}:3000"]\n';
    const x = await run(composeExtractor, 'compose.yaml', text, { service: undefined });
    expect(summary(x)).toEqual(['api:3000@dev/container ports (container)']);
    expect(x.problems.map((p) => [p.ruleId, p.location.line, p.location.column])).toEqual([
      ['input/unresolved-variable', 5, 14],
      ['input/unresolved-variable', 4, 13],
    ]);
    expect(x.problems[0]!.message).toContain('API_PORT');
    const withEnv = await run(composeExtractor, 'compose.yaml', text, { env: { API_PORT: '3333' } });
    expect(summary(withEnv)).toEqual(['api:3333->3000@dev/host ports', 'api:3000@dev/container ports (container)', 'api:3333@dev/container environment PORT']);
  });

  it('reads environment as a map and as a list alike', async () => {
    const map = await run(composeExtractor, 'compose.yml', "services:\n  a:\n    environment:\n      PORT: '3001'\n");
    const list = await run(composeExtractor, 'compose.yml', 'services:\n  a:\n    environment:\n      - PORT=3001\n');
    expect(summary(map)).toEqual(['a:3001@dev/container environment PORT']);
    expect(summary(list)).toEqual(summary(map));
    expect(map.bindings[0]!.location).toMatchObject({ line: 4, column: 14, endColumn: 18 });
    expect(list.bindings[0]!.location).toMatchObject({ line: 4, column: 14, endColumn: 18 });
  });

  it('reports invalid ports at their digits and keeps the rest', async () => {
    const text = "services:\n  a:\n    ports: ['70000:3000', 'abc']\n    expose: [3002]\n";
    const x = await run(composeExtractor, 'compose.yml', text);
    expect(x.problems.map((p) => [p.ruleId, p.location.column, p.location.endColumn])).toEqual([
      ['input/invalid-port', 14, 19],
      ['input/invalid-port', 28, 31],
    ]);
    expect(summary(x)).toEqual(['a:3000@dev/container ports (container)', 'a:3002@dev/container expose']);
  });

  it('treats container ports as host ports under network_mode: host', async () => {
    const x = await run(composeExtractor, 'compose.yml', 'services:\n  a:\n    network_mode: host\n    environment: { PORT: 3009 }\n');
    expect(summary(x)).toEqual(['a:3009@dev/host environment PORT']);
  });

  it('reports broken YAML with the parser line and never throws', async () => {
    const x = await run(composeExtractor, 'compose.broken.yml', fixture('compose.broken.yml'));
    expect(x.bindings).toEqual([]);
    expect(x.problems.length).toBeGreaterThan(0);
    expect(x.problems.every((p) => p.ruleId === 'input/invalid-yaml')).toBe(true);
    expect(x.problems[0]!.location.line).toBeGreaterThanOrEqual(5);
  });

  it('accepts compose file names only', () => {
    expect(['docker-compose.yml', 'a/compose.prod.yaml', 'docker-compose.macmini.yml', 'compose.json', 'x/prometheus.yml'].map((p) => composeExtractor.accepts(p))).toEqual([true, true, true, false, false]);
  });
});
