import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../support/config.js';
import { ConfigError } from '../../src/config/types.js';

describe('a config that overflows the YAML parser’s stack', () => {
  it('is refused with a config error naming the file (found by npm run fuzz: 5,000 `- id:` run together on one line)', () => {
    const text = 'hosts:\n' + '  - id: h'.repeat(5000) + '\n  - =x\n';
    let error: unknown;
    try {
      parseConfigText('.github/portwarden.yml', text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/^\.github\/portwarden\.yml: invalid YAML: nested too deeply to parse/);
  });
});
