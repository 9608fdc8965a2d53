import { describe, expect, test } from 'vitest';
import { dotnetSettingsExtractor, projectOf } from '../../../src/extract/deploy/dotnet.js';
import { covered, refs, run } from './helpers.js';

const LAUNCH = `{
  "$schema": "http://json.schemastore.org/launchsettings.json",
  "iisSettings": {
    "iisExpress": { "applicationUrl": "http://localhost:64178", "sslPort": 44365 }
  },
  "profiles": {
    "http": {
      "commandName": "Project",
      "applicationUrl": "http://localhost:5223",
      "environmentVariables": {
        "ASPNETCORE_ENVIRONMENT": "Development",
        "Identity__Url": "http://localhost:5101"
      }
    },
    // The profile Visual Studio starts by default.
    "https": {
      "commandName": "Project",
      "applicationUrl": "https://localhost:5243;http://localhost:5223",
      "environmentVariables": {
        "DOTNET_DASHBOARD_OTLP_ENDPOINT_URL": "https://localhost:18076",
        "ASPNETCORE_HTTP_PORTS": "8080;8081"
      }
    },
    "IIS Express": { "commandName": "IISExpress", "applicationUrl": "http://localhost:7777" }
  }
}
`;

const lines = (e: Awaited<ReturnType<typeof run>>, text: string) => e.bindings.map((b) => `${b.service}:${b.port} ${b.kind} ${b.host} ${covered(text, b.location)}@${b.location.line} ${b.via}`);

describe('.NET launchSettings.json', () => {
  test('every URL of a Project profile binds the project; IIS Express and its settings do not; other URLs are references', async () => {
    const path = 'src/Identity.API/Properties/launchSettings.json';
    const result = await run(dotnetSettingsExtractor, path, LAUNCH);
    expect(result.problems).toEqual([]);
    expect(lines(result, LAUNCH)).toEqual([
      'Identity.API:5223 source-default dev 5223@9 launch profile "http" applicationUrl',
      'Identity.API:5243 source-default dev 5243@18 launch profile "https" applicationUrl',
      'Identity.API:5223 source-default dev 5223@18 launch profile "https" applicationUrl',
      'Identity.API:18076 source-default dev 18076@20 launch profile "https" DOTNET_DASHBOARD_OTLP_ENDPOINT_URL',
      'Identity.API:8080 source-default dev 8080@21 launch profile "https" ASPNETCORE_HTTP_PORTS',
      'Identity.API:8081 source-default dev 8081@21 launch profile "https" ASPNETCORE_HTTP_PORTS',
    ]);
    expect(refs(result)).toEqual(['url localhost:5101']);
    expect(result.references[0]!.fromService).toBe('Identity.API');
  });

  test('the service owning the folder wins over the folder name; a placed file binds on its host', async () => {
    const result = await run(dotnetSettingsExtractor, 'src/Identity.API/Properties/launchSettings.json', LAUNCH, { service: 'identity-api', host: 'mac-mini' });
    expect(new Set(result.bindings.map((b) => `${b.service}@${b.host}`))).toEqual(new Set(['identity-api@mac-mini']));
  });

  test('a port that is no port is reported at its digits; broken JSON is an input problem', async () => {
    const text = '{ "profiles": { "p": { "applicationUrl": "http://localhost:99999" } } }';
    const result = await run(dotnetSettingsExtractor, 'App/Properties/launchSettings.json', text);
    expect(result.problems.map((p) => [p.ruleId, covered(text, p.location)])).toEqual([['input/invalid-port', '99999']]);
    const broken = await run(dotnetSettingsExtractor, 'App/Properties/launchSettings.json', '{ "profiles": { "applicationUrl": "http://x:1" ');
    expect(broken.problems.map((p) => p.ruleId)).toEqual(['input/invalid-json']);
  });
});

describe('appsettings*.json', () => {
  test('Kestrel endpoint URLs and a top-level Urls bind the project; other URLs are not read here', async () => {
    const text = `{
  "Urls": "http://*:5000",
  "Kestrel": {
    "EndpointDefaults": { "Protocols": "Http2" },
    "Endpoints": {
      "Http": { "Url": "http://0.0.0.0:7070" },
      "Grpc": { "Url": "http://+:7071", "Protocols": "Http2" }
    }
  },
  "ConnectionStrings": { "EventBus": "amqp://localhost:5672" }
}`;
    const result = await run(dotnetSettingsExtractor, 'src/cartservice/src/appsettings.Development.json', text);
    expect(lines(result, text)).toEqual([
      'cartservice:5000 source-default dev 5000@2 Urls',
      'cartservice:7070 source-default dev 7070@6 Kestrel endpoint "Http" Url',
      'cartservice:7071 source-default dev 7071@7 Kestrel endpoint "Grpc" Url',
    ]);
    expect(result.references).toEqual([]);
  });

  test('only launchSettings.json under Properties/ and appsettings*.json are read', () => {
    expect(dotnetSettingsExtractor.accepts('src/Api/Properties/launchSettings.json')).toBe(true);
    expect(dotnetSettingsExtractor.accepts('src/Api/launchSettings.json')).toBe(false);
    expect(dotnetSettingsExtractor.accepts('src/Api/appsettings.Production.json')).toBe(true);
    expect(dotnetSettingsExtractor.accepts('src/Api/settings.json')).toBe(false);
    expect(projectOf('src/Basket.API/Properties/launchSettings.json')).toBe('Basket.API');
    expect(projectOf('src/cartservice/src/appsettings.json')).toBe('cartservice');
    expect(projectOf('src/appsettings.json')).toBeUndefined();
  });

  test('comments and trailing commas are read as .NET reads them; `//` inside a string is text', async () => {
    const text = '{ "Urls": "http://*:5000", // note\n /* b */ "Kestrel": { "Endpoints": { "Http": { "Url": "http://h:7070", }, }, }, }';
    const result = await run(dotnetSettingsExtractor, 'src/cartservice/appsettings.json', text);
    expect(result.problems).toEqual([]);
    expect(lines(result, text)).toEqual(['cartservice:5000 source-default dev 5000@1 Urls', 'cartservice:7070 source-default dev 7070@2 Kestrel endpoint "Http" Url']);
  });
});
