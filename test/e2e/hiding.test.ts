/**
 * Hiding a finding, end to end through the bundled Action on `pull_request_target` against the
 * GitHub stand-in: a fork PR that adds a `portwarden-ignore *` over its own collision still
 * fails, and the sticky comment, the check run and the job summary list the directive; a PR
 * that pads a compose file past `max-file-bytes` gets "not checked", never "fixed".
 *
 * PORTWARDEN_E2E_ENTRY=<bundle> tests a bundle outside dist/ (see run-action.ts).
 */
import { describe, expect, it, type TestContext } from 'vitest';
import { whyActionUnavailable } from './run-action.js';
import { PR_NUMBER, registry, startScenario, type Scenario } from './scenario.js';

const unavailable = whyActionUnavailable();
const COMPOSE = 'docker-compose.macmini.yml';
const compose = (extra: string[] = []) => ['services:', '  svc-a:', '    ports:', '      - "3001:3001"', ...extra, ''].join('\n');
const BASE = { 'docs/PORT_SCHEMA.md': registry([['svc-a', 3001], ['svc-d', 3009]]), [COMPOSE]: compose() };

async function scenario(ctx: TestContext, base: Record<string, string>, change: Record<string, string>): Promise<Scenario> {
  const s = await startScenario('hiding', base, change, { target: true, forkFrom: 'mallory/ports' });
  ctx.onTestFinished(() => s.finish());
  return s;
}

const sticky = (s: Scenario) => s.gh.state.issueCommentsOn(PR_NUMBER).map((c) => c.body).join('\n');
const checkSummary = (s: Scenario) => [...s.gh.state.checkRuns.values()].map((c) => c.output.summary).join('\n');

describe.skipIf(unavailable !== undefined)('a pull request that tries to hide a finding (pull_request_target, bundled Action)', { timeout: 90_000 }, () => {
  it('a portwarden-ignore * it adds silences nothing, fails the check, and every summary lists it', async (ctx) => {
    const s = await scenario(ctx, BASE, { [COMPOSE]: compose(['  svc-d:', '    ports:', '      # portwarden-ignore *: trust me', '      - "3001:3001"']) });
    const run = await s.run({ reporters: 'check-run,comment,job-summary', comment: 'always' });
    expect(run.exitCode).toBe(1);
    expect(run.outputs['suppressions-added']).toBe('1');
    expect(run.outputs.conclusion).toBe('failure');
    for (const md of [sticky(s), checkSummary(s), run.summary]) {
      expect(md).toContain('#### `portwarden-ignore` added or widened by this pull request (1)');
      expect(md).toContain(`[${COMPOSE}:7]`);
      expect(md).toContain('⚠️ Not silenced');
    }
  });

  it('a compose file padded past max-file-bytes: its old collision is "not checked", not "fixed"', async (ctx) => {
    const colliding = compose(['  svc-d:', '    ports:', '      - "3001:3001"']);
    const base = { ...BASE, '.github/portwarden.yml': 'max-file-bytes: 4000\n', [COMPOSE]: colliding };
    const s = await scenario(ctx, base, { [COMPOSE]: `${colliding}# ${'x'.repeat(5000)}\n` });
    const run = await s.run({ reporters: 'check-run,comment,job-summary', comment: 'always' });
    expect(run.outputs.fixed).toBe('0');
    expect(Number(run.outputs['not-checked'])).toBeGreaterThan(0);
    for (const md of [sticky(s), checkSummary(s), run.summary]) {
      expect(md).toMatch(/#### Not checked \(\d+\): in files this pull request's head could not read/);
      expect(md).toContain('input/file-too-large');
    }
  });
});
