/**
 * The extractors say what each binding means (role, runtime, exposure list, listen address,
 * mirrored default) and label it for people, so that rules never need to know the format.
 */
import { describe, expect, it } from 'vitest';
import type { Binding, Extraction } from '../../src/core/statements.js';
import { composeExtractor } from '../../src/extract/deploy/compose.js';
import { dockerfileExtractor } from '../../src/extract/deploy/dockerfile.js';
import { dotenvExtractor } from '../../src/extract/deploy/dotenv.js';
import { kubernetesExtractor } from '../../src/extract/deploy/kubernetes.js';
import { nginxExtractor } from '../../src/extract/deploy/nginx.js';
import { shellExtractor } from '../../src/extract/deploy/shell.js';
import { envGeneratorExtractor, typescriptExtractor } from '../../src/extract/source/index.js';
import { bindingLabel } from '../../src/extract/output.js';
import { run } from './deploy/helpers.js';
import { run as runSource } from './source/support.js';

/** `port role runtime [exposure] [listener] [mirrors] — label`, one line per binding. */
const fields = (x: Extraction) =>
  x.bindings.map((b: Binding) =>
    [b.port, b.role, b.runtime ?? '-', b.exposure ? `exposure=${b.exposure}` : '', b.listener ? 'listener' : '', b.mirrorsDefault ? 'mirrors-default' : '', `— ${b.label}`].filter(Boolean).join(' '),
  );

describe('binding fields', () => {
  it('compose: the published host side, the container side and expose: are one exposure list each; environment PORT is the listen port', async () => {
    const text = ['services:', '  mana-sync:', '    ports:', '      - "3051:3050"', '    expose:', '      - "9229"', '    environment:', '      PORT: "3050"', '      KAFKA_LISTENERS: "PLAINTEXT://0.0.0.0:9092"', ''].join('\n');
    const x = await run(composeExtractor, 'docker-compose.yml', text, { known: ['mana-sync'] });
    expect(fields(x)).toEqual([
      '3051 publish container exposure=ports — compose `ports`',
      '3050 listen container exposure=ports — compose `ports (container)`',
      '9229 listen container exposure=expose — compose `expose`',
      '3050 listen container — compose `environment PORT`',
      '9092 listen container listener — compose `listen address`',
    ]);
  });

  it("Dockerfile: statements of the image; EXPOSE is an exposure list, ENV PORT the image's listen port", async () => {
    const x = await run(dockerfileExtractor, 'services/mana-sync/Dockerfile', 'FROM node:20\nENV PORT=3050\nEXPOSE 3050 9464\n', { service: 'mana-sync' });
    expect(fields(x)).toEqual(['3050 listen image — Dockerfile `ENV PORT`', '3050 listen image exposure=EXPOSE — Dockerfile `EXPOSE`', '9464 listen image exposure=EXPOSE — Dockerfile `EXPOSE`']);
  });

  it('Kubernetes: container ports of a pod in the cluster', async () => {
    const text = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: cartservice', 'spec:', '  template:', '    spec:', '      containers:', '        - name: server', '          ports:', '            - containerPort: 7070', ''].join('\n');
    const x = await run(kubernetesExtractor, 'kubernetes-manifests/cartservice.yaml', text, { known: ['cartservice'] });
    expect(fields(x)).toEqual(['7070 listen cluster exposure=ports — kubernetes `ports (container)`']);
  });

  it('processes started directly: an env file mirrors the code default, a runner script does not, a proxy listen is a listen address', async () => {
    expect(fields(await run(dotenvExtractor, 'services/mana-sync/.env', 'PORT=3050\n', { service: 'mana-sync' }))).toEqual(['3050 listen process mirrors-default — .env `PORT=`']);
    expect(fields(await run(shellExtractor, 'scripts/run-stt.sh', 'uvicorn app.main:app --port 3026\n', { service: 'mana-stt' }))).toEqual(['3026 listen process — shell script `--port`']);
    expect(fields(await run(nginxExtractor, 'nginx/nginx.conf', 'server {\n  listen 8080;\n}\n', { service: 'proxy' }))).toEqual(['8080 listen process listener — nginx `listen address`']);
  });

  it("code: a source default listens with no runtime; an env generator's value mirrors the default", async () => {
    const code = await runSource(typescriptExtractor, "export const port = env('PORT', '3062');\n", { path: 'services/mana-user/src/config.ts', service: 'mana-user' });
    expect(fields(code)).toEqual(["3062 listen - — TypeScript default `env('PORT', …)`"]);
    const generator = await runSource(envGeneratorExtractor, "const env = {\n  'mana-user': { PORT: 3062 },\n};\n", { path: 'scripts/generate-env.mjs', services: ['mana-user'] });
    expect(generator.bindings.map((b) => [b.role, b.runtime, b.mirrorsDefault, b.label])).toEqual([['listen', 'process', true, "PORT of 'mana-user' in the env generator"]]);
  });

  it('labels a statement by what people call its format and the words that stated it', () => {
    expect(bindingLabel('dockerfile', 'EXPOSE')).toBe('Dockerfile `EXPOSE`');
    expect(bindingLabel('go', undefined)).toBe('Go default');
    expect(bindingLabel('env-generator', 'PORT of `x` in the env generator')).toBe('PORT of `x` in the env generator');
    expect(bindingLabel('spring', 'server.port')).toBe('spring `server.port`');
  });
});
