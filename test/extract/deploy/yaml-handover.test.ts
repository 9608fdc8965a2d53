/**
 * Discovery parses compose files and Kubernetes manifests before extraction, and hands its
 * parse to the extractor that reads the same file (src/core/yaml-parse.ts). That must change
 * nothing: over the deploy fixtures, the example, a generated tree, awkward inputs and the
 * real-world corpus, every YAML file extracts exactly as it does from a parse of its own, and
 * the hand-over really happens (the comparison would otherwise prove nothing).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { generate } from '../../../bench/generate.mjs';
import { discover } from '../../../src/collect/discover.js';
import { walk } from '../../../src/collect/walk.js';
import { BUILTIN_IGNORES, DEFAULT_MAX_FILE_BYTES } from '../../../src/config/defaults.js';
import { HostModel } from '../../../src/core/hosts.js';
import { ServiceIndex } from '../../../src/core/services.js';
import { MAX_KEPT_CHARS, forgetKeptYaml, keptYamlPaths, yamlDocument, yamlStream } from '../../../src/core/yaml-parse.js';
import type { ExtractContext } from '../../../src/extract/extractor.js';
import { extractFile, wanted, type FileJob } from '../../../src/extract/files.js';
import { CORPUS, corpusOptions, unpack } from '../../corpus/corpus.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/deploy');
const EXAMPLE = join(import.meta.dirname, '../../../examples/monorepo');

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'pw-yaml-handover-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** Files that take every path of discovery and the YAML extractors: anchors, errors, templates, several documents. */
const AWKWARD: Record<string, string> = {
  'compose.yaml': 'x-base: &base\n  environment:\n    PORT: "3001"\nservices:\n  api:\n    <<: *base\n    build: ./api\n    ports: ["3041:3001"]\n  web:\n    build: { context: ./web, dockerfile: Dockerfile.dev }\n    ports:\n      - target: 80\n        published: 8080\n',
  'api/Dockerfile': 'FROM node\n',
  'web/Dockerfile.dev': 'FROM node\n',
  'docker-compose.broken.yml': 'services:\n  api:\n    build: ./api\n    ports: ["3041:3001"\n  bad: [\n',
  'docker-compose.dup.yml': 'services:\n  api:\n    build: ./api\n    ports: ["1:1"]\n    ports: ["3042:3001"]\n  api:\n    image: x\n    ports: ["3043:3001"]\n',
  'k8s/app.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  labels: &l { app: api }\nspec:\n  template:\n    metadata:\n      labels: *l\n    spec:\n      containers:\n        - name: api\n          image: acme/api:1\n          ports:\n            - containerPort: 3001\n              name: http\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  selector: { app: api }\n  ports:\n    - port: 80\n      targetPort: http\n---\nkind: Deployment\nmetadata: [\n',
  'k8s/empty.yaml': '# kind: Deployment\n',
  'chart/templates/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Values.name }}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: {{ .Values.repo }}/web:{{ .Values.tag }}\n          ports:\n            - containerPort: 8080\n',
  'skaffold.yaml': 'apiVersion: skaffold/v4beta1\nkind: Config\nbuild:\n  artifacts:\n    - image: web\n      context: web\n',
  'svc/src/main/resources/application.yml': 'server:\n  port: 8081\n---\nspring:\n  config:\n    activate:\n      on-profile: dev\nserver:\n  port: 8082\nkind: Config\n',
};

/**
 * Every YAML file of the tree at `root` the extractors read, extracted after discovery (taking
 * its parses) and again from parses of their own; with the paths whose parse was taken.
 */
