import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseRegistry } from '../../src/extract/registry/index.js';
import { HostModel } from '../../src/core/hosts.js';
import { ServiceIndex } from '../../src/core/services.js';
import type { ProjectModel } from '../../src/model/project.js';
import { allRules } from '../../src/rules/index.js';
import { runRules } from '../../src/rules/rule.js';
import { ruleUrl } from '../../src/core/finding.js';
import { SHARED_DIR, needsShared } from '../support/shared.js';

const docs = readFileSync(fileURLToPath(new URL('../../docs/rules.md', import.meta.url)), 'utf8');
const SEED = join(SHARED_DIR, 'seed/PORT_SCHEMA.md');

describe('allRules', () => {
  it('holds every rule once, each with a `## <rule id>` heading in docs/rules.md and a page its URL links to', () => {
    const ids = allRules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(14);
    const headings = [...docs.matchAll(/^## (\S+)$/gm)].map((m) => m[1]!);
    // Rule headings, plus the input problems and internal findings documented after them.
    expect(headings.filter((h) => !/^(input|internal)\//.test(h)).sort()).toEqual([...ids].sort());
    for (const rule of allRules) {
      // Each rule's own page: docs/rules/<id with the slash as a hyphen>.md.
      expect(rule.meta.docs).toBe(ruleUrl(rule.meta.id));
      expect(rule.meta.docs.endsWith(`/docs/rules/${rule.meta.id.replace('/', '-')}.md`)).toBe(true);
    }
  });

  it('produces nothing on an empty repository', () => {
    const empty: ProjectModel = { registryPath: 'docs/PORT_SCHEMA.md', serviceDirs: [], bindings: [], references: [], hosts: new HostModel(), services: new ServiceIndex(), problems: [], suppressions: [] };
    expect(runRules(allRules, empty)).toEqual([]);
  });
});

describe('allRules on the seed registry, parsed by the real parser', needsShared('seed/PORT_SCHEMA.md'), () => {
  const run = () => {
    const services = new ServiceIndex();
    const { doc } = parseRegistry('docs/PORT_SCHEMA.md', readFileSync(SEED, 'utf8'), services);
    const hosts = new HostModel(doc.hosts);
    const model: ProjectModel = { registry: doc, registryPath: doc.path, serviceDirs: [], bindings: [...doc.plan, ...doc.actual], references: [], hosts, services, problems: [], suppressions: [] };
    return runRules(allRules, model);
  };

  it('reports the overlap, the out-of-range rows and plan drift as notices, and no collision (3023 is on two hosts)', () => {
    const findings = run();
    const byRule = (id: string) => findings.filter((f) => f.ruleId === id);
    expect(byRule('registry/range-overlap').map((f) => f.location.line)).toEqual([143]);
    expect(byRule('registry/out-of-range').map((f) => f.location.line)).toEqual([114, 167, 168]);
    expect(byRule('collision/same-host')).toEqual([]);
    expect(byRule('registry/duplicate-port')).toEqual([]);
    expect(byRule('registry/orphan')).toEqual([]);
    const drift = byRule('registry/plan-drift');
    expect(drift.every((f) => f.severity === 'notice')).toBe(true);
    expect(drift.map((f) => f.message.split('`')[1]).sort()).toEqual([
      'mana-analytics', 'mana-crawler', 'mana-credits', 'mana-llm', 'mana-media', 'mana-notify', 'mana-search', 'mana-stt', 'mana-subscriptions', 'mana-sync', 'mana-user',
    ]);
    expect(byRule('registry/principle-last-digits').find((f) => f.location.line === 121)?.message).toContain('("10" vs "30")');
    expect(findings.filter((f) => f.ruleId === 'internal/rule-crashed')).toEqual([]);
  });
});

describe('allRules on odd input', () => {
  it('never crashes on empty rows, unknown hosts, self-references and an unknown correspondence', async () => {
    const b = await import('./model-builder.js');
    const odd = b.row('', undefined, 4, { ports: [] });
    const dangling = b.row('5010', 'chat-web', 5, { correspondsTo: { port: 3030, location: b.at(b.REGISTRY, 5, 10, 4) } });
    const m = b.model({
      registry: b.registry({ sections: [b.section('3000-3009', 'Core', 1, [odd, dangling]), b.section(undefined, '', 8)], actual: [b.actual('x', 3001, 12, 'atlantis')] }),
      serviceDirs: [b.dir('x', false)],
      bindings: [b.source('x', 3001, 1, { host: 'atlantis' }), b.deploy('', 3001, 'docker-compose.yml', 2, { host: 'atlantis' })],
      references: [b.reference('', 1, 'a.env', 1), b.reference('x', 3001, 'a.env', 2, { host: 'atlantis', containerNetwork: true, fromService: 'x' })],
    });
    const findings = runRules(allRules, m);
    expect(findings.filter((f) => f.ruleId === 'internal/rule-crashed')).toEqual([]);
    // The one real problem in there is still found: `x` and an unnamed service share 3001 on `atlantis`.
    expect(findings.filter((f) => f.ruleId === 'collision/same-host').map((f) => f.severity)).toEqual(['error']);
  });
});
