import { describe, expect, it } from 'vitest';
import { logLine } from '../../src/action/main.js';

describe('log lines', () => {
  it('cannot start a workflow command, whatever text a pull request puts in them', () => {
    const hostile = 'The baseline could not be computed (unknown key `x\n::add-mask::svc-b\r\n::stop-commands::zz`)';
    const line = logLine(hostile);
    expect(line).not.toMatch(/[\r\n]/);
    expect(line).toBe('The baseline could not be computed (unknown key `x ⏎ ::add-mask::svc-b ⏎ ::stop-commands::zz`)');
    expect(logLine('::error file=a::fake')).toBe(': :error file=a::fake');
  });
});
