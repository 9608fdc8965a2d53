import { describe, expect, it } from 'vitest';
import { readSettings, SettingsError, tokenSecrets } from '../../src/action/settings.js';

const reader = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';

describe('readSettings', () => {
  it('applies the documented defaults when inputs are empty', () => {
    expect(readSettings(reader({ token: 't' }))).toEqual({
      token: 't',
      failLevel: 'error',
      reporters: ['check-run', 'review', 'comment', 'job-summary'],
      commentMode: 'on-findings',
      sarifFile: 'portwarden.sarif',
      workingDirectory: '.',
    });
  });

  it('reads every input, trimming and normalising', () => {
    const s = readSettings(reader({ token: ' t ', config: 'cfg/pw.yml', 'fail-level': 'Warning', reporters: 'sarif, annotations,sarif', comment: 'always', 'sarif-file': 'out/x.sarif', 'working-directory': './mono/' }));
    expect(s).toMatchObject({ configPath: 'cfg/pw.yml', failLevel: 'warning', reporters: ['sarif', 'annotations'], commentMode: 'always', sarifFile: 'out/x.sarif', workingDirectory: 'mono' });
  });

  it('names the input and the accepted values for a bad fail-level', () => {
    expect(() => readSettings(reader({ 'fail-level': 'fatal' }))).toThrow(new SettingsError('Input `fail-level` is `fatal`; expected one of error, warning, notice, never.'));
  });

  it('rejects an unknown reporter, listing the known ones', () => {
    expect(() => readSettings(reader({ reporters: 'check-run,slack' }))).toThrow('Input `reporters` is `slack`; expected one of check-run, review, comment, job-summary, annotations, sarif.');
  });

  it('rejects a comment mode it does not know', () => {
    expect(() => readSettings(reader({ comment: 'sometimes' }))).toThrow('Input `comment` is `sometimes`; expected one of always, on-findings, never.');
  });

  it('refuses paths that leave the workspace', () => {
    expect(() => readSettings(reader({ 'working-directory': '../other' }))).toThrow(/Input `working-directory` is `..\/other`; expected a path relative to the workspace/);
    expect(() => readSettings(reader({ 'sarif-file': '/etc/x' }))).toThrow(/Input `sarif-file`/);
    expect(() => readSettings(reader({ config: 'a/../../b.yml' }))).toThrow(/Input `config`/);
  });

  it('reads `cache-file` as given (a path under $RUNNER_TEMP lies outside the workspace), and none when empty', () => {
    expect(readSettings(reader({ 'cache-file': ' /home/runner/work/_temp/pw/extraction.cache ' })).cacheFile).toBe('/home/runner/work/_temp/pw/extraction.cache');
    expect(readSettings(reader({ 'cache-file': '  ' }))).not.toHaveProperty('cacheFile');
  });

  it('reads INPUT_* variables through @actions/core, hyphen kept', () => {
    process.env['INPUT_FAIL-LEVEL'] = 'notice';
    try {
      expect(readSettings().failLevel).toBe('notice');
    } finally {
      delete process.env['INPUT_FAIL-LEVEL'];
    }
  });

  it('registers the token and the base64 header actions/checkout writes as secrets, before validating', () => {
    const secrets: string[] = [];
    expect(() => readSettings(reader({ token: ' ghs_abc123 ', 'fail-level': 'fatal' }), (s) => secrets.push(s))).toThrow(SettingsError);
    // `x-access-token:ghs_abc123` in base64, as in `extraheader = AUTHORIZATION: basic …`.
    expect(secrets).toEqual(['ghs_abc123', Buffer.from('x-access-token:ghs_abc123').toString('base64')]);
    expect(Buffer.from(secrets[1]!, 'base64').toString()).toBe('x-access-token:ghs_abc123');
  });

  it('registers nothing for an empty token', () => {
    const secrets: string[] = [];
    readSettings(reader({}), (s) => secrets.push(s));
    expect(secrets).toEqual([]);
    expect(tokenSecrets('')).toEqual([]);
  });

  it('masks through @actions/core by default (an ::add-mask:: command per form)', () => {
    const written: string[] = [];
    const original = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array) => (written.push(String(chunk)), true)) as typeof process.stdout.write;
    try {
      readSettings(reader({ token: 'tok' }));
    } finally {
      process.stdout.write = original;
    }
    expect(written.join('')).toContain('::add-mask::tok');
    expect(written.join('')).toContain(`::add-mask::${Buffer.from('x-access-token:tok').toString('base64')}`);
  });
});
