/**
 * In deploy text (YAML, env files, Dockerfiles) a port is ASCII decimal digits and nothing else:
 * `3_000`, fullwidth `３０００` and `3000.5` are reported, never read as 3 or 3000.
 */
import { describe, expect, it } from 'vitest';
import { cloudflaredExtractor } from '../../../src/extract/deploy/cloudflared.js';
import { dockerfileExtractor } from '../../../src/extract/deploy/dockerfile.js';
import { dotenvExtractor } from '../../../src/extract/deploy/dotenv.js';
import { prometheusExtractor } from '../../../src/extract/deploy/prometheus.js';
import type { Extraction } from '../../../src/core/statements.js';
import { run } from './helpers.js';

/** Ports read, and what each problem says the value is. */
const seen = (x: Extraction) => ({
  ports: [...x.bindings.map((b) => b.port), ...x.references.map((r) => r.port)],
  problems: x.problems.map((p) => `${p.location.line}:${p.location.column} ${p.message.replace(/^.*: it /, '').replace(/; expected.*$/, '')}`),
});

describe('deploy text reads ports as ASCII digits', () => {
  it('a Prometheus target localhost:3000.5 is not 3000', async () => {
    const text = 'scrape_configs:\n  - job_name: api\n    static_configs:\n      - targets: ["localhost:3000.5", "localhost:3_001", "localhost:3002"]\n';
    expect(seen(await run(prometheusExtractor, 'prometheus.yml', text))).toEqual({
      ports: [3002],
      problems: ['4:30 is a number with a fraction, not a whole number', '4:50 is a number with `_` separators, which text does not allow'],
    });
  });

  it('a tunnel service http://localhost:3000.5 is not 3000', async () => {
    const text = 'ingress:\n  - hostname: a.example.com\n    service: http://localhost:3000.5\n  - service: http://localhost:３０６５\n  - service: http://localhost:3065\n';
    const x = seen(await run(cloudflaredExtractor, 'cloudflared.yml', text, { host: 'mac-mini' }));
    expect(x.ports).toEqual([3065]);
    expect(x.problems).toEqual(['3:31 is a number with a fraction, not a whole number', '4:31 is 4 digits that are not ASCII 0-9']);
  });

  it('PORT=3_000 and fullwidth digits in an env file are reported, not read as 3', async () => {
    expect(seen(await run(dotenvExtractor, 'services/a/.env', 'PORT=3_000\n', { service: 'a' }))).toEqual({ ports: [], problems: ['1:6 is a number with `_` separators, which text does not allow'] });
    expect(seen(await run(dotenvExtractor, 'services/a/.env', 'PORT=３０００\n', { service: 'a' }))).toEqual({ ports: [], problems: ['1:6 is 4 digits that are not ASCII 0-9'] });
  });

  it('EXPOSE 3_000 is reported; EXPOSE 3000 binds', async () => {
    const x = seen(await run(dockerfileExtractor, 'services/a/Dockerfile', 'FROM node:20\nEXPOSE 3_000 3000\n', { service: 'a' }));
    expect(x).toEqual({ ports: [3000], problems: ['2:8 is a number with `_` separators, which text does not allow'] });
  });
});
