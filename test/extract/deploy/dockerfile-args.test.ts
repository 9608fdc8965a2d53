import { describe, expect, it } from 'vitest';
import { dockerfileExtractor } from '../../../src/extract/deploy/dockerfile.js';
import { HostModel } from '../../../src/core/hosts.js';
import { createLocator } from '../../../src/core/location.js';
import { ServiceIndex } from '../../../src/core/services.js';

async function extract(text: string) {
  const path = 'services/alpha/Dockerfile';
  return dockerfileExtractor.extract({ path, text, locator: createLocator(path, text), service: 'alpha' }, { hosts: new HostModel(), services: new ServiceIndex(), env: new Map() });
}

describe('Dockerfile global ARG', () => {
  it('is seen in a stage that declares it without a value, pointing at the global default', async () => {
    const out = await extract('ARG PORT=3001\nFROM node:20\nARG PORT\nEXPOSE $PORT\n');
    expect(out.bindings.map((b) => [b.port, b.via, b.location.line, b.location.column])).toEqual([[3001, 'EXPOSE', 1, 10]]);
  });

  it('is not seen in a stage that does not declare it, and a stage value overrides it', async () => {
    expect((await extract('ARG PORT=3001\nFROM node:20\nEXPOSE $PORT\n')).bindings).toEqual([]);
    const out = await extract('ARG PORT=3001\nFROM node:20\nARG PORT=3002\nEXPOSE $PORT\n');
    expect(out.bindings.map((b) => b.port)).toEqual([3002]);
  });
});
