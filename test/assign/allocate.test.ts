import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, describeSkip, EPHEMERAL, type AllocationInput, type Claim } from '../../src/assign/allocate.js';
import { sectionRange, sectionTitled } from '../../src/assign/registry-edit.js';
import { PLAN_HOST, type Binding } from '../../src/core/statements.js';
import { seedRegistry, seedText, usesOver as usesIndex } from './seed.js';

function binding(service: string, port: number, host: string, extra: Partial<Binding> = {}): Binding {
  const location = { file: 'x', line: 1, column: 1, endLine: 1, endColumn: 2 };
  return { service, port, host, kind: host === PLAN_HOST ? 'registry-plan' : 'deploy', role: host === PLAN_HOST ? 'plan' : 'listen', source: 't', label: 'test', strength: 'declaration', location, ...extra };
}

describe.skipIf(!seedText)('allocation on the seed registry alone', () => {
  const doc = seedRegistry();
  const usesOf = usesIndex([...doc.plan, ...doc.actual]);

  it('gives 3027 in 3020-3029: 3020-3024 are planned, 3025 and 3026 are really bound on the GPU box', () => {
    const result = allocate({ service: 'mana-foo', range: { start: 3020, end: 3029 }, usesOf });
    expect(result.port).toBe(3027);
    expect(result.skipped.map((s) => s.port)).toEqual([3020, 3021, 3022, 3023, 3024, 3025, 3026]);
    expect(describeSkip(result.skipped[5]!)).toBe('3025: used by `mana-llm` on host `windows-gpu-server` (`docs/PORT_SCHEMA.md:15:15`)');
  });

  it('gives 3041 in "App Compute Servers": its reserved row is the pool, 3030-3040 are taken', () => {
    const range = sectionRange(sectionTitled(doc, 'App Compute Servers')!)!;
    expect(range).toEqual({ start: 3030, end: 3059 });
    const result = allocate({ service: 'mana-foo', range, usesOf });
    expect(result.port).toBe(3041);
    expect(result.skipped).toHaveLength(11);
  });
});

describe('allocation', () => {
  const usesOf = usesIndex([binding('a', 3000, PLAN_HOST), binding('b', 3001, 'gpu'), binding('c', 3002, 'dev', { network: 'container' })]);

  it('skips a port used on any host and passes over a container-internal port', () => {
    const result = allocate({ service: 'new', range: { start: 3000, end: 3009 }, usesOf });
    expect(result.port).toBe(3002);
    expect(result.skipped.map((s) => [s.port, s.reason.kind])).toEqual([
      [3000, 'used'],
      [3001, 'used'],
    ]);
  });

  it('per host, a use on another host does not block but the plan does', () => {
    const perHost: AllocationInput = { service: 'new', range: { start: 3000, end: 3009 }, usesOf, uniqueness: 'per-host', host: 'mac-mini' };
    expect(allocate(perHost).port).toBe(3001);
    expect(allocate({ ...perHost, host: 'gpu' }).port).toBe(3002);
  });

  it('skips ports other open pull requests claim, naming them', () => {
    const claims: Claim[] = [{ port: 3002, pr: 7, service: 'other' }];
    const result = allocate({ service: 'new', range: { start: 3000, end: 3009 }, usesOf, claims });
    expect(result.port).toBe(3003);
    expect(describeSkip(result.skipped[2]!)).toBe('3002: claimed by pull request #7 (`other`)');
  });

  it('never blocks a port with the service\'s own statements or claims', () => {
    const own = usesIndex([binding('new', 3000, 'dev')]);
    expect(allocate({ service: 'new', range: { start: 3000, end: 3001 }, usesOf: own, claims: [{ port: 3000, pr: 3, service: 'new' }] }).port).toBe(3000);
  });

  it('skips the deny list and stops at the ephemeral range', () => {
    const deny = [{ start: 3000, end: 3004 }];
    expect(allocate({ service: 'new', range: { start: 3000, end: 3009 }, usesOf, deny }).port).toBe(3005);
    const high = allocate({ service: 'new', range: { start: 49150, end: 49200 }, usesOf: usesIndex([binding('x', 49150, 'dev'), binding('y', 49151, 'dev')]) });
    expect(high.port).toBeUndefined();
    expect(high.skipped.map((s) => s.reason.kind)).toEqual(['used', 'used', 'ephemeral']);
    expect(describeSkip(high.skipped[2]!)).toBe('49152-65535: the ephemeral range 49152-65535 is never assigned');
  });

  it('returns no port and every candidate when the range is full', () => {
    const result = allocate({ service: 'new', range: { start: 3000, end: 3001 }, usesOf });
    expect(result.port).toBeUndefined();
    expect(result.skipped).toHaveLength(2);
  });
});

describe('allocation properties', () => {
  const arbBinding = fc.record({ service: fc.constantFrom('a', 'b', 'c', 'new'), port: fc.integer({ min: 2990, max: 3030 }), host: fc.constantFrom(PLAN_HOST, 'dev', 'gpu'), container: fc.boolean() });
  const arbInput = fc.record({
    bindings: fc.array(arbBinding, { maxLength: 40 }),
    claims: fc.array(fc.record({ port: fc.integer({ min: 2990, max: 3030 }), pr: fc.nat(99), service: fc.constantFrom('a', 'new') }), { maxLength: 5 }),
    deny: fc.array(fc.record({ start: fc.integer({ min: 2990, max: 3030 }), len: fc.nat(3) }), { maxLength: 3 }),
    start: fc.integer({ min: 2995, max: 3010 }),
    len: fc.nat(20),
    perHost: fc.boolean(),
  });

  it('the port is the lowest in the range that nothing blocks, and every port below it is skipped with a reason that holds', () => {
    fc.assert(
      fc.property(arbInput, (x) => {
        const bindings = x.bindings.map((b) => binding(b.service, b.port, b.host, b.container ? { network: 'container' } : {}));
        const deny = x.deny.map((d) => ({ start: d.start, end: d.start + d.len }));
        const input: AllocationInput = { service: 'new', range: { start: x.start, end: x.start + x.len }, usesOf: usesIndex(bindings), claims: x.claims, deny, ...(x.perHost ? { uniqueness: 'per-host', host: 'dev' } : {}) };
        const blocked = (p: number) =>
          deny.some((d) => p >= d.start && p <= d.end) ||
          x.claims.some((c) => c.port === p && c.service !== 'new') ||
          bindings.some((b) => b.port === p && b.service !== 'new' && b.network !== 'container' && (!x.perHost || b.host === PLAN_HOST || b.host === 'dev'));
        const result = allocate(input);
        const free = [];
        for (let p = input.range.start; p <= input.range.end; p++) if (!blocked(p)) free.push(p);
        expect(result.port).toBe(free[0]);
        const last = result.port ?? input.range.end + 1;
        expect(result.skipped.map((s) => s.port)).toEqual(Array.from({ length: last - input.range.start }, (_, i) => input.range.start + i));
        for (const s of result.skipped) expect(blocked(s.port)).toBe(true);
      }),
    );
  });

  it('never assigns an ephemeral port', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 65535 }), fc.nat(200), (start, len) => {
        const result = allocate({ service: 'n', range: { start, end: Math.min(65535, start + len) }, usesOf: () => [] });
        if (result.port !== undefined) expect(result.port < EPHEMERAL.start).toBe(true);
        else expect(start + 0 >= EPHEMERAL.start || result.skipped.at(-1)?.reason.kind === 'ephemeral').toBe(true);
      }),
    );
  });
});
