import { describe, expect, it } from 'vitest';
import { envoyExtractor, isEnvoyConfig } from '../../../src/extract/deploy/envoy.js';
import { deployExtractors } from '../../../src/extract/deploy/index.js';
import { covered, refs, run, summary } from './helpers.js';

const ENVOY = `static_resources:
  listeners:
    - address:
        socket_address:
          address: "\${ENVOY_ADDR}"
          port_value: \${ENVOY_PORT}
      filter_chains: []
  clusters:
    - name: frontend
      load_assignment:
        cluster_name: frontend
        endpoints:
          - lb_endpoints:
              - endpoint:
                  address:
                    socket_address:
                      address: \${FRONTEND_HOST}
                      port_value: \${FRONTEND_PORT}
    - name: collector
      load_assignment:
        endpoints:
          - lb_endpoints:
              - endpoint:
                  address:
                    socket_address: { address: otel-collector, port_value: 4317 }
              - endpoint:
                  address:
                    socket_address: { address: 127.0.0.1, port_value: 4318 }
    - name: unset
      load_assignment:
        endpoints:
          - lb_endpoints:
              - endpoint:
                  address:
                    socket_address:
                      address: \${UNSET_HOST}
                      port_value: \${UNSET_PORT}
admin:
  address:
    socket_address:
      address: 0.0.0.0
      port_value: 10000
`;

const ENV = { ENVOY_ADDR: '0.0.0.0', ENVOY_PORT: '8080', FRONTEND_HOST: 'frontend', FRONTEND_PORT: '8080' };

describe('Envoy extractor', () => {
  it('reads Envoy configs by path, and only those', () => {
    for (const path of ['envoy.yaml', 'src/frontend-proxy/envoy.tmpl.yaml', 'deploy/front-envoy.yml', 'envoy/config.yaml', 'proxy/envoy.yaml.template']) expect(isEnvoyConfig(path), path).toBe(true);
    for (const path of ['config.yaml', 'envoy.json', 'docs/envoy.md', 'compose.yaml']) expect(isEnvoyConfig(path), path).toBe(false);
    expect(deployExtractors.filter((e) => e.accepts('src/frontend-proxy/envoy.tmpl.yaml')).map((e) => e.id)).toContain('envoy');
  });

  it('binds listeners and the admin address to the proxy, inside its container', async () => {
    const x = await run(envoyExtractor, 'src/frontend-proxy/envoy.tmpl.yaml', ENVOY, { service: 'frontend-proxy', known: ['frontend-proxy'], env: ENV });
    expect(summary(x)).toEqual(['frontend-proxy:8080@dev/container listen address', 'frontend-proxy:10000@dev/container listen address']);
    // A value from .env spans the `${...}` that stands for it; a port written in the file, its digits.
    expect(covered(ENVOY, x.bindings[0]!.location)).toBe('${ENVOY_PORT}');
    expect(covered(ENVOY, x.bindings[1]!.location)).toBe('10000');
    expect(x.problems).toEqual([]);
  });

  it('reads cluster endpoints as references, names on the container network, and nothing from unset variables', async () => {
    const x = await run(envoyExtractor, 'src/frontend-proxy/envoy.tmpl.yaml', ENVOY, { service: 'frontend-proxy', known: ['frontend-proxy'], env: ENV });
    expect(refs(x)).toEqual(['url frontend:8080 (container)', 'url otel-collector:4317 (container)', 'url 127.0.0.1:4318']);
    expect(x.references.every((r) => r.fromService === 'frontend-proxy' && r.source === 'envoy')).toBe(true);
    expect(x.references[1]!.location).toMatchObject({ line: 25 });
  });

  it('reports a port_value that is no port', async () => {
    const text = 'static_resources:\n  listeners:\n    - address:\n        socket_address: { address: 0.0.0.0, port_value: 99999 }\n';
    const x = await run(envoyExtractor, 'envoy.yaml', text, { known: ['envoy'] });
    expect(x.bindings).toEqual([]);
    expect(x.problems.map((p) => [p.ruleId, p.location.line])).toEqual([['input/invalid-port', 4]]);
  });
});
