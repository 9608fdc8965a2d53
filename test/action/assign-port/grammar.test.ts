import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/action/assign-port/grammar.js';
import { gateOf } from '../../../src/action/assign-port/run.js';
import { malformedReply } from '../../../src/action/assign-port/reply.js';

describe('the /assign-port grammar', () => {
  it('reads a range, a quoted section title, no target, --dry-run and help from the first line only', () => {
    expect(parseCommand('/assign-port mana-foo in 3020-3029')).toEqual({ kind: 'assign', service: 'mana-foo', target: { range: { start: 3020, end: 3029 } }, dryRun: false });
    expect(parseCommand('/assign-port mana-foo in "App Compute Servers" --dry-run\nthanks!')).toEqual({ kind: 'assign', service: 'mana-foo', target: { section: 'App Compute Servers' }, dryRun: true });
    expect(parseCommand('  /assign-port mana-foo  \r\n/assign-port other in 1-2')).toEqual({ kind: 'assign', service: 'mana-foo', dryRun: false });
    expect(parseCommand('/assign-port help')).toEqual({ kind: 'help' });
  });

  it('is not for us when the first line is not the command', () => {
    expect(parseCommand('hello\n/assign-port mana-foo in 3020-3029')).toBeUndefined();
    expect(parseCommand('/assign-ports mana-foo')).toBeUndefined();
    expect(parseCommand('please /assign-port mana-foo')).toBeUndefined();
  });

  it('calls anything else after the command malformed, with the reason', () => {
    expect(parseCommand('/assign-port')).toMatchObject({ kind: 'malformed', why: 'it names no service' });
    expect(parseCommand('/assign-port Mana_Foo in 3000-3009')).toMatchObject({ kind: 'malformed', why: expect.stringMatching(/service name/) });
    expect(parseCommand('/assign-port a in 3009-3000')).toMatchObject({ kind: 'malformed', why: expect.stringMatching(/range/) });
    expect(parseCommand('/assign-port a in 3000-70000')).toMatchObject({ kind: 'malformed' });
    expect(parseCommand('/assign-port a b c')).toMatchObject({ kind: 'malformed', input: '/assign-port a b c' });
    expect(parseCommand(`/assign-port ${'a'.repeat(64)}`)).toMatchObject({ kind: 'malformed' });
    expect(parseCommand(`/assign-port a in "${'x'.repeat(400)}"`)).toMatchObject({ kind: 'malformed', why: expect.stringMatching(/longer than 300/) });
  });

  it('quotes a hostile input only inside a code span that it cannot close', () => {
    const input = '/assign-port x` @admin <img src=x> ``` [a](http://e.vil)';
    const command = parseCommand(input);
    expect(command).toMatchObject({ kind: 'malformed', input });
    const reply = malformedReply(input, 'why');
    expect(reply).toContain('````/assign-port x` @admin <img src=x> ``` [a](http://e.vil)````');
    // Outside that span, no mention, tag or link.
    const outside = reply.replace(/````.*?````/, '');
    expect(outside).not.toMatch(/@admin|<img|\]\(/);
  });
});

describe('the gates that need no request', () => {
  const payload = (over: Record<string, unknown> = {}, comment: Record<string, unknown> = {}) => ({ action: 'created', issue: { number: 5 }, comment: { id: 9, body: '/assign-port a in 1-2', user: { login: 'u', type: 'User' }, ...comment }, ...over });

  it('passes a created command by a person', () => {
    expect(gateOf(payload())).toEqual({ number: 5, commentId: 9, login: 'u', body: '/assign-port a in 1-2' });
  });

  it('skips edits, other comments and bots, saying why', () => {
    expect(gateOf(payload({ action: 'edited' }))).toEqual({ skip: 'the comment was edited, not created; only new comments are commands.' });
    expect(gateOf(payload({}, { body: 'LGTM' }))).toMatchObject({ skip: expect.stringMatching(/not an \/assign-port command/) });
    expect(gateOf(payload({}, { user: { login: 'renovate[bot]', type: 'Bot' } }))).toMatchObject({ skip: expect.stringMatching(/by a bot \(renovate\[bot\]\)/) });
  });
});

describe('the wait before re-reading after a lost compare-and-swap', () => {
  it('is at least the 1 s write spacing and grows with each retry', async () => {
    const { conflictDelay, WRITE_SPACING_MS } = await import('../../../src/action/assign-port/write.js');
    expect([1, 2, 3].map((a) => conflictDelay(a, () => 0))).toEqual([WRITE_SPACING_MS, WRITE_SPACING_MS, WRITE_SPACING_MS]);
    expect([1, 2, 3].map((a) => conflictDelay(a, () => 1))).toEqual([8000, 16000, 32000]);
  });
});