async function bothWays(root: string): Promise<{ handedOver: unknown[]; own: unknown[]; taken: string[]; paths: string[] }> {
  const walked = walk(root, [...BUILTIN_IGNORES], []);
  const found = discover(walked.files, [], DEFAULT_MAX_FILE_BYTES);
  const kept = keptYamlPaths();
  const services = new ServiceIndex();
  for (const s of found.services) services.add(s.name);
  const ctx: ExtractContext = { hosts: new HostModel(), services, env: new Map() };
  const jobs: FileJob[] = walked.files.map((f) => ({ ...f, isDoc: false })).filter((j) => /\.ya?ml$/.test(j.path) && wanted(j));
  const handedOver = [];
  for (const job of jobs) handedOver.push(await extractFile(job, ctx, DEFAULT_MAX_FILE_BYTES));
  const taken = kept.filter((p) => !keptYamlPaths().includes(p));
  forgetKeptYaml();
  const own = [];
  for (const job of jobs) own.push(await extractFile(job, ctx, DEFAULT_MAX_FILE_BYTES));
  return { handedOver, own, taken, paths: jobs.map((j) => j.path) };
}

async function expectSame(root: string, mustTake: string[] = []): Promise<string[]> {
  const { handedOver, own, taken, paths } = await bothWays(root);
  for (const [i, path] of paths.entries()) expect(handedOver[i], path).toEqual(own[i]);
  for (const path of mustTake) expect(taken, path).toContain(path);
  return taken;
}

describe('one YAML parse per file for discovery and extraction', () => {
  test('a kept parse is taken once, by the same path and text only, and released', () => {
    forgetKeptYaml();
    const text = 'services:\n  a:\n    image: x\n';
    const doc = yamlDocument('compose.yaml', text, { keep: true });
    expect(keptYamlPaths()).toEqual(['compose.yaml']);
    expect(yamlDocument('compose.yaml', text)).toBe(doc);
    expect(keptYamlPaths()).toEqual([]);
    expect(yamlDocument('compose.yaml', text)).not.toBe(doc);

    yamlDocument('compose.yaml', text, { keep: true });
    const other = yamlDocument('compose.yaml', `${text}# changed\n`);
    expect(other.toJS()).toEqual({ services: { a: { image: 'x' } } });
    expect(keptYamlPaths()).toEqual([]);

    const two = 'a: 1\n---\nb: 2\n';
    yamlStream('k.yaml', two, { keep: true });
    // Read in the other form, the text is parsed again (one document of two is an error) and the kept parse released.
    expect(yamlDocument('k.yaml', two).errors.length).toBeGreaterThan(0);
    expect(keptYamlPaths()).toEqual([]);
    const stream = yamlStream('k.yaml', two, { keep: true });
    expect(yamlStream('k.yaml', two)).toBe(stream);
    yamlStream('k.yaml', two, { keep: true });
    forgetKeptYaml();
    expect(keptYamlPaths()).toEqual([]);
  });

  test('what is kept is bounded, and the next discovery drops what no reader took', () => {
    forgetKeptYaml();
    const big = `a: "${'x'.repeat(MAX_KEPT_CHARS)}"\n`;
    yamlDocument('big.yaml', big, { keep: true });
    expect(keptYamlPaths()).toEqual([]);
    yamlDocument('small.yaml', 'a: 1\n', { keep: true });
    discover([], [], DEFAULT_MAX_FILE_BYTES);
    expect(keptYamlPaths()).toEqual([]);
  });

  test('awkward files: anchors, duplicate keys, errors, templates, several documents', async () => {
    const taken = await expectSame(tree(AWKWARD), ['compose.yaml', 'docker-compose.broken.yml', 'docker-compose.dup.yml', 'k8s/app.yaml']);
    // A template is blanked by discovery and made inert by the extractor: two texts, two parses.
    expect(taken).not.toContain('chart/templates/deployment.yaml');
  });

  test('the deploy fixtures, the example and a generated tree', async () => {
    await expectSame(FIXTURES, ['docker-compose.macmini.yml']);
    await expectSame(EXAMPLE);
    const scratch = mkdtempSync(join(tmpdir(), 'pw-yaml-handover-gen-'));
    generate(join(scratch, 'n12'), 12);
    await expectSame(join(scratch, 'n12'));
  });

  test('the real-world corpus', { ...corpusOptions(), timeout: 300_000 }, async () => {
    const taken: string[] = [];
    for (const name of CORPUS) taken.push(...(await expectSame(unpack(name))));
    expect(taken).toEqual(expect.arrayContaining(['kubernetes-manifests/frontend.yaml', 'release/kubernetes-manifests.yaml', 'compose.yaml']));
  });
});
