import { describe, expect, it } from 'vitest';
import { registryPlanDrift } from '../../src/rules/registry-plan-drift.js';
import { REGISTRY, actual, at, fingerprints, model, notDeployed, registry, row, run, section, shiftLines } from './model-builder.js';
import { seedRegistry } from './seed-registry.js';

describe('registry/plan-drift', () => {
  it('reports mana-credits (planned 3002, actually 3061 on mac-mini) as a notice in an aspirational registry', () => {
    const findings = run(registryPlanDrift, model({ registry: seedRegistry(true) }));
    const credits = findings.find((f) => f.message.startsWith('`mana-credits`'))!;
    expect(credits.severity).toBe('notice');
    expect(credits.message).toBe(
      '`mana-credits` runs on host `mac-mini` at `3061`, but the plan assigns it `3002`; expected the plan and the real ports to agree (move the service or update the plan).',
    );
    expect(credits.location).toEqual(at(REGISTRY, 27, 18, 4));
    expect(credits.related).toEqual([{ location: at(REGISTRY, 60, 3, 4), message: '`mana-credits` is planned at 3002 here (registry plan)' }]);
    expect(credits.fix).toBeUndefined();
  });

  it('reports the same drift as a warning when the registry does not call itself aspirational', () => {
    const findings = run(registryPlanDrift, model({ registry: seedRegistry(false) }));
    expect(findings.find((f) => f.message.startsWith('`mana-credits`'))!.severity).toBe('warning');
  });

  it('reports every service that moved in the seed, once per service and host, and no service that did not', () => {
    const services = run(registryPlanDrift, model({ registry: seedRegistry() })).map((f) => f.message.split('`')[1]).sort();
    expect(services).toEqual([
      'mana-analytics', 'mana-crawler', 'mana-credits', 'mana-llm', 'mana-media', 'mana-notify', 'mana-search', 'mana-stt', 'mana-subscriptions', 'mana-sync', 'mana-user',
    ]);
  });

  it('compares a "Not deployed" entry too', () => {
    const m = model({ registry: registry({ sections: [section('3020-3029', 'AI', 1, [row('3024', 'mana-voice-bot', 3)])], actual: [notDeployed('mana-voice-bot', 3050, 9)] }) });
    const [f] = run(registryPlanDrift, m);
    expect(f!.message).toBe(
      '`mana-voice-bot` is listed as not deployed with port `3050`, but the plan assigns it `3024`; expected the plan and the real ports to agree (move the service or update the plan).',
    );
  });

  it('accepts an actual port that is one of several planned ports, and services without a plan row', () => {
    const m = model({
      registry: registry({ sections: [section('3000-3009', 'Core', 1, [row('3017, 3019', 'mana-x', 3)])], actual: [actual('mana-x', 3019, 9), actual('Ollama', 11434, 10, 'windows-gpu-server')] }),
    });
    expect(run(registryPlanDrift, m)).toEqual([]);
  });

  it('keeps fingerprints when the list moves', () => {
    const m = model({ registry: seedRegistry() });
    expect(fingerprints(run(registryPlanDrift, shiftLines(m, 12)))).toEqual(fingerprints(run(registryPlanDrift, m)));
  });
});
