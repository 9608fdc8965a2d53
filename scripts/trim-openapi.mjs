#!/usr/bin/env node
// Trims GitHub's official OpenAPI description (the one file `generated/api.github.com.json`
// of the large `@octokit/openapi` package, which is deliberately not a dependency) down to
// the operations portwarden calls, plus every `#/components/...` they reference, followed
// transitively. The result is what the end-to-end tests' stand-in for api.github.com
// validates every request against.
//
//   cd /tmp && npm pack @octokit/openapi@23.0.2 && tar xzf octokit-openapi-*.tgz
//   node scripts/trim-openapi.mjs /tmp/package/generated/api.github.com.json
//
// Re-run it when the runtime starts calling a new endpoint (add the operationId below).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** operationIds the Action and the `/assign-port` command may call. */
export const OPERATIONS = [
  'checks/create',
  'checks/update',
  'checks/list-for-ref',
  'pulls/get',
  'pulls/list-files',
  'pulls/list-review-comments',
  'pulls/create-review',
  'pulls/create-review-comment',
  'pulls/update-review-comment',
  'issues/list-comments',
  'issues/get-comment',
  'issues/create-comment',
  'issues/update-comment',
  'issues/delete-comment',
  'reactions/create-for-issue-comment',
  'repos/get',
  'repos/get-collaborator-permission-level',
  'repos/get-content',
  'repos/create-or-update-file-contents',
  'git/get-ref',
  'git/create-ref',
  'pulls/list',
  'pulls/create',
];

/**
 * GitHub's GraphQL endpoint is not in the REST description. The runtime may use it to
 * resolve review threads; this hand-written operation checks the envelope only
 * (a `query` string, optional `variables` object), which is all REST tooling can check.
 */
const GRAPHQL_PATH = {
  post: {
    operationId: 'graphql',
    summary: 'GraphQL endpoint (hand-written by scripts/trim-openapi.mjs: not part of the REST description)',
    requestBody: {
      required: true,
      content: {
        'application/json': {
          schema: {
            type: 'object',
            required: ['query'],
            properties: {
              query: { type: 'string', minLength: 1 },
              variables: { type: 'object' },
              operationName: { type: 'string' },
            },
          },
        },
      },
    },
    responses: {
      200: {
        description: 'GraphQL response',
        content: { 'application/json': { schema: { type: 'object', properties: { data: { type: 'object' } } } } },
      },
    },
  },
};

/** Collects every `$ref` string inside `node`. */
function collectRefs(node, out) {
  if (Array.isArray(node)) for (const item of node) collectRefs(item, out);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.add(value);
      else collectRefs(value, out);
    }
  }
}

/** Resolves a local JSON pointer like `#/components/schemas/simple-user`. */
function resolvePointer(doc, ref) {
  if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported, found '${ref}'`);
  const parts = ref.slice(2).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node = doc;
  for (const part of parts) {
    node = node?.[part];
    if (node === undefined) throw new Error(`Dangling $ref '${ref}'`);
  }
  return { parts, node };
}

/** Returns a new description with only `operationIds` and what they reference. */
export function trim(full, operationIds = OPERATIONS) {
  const wanted = new Set(operationIds);
  const paths = {};
  for (const [path, item] of Object.entries(full.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!op || typeof op !== 'object' || !wanted.has(op.operationId)) continue;
      paths[path] ??= {};
      // Path-level parameters apply to every method under the path.
      if (item.parameters) paths[path].parameters = item.parameters;
      paths[path][method] = op;
      wanted.delete(op.operationId);
    }
  }
  if (wanted.size > 0) throw new Error(`Operations not found in the description: ${[...wanted].join(', ')}`);
  paths['/graphql'] = GRAPHQL_PATH;

  const components = {};
  const seen = new Set();
  const queue = new Set();
  collectRefs(paths, queue);
  while (queue.size > 0) {
    const [ref] = queue;
    queue.delete(ref);
    if (seen.has(ref)) continue;
    seen.add(ref);
    const { parts, node } = resolvePointer(full, ref);
    if (parts[0] !== 'components' || parts.length !== 3) throw new Error(`Unexpected $ref shape '${ref}'`);
    const [, section, name] = parts;
    components[section] ??= {};
    components[section][name] = node;
    const inner = new Set();
    collectRefs(node, inner);
    for (const r of inner) if (!seen.has(r)) queue.add(r);
  }
  // Sorted keys keep the committed file's diff small when the list changes.
  const sortedComponents = Object.fromEntries(
    Object.keys(components)
      .sort()
      .map((section) => [section, Object.fromEntries(Object.keys(components[section]).sort().map((k) => [k, components[section][k]]))]),
  );
  return {
    openapi: full.openapi,
    info: { ...full.info, description: `Trimmed by portwarden's scripts/trim-openapi.mjs to ${operationIds.length} operations (+ a hand-written /graphql envelope). Source: @octokit/openapi ${full.info?.version ?? ''}`.trim() },
    servers: full.servers,
    paths: Object.fromEntries(Object.keys(paths).sort().map((p) => [p, paths[p]])),
    components: sortedComponents,
  };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const input = process.argv[2];
  if (!input) {
    console.error('usage: node scripts/trim-openapi.mjs <path to @octokit/openapi generated/api.github.com.json> [out]');
    process.exit(2);
  }
  const here = dirname(fileURLToPath(import.meta.url));
  const out = process.argv[3] ?? resolve(here, '../test/e2e/github-api/api.github.com.trimmed.json');
  const trimmed = trim(JSON.parse(readFileSync(input, 'utf8')));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(trimmed, null, 1) + '\n');
  const counts = Object.entries(trimmed.components).map(([k, v]) => `${Object.keys(v).length} ${k}`).join(', ');
  console.log(`wrote ${out}: ${Object.keys(trimmed.paths).length} paths; components: ${counts}`);
}
