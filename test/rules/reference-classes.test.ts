/**
 * False-positive classes of references, each on a tiny repository on disk, checked end to end:
 * self-references, bind addresses, allow lists, compose names and probe targets.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/engine.js';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'pw-references-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

async function findings(files: Record<string, string>): Promise<string[]> {
  const result = await check({ root: tree(files) });
  // No registry: these repositories are judged by their deploy files alone.
  return result.findings.filter((f) => f.ruleId !== 'input/missing-registry').map((f) => `${f.location.file}:${f.location.line} ${f.severity} ${f.ruleId}: ${f.message}`);
}

describe('self-references', () => {
  it('a health check of localhost in a service with no known port is nobody else’s port', async () => {
    const compose = `services:
  opamp:
    image: example/opamp
    healthcheck:
      test: ["CMD", "wget", "--spider", "http://localhost:4321/"]
`;
    expect(await findings({ 'compose.yaml': compose })).toEqual([]);
  });

  it('its own URL in its own environment agrees with its own port, and says so when it does not', async () => {
    const compose = `services:
  api:
    hostname: api-host
    ports: ["8080:8000"]
    environment:
      PUBLIC_URL: http://api-host:8000
      SELF_CHECK: http://api:8001/health
    healthcheck:
      test: curl -f http://localhost:8000/health
`;
    expect(await findings({ 'compose.yaml': compose })).toEqual([
      "compose.yaml:7 warning stale-reference: `api:8001` is `api`'s own address (its environment), but `api` binds `8000` (compose.yaml); expected it to use a port the service listens on.",
    ]);
  });

  it('two services’ health checks of localhost are each checked against their own service', async () => {
    const compose = `services:
  a:
    expose: ["3000"]
    healthcheck:
      test: curl http://localhost:3000
  b:
    expose: ["4000"]
    healthcheck:
      test: curl http://localhost:3000
`;
    const out = await findings({ 'compose.yaml': compose });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^compose\.yaml:9 warning stale-reference: `localhost:3000` is `b`'s own address \(its health check\), but `b` binds `4000`/);
  });
});

describe('bind addresses are bindings', () => {
  it('a Kafka listener list makes the ports another service calls', async () => {
    const compose = `services:
  kafka:
    image: apache/kafka
    environment:
      KAFKA_LISTENERS: PLAINTEXT://0.0.0.0:9092,CONTROLLER://:9093
      KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://kafka:9092
  checkout:
    image: example/checkout
    environment:
      KAFKA_ADDR: kafka:9092
      KAFKA_URL: kafka://kafka:9094
`;
    expect(await findings({ 'compose.yaml': compose })).toEqual([
      'compose.yaml:11 error stale-reference: `kafka:9094` expects `kafka` at port `9094` on host `dev`, but it binds `9092` or `9093` there (compose.yaml); expected the reference to use the port the service binds.',
    ]);
  });
});

describe('listen addresses beside the app port', () => {
  it('an admin listener is one more port the service answers on, no disagreement with its mapping', async () => {
    const compose = `services:
  proxy:
    image: envoyproxy/envoy
    ports: ["8080:8080"]
    environment:
      ADMIN_LISTEN_ADDR: 0.0.0.0:9901
  web:
    image: example/web
    environment:
      PROXY_ADMIN_URL: http://proxy:9901/stats
      PROXY_URL: http://proxy:8081
`;
    expect(await findings({ 'compose.yaml': compose })).toEqual([
      'compose.yaml:11 error stale-reference: `proxy:8081` expects `proxy` at port `8081` on host `dev`, but it binds `8080` or `9901` there (compose.yaml); expected the reference to use the port the service binds.',
    ]);
  });
});

describe('allow lists are not references', () => {
  it('CORS origins, redirect URIs and WebAuthn origins in .env and compose name no service to check', async () => {
    const env = 'CORS_ORIGINS=http://localhost:3999,http://localhost:5173\nOAUTH_REDIRECT_URI=http://localhost:4999/callback\nWEBAUTHN_RP_ORIGIN=http://localhost:6999\nAPI_URL=http://localhost:7999\n';
    const compose = `services:
  web:
    ports: ["3000:3000"]
    environment:
      TRUSTED_ORIGINS: http://localhost:8999
`;
    const out = await findings({ '.env': env, 'compose.yaml': compose });
    expect(out.map((f) => f.split(' ')[0])).toEqual(['.env:4']);
    expect(out[0]).toContain('`localhost:7999`');
  });
});

describe('compose names resolve to their service', () => {
  it('a Prometheus target by container_name or alias is compared with that service’s container port', async () => {
    const compose = `services:
  sync:
    container_name: mana-sync-app
    networks:
      default:
        aliases: [sync-alias]
    expose: ["3050"]
  prometheus:
    image: prom/prometheus
    ports: ["9090:9090"]
`;
    const prometheus = `scrape_configs:
  - job_name: sync
    static_configs:
      - targets: ["mana-sync-app:3050", "sync-alias:3050", "sync-alias:3051"]
  - job_name: probes
    metrics_path: /probe
    static_configs:
      - targets: ["https://example.com/chat", "https://status.example.com:443/"]
`;
    expect(await findings({ 'compose.yaml': compose, 'prometheus/prometheus.yml': prometheus })).toEqual([
      'prometheus/prometheus.yml:4 error stale-reference: `sync-alias:3051` expects `sync` at port `3051` on host `dev`, but it binds `3050` there (compose.yaml); expected the reference to use the port the service binds.',
    ]);
  });
});

describe('nginx and Envoy upstreams are references', () => {
  it('an upstream server or proxy_pass at a port the service does not bind is stale; the right port is not', async () => {
    const compose = `services:
  proxy:
    image: nginx
    ports: ["80:80"]
    volumes: ["./proxy/nginx.conf:/etc/nginx/conf.d/default.conf:ro"]
  backend:
    build: ./backend
    expose: ["8000"]
  front-envoy:
    image: envoyproxy/envoy
    volumes: ["./envoy/envoy.yaml:/etc/envoy/envoy.yaml:ro"]
`;
    const nginx = `upstream app {
  server backend:8000;
  server backend:8001;
}
server {
  listen 80;
  location / { proxy_pass http://app; }
  location /direct { proxy_pass http://backend:8000/; }
}
`;
    const envoy = `static_resources:
  listeners:
    - address: { socket_address: { address: 0.0.0.0, port_value: 10000 } }
  clusters:
    - name: backend
      load_assignment:
        endpoints:
          - lb_endpoints:
              - endpoint: { address: { socket_address: { address: backend, port_value: 9000 } } }
`;
    const out = await findings({ 'compose.yaml': compose, 'proxy/nginx.conf': nginx, 'envoy/envoy.yaml': envoy });
    expect(out).toEqual([
      'envoy/envoy.yaml:9 error stale-reference: `backend:9000` expects `backend` at port `9000` on host `dev`, but it binds `8000` there (compose.yaml); expected the reference to use the port the service binds.',
      'proxy/nginx.conf:3 error stale-reference: `backend:8001` expects `backend` at port `8001` on host `dev`, but it binds `8000` there (compose.yaml); expected the reference to use the port the service binds.',
    ]);
  });
});
