import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContextError, readContext } from '../../src/github/context.js';

const require = createRequire(import.meta.url);
const examples = JSON.parse(readFileSync(join(dirname(require.resolve('@octokit/webhooks-examples/package.json')), 'api.github.com/index.json'), 'utf8')) as { name: string; examples: Record<string, unknown>[] }[];
const example = (event: string, action?: string) => structuredClone(examples.find((e) => e.name === event)!.examples.find((x) => action === undefined || x.action === action)!);

function env(event: string, payload: unknown) {
  const path = join(mkdtempSync(join(tmpdir(), 'pw-event-')), 'event.json');
  writeFileSync(path, JSON.stringify(payload));
  return { GITHUB_EVENT_NAME: event, GITHUB_EVENT_PATH: path, GITHUB_REPOSITORY: 'octo/mono', GITHUB_SHA: 'f'.repeat(40), GITHUB_WORKSPACE: '/ws', GITHUB_API_URL: 'http://127.0.0.1:9', GITHUB_SERVER_URL: 'https://ghe.example' };
}

describe('readContext', () => {
  it('reads a pull_request opened event: number, head and base, not a fork', () => {
    const payload = example('pull_request', 'opened') as any;
    const out = readContext(env('pull_request', payload));
    if (!('context' in out)) throw new Error(out.skip);
    expect(out.context).toMatchObject({ event: 'pull_request', owner: 'octo', repo: 'mono', workspace: '/ws', apiUrl: 'http://127.0.0.1:9', serverUrl: 'https://ghe.example', headSha: payload.pull_request.head.sha });
    expect(out.context.pr).toEqual({
      number: payload.pull_request.number,
      headSha: payload.pull_request.head.sha,
      baseSha: payload.pull_request.base.sha,
      baseRef: payload.pull_request.base.ref,
      headRepoFullName: payload.pull_request.head.repo.full_name,
      fork: payload.pull_request.head.repo.full_name !== payload.pull_request.base.repo.full_name,
    });
    expect(out.context.sha).toBe('f'.repeat(40));
  });

  it('marks a PR from another repository as a fork', () => {
    const payload = example('pull_request', 'synchronize') as any;
    payload.pull_request.head.repo = { ...payload.pull_request.head.repo, full_name: 'someone/fork' };
    const out = readContext(env('pull_request_target', payload));
    expect('context' in out && out.context.pr?.fork).toBe(true);
  });

  it('says "not for me" for a closed pull request and for an unhandled event', () => {
    const closed = readContext(env('pull_request', example('pull_request', 'closed')));
    expect(closed).toEqual({ skip: expect.stringContaining('action `closed` does not change the code under review') });
    const comment = readContext(env('issue_comment', example('issue_comment', 'created')));
    expect(comment).toEqual({ skip: expect.stringContaining('event `issue_comment` is not one portwarden checks') });
  });

  it('keeps GITHUB_RUN_ID for a link to the workflow run, and omits it when unset', () => {
    const withRun = readContext({ ...env('push', example('push')), GITHUB_RUN_ID: '9876543210' });
    expect('context' in withRun && withRun.context.runId).toBe('9876543210');
    const without = readContext(env('push', example('push')));
    expect('context' in without && 'runId' in without.context).toBe(false);
  });

  it('reads push and merge_group without a pull request; merge_group results go on its head sha, compared with its base', () => {
    const push = readContext(env('push', example('push')));
    expect('context' in push && push.context.pr).toBeUndefined();
    expect('context' in push && push.context.compare).toBeUndefined();
    const mg = readContext(env('merge_group', { action: 'checks_requested', merge_group: { head_sha: 'a'.repeat(40), base_sha: 'b'.repeat(40) } }));
    expect('context' in mg && mg.context.headSha).toBe('a'.repeat(40));
    // The queue's base: debt the base branch already has must not stall the merge queue.
    expect('context' in mg && mg.context.compare).toEqual({ baseSha: 'b'.repeat(40), headSha: 'a'.repeat(40) });
    expect('context' in mg && mg.context.pr).toBeUndefined();
  });

  it('throws a ContextError naming the variable for a malformed repository or payload', () => {
    expect(() => readContext({ ...env('push', {}), GITHUB_REPOSITORY: 'nope' })).toThrow(new ContextError('GITHUB_REPOSITORY is `nope`; expected `owner/repo`.'));
    const broken = env('push', {});
    writeFileSync(broken.GITHUB_EVENT_PATH, '{oops');
    expect(() => readContext(broken)).toThrow(/Cannot read the event payload at GITHUB_EVENT_PATH/);
    expect(() => readContext(env('pull_request', { action: 'opened', pull_request: {} }))).toThrow(/lacks `number`, `head.sha` or `base.sha`/);
  });
});
