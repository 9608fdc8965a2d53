import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseConfigText } from '../support/config.js';
import { ConfigError } from '../../src/config/types.js';
import { MAX_YAML_ALIASES, excessAlias } from '../../src/core/yaml-limits.js';

const chain = (n: number) => ['x-a0: &a0 [registry]', ...Array.from({ length: n }, (_, i) => `x-a${i + 1}: &a${i + 1} [*a${i}]`)].join('\n') + '\n';

describe('YAML alias limit', () => {
  it('finds the first alias past the limit and counts them all', () => {
    expect(excessAlias(parseDocument(chain(MAX_YAML_ALIASES)))).toBeUndefined();
    const hit = excessAlias(parseDocument(chain(MAX_YAML_ALIASES + 5)));
    expect(hit?.count).toBe(MAX_YAML_ALIASES + 5);
    expect(hit?.node.range?.[0]).toBe(chain(MAX_YAML_ALIASES + 5).indexOf(`*a${MAX_YAML_ALIASES}]`));
  });

  it('a config with a 50,000-step alias chain is a config error naming the line, quickly', () => {
    const started = performance.now();
    expect(() => parseConfigText('.github/portwarden.yml', chain(50_000))).toThrow(ConfigError);
    expect(() => parseConfigText('.github/portwarden.yml', chain(50_000))).toThrow(/^\.github\/portwarden\.yml:1002: more than 1000 YAML alias tokens \(`\*name`\); expected at most 100 aliases\./);
    expect(() => parseConfigText('.github/portwarden.yml', chain(500))).toThrow(/^\.github\/portwarden\.yml:102: 500 YAML aliases; expected at most 100\./);
    expect(performance.now() - started).toBeLessThan(10_000); // a hang guard only
  });
});
