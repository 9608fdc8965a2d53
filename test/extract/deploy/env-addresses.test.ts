import { describe, expect, it } from 'vitest';
import { composeExtractor } from '../../../src/extract/deploy/compose.js';
import { dockerfileExtractor } from '../../../src/extract/deploy/dockerfile.js';
import { dotenvExtractor } from '../../../src/extract/deploy/dotenv.js';
import { prometheusExtractor } from '../../../src/extract/deploy/prometheus.js';
import { addressRole } from '../../../src/extract/address-keys.js';
import { covered, refs, run, summary } from './helpers.js';

const COMPOSE = `services:
  kafka:
    image: apache/kafka:3.9.0
    environment:
      - KAFKA_LISTENERS=PLAINTEXT://0.0.0.0:9092,CONTROLLER://:9093
      - KAFKA_ADVERTISED_LISTENERS=PLAINTEXT://kafka:9092
      - KAFKA_CONTROLLER_QUORUM_VOTERS=1@kafka:9093
  api:
    hostname: api-host
    networks:
      default:
        aliases: [api-alias]
    environment:
      GUNICORN_BIND: "0.0.0.0:8000"
      ADDRESS: "[::]:8001"
      OTEL_EXPORTER_OTLP_ENDPOINT: http://0.0.0.0:4317
      CORS_ORIGINS: http://localhost:3000,http://localhost:5173
      ALLOWED_HOSTS: "web:3000"
      WEBAUTHN_RP_ORIGIN: https://app.example.com:8443
      OAUTH_REDIRECT_URI: http://localhost:3000/callback
      PUBLIC_URL: http://api-alias:8000
      BROKER: kafka:9092
      IMAGE: redis:7
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost:8000/health"]
  web:
    container_name: web-app
    environment:
      API_URL: http://api-host:8000
      API_ADDR: api-alias:8000
`;

describe('setting names: listen addresses and allow lists', () => {
  it('reads listen and allow words in any case and separator', () => {
    for (const name of ['KAFKA_LISTENERS', 'KAFKA_ADVERTISED_LISTENERS', 'GUNICORN_BIND', 'LISTEN_ADDR', 'HTTP_LISTEN_ADDRESS', 'BIND_ADDR', 'listenAddress', 'bind-address'])
      expect(addressRole(name), name).toBe('listen');
    for (const name of ['CORS_ORIGINS', 'ALLOWED_HOSTS', 'TRUSTED_ORIGINS', 'WEBAUTHN_RP_ID', 'RP_ID', 'rpOrigin', 'CSP_CONNECT_SRC', 'OAUTH_REDIRECT_URI', 'callbackUrl', 'allowedOrigins', 'ORIGIN', 'EXPECTED_ORIGIN'])
      expect(addressRole(name), name).toBe('allow');
    for (const name of ['API_URL', 'DATABASE_URL', 'FLASK_SERVER_ADDR', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'RPC_URL', 'SOURCE_URL', 'API_ORIGIN', 'BACKEND_ORIGIN']) expect(addressRole(name), name).toBeUndefined();
  });
});

describe('compose environment addresses', () => {
  it('binds listen addresses and wildcard addresses as the service’s own ports, inside the container', async () => {
    const x = await run(composeExtractor, 'compose.yaml', COMPOSE);
    expect(summary({ ...x, bindings: x.bindings.filter((b) => b.via === 'listen address') })).toEqual([
      'kafka:9092@dev/container listen address',
      'kafka:9093@dev/container listen address',
      'kafka:9092@dev/container listen address',
      'api:8000@dev/container listen address',
      'api:8001@dev/container listen address',
    ]);
    const [first, second] = x.bindings;
    expect(covered(COMPOSE, first!.location)).toBe('9092');
    expect(first!.location).toMatchObject({ line: 5, column: 45 });
    expect(covered(COMPOSE, second!.location)).toBe('9093');
    expect(second!.location.line).toBe(5);
    expect(x.problems).toEqual([]);
  });

  it('reads no reference from listen addresses, wildcard URLs or allow lists', async () => {
    const x = await run(composeExtractor, 'compose.yaml', COMPOSE);
    // Lines 5-6 are listener lists; 7 names the controller quorum, itself included.
    expect(x.references.filter((r) => r.location.line < 7)).toEqual([]);
    const targets = x.references.map((r) => `${r.target}:${r.port}`);
    for (const none of ['0.0.0.0:4317', 'localhost:3000', 'localhost:5173', 'web:3000', 'app.example.com:8443', 'redis:7']) expect(targets).not.toContain(none);
  });

  it('resolves names on the compose network (key, hostname, container_name, aliases) to their service, and marks its own', async () => {
    const x = await run(composeExtractor, 'compose.yaml', COMPOSE);
    expect(x.references.map((r) => `${r.fromService} ${r.kind} ${r.target}:${r.port} → ${r.targetService ?? '?'}${r.containerNetwork ? ' (container)' : ''}${r.self ? ' self' : ''}`)).toEqual([
      'kafka env-var kafka:9093 → kafka (container) self',
      'api env-var api-alias:8000 → api (container) self',
      'api env-var kafka:9092 → kafka (container)',
      'api healthcheck localhost:8000 → api (container) self',
      'web env-var api-host:8000 → api (container)',
      'web env-var api-alias:8000 → api (container)',
    ]);
    expect(x.bindings.find((b) => b.service === 'api')!.names).toEqual(['api', 'api-host', 'api-alias']);
  });

  it('reports a variable with no value in a listen address where the port should be', async () => {
    const text = 'services:\n  kafka:\n    environment:\n      KAFKA_LISTENERS: PLAINTEXT://kafka:${KAFKA_PORT}\n';
    const x = await run(composeExtractor, 'compose.yaml', text);
    expect(x.bindings).toEqual([]);
    expect(x.problems.map((p) => p.ruleId)).toEqual(['input/unresolved-variable']);
    expect(covered(text, x.problems[0]!.location)).toBe('${KAFKA_PORT}');
    const set = await run(composeExtractor, 'compose.yaml', text, { env: { KAFKA_PORT: '9092' } });
    expect(summary(set)).toEqual(['kafka:9092@dev/container listen address']);
  });
});

