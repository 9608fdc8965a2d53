import { describe, expect, it } from 'vitest';
import { cloudflaredExtractor } from '../../../src/extract/deploy/cloudflared.js';
import { prometheusExtractor } from '../../../src/extract/deploy/prometheus.js';
import { covered, fixture, refs, run } from './helpers.js';

describe('cloudflared extractor', () => {
  const path = 'deploy/cloudflared/config.yml';

  it('reads ingress services as tunnel references on the file host', async () => {
    const text = fixture(path);
    const x = await run(cloudflaredExtractor, path, text, { host: 'mac-mini' });
    expect(refs(x)).toEqual(['tunnel localhost:3020', 'tunnel 192.168.178.11:3015']);
    expect(x.references.map((r) => [r.host, r.source])).toEqual([
      ['mac-mini', 'cloudflared'],
      ['mac-mini', 'cloudflared'],
    ]);
    expect(x.references[0]!.location).toMatchObject({ line: 5, column: 31, endLine: 5, endColumn: 35 });
    expect(covered(text, x.references[1]!.location)).toBe('3015');
    expect(x.problems).toEqual([]);
  });

  it('falls back to the developer machine and reports broken YAML', async () => {
    const ok = await run(cloudflaredExtractor, 'cloudflared.yml', 'ingress:\n  - service: http://localhost:3065\n');
    expect(ok.references[0]!.host).toBe('dev');
    const broken = await run(cloudflaredExtractor, 'cloudflared.yml', 'ingress:\n  - service: "http://localhost:3065\n');
    expect(broken.references).toEqual([]);
    expect(broken.problems[0]!.ruleId).toBe('input/invalid-yaml');
  });

  it('accepts tunnel config paths', () => {
    expect(['cloudflared/a.yml', 'x/cloudflared-prod.yaml', 'config.yml', 'docker-compose.yml'].map((p) => cloudflaredExtractor.accepts(p))).toEqual([true, true, true, false]);
  });
});

describe('prometheus extractor', () => {
  const path = 'docker/prometheus/prometheus.yml';

  it('reads static targets; names are container-network targets, addresses and localhost are not', async () => {
    const text = fixture(path);
    const x = await run(prometheusExtractor, path, text);
    expect(refs(x)).toEqual(['scrape-target mana-sync:3050 (container)', 'scrape-target 192.168.178.11:3025', 'scrape-target localhost:9100']);
    expect(x.references[0]!.location).toMatchObject({ line: 6, column: 30, endColumn: 34 });
    expect(covered(text, x.references[1]!.location)).toBe('3025');
  });

  it('reports a target port of 70000 at its digits', async () => {
    const text = fixture(path);
    const x = await run(prometheusExtractor, path, text);
    expect(x.problems.map((p) => [p.ruleId, p.location.line, p.location.column])).toEqual([['input/invalid-port', 11, 34]]);
    expect(x.problems[0]!.message).toContain('is a 5-digit number above 65535');
    expect(x.problems[0]!.message).not.toContain('70000');
  });
});
