import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collect } from '../../src/collect/index.js';
import { defaultConfig } from '../../src/config/defaults.js';
import { check } from '../../src/engine.js';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'pw-discover-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** `name path` of each discovered service. */
function found(root: string, config = defaultConfig()): string[] {
  return collect(root, config).discovered.map((s) => `${s.name} ${s.path}`);
}

describe('discovery: services wherever they live', () => {
  it('finds src/* services holding a Dockerfile or a manifest, and src/* folders with neither are not services', () => {
    const root = tree({
      'src/checkout/Dockerfile': 'FROM golang\nEXPOSE 5050\n',
      'src/checkout/main.go': 'package main\n',
      'src/email/requirements.txt': 'grpcio\n',
      'src/email/server.py': 'print(1)\n',
      'src/utils/strings.ts': 'export const a = 1;\n',
    });
    expect(found(root)).toEqual(['checkout src/checkout', 'email src/email']);
  });

  it('names a service from its manifest: package.json name without scope, go.mod module, .csproj file', () => {
    const root = tree({
      'apps/storefront/package.json': JSON.stringify({ name: '@acme/shop-web', scripts: { dev: 'vite' } }),
      'apps/billing/go.mod': 'module github.com/acme/mono/apps/billing-svc\n\ngo 1.22\n',
      'apps/Orders/Orders.Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>',
    });
    expect(found(root)).toEqual(['Orders.Api apps/Orders', 'billing-svc apps/billing', 'shop-web apps/storefront']);
  });

  it('never names a service after the container folder its files sit in', () => {
    const root = tree({
      'src/cartservice/src/Dockerfile': 'FROM dotnet\n',
      'src/cartservice/src/Program.cs': 'class P {}\n',
      'src/cartservice/tests/Dockerfile': 'FROM dotnet\n',
      'backend/api/Dockerfile': 'FROM node\n',
      'services/worker/internal/Dockerfile': 'FROM go\n',
      'apps/api/Dockerfile': 'FROM node\n',
    });
    const names = found(root, { ...defaultConfig(), services: [] });
    expect(names).toEqual(['api apps/api', 'backend backend', 'worker services/worker', 'cartservice src/cartservice']);
    for (const n of ['src', 'internal', 'services', 'apps', 'cmd', 'packages']) expect(names.map((x) => x.split(' ')[0])).not.toContain(n);
  });

  it('takes the folder and the name from compose build (string, context, dockerfile from the root .env)', () => {
    const root = tree({
      '.env': 'AD_DOCKERFILE=./src/ad/Dockerfile\n',
      'compose.yaml': [
        'services:',
        '  ad:',
        '    build:',
        '      context: ./',
        '      dockerfile: ${AD_DOCKERFILE}',
        '  web:',
        '    build: ./frontend',
        '  api:',
        '    build:',
        '      context: backend',
        '  db:',
        '    image: postgres',
        '',
      ].join('\n'),
      'src/ad/Dockerfile': 'FROM java\n',
      'src/ad/build.gradle': '',
      'frontend/package.json': JSON.stringify({ name: 'storefront' }),
      'backend/main.py': 'print(1)\n',
    });
    expect(found(root)).toEqual(['api backend', 'web frontend', 'ad src/ad']);
  });

  it('reads a compose file whose builds name only declared folders when another find may take a compose key\'s name', () => {
    const root = tree({
      'services/auth/Dockerfile': 'FROM node\n',
      'worker/Dockerfile': 'FROM python\n',
      'docker-compose.yml': 'services:\n  auth:\n    build: ./services/auth\n  worker:\n    image: acme/worker\n',
      'sample/compose.yaml': 'services:\n  app-under-test:\n    build:\n      target: dev\n',
      'sample/index.js': 'x\n',
    });
    const discovered = collect(root, defaultConfig()).discovered;
    expect(discovered.map((s) => `${s.name} ${s.path} ${s.container === true}`)).toEqual(['app-under-test sample true', 'worker worker true']);
  });

  it('reads workspaces: package.json, pnpm-workspace.yaml, go.work and .sln project lines (tests aside)', () => {
    const root = tree({
      'package.json': JSON.stringify({ name: 'mono', workspaces: ['web/*', '!web/legacy'] }),
      'web/shop/package.json': JSON.stringify({ name: '@x/shop', scripts: { start: 'node .' } }),
      'web/legacy/package.json': JSON.stringify({ name: 'legacy', scripts: { start: 'node .' } }),
      'pnpm-workspace.yaml': 'packages:\n  - "tools-ws/*"\n',
      'tools-ws/gen/package.json': JSON.stringify({ name: 'gen', scripts: { serve: 'node .' } }),
      'go.work': 'go 1.22\n\nuse (\n\t./svc/payments\n)\n',
      'svc/payments/go.mod': 'module example.com/payments\n',
      'Shop.sln': 'Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Catalog", "dotnet\\Catalog\\Catalog.csproj", "{1}"\nEndProject\nProject("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Catalog.Tests", "dotnet\\Catalog.Tests\\Catalog.Tests.csproj", "{2}"\nEndProject\n',
      'dotnet/Catalog/Catalog.csproj': '<Project/>',
      'dotnet/Catalog.Tests/Catalog.Tests.csproj': '<Project/>',
    });
    expect(found(root)).toEqual(['Catalog dotnet/Catalog', 'payments svc/payments', 'gen tools-ws/gen', 'shop web/shop']);
  });

  it('leaves out a workspace package nothing starts (a shared library), keeps one with a start script or a Dockerfile', () => {
    const root = tree({
      'package.json': JSON.stringify({ name: 'mono', workspaces: ['packages/*'] }),
      'packages/config/package.json': JSON.stringify({ name: '@x/config', main: 'index.js' }),
      'packages/config/index.js': 'export const DEFAULT_PORT = 3000;\n',
      'packages/gateway/package.json': JSON.stringify({ name: '@x/gateway', scripts: { start: 'node index.js' } }),
      'packages/worker/package.json': JSON.stringify({ name: '@x/worker' }),
      'packages/worker/Dockerfile': 'FROM node\n',
    });
    expect(found(root)).toEqual(['gateway packages/gateway', 'worker packages/worker']);
  });

  it('names a folder after the Kubernetes workload or skaffold artifact it is deployed as, before its manifest', () => {
    const root = tree({
      'k8s/currency.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: currencyservice\nspec: {}\n',
      'src/currencyservice/package.json': JSON.stringify({ name: 'grpc-currency-service' }),
      'src/currencyservice/Dockerfile': 'FROM node\n',
      'skaffold.yaml': 'apiVersion: skaffold/v3\nkind: Config\nbuild:\n  artifacts:\n  - image: frontend\n    context: web/frontend-go\n',
      'web/frontend-go/main.go': 'package main\n',
    });
    expect(found(root)).toEqual(['currencyservice src/currencyservice', 'frontend web/frontend-go']);
  });

  it('links a folder to the Kubernetes workload whose image is named like it', () => {
    const root = tree({
      'deploy/web.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: ghcr.io/acme/storefront:1.4.2\n',
      'storefront/Dockerfile': 'FROM node\n',
      'storefront/package.json': JSON.stringify({ name: 'shop-frontend', scripts: { start: 'node .' } }),
    });
    expect(collect(root, defaultConfig()).discovered.map((s) => `${s.name} ${s.path} ${s.container === true}`)).toEqual(['web storefront true']);
  });

  it('folds a Dockerfile folder inside a service into that service, and skips tooling and hidden folders', () => {
    const root = tree({
      'src/checkout/Dockerfile': 'FROM go\n',
      'src/checkout/genproto/Dockerfile': 'FROM go\n',
      'docs/package.json': JSON.stringify({ name: 'docs-site' }),
      '.devcontainer/Dockerfile': 'FROM x\n',
      'scripts/Dockerfile': 'FROM x\n',
    });
    expect(found(root)).toEqual(['checkout src/checkout']);
  });

  it('leaves a directory the services: globs declare to the glob (explicit wins), and the root is never a service', () => {
    const root = tree({
      'Dockerfile': 'FROM node\n',
      'package.json': JSON.stringify({ name: 'whole-repo' }),
      'services/mana-auth/package.json': JSON.stringify({ name: '@mana/auth' }),
      'services/mana-auth/Dockerfile': 'FROM node\n',
      'docker-compose.yml': 'services:\n  auth:\n    build: ./services/mana-auth\n',
    });
    const collected = collect(root, defaultConfig());
    expect(collected.serviceDirs.map((d) => d.name)).toEqual(['mana-auth']);
    expect(collected.discovered).toEqual([]);
    expect(collected.ownerOf('services/mana-auth/src/config.ts')).toBe('mana-auth');
  });

  it('never reads a manifest through a symlink', () => {
    const outside = tree({ 'package.json': JSON.stringify({ name: 'stolen-name' }) });
    const root = tree({ 'apps/web/Dockerfile': 'FROM node\n' });
    symlinkSync(join(outside, 'package.json'), join(root, 'apps/web/package.json'));
    expect(found(root)).toEqual(['web apps/web']);
  });

  it('gives discovered folders their files: a PORT default under src/* is its service\'s', async () => {
    const root = tree({
      'src/frontend/Dockerfile': 'FROM golang\n',
      'src/frontend/go.mod': 'module github.com/acme/shop/src/frontend\n',
      'src/frontend/main.go': 'package main\n\nimport "os"\n\nfunc main() {\n\tport := os.Getenv("PORT")\n\tif port == "" {\n\t\tport = "8080"\n\t}\n\t_ = port\n}\n',
      'src/payment/package.json': JSON.stringify({ name: 'payment', scripts: { start: 'node index.js' } }),
      'src/payment/index.js': "const port = process.env.PORT || 50051;\nrequire('http').createServer().listen(port);\n",
      'src/email/requirements.txt': 'grpcio\n',
      'src/email/server.py': 'import os\nport = os.environ.get("PORT", "8081")\n',
    });
    const collected = collect(root, defaultConfig());
    expect(collected.ownerOf('src/frontend/main.go')).toBe('frontend');
    const { model } = await check({ root, defaultConfig: true });
    const bound = model.bindings.map((b) => `${b.service} ${b.port} ${b.location.file}`).sort();
    expect(bound).toEqual(expect.arrayContaining(['email 8081 src/email/server.py', 'payment 50051 src/payment/index.js']));
  });
});

