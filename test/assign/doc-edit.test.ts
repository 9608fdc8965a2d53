import { describe, expect, it } from 'vitest';
import { addPortLine } from '../../src/assign/doc-edit.js';

describe('the port line added to a CLAUDE.md', () => {
  it('goes after the title and the introducing paragraph, nothing else changed', () => {
    const text = '# chat-web\n\nSvelteKit frontend for Mana Chat.\nAll calls go through `/api`.\n\n## Commands\n\n```bash\npnpm dev\n```\n';
    expect(addPortLine(text, 5010)).toBe('# chat-web\n\nSvelteKit frontend for Mana Chat.\nAll calls go through `/api`.\n\n**Port:** 5010\n\n## Commands\n\n```bash\npnpm dev\n```\n');
  });

  it('goes after the title when a section follows it, and keeps CRLF', () => {
    expect(addPortLine('# x\r\n## Stack\r\n', 3001)).toBe('# x\r\n\r\n**Port:** 3001\r\n## Stack\r\n');
  });

  it('ends a document that is only a title', () => {
    expect(addPortLine('# x', 3001)).toBe('# x\n\n**Port:** 3001\n');
  });

  it('opens a document without a title', () => {
    expect(addPortLine('Notes.\n', 3001)).toBe('**Port:** 3001\n\nNotes.\n');
  });
});
