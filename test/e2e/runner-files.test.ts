/** The harness reads the step's outputs and workflow commands as the runner does. */
import { describe, expect, it } from 'vitest';
import { parseOutputFile, parseWorkflowCommands } from './runner-files.js';

describe('reading a step back', () => {
  it('parses heredoc outputs as @actions/core writes them, multi-line values included', () => {
    const text = 'new<<ghadelimiter_1\n2\nghadelimiter_1\nreport<<ghadelimiter_2\nline one\nline two\nghadelimiter_2\nlegacy=yes\n';
    expect(parseOutputFile(text)).toEqual({ new: '2', report: 'line one\nline two', legacy: 'yes' });
  });

  it('unescapes workflow-command properties and messages (%2C, %3A, %0A, %25)', () => {
    const out = '::group::x\n::error file=docs/a%2Cb.md,line=7,col=12,endLine=7,endColumn=16,title=collision/same-host%3A 3001::Port `3001` collides%0Asecond line 50%25\nplain text\n';
    expect(parseWorkflowCommands(out)).toEqual([
      { command: 'group', properties: {}, message: 'x' },
      {
        command: 'error',
        properties: { file: 'docs/a,b.md', line: '7', col: '12', endLine: '7', endColumn: '16', title: 'collision/same-host: 3001' },
        message: 'Port `3001` collides\nsecond line 50%',
      },
    ]);
  });
});