describe('.env and Dockerfile ENV addresses', () => {
  it('binds a service’s listen addresses in its .env and skips its allow lists', async () => {
    const text = 'KAFKA_LISTENERS=PLAINTEXT://127.0.0.1:9092\nCORS_ORIGINS="http://localhost:3000 http://localhost:3001"\nAUTH_URL=http://localhost:3061\nBIND=0.0.0.0:8080\n';
    const x = await run(dotenvExtractor, 'services/queue/.env', text, { service: 'queue', known: ['queue'] });
    expect(summary(x)).toEqual(['queue:9092@dev/host listen address', 'queue:8080@dev/host listen address']);
    expect(refs(x)).toEqual(['env-var localhost:3061']);
  });

  it('binds a Dockerfile ENV listen address inside the container; other ENV URLs are not read', async () => {
    const text = 'FROM python:3.12\nENV GUNICORN_BIND=0.0.0.0:8000 API_URL=http://backend:9000\nEXPOSE 8000\n';
    const x = await run(dockerfileExtractor, 'services/web/Dockerfile', text, { service: 'web', known: ['web'] });
    expect(summary(x)).toEqual(['web:8000@dev/container listen address', 'web:8000@dev/container EXPOSE']);
    expect(x.references).toEqual([]);
  });
});

describe('compose health checks without a scheme', () => {
  it('reads `curl localhost:9200/health` as the service itself, never a URL twice or a host:port inside a URL', async () => {
    const text = `services:
  es:
    healthcheck:
      test: ["CMD-SHELL", "curl --silent --fail localhost:9200/_cluster/health || curl http://localhost:9201/ || wget 127.0.0.1:9202"]
  host-net:
    network_mode: host
    healthcheck:
      test: curl localhost:9300
`;
    const x = await run(composeExtractor, 'compose.yaml', text);
    expect(x.references.map((r) => `${r.fromService} ${r.target}:${r.port}${r.self ? ' self' : ''}`)).toEqual(['es localhost:9201 self', 'es localhost:9200 self', 'es 127.0.0.1:9202 self']);
    expect(covered(text, x.references[1]!.location)).toBe('9200');
  });
});

describe('Dockerfile HEALTHCHECK', () => {
  it('marks a health check of localhost as the image’s own service, and one of another host as not', async () => {
    const text = 'FROM node:22\nEXPOSE 3000\nHEALTHCHECK CMD curl -f http://localhost:3000/health && curl -f http://auth:3001/health\n';
    const x = await run(dockerfileExtractor, 'services/web/Dockerfile', text, { service: 'web', known: ['web'] });
    expect(x.references.map((r) => `${r.target}:${r.port}${r.self ? ' self' : ''}`)).toEqual(['localhost:3000 self', 'auth:3001']);
  });
});

describe('Prometheus probe targets', () => {
  it('reads URLs as new URL does and a host with a path by its host: no port, no problem; the exporter a probe job scrapes is a target', async () => {
    const text = `scrape_configs:
  - job_name: blackbox
    metrics_path: /probe
    static_configs:
      - targets:
          - https://example.com/chat
          - https://example.com:443/
          - example.com/health
          - http://mana-auth:3001/health
          - mana-sync:3050/metrics
          - localhost:3000.5
    relabel_configs:
      - source_labels: [__address__]
        target_label: __param_target
      - target_label: __address__
        replacement: blackbox-exporter:9115
      - target_label: __address__
        replacement: $1:9115
`;
    const x = await run(prometheusExtractor, 'prometheus.yml', text);
    expect(refs(x)).toEqual(['scrape-target mana-auth:3001 (container)', 'scrape-target mana-sync:3050 (container)', 'scrape-target blackbox-exporter:9115 (container)']);
    expect(x.problems.map((p) => [p.ruleId, p.location.line])).toEqual([['input/invalid-port', 11]]);
  });
});
