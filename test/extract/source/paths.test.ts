import { describe, expect, test } from 'vitest';
import { envGeneratorExtractor, goExtractor, javascriptExtractor, pythonExtractor, typescriptExtractor } from '../../../src/extract/source/index.js';
import { serviceNamedByPath } from '../../../src/extract/source/paths.js';
import { findUrlPorts } from '../../../src/extract/source/urls.js';
import { ServiceIndex } from '../../../src/core/services.js';

describe('which files the source extractors read', () => {
  test.each([
    ['services/mana-user/src/config.ts', 'typescript'],
    ['services/mana-user/src/app.tsx', 'typescript'],
    ['services/mana-user/src/main.mts', 'typescript'],
    ['apps/chat/web/vite.config.ts', 'typescript'],
    ['services/mana-auth/src/index.js', 'javascript'],
    ['services/mana-auth/server.cjs', 'javascript'],
    ['apps/chat/web/vite.config.mjs', 'javascript'],
    ['services/mana-crawler/app/main.py', 'python'],
    ['services/mana-sync/cmd/server/main.go', 'go'],
    ['scripts/generate-env.mjs', 'env-generator'],
    ['tools/dev/generate-env-local.ts', 'env-generator'],
  ])('%s is read by %s only', (path, id) => {
    const readers = [typescriptExtractor, javascriptExtractor, pythonExtractor, goExtractor, envGeneratorExtractor].filter((e) => e.accepts(path)).map((e) => e.id);
    expect(readers).toEqual([id]);
  });

  test.each(['src/types.d.ts', 'src/config.test.ts', 'src/__tests__/server.ts', 'services/x/test/setup.ts', 'public/app.min.js', 'main_test.go', 'tests/test_main.py', 'app/test_config.py', 'conftest.py', 'README.md', 'package.json'])(
    '%s is not read',
    (path) => {
      expect([typescriptExtractor, javascriptExtractor, pythonExtractor, goExtractor, envGeneratorExtractor].some((e) => e.accepts(path))).toBe(false);
    },
  );

  test('the prefilter passes port statements and URLs, not files whose only "port" is import/export/report/support', () => {
    const pass = typescriptExtractor.prefilter!;
    expect(pass("import { a } from 'b';\nexport const report = support(transport);")).toBe(false);
    expect(pass('const x = process.env.PORT;')).toBe(true);
    expect(pass("const u = 'http://mana-credits:3061';")).toBe(true);
    expect(pass('app.listen(3001);')).toBe(true);
    expect(pass('export const importPort = 1;')).toBe(true);
  });
});

describe('a runner script names its service by the words of its path', () => {
  const services = new ServiceIndex();
  for (const s of ['mana-stt', 'mana-tts', 'stt', 'mana-image-gen']) services.add(s);

  test.each([
    ['scripts/windows/run_mana_stt.py', 'mana-stt'],
    ['scripts/windows/mana-image-gen/start.py', 'mana-image-gen'],
    ['scripts/run_stt.py', 'stt'],
    ['scripts/run_server.py', undefined],
    ['scripts/mana_sttx.py', undefined],
    // Words of folders count only as a whole folder name (`mana/stt` is `stt`, not `mana-stt`).
    ['deploy/mana/stt/run.py', 'stt'],
    ['stt/run.py', 'stt'],
  ])('%s -> %s', (path, expected) => {
    expect(serviceNamedByPath(path, services)).toBe(expected);
  });
});

describe('a container folder on the path names no service', () => {
  const services = new ServiceIndex();
  for (const s of ['api', 'src', 'internal', 'billing']) services.add(s);

  test.each([
    ['backend/api/main.py', undefined],
    ['src/worker/main.py', undefined],
    ['tools/internal/run.py', undefined],
    ['scripts/run_api.py', 'api'],
    ['deploy/billing/start.py', 'billing'],
  ])('%s -> %s', (path, expected) => {
    expect(serviceNamedByPath(path, services)).toBe(expected);
  });
});

describe('URLs with a port inside one string', () => {
  test('finds host and the digits of the port, with offsets into the string', () => {
    const value = 'db=postgres://mana:secret@db:5432/x api=http://[::1]:3001/ a=https://mana-credits:3061';
    expect(findUrlPorts(value).map((u) => [u.target, u.digits, value.slice(u.start, u.end)])).toEqual([
      ['db', '5432', '5432'],
      ['[::1]', '3001', '3001'],
      ['mana-credits', '3061', '3061'],
    ]);
  });

  test('ignores URLs without a port; a port run into letters or a fraction is returned whole, so it is reported, not read as 80', () => {
    expect(findUrlPorts('https://example.com/a http://host:80abc').map((u) => u.digits)).toEqual(['80abc']);
    expect(findUrlPorts("'http://localhost:3000.5/x'").map((u) => u.digits)).toEqual(['3000.5']);
    expect(findUrlPorts('http://localhost:PORT/ http://localhost:%d')).toEqual([]);
  });

  test('userinfo is never a host or a port, a path is not a port, a default port is no reference (new URL)', () => {
    const value = 'postgres://user:s3cret:5432@db:6543/app http://host/a:3000 http://web:80/ https://web:443 ws://x:8080';
    expect(findUrlPorts(value).map((u) => [u.target, u.digits])).toEqual([
      ['db', '6543'],
      ['x', '8080'],
    ]);
    expect(findUrlPorts('redis://:p4ss:w0rd@cache:6379').map((u) => [u.target, u.digits])).toEqual([['cache', '6379']]);
  });
});
