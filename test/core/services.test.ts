import { describe, expect, it } from 'vitest';
import { ServiceIndex } from '../../src/core/services.js';

describe('ServiceIndex', () => {
  it('follows a chain of renames to the current name, case-insensitively', () => {
    const services = new ServiceIndex({ 'mana-old': 'mana-mid', 'Mana-Mid': 'mana-new' });
    expect(services.canonical(' mana-old ')).toBe('mana-new');
    expect(services.canonical('mana-new')).toBe('mana-new');
    expect(services.canonical('other')).toBe('other');
  });

  it('stops on a cycle built by hand (the config refuses them)', () => {
    expect(['a', 'b']).toContain(new ServiceIndex({ a: 'b', b: 'a' }).canonical('a'));
  });
});
