import { describe, expect, it } from 'vitest';
import { registryDuplicatePort } from '../../src/rules/registry-duplicate-port.js';
import { registryOutOfRange } from '../../src/rules/registry-out-of-range.js';
import { registryPrincipleLastDigits } from '../../src/rules/registry-principle-last-digits.js';
import { registryRangeOverlap } from '../../src/rules/registry-range-overlap.js';
import { REGISTRY, at, fingerprints, model, registry, row, run, section, shiftLines } from './model-builder.js';
import { seedRegistry } from './seed-registry.js';

describe('registry/range-overlap', () => {
  it('reports the seed overlap 5000-5059 / 5050-5059 on the later heading, with the earlier as evidence', () => {
    const findings = run(registryRangeOverlap, model({ registry: seedRegistry() }));
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f!.severity).toBe('warning');
    expect(f!.message).toBe(
      'Range `5050-5059` (Playground/Dev Tools) overlaps range `5000-5059` (Web Frontends (SvelteKit)) on ports 5050-5059; expected every range heading to cover its own ports.',
    );
    expect(f!.location).toEqual(at(REGISTRY, 143, 1, 3 + 11 + 'Playground/Dev Tools'.length));
    expect(f!.related).toEqual([{ location: at(REGISTRY, 116, 1, 3 + 11 + 'Web Frontends (SvelteKit)'.length), message: 'range 5000-5059 is declared here' }]);
    expect(f!.url).toBe('https://github.com/portwarden/portwarden/blob/main/docs/rules/registry-range-overlap.md');
  });

  it('says "port N" when two ranges share a single port', () => {
    const m = model({ registry: registry({ sections: [section('3000-3010', 'A', 1), section('3010-3019', 'B', 5)] }) });
    expect(run(registryRangeOverlap, m)[0]!.message).toContain('on port 3010;');
  });

  it('ignores adjacent ranges and sections without a range', () => {
    const m = model({ registry: registry({ sections: [section('3000-3009', 'A', 1), section('3010-3019', 'B', 5), section(undefined, 'SearXNG', 9)] }) });
    expect(run(registryRangeOverlap, m)).toEqual([]);
    expect(run(registryRangeOverlap, model())).toEqual([]);
  });

  it('keeps its fingerprint when the headings move', () => {
    const m = model({ registry: seedRegistry() });
    expect(fingerprints(run(registryRangeOverlap, shiftLines(m, 7)))).toEqual(fingerprints(run(registryRangeOverlap, m)));
  });
});

describe('registry/out-of-range', () => {
  it('reports 5432 and 6379 under 9000-9199 and 4400 under 4000-4099, not the range-less SearXNG section', () => {
    const findings = run(registryOutOfRange, model({ registry: seedRegistry() }));
    expect(findings.map((f) => f.message)).toEqual([
      "Port `4400` of `landings` lies outside its section's range `4000-4099` (Misc); expected a port in 4000-4099 or a section whose range covers it.",
      "Port `5432` of `postgres` lies outside its section's range `9000-9199` (Infrastructure & Exporters); expected a port in 9000-9199 or a section whose range covers it.",
      "Port `6379` of `redis` lies outside its section's range `9000-9199` (Infrastructure & Exporters); expected a port in 9000-9199 or a section whose range covers it.",
    ]);
    const postgres = findings[1]!;
    expect(postgres.severity).toBe('warning');
    expect(postgres.location).toEqual(at(REGISTRY, 167, 3, 4));
    expect(postgres.related).toEqual([{ location: at(REGISTRY, 163, 1, 3 + 11 + 'Infrastructure & Exporters'.length), message: "the section's range 9000-9199 is declared here" }]);
  });

  it('accepts rows inside their range, including a reserved range at the edge', () => {
    const m = model({ registry: registry({ sections: [section('3000-3009', 'Core', 1, [row('3000', 'a', 3), row('3006-3009', undefined, 4)])] }) });
    expect(run(registryOutOfRange, m)).toEqual([]);
  });

  it('reports a reserved row that spills over the range', () => {
    const m = model({ registry: registry({ sections: [section('3000-3009', 'Core', 1, [row('3008-3012', undefined, 4)])] }) });
    expect(run(registryOutOfRange, m)[0]!.message).toMatch(/^Ports `3008-3012` of a reserved row lie outside/);
  });

  it('keeps fingerprints when rows move', () => {
    const m = model({ registry: seedRegistry() });
    expect(fingerprints(run(registryOutOfRange, shiftLines(m, 3)))).toEqual(fingerprints(run(registryOutOfRange, m)));
  });
});

