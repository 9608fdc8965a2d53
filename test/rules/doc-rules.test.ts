import { describe, expect, it } from 'vitest';
import { docMissingPort } from '../../src/rules/doc-missing-port.js';
import { docRegistryDrift } from '../../src/rules/doc-registry-drift.js';
import { driftDocVsSource } from '../../src/rules/drift-doc-vs-source.js';
import { REGISTRY, actual, at, dir, doc, fingerprints, model, notDeployed, registry, run, shiftLines, source } from './model-builder.js';

const SYNC_DOC = 'services/mana-sync/CLAUDE.md';

describe('doc/registry-drift', () => {
  it("reports a dev doc that contradicts the registry's only real port, with a fix when the doc declares once", () => {
    const m = model({ registry: registry({ actual: [actual('mana-sync', 3050, 26)] }), bindings: [doc('mana-sync', 3010, 5)] });
    const [f, ...rest] = run(docRegistryDrift, m);
    expect(rest).toEqual([]);
    expect(f!.severity).toBe('error');
    expect(f!.message).toBe("`mana-sync`'s doc declares port `3010`, but the registry lists it at `3050` (host `mac-mini`); expected the doc to match the registry.");
    expect(f!.location).toEqual(at(SYNC_DOC, 5, 10, 4));
    expect(f!.related).toEqual([{ location: at(REGISTRY, 26, 18, 4), message: '`mana-sync` binds 3050 here (registry actual)' }]);
    expect(f!.fix).toEqual({ location: at(SYNC_DOC, 5, 10, 4), text: '3050' });
  });

  it('compares with the registry entry on the doc\'s own host when there is one', () => {
    const m = model({
      registry: registry({ actual: [actual('mana-media', 3015, 21), actual('mana-media', 3011, 30, 'windows-gpu-server')] }),
      bindings: [doc('mana-media', 3015, 4, { host: 'mac-mini' }), doc('mana-media', 3012, 6, { host: 'windows-gpu-server', file: 'services/mana-media/CLAUDE.gpu.md' })],
    });
    const findings = run(docRegistryDrift, m);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain('declares port `3012`, but the registry lists it at `3011` (host `windows-gpu-server`)');
  });

  it('compares with the "Not deployed" default port when that is the only one', () => {
    const m = model({ registry: registry({ actual: [notDeployed('mana-voice-bot', 3024, 30)] }), bindings: [doc('mana-voice-bot', 3050, 3)] });
    expect(run(docRegistryDrift, m)[0]!.message).toContain('the registry lists it at `3024` (host `not-deployed`)');
  });

  it('stays silent when the registry has several real ports on other hosts, or none, or the doc agrees', () => {
    const several = model({
      registry: registry({ actual: [actual('mana-llm', 3025, 15, 'windows-gpu-server'), actual('mana-llm', 3020, 20)] }),
      bindings: [doc('mana-llm', 3099, 3)],
    });
    expect(run(docRegistryDrift, several)).toEqual([]);
    expect(run(docRegistryDrift, model({ registry: registry(), bindings: [doc('x', 3099, 3)] }))).toEqual([]);
    expect(run(docRegistryDrift, model({ registry: registry({ actual: [actual('mana-sync', 3050, 26)] }), bindings: [doc('mana-sync', 3050, 5)] }))).toEqual([]);
    expect(run(docRegistryDrift, model({ bindings: [doc('mana-sync', 3050, 5)] }))).toEqual([]);
  });

  it('ignores support and weak statements', () => {
    const m = model({ registry: registry({ actual: [actual('mana-sync', 3050, 26)] }), bindings: [doc('mana-sync', 3010, 5, { strength: 'support' }), doc('mana-sync', 3011, 9, { strength: 'weak' })] });
    expect(run(docRegistryDrift, m)).toEqual([]);
  });

  it('offers no fix when the doc declares more than once, and reports each wrong port once', () => {
    const m = model({ registry: registry({ actual: [actual('mana-sync', 3050, 26)] }), bindings: [doc('mana-sync', 3010, 5), doc('mana-sync', 3010, 40, { via: 'PORT=' })] });
    const [f, ...rest] = run(docRegistryDrift, m);
    expect(rest).toEqual([]);
    expect(f!.fix).toBeUndefined();
    expect(f!.related.map((r) => r.location.line)).toEqual([40, 26]);
  });

  it('keeps its fingerprint when lines move', () => {
    const m = model({ registry: registry({ actual: [actual('mana-sync', 3050, 26)] }), bindings: [doc('mana-sync', 3010, 5)] });
    expect(fingerprints(run(docRegistryDrift, shiftLines(m, 9)))).toEqual(fingerprints(run(docRegistryDrift, m)));
  });
});

