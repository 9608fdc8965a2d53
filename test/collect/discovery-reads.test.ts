/**
 * `discoveryMayRead` names every file discovery reads: a commit read from git objects fetches
 * those blobs in one go before collect runs, so a file it missed would cost a git process of
 * its own (correct, but slow).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover, discoveryMayRead } from '../../src/collect/discover.js';
import { walk } from '../../src/collect/walk.js';
import { BUILTIN_IGNORES, DEFAULT_MAX_FILE_BYTES } from '../../src/config/defaults.js';

const EXAMPLE = join(import.meta.dirname, '../../examples/monorepo');
const FIXTURES = join(import.meta.dirname, '../fixtures/repos');

/** Every kind of file discovery looks at: compose, Kubernetes, skaffold, each workspace format, manifests. */
const WORKSPACES: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'mono', workspaces: ['web/*'] }),
  'web/shop/package.json': JSON.stringify({ name: '@x/shop', scripts: { start: 'node .' } }),
  'web/lib/package.json': JSON.stringify({ name: '@x/lib' }),
  'pnpm-workspace.yaml': 'packages:\n  - "tools-ws/*"\n',
  'tools-ws/gen/package.json': JSON.stringify({ name: 'gen', scripts: { serve: 'node .' } }),
  'go.work': 'go 1.22\n\nuse (\n\t./svc/payments\n)\n',
  'svc/payments/go.mod': 'module example.com/payments\n',
  'Shop.sln': 'Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Catalog", "dotnet\\Catalog\\Catalog.csproj", "{1}"\nEndProject\n',
  'Shop.slnx': '<Solution><Project Path="dotnet/Orders/Orders.csproj" /></Solution>\n',
  'dotnet/Catalog/Catalog.csproj': '<Project/>',
  'dotnet/Orders/Orders.csproj': '<Project/>',
  'k8s/currency.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: currencyservice\nspec: {}\n',
  'src/currencyservice/package.json': JSON.stringify({ name: 'grpc-currency-service' }),
  'src/currencyservice/Dockerfile': 'FROM node\n',
  'skaffold.yml': 'apiVersion: skaffold/v3\nkind: Config\nbuild:\n  artifacts:\n  - image: frontend\n    context: web/frontend-go\n',
  'web/frontend-go/main.go': 'package main\n',
  'compose.yaml': 'services:\n  api:\n    build: ./api\n',
  'api/Dockerfile': 'FROM node\n',
  'api/go.mod': 'module example.com/api\n',
  'cmd/worker/main.go': 'package main\n',
};

/** The paths discovery reads in the tree at `root`. */
function readsOf(root: string): string[] {
  const walked = walk(root, [...BUILTIN_IGNORES], []);
  const reads: string[] = [];
  const files = walked.files.map((f) => ({ ...f, blob: { id: f.path, size: 0, load: () => (reads.push(f.path), readFileSync(f.abs)) } }));
  discover(files, [], DEFAULT_MAX_FILE_BYTES);
  return reads;
}

describe('discoveryMayRead', () => {
  it('names every file discovery reads: the example, the fixture repositories, and every workspace and deploy format', () => {
    const workspaces = mkdtempSync(join(tmpdir(), 'pw-discovery-reads-'));
    for (const [path, text] of Object.entries(WORKSPACES)) {
      mkdirSync(dirname(join(workspaces, path)), { recursive: true });
      writeFileSync(join(workspaces, path), text);
    }
    const example = mkdtempSync(join(tmpdir(), 'pw-discovery-reads-'));
    cpSync(EXAMPLE, example, { recursive: true });
    const all: string[] = [];
    for (const root of [workspaces, example, join(FIXTURES, 'bad-input'), join(FIXTURES, 'clean'), join(FIXTURES, 'no-registry')]) {
      const reads = readsOf(root);
      expect(reads.filter((p) => !discoveryMayRead(p)), root).toEqual([]);
      all.push(...reads);
    }
    // Each format was read at least once, so the test sees what it claims to.
    for (const name of ['package.json', 'pnpm-workspace.yaml', 'go.work', 'go.mod', 'Shop.sln', 'Shop.slnx', 'k8s/currency.yaml', 'skaffold.yml', 'compose.yaml']) {
      expect(all.some((p) => p === name || p.endsWith(`/${name}`)), name).toBe(true);
    }
  });
});