describe('defaults in the code of a service run as a container', () => {
  const app = (name: string) => ({
    [`${name}/package.json`]: JSON.stringify({ name, scripts: { start: 'node index.js' } }),
    [`${name}/index.js`]: "const port = process.env.PORT || 8080;\nrequire('http').createServer().listen(port);\n",
  });

  it('are the container\'s port: two compose-built services defaulting to 8080 do not collide on the host', async () => {
    const root = tree({ ...app('orders'), ...app('billing'), 'compose.yaml': 'services:\n  orders:\n    build: ./orders\n  billing:\n    build: ./billing\n' });
    const { findings, model } = await check({ root, defaultConfig: true });
    expect(model.bindings.filter((b) => b.kind === 'source-default').map((b) => `${b.service} ${b.port} ${b.network}`).sort()).toEqual(['billing 8080 container', 'orders 8080 container']);
    expect(findings.map((f) => f.ruleId)).not.toContain('collision/same-host');
  });

  it('still collide on the developer\'s machine when nothing runs them as containers', async () => {
    const root = tree({ ...app('orders'), ...app('billing') });
    const { findings } = await check({ root, defaultConfig: true });
    expect(findings.filter((f) => f.ruleId === 'collision/same-host').map((f) => f.severity)).toEqual(['warning']);
  });
});

describe('a tree without services says so', () => {
  it('reports input/no-services as a notice naming where it looked and how to declare services', async () => {
    const root = tree({ 'README.md': '# nothing here\n', 'lib/util.ts': 'export const x = 1;\n' });
    const result = await check({ root, defaultConfig: true });
    const notice = result.findings.find((f) => f.ruleId === 'input/no-services');
    expect(notice?.severity).toBe('notice');
    expect(notice?.message).toContain('`services/*`');
    expect(notice?.message).toContain('compose `build:`');
    expect(notice?.message).toContain('src/*');
    expect(notice?.message).toMatch(/services: \["backend\/\*"\]/);
  });

  it('stays quiet when something was found: a discovered service, a compose service without a build, or a registry', async () => {
    for (const files of [
      { 'src/api-gw/Dockerfile': 'FROM node\n' },
      { 'docker-compose.yml': 'services:\n  db:\n    image: postgres\n' },
      { 'docs/PORT_SCHEMA.md': '# Ports\n' },
    ] as Record<string, string>[]) {
      const result = await check({ root: tree(files), defaultConfig: true });
      expect(result.findings.map((f) => f.ruleId)).not.toContain('input/no-services');
    }
  });
});
