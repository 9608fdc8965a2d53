import { describe, expect, test } from 'vitest';
import { projectOf, properties, springExtractor } from '../../../src/extract/deploy/spring.js';
import { covered, run } from './helpers.js';

const lines = (e: Awaited<ReturnType<typeof run>>, text: string) => e.bindings.map((b) => `${b.service}:${b.port} ${b.kind} ${b.host} ${covered(text, b.location)}@${b.location.line} ${b.via}`);

describe('Spring Boot server.port', () => {
  test('application.properties: server.port, a placeholder default and management.server.port; other ports are not the app\'s', async () => {
    const text = '# server.port=1111\nspring.datasource.url=jdbc:mysql://db:3306/example\nserver.port = ${PORT:8081}\nmanagement.server.port: 9001\nspring.redis.port=6379\n';
    const path = 'backend/src/main/resources/application.properties';
    const result = await run(springExtractor, path, text);
    expect(result.problems).toEqual([]);
    expect(lines(result, text)).toEqual(['backend:8081 source-default dev 8081@3 server.port', 'backend:9001 source-default dev 9001@4 management.server.port']);
  });

  test('a placeholder without a default states no port; a bad port is reported at its digits', async () => {
    const text = 'server.port=${PORT}\nserver.port=80800\n';
    const result = await run(springExtractor, 'api/src/main/resources/application-prod.properties', text, { service: 'orders' });
    expect(result.bindings).toEqual([]);
    expect(result.problems.map((p) => [p.ruleId, covered(text, p.location)])).toEqual([['input/invalid-port', '80800']]);
  });

  test('application.yml: nested and flat keys, one document per profile; the profile is named', async () => {
    const text = `server:
  port: 8080
---
spring:
  config:
    activate:
      on-profile: dev
server.port: 18080
---
spring.profiles: docker
server:
  port: "\${SERVER_PORT:8090}"
`;
    const result = await run(springExtractor, 'orders/src/main/resources/application.yml', text);
    expect(lines(result, text)).toEqual([
      'orders:8080 source-default dev 8080@2 server.port',
      'orders:18080 source-default dev 18080@8 server.port (profile dev)',
      'orders:8090 source-default dev 8090@12 server.port (profile docker)',
    ]);
    const profiled = await run(springExtractor, 'orders/src/main/resources/application-local.yaml', 'server:\n  port: 7000\n');
    expect(lines(profiled, 'server:\n  port: 7000\n')).toEqual(['orders:7000 source-default dev 7000@2 server.port (profile local)']);
  });

  test('project folders and properties lines', () => {
    expect(projectOf('src/adservice/src/main/resources/application.properties')).toBe('adservice');
    expect(springExtractor.accepts('x/application-dev.properties')).toBe(true);
    expect(springExtractor.accepts('x/app.properties')).toBe(false);
    expect(properties('a.b\\=c = 1\n  ! comment\nlong = x \\\n  server.port=9\n').map((p) => [p.key, p.value.value])).toEqual([
      ['a.b=c', '1'],
      ['long', 'x \\'],
    ]);
  });
});