describe('registry/duplicate-port', () => {
  it('finds nothing in the seed: every planned port is assigned once', () => {
    expect(run(registryDuplicatePort, model({ registry: seedRegistry() }))).toEqual([]);
  });

  it('reports a port planned for two services on the later row, naming the earlier one', () => {
    const m = model({ registry: registry({ sections: [section('3000-3009', 'Core', 1, [row('3001', 'mana-auth', 3)]), section('3010-3019', 'Infra', 6, [row('3001', 'mana-sso', 8)])] }) });
    const [f, ...rest] = run(registryDuplicatePort, m);
    expect(rest).toEqual([]);
    expect(f!.severity).toBe('error');
    expect(f!.message).toBe('Port `3001` of `mana-sso` is already assigned to `mana-auth` in the plan; expected every port to be assigned exactly once.');
    expect(f!.location).toEqual(at(REGISTRY, 8, 3, 4));
    expect(f!.related).toEqual([{ location: at(REGISTRY, 3, 3, 4), message: '`mana-auth` is assigned 3001 here' }]);
  });

  it('reports a service assigned a port inside a reserved row of another table', () => {
    const m = model({ registry: registry({ sections: [section('3000-3009', 'Core', 1, [row('3006-3009', undefined, 3)]), section(undefined, 'Other', 6, [row('3007', 'stray', 8)])] }) });
    const [f] = run(registryDuplicatePort, m);
    expect(f!.message).toBe('Port `3007` of `stray` lies inside the reserved range `3006-3009`; expected a free port or the reservation to be narrowed.');
    expect(f!.related[0]!.location).toEqual(at(REGISTRY, 3, 3, 9));
  });

  it('does not count one service listed with the same port twice, or aliases of one service', () => {
    const m = model({
      aliases: { 'mana-core-auth': 'mana-auth' },
      registry: registry({ sections: [section('3000-3009', 'Core', 1, [row('3001', 'mana-auth', 3), row('3001', 'mana-core-auth', 4)])] }),
    });
    expect(run(registryDuplicatePort, m)).toEqual([]);
  });
});

describe('registry/principle-last-digits', () => {
  it('reports 5010 -> 3030 ("10" vs "30") as a notice, with the corresponding cell as evidence', () => {
    const findings = run(registryPrincipleLastDigits, model({ registry: seedRegistry() }));
    expect(findings.map((f) => f.location.line)).toEqual([121, 127]);
    const [f] = findings;
    expect(f!.severity).toBe('notice');
    expect(f!.message).toBe(
      'Frontend `chat-web` on `5010` corresponds to `chat-server` on `3030`, but their last two digits differ ("10" vs "30"); expected `5030` to match the backend where possible.',
    );
    expect(f!.related).toEqual([{ location: at(REGISTRY, 121, 10, 16), message: 'the corresponding backend 3030 is named here' }]);
  });

  it('accepts matching last digits and rows the column does not link', () => {
    const linked = row('5030', 'chat-web', 5, { correspondsTo: { port: 3030, service: 'chat-server', location: at(REGISTRY, 5, 10, 4) } });
    const m = model({ registry: registry({ sections: [section('5000-5099', 'Web', 1, [linked, row('5013', 'clock-web', 6)])] }) });
    expect(run(registryPrincipleLastDigits, m)).toEqual([]);
  });

  it('ignores correspondences outside 50xx/30xx', () => {
    const linked = row('5110', 'game-web', 5, { correspondsTo: { port: 3030, location: at(REGISTRY, 5, 10, 4) } });
    const m = model({ registry: registry({ sections: [section('5100-5199', 'Games', 1, [linked])] }) });
    expect(run(registryPrincipleLastDigits, m)).toEqual([]);
  });
});
