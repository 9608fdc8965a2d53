import { describe, expect, it } from 'vitest';
import { findUrlPorts } from '../../src/extract/url-port.js';
import { dotnetSettingsExtractor } from '../../src/extract/deploy/dotnet.js';
import { covered, run } from './deploy/helpers.js';

const ports = (value: string, listen = false) => findUrlPorts(value, { listen }).map((u) => `${u.scheme} ${u.host} ${value.slice(u.portStart, u.portEnd)}`);

describe('findUrlPorts', () => {
  it('reads a reference as new URL does: no default port, no userinfo, no wildcard name', () => {
    expect(ports('http://localhost:80;https://db:443 http://u:5432@db:5433 http://*:5000')).toEqual(['http db 5433']);
  });

  it('reads a listen address with its default port and ASP.NET\'s every-address hosts', () => {
    expect(ports('http://localhost:80;https://*:443;http://+:7071;http://[::]:5000', true)).toEqual(['http localhost 80', 'https * 443', 'http + 7071', 'http [::] 5000']);
  });

  it('still hands back a port part that is no port, for the caller to report', () => {
    expect(ports('http://*:99999', true)).toEqual(['http * 99999']);
  });
});

describe('.NET settings URLs through new URL', () => {
  it('bind a default port the host listens on and refer past userinfo, never to it', async () => {
    const text = '{ "profiles": { "p": { "applicationUrl": "http://*:80", "environmentVariables": { "Identity__Url": "http://svc:8080@identity:5101", "Other__Url": "http://identity:80" } } } }';
    const x = await run(dotnetSettingsExtractor, 'Basket.API/Properties/launchSettings.json', text);
    expect(x.bindings.map((b) => `${b.port} ${covered(text, b.location)}`)).toEqual(['80 80']);
    expect(x.references.map((r) => `${r.target}:${r.port} ${covered(text, r.location)}`)).toEqual(['identity:5101 5101']);
  });
});
