import { describe, expect, it } from 'vitest';
import { HostModel } from '../../src/core/hosts.js';

describe('HostModel.placeFile', () => {
  const hosts = new HostModel([{ id: 'prod', label: 'Prod', aliases: [], addresses: [] }, { id: 'mac-mini', label: 'Mac Mini (production)', aliases: [], addresses: [] }]);

  it('places a file whose path or name names a host, matching loosely', () => {
    expect(hosts.placeFile('docker-compose.macmini.yml')).toBe('mac-mini');
    expect(hosts.placeFile('deploy/Mac-Mini/launchd/x.plist')).toBe('mac-mini');
    expect(hosts.placeFile('services/alpha/src/config.ts')).toBeUndefined();
  });

  it('does not move a service named like a host onto that host', () => {
    expect(hosts.placeFile('services/prod/src/config.ts', 'prod')).toBeUndefined();
    expect(hosts.placeFile('services/prod/deploy/mac-mini/run.sh', 'prod')).toBe('mac-mini');
  });
});