describe('drift/doc-vs-source', () => {
  it('reports a CLAUDE.md port that differs from the source default, fixable to the default', () => {
    const m = model({ bindings: [doc('mana-stt', 3021, 3), source('mana-stt', 3020, 14, { file: 'services/mana-stt/app/main.py', source: 'python' })] });
    const [f] = run(driftDocVsSource, m);
    expect(f!.severity).toBe('error');
    expect(f!.message).toBe(
      "`mana-stt`'s doc declares port `3021`, but its source default on host `dev` is `3020` (services/mana-stt/app/main.py); expected the doc to match the code.",
    );
    expect(f!.location).toEqual(at('services/mana-stt/CLAUDE.md', 3, 10, 4));
    expect(f!.related).toEqual([{ location: at('services/mana-stt/app/main.py', 14, 20, 4), message: '`mana-stt` binds 3020 here (Python default)' }]);
    expect(f!.fix).toEqual({ location: at('services/mana-stt/CLAUDE.md', 3, 10, 4), text: '3020' });
  });

  it('treats different hosts as different statements (a production doc vs the dev default)', () => {
    const m = model({ bindings: [doc('mana-media', 3015, 3, { host: 'mac-mini' }), source('mana-media', 3011, 14)] });
    expect(run(driftDocVsSource, m)).toEqual([]);
  });

  it('accepts a doc that matches one of its defaults, and a service without a source default', () => {
    expect(run(driftDocVsSource, model({ bindings: [doc('a', 3001, 3), source('a', 3001, 4), source('a', 3002, 9, { file: 'services/a/b.ts' })] }))).toEqual([]);
    expect(run(driftDocVsSource, model({ bindings: [doc('a', 3001, 3)] }))).toEqual([]);
  });

  it('offers no fix when the defaults disagree among themselves', () => {
    const m = model({ bindings: [doc('a', 3009, 3), source('a', 3001, 4), source('a', 3002, 9, { file: 'services/a/b.ts' })] });
    const [f] = run(driftDocVsSource, m);
    expect(f!.message).toContain('is `3001` or `3002`');
    expect(f!.fix).toBeUndefined();
  });

  it('offers no fix when the default it would copy collides with another service on that host', () => {
    // mana-voice-bot's default went back to 3050, mana-sync's port: writing 3050 into the doc would record the collision.
    const m = model({ bindings: [doc('mana-voice-bot', 3024, 5), source('mana-voice-bot', 3050, 27), source('mana-sync', 3050, 18, { file: 'services/mana-sync/config.go' })] });
    const [f] = run(driftDocVsSource, m);
    expect(f!.message).toContain('is `3050`');
    expect(f!.fix).toBeUndefined();
  });

  it('keeps its fingerprint when lines move', () => {
    const m = model({ bindings: [doc('mana-stt', 3021, 3), source('mana-stt', 3020, 14)] });
    expect(fingerprints(run(driftDocVsSource, shiftLines(m, 2)))).toEqual(fingerprints(run(driftDocVsSource, m)));
  });
});

describe('doc/missing-port', () => {
  it('reports a CLAUDE.md without a port declaration at its line 1, naming the ports stated elsewhere but not weak mentions', () => {
    const m = model({ serviceDirs: [dir('mana-events')], bindings: [source('mana-events', 3065, 8), doc('mana-events', 3050, 20, { strength: 'weak' })] });
    const [f] = run(docMissingPort, m);
    expect(f!.severity).toBe('notice');
    expect(f!.message).toBe('`services/mana-events/CLAUDE.md` declares no port for `mana-events` (elsewhere it binds `3065`); expected a line such as `## Port: NNNN`.');
    expect(f!.location).toEqual({ file: 'services/mana-events/CLAUDE.md', line: 1, column: 1, endLine: 1, endColumn: 1 });
    expect(f!.related).toEqual([{ location: at('services/mana-events/src/config.ts', 8, 20, 4), message: '`mana-events` binds 3065 here (TypeScript default)' }]);
  });

  it('reports a service directory without a CLAUDE.md at the directory', () => {
    const [f] = run(docMissingPort, model({ serviceDirs: [dir('mana-video-gen', false)] }));
    expect(f!.message).toBe('`services/mana-video-gen` has no CLAUDE.md, so `mana-video-gen` documents no port; expected a CLAUDE.md with a line such as `## Port: NNNN`.');
    expect(f!.location.file).toBe('services/mana-video-gen');
    expect(f!.related).toEqual([]);
  });

  it('accepts a doc with a declaration, also under an alias', () => {
    expect(run(docMissingPort, model({ serviceDirs: [dir('mana-sync')], bindings: [doc('mana-sync', 3050, 4)] }))).toEqual([]);
    const aliased = model({ aliases: { 'sync-server': 'mana-sync' }, serviceDirs: [dir('mana-sync')], bindings: [doc('sync-server', 3050, 4)] });
    expect(run(docMissingPort, aliased)).toEqual([]);
  });
});
