import { describe, expect, test } from 'vitest';
import { pythonExtractor } from '../../../src/extract/source/index.js';
import { fixture, run, span } from './support.js';

const inService = (name: string) => ({ path: `services/mana-crawler/app/${name}`, service: 'mana-crawler' });
const py = (name: string) => run(pythonExtractor, fixture(`python/${name}.txt`), inService(name));
const summary = (e: Awaited<ReturnType<typeof py>>) => e.bindings.map((b) => [b.port, span(b.location), b.via]);

describe('Python source defaults', () => {
  test('reads os.getenv("PORT", "3023") and ignores the docstring (port and URL), the comment, REDIS_PORT and TIMEOUT', async () => {
    const result = await py('getenv.py');
    expect(result.problems).toEqual([]);
    expect(result.references).toEqual([]);
    expect(result.bindings).toEqual([
      {
        service: 'mana-crawler',
        port: 3023,
        host: 'dev',
        kind: 'source-default',
        role: 'listen',
        source: 'python',
        strength: 'declaration',
        location: { file: 'services/mana-crawler/app/getenv.py', line: 8, column: 31, endLine: 8, endColumn: 35 },
        via: 'os.getenv("PORT", …)',
        label: 'Python default `os.getenv("PORT", …)`',
      },
    ]);
  });

  test('reads os.environ.get("PORT", "3023") inside a function', async () => {
    expect(summary(await py('environ-get.py'))).toEqual([[3023, '4:40-4:44', 'os.environ.get("PORT", …)']]);
  });

  test('reads the literal after `or`: int(os.environ.get("PORT") or 3024)', async () => {
    expect(summary(await py('or.py'))).toEqual([[3024, '3:38-3:42', 'os.environ.get("PORT") or …']]);
  });

  test('reads a BaseSettings field `port: int = 3025`, not redis_port, timeout, or a port in an unrelated class', async () => {
    const result = await py('settings.py');
    expect(summary(result)).toEqual([[3025, '8:17-8:21', 'Settings.port']]);
    expect(result.references.map((r) => [r.target, r.port, span(r.location)])).toEqual([['localhost', 11434, '11:38-11:43']]);
  });

  test('reads pydantic Field(default=3020)', async () => {
    expect(summary(await py('field.py'))).toEqual([[3020, '6:31-6:35', 'AppSettings.port']]);
  });

  test('uvicorn.run(app, port=3023) in the service binds it as a source default', async () => {
    const { bindings } = await py('uvicorn.py');
    expect(bindings.map((b) => [b.service, b.port, b.kind, b.via, span(b.location)])).toEqual([['mana-crawler', 3023, 'source-default', 'uvicorn.run', '5:43-5:47']]);
  });

  test('a runner script outside services/ binds the service its path names, as a deploy binding', async () => {
    const text = fixture('python/uvicorn.py.txt');
    const { bindings } = await run(pythonExtractor, text, { path: 'scripts/windows/run_mana_stt.py', host: 'windows-gpu-server', services: ['mana-stt', 'mana-tts'] });
    expect(bindings.map((b) => [b.service, b.host, b.port, b.kind, b.via])).toEqual([['mana-stt', 'windows-gpu-server', 3023, 'deploy', 'uvicorn.run']]);
  });

  test("a runner script's os.getenv default also binds the service its path names", async () => {
    const text = 'import os, uvicorn\nuvicorn.run("main:app", port=int(os.getenv("PORT", "3022")))\n';
    const { bindings } = await run(pythonExtractor, text, { path: 'scripts/windows/start-mana-tts.py', services: ['mana-tts'] });
    expect(bindings.map((b) => [b.service, b.port, b.kind, b.via, span(b.location)])).toEqual([['mana-tts', 3022, 'deploy', 'os.getenv("PORT", …)', '2:53-2:57']]);
  });

  test('a runner script naming no known service binds nothing', async () => {
    const { bindings } = await run(pythonExtractor, fixture('python/uvicorn.py.txt'), { path: 'scripts/run_server.py', services: ['mana-stt'] });
    expect(bindings).toEqual([]);
  });

  test('an f-string URL is a reference only where host and port are literal', async () => {
    const text = 'a = f"http://mana-search:3021/{path}"\nb = f"http://{host}:3022/"\n';
    const { references } = await run(pythonExtractor, text, inService('client.py'));
    expect(references.map((r) => [r.target, r.port, span(r.location)])).toEqual([['mana-search', 3021, '1:26-1:30']]);
  });

  test('reports os.getenv("PORT", "70000") as an invalid port and a syntax error loses nothing else', async () => {
    const text = 'import os\nPORT = os.getenv("PORT", "70000")\ndef broken(:\n    pass\nport = int(os.environ.get("PORT") or 3023)\n';
    const { bindings, problems } = await run(pythonExtractor, text, inService('main.py'));
    expect(problems.map((p) => [p.ruleId, span(p.location)])).toEqual([['input/invalid-port', '2:27-2:32']]);
    expect(bindings.map((b) => [b.port, span(b.location)])).toEqual([[3023, '5:38-5:42']]);
  });
});
