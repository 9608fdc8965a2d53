import { describe, expect, test } from 'vitest';
import { dockerfileExtractor } from '../../../src/extract/deploy/dockerfile.js';
import { covered, run, summary } from './helpers.js';

describe('Dockerfile ports written through variables', () => {
  test('EXPOSE ${PORT} with no value anywhere is no port and no problem; with an ARG default it is that default', async () => {
    for (const text of ['FROM node:20\nARG PORT\nEXPOSE ${PORT}\n', 'FROM node:20\nEXPOSE $APP_PORT\n']) {
      const result = await run(dockerfileExtractor, 'src/web/Dockerfile', text, { service: 'web' });
      expect(result.bindings).toEqual([]);
      expect(result.problems).toEqual([]);
    }
    const text = 'FROM node:20\nARG PORT=3000\nEXPOSE ${PORT}\n';
    const result = await run(dockerfileExtractor, 'src/web/Dockerfile', text, { service: 'web' });
    expect(summary(result)).toEqual(['web:3000@dev/container EXPOSE']);
    expect(covered(text, result.bindings[0]!.location)).toBe('3000');
  });

  test('ENV ASPNETCORE_HTTP_PORTS binds each listed port inside the container', async () => {
    const text = 'FROM mcr.microsoft.com/dotnet/aspnet:9.0\nENV ASPNETCORE_HTTP_PORTS="7070;7071"\nEXPOSE 7070\n';
    const result = await run(dockerfileExtractor, 'src/cartservice/src/Dockerfile', text, { service: 'cartservice' });
    expect(result.problems).toEqual([]);
    expect(summary(result)).toEqual([
      'cartservice:7070@dev/container ENV ASPNETCORE_HTTP_PORTS',
      'cartservice:7071@dev/container ENV ASPNETCORE_HTTP_PORTS',
      'cartservice:7070@dev/container EXPOSE',
    ]);
    expect(result.bindings.map((b) => covered(text, b.location))).toEqual(['7070', '7071', '7070']);
  });
});
