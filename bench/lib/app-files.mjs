/**
 * The bulk of a synthetic service: the files a real service has that state no port of its
 * own. Route handlers, the entry module, tests and fixtures, a lock file, a changelog and
 * design notes, tool configs. Their number varies per service (a few small services, most
 * middling, some large), so a tree looks like a monorepo grown over years rather than one
 * service copied N times. Some of them mention "port" or a URL in passing (an `import`, a
 * docs link, `config.port`): the prefilter lets those through and the parse finds nothing,
 * which is what most of a real tree costs.
 */

/** Entities a service's routes deal with, in rotation. */
const ENTITIES = ['invoice', 'customer', 'order', 'payment', 'ticket', 'document', 'job', 'account', 'subscription', 'webhook', 'export', 'device', 'message', 'report', 'tenant', 'token'];

/** A small stable hash of the service index, to vary sizes without a random stream. */
const spread = (i, salt) => (((i + 1) * 2654435761 + salt * 40503) >>> 0) % 1000;

/** How many route modules service `index` has: 1 to 12, most 3 to 6. */
export function routeCount(index) {
  const h = spread(index, 1);
  if (h < 150) return 1 + (h % 2);
  if (h < 850) return 3 + (h % 4);
  return 7 + (h % 6);
}

/** Returns `[relativePath, text]` pairs for service `s` (paths relative to the service dir). */
export function appFiles(s, topic) {
  const files = [];
  const routes = Array.from({ length: routeCount(s.index) }, (_, k) => ENTITIES[(s.index + k * 5) % ENTITIES.length] + (k >= ENTITIES.length ? `-${k}` : ''));
  files.push(['CHANGELOG.md', changelog(s, topic)]);
  if (s.index % 2 === 0) files.push(['docs/architecture.md', architecture(s, topic, routes)]);
  if (s.index % 3 === 0) files.push(['docs/runbook.md', runbook(s, topic)]);
  files.push(['.dockerignore', 'node_modules\n.git\n*.log\ncoverage\n.env.local\n']);
  if (s.index % 4 === 1) files.push(['openapi.yaml', openapi(s, topic, routes)]);
  if (s.lang === 'python') files.push(...pythonApp(s, routes));
  else if (s.lang === 'go') files.push(...goApp(s, routes));
  else files.push(...tsApp(s, routes));
  return files;
}

function changelog(s, topic) {
  const out = [`# Changelog of ${s.name}`, '', 'All notable changes; dates are release dates (UTC).', ''];
  const releases = 4 + (spread(s.index, 2) % 20);
  for (let r = releases; r >= 1; r--) {
    const month = ((r * 7 + s.index) % 12) + 1;
    out.push(`## 2.${r % 10}.${r % 7} — 2025-${String(month).padStart(2, '0')}-${String(((r * 3) % 27) + 1).padStart(2, '0')}`, '');
    out.push(`- ${topic}: batches of up to ${250 * (1 + (r % 4))} records, ${r % 2 ? 'retries with jitter' : 'idempotent retries'} (#${1000 + r * 13 + s.index})`);
    out.push(`- p99 latency down from ${300 + r * 5} ms to ${180 + r * 3} ms after the ${r % 3 ? 'cache' : 'index'} change`);
    if (r % 3 === 0) out.push(`- removed the v1 ${topic} endpoint, deprecated since 2024-${String((r % 12) + 1).padStart(2, '0')}`);
    out.push('');
  }
  return out.join('\n');
}

function architecture(s, topic, routes) {
  return `# ${s.name}: architecture

${s.name} owns ${topic}. Requests arrive through the gateway, are validated, and land in a
queue; a worker pool of ${4 + (s.index % 8)} drains it. State lives in Postgres (schema \`${s.name.replace(/-/g, '_')}\`),
with a read-through cache in front of the hottest ${routes.length > 1 ? routes.slice(0, 2).join(' and ') : routes[0]} lookups.

## Modules

| Module | Owns | Notes |
|--------|------|-------|
${routes.map((r, k) => `| routes/${r} | ${r} CRUD | ${k % 2 ? 'paginated, 50 per page' : 'cursor-based, 200 per page'} |`).join('\n')}
| cache | hot keys | LRU, ${1000 + (s.index % 9) * 500} entries, 60 s TTL |
| retry | outbound calls | 3 attempts, 250 ms base delay |

## Data flow

1. The handler checks the tenant's quota (${100 + (s.index % 10) * 50} requests per second).
2. The payload is validated against the schema in \`openapi.yaml\`.
3. Writes go to the outbox table; the relay publishes them within 2 s.

## Decisions

- 2025-11-04: moved from polling to the outbox pattern (ADR 0${(s.index % 40) + 10}).
- 2026-01-19: dropped the per-${routes[0]} lock; conflicts are rare (0.02% of writes).
`;
}

function runbook(s, topic) {
  return `# Runbook: ${s.name}

## Alerts

- **HighErrorRate** (> 1% of requests for 5 min): check the last deploy, then the database.
- **QueueBacklog** (> ${5000 + s.index} jobs): scale the workers to ${8 + (s.index % 4)} replicas.
- **SlowRequests** (p99 > 750 ms for 10 min): look at the ${topic} dashboard first.

Dashboards: https://grafana.example.com/d/${s.name}/overview — logs: https://logs.example.com/app/${s.name}

## Common fixes

1. Restart a stuck worker: \`kubectl rollout restart deploy/${s.name}-worker\`.
2. Replay the dead-letter queue (at most 500 messages at a time).
3. Rotate credentials: see the secrets handbook, section 4.2.
`;
}

function openapi(s, topic, routes) {
  const out = ['openapi: 3.0.3', 'info:', `  title: ${s.name}`, `  description: ${topic} API`, `  version: 2.${s.index % 10}.${s.index % 7}`, 'paths:'];
  for (const r of routes) {
    out.push(`  /${r}s:`, '    get:', `      summary: List ${r}s`, '      parameters:', '        - { name: limit, in: query, schema: { type: integer, maximum: 200 } }', '      responses:', "        '200': { description: OK }");
    out.push(`  /${r}s/{id}:`, '    get:', `      summary: One ${r}`, '      responses:', "        '200': { description: OK }", "        '404': { description: Not found }");
  }
  return out.join('\n') + '\n';
}

const cap = (text) => text[0].toUpperCase() + text.slice(1);
const camel = (text) => text.replace(/-(\w)/g, (_, c) => c.toUpperCase());

function tsApp(s, routes) {
  const files = [];
  files.push(['src/index.ts', `/** Entry point of ${s.name}: builds the app and starts serving. */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { config } from './config';
${routes.map((r) => `import { ${camel(r)}Routes } from './routes/${r}';`).join('\n')}

const app = new Hono();
app.get('/health', (c) => c.json({ status: 'ok' }));
${routes.map((r) => `app.route('/${r}s', ${camel(r)}Routes);`).join('\n')}

serve({ fetch: app.fetch, port: config.port });
`]);
  for (const [k, r] of routes.entries()) files.push([`src/routes/${r}.ts`, tsRoute(s, r, k)]);
  files.push([`test/routes.test.ts`, `import { describe, expect, it } from 'vitest';
${routes.map((r) => `import { validate${cap(camel(r))} } from '../src/routes/${r}';`).join('\n')}

describe('${s.name} validation', () => {
${routes.map((r) => `  it('rejects an empty ${r}', () => {\n    expect(validate${cap(camel(r))}({})).toContain('name is required');\n  });`).join('\n')}
});
`]);
  files.push(['tsconfig.json', JSON.stringify({ extends: '../../tsconfig.base.json', compilerOptions: { outDir: 'dist', rootDir: 'src' }, include: ['src'] }, null, 2) + '\n']);
  files.push(['package-lock.json', serviceLock(s, 20 + (spread(s.index, 3) % 120))]);
  return files;
}

function tsRoute(s, r, k) {
  const T = cap(camel(r));
  return `/** Routes of the ${r} resource of ${s.name}. */
import { Hono } from 'hono';

export interface ${T} {
  id: string;
  name: string;
  createdAt: string;
  tags: string[];
  amount?: number;
}

const store = new Map<string, ${T}>();
const PAGE_SIZE = ${50 + k * 25};

/** The problems with \`input\`, empty when it is a valid ${r}. */
export function validate${T}(input: Partial<${T}>): string[] {
  const problems: string[] = [];
  if (!input.name) problems.push('name is required');
  else if (input.name.length > ${120 + k}) problems.push('name is too long');
  if (input.amount !== undefined && (input.amount < 0 || input.amount > ${1_000_000 * (k + 1)})) problems.push('amount is out of range');
  if (input.tags && input.tags.length > 20) problems.push('at most 20 tags');
  return problems;
}

export const ${camel(r)}Routes = new Hono()
  .get('/', (c) => {
    const offset = Number(c.req.query('offset') ?? 0);
    const items = [...store.values()].slice(offset, offset + PAGE_SIZE);
    return c.json({ items, next: offset + items.length < store.size ? offset + PAGE_SIZE : null });
  })
  .get('/:id', (c) => {
    const item = store.get(c.req.param('id'));
    return item ? c.json(item) : c.json({ error: 'not found' }, 404);
  })
  .post('/', async (c) => {
    const body = (await c.req.json()) as Partial<${T}>;
    const problems = validate${T}(body);
    if (problems.length) return c.json({ problems }, 422);
    const item: ${T} = { id: crypto.randomUUID(), name: body.name!, createdAt: new Date().toISOString(), tags: body.tags ?? [], amount: body.amount };
    store.set(item.id, item);
    return c.json(item, 201);
  })
  .delete('/:id', (c) => (store.delete(c.req.param('id')) ? c.body(null, 204) : c.json({ error: 'not found' }, 404)));
`;
}

/** A service's own lock file: `count` packages, read by nothing (it is not package.json). */
function serviceLock(s, count) {
  const packages = { '': { name: `@platform/${s.name}`, version: `2.${s.index % 10}.${s.index % 7}` } };
  for (let i = 0; i < count; i++) {
    const name = `dep-${((i * 7919 + s.index) % 4096).toString(36)}`;
    const version = `${i % 9}.${(i * 3) % 40}.${(i + s.index) % 20}`;
    packages[`node_modules/${name}`] = { version, resolved: `https://registry.npmjs.org/${name}/-/${name}-${version}.tgz`, integrity: `sha512-${hashLike(s.index * 1000 + i)}==`, dev: i % 4 === 0 };
  }
  return JSON.stringify({ name: `@platform/${s.name}`, lockfileVersion: 3, requires: true, packages }, null, 2) + '\n';
}

/** 86 characters that look like a base64 hash, derived from `seed`. */
function hashLike(seed) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  let x = (seed * 2654435761) >>> 0;
  for (let i = 0; i < 86; i++) {
    x = (Math.imul(x ^ (x >>> 13), 0x5bd1e995) + i) >>> 0;
    out += alphabet[x & 63];
  }
  return out;
}

function pythonApp(s, routes) {
  const files = [['app/__init__.py', `"""${s.name} application package."""\n`]];
  for (const [k, r] of routes.entries()) {
    const T = cap(camel(r));
    files.push([`app/routes/${r.replace(/-/g, '_')}.py`, `"""Routes of the ${r} resource."""

from datetime import datetime, timezone
from uuid import uuid4

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel, Field

router = APIRouter(prefix="/${r}s", tags=["${r}"])
PAGE_SIZE = ${50 + k * 25}


class ${T}(BaseModel):
    id: str = Field(default_factory=lambda: str(uuid4()))
    name: str = Field(min_length=1, max_length=${120 + k})
    created_at: datetime = Field(default_factory=lambda: datetime.now(timezone.utc))
    tags: list[str] = Field(default_factory=list, max_length=20)
    amount: float | None = Field(default=None, ge=0, le=${1_000_000 * (k + 1)})


_store: dict[str, ${T}] = {}


@router.get("/")
def list_${r.replace(/-/g, '_')}s(offset: int = 0) -> dict:
    items = list(_store.values())[offset : offset + PAGE_SIZE]
    more = offset + len(items) < len(_store)
    return {"items": items, "next": offset + PAGE_SIZE if more else None}


@router.get("/{item_id}")
def get_${r.replace(/-/g, '_')}(item_id: str) -> ${T}:
    if item_id not in _store:
        raise HTTPException(status_code=404, detail="not found")
    return _store[item_id]


@router.post("/", status_code=201)
def create_${r.replace(/-/g, '_')}(item: ${T}) -> ${T}:
    _store[item.id] = item
    return item
`]);
  }
  files.push(['tests/test_routes.py', `"""Tests of ${s.name}'s routes."""

from fastapi.testclient import TestClient

from app.main import app

client = TestClient(app)

${routes.map((r) => `\ndef test_${r.replace(/-/g, '_')}_not_found():\n    assert client.get("/${r}s/missing").status_code == 404\n`).join('')}`]);
  files.push(['pyproject.toml', `[project]\nname = "${s.name}"\nversion = "2.${s.index % 10}.${s.index % 7}"\nrequires-python = ">=3.12"\n\n[tool.ruff]\nline-length = 120\n\n[tool.pytest.ini_options]\ntestpaths = ["tests"]\n`]);
  files.push(['requirements.lock', Array.from({ length: 15 + (spread(s.index, 4) % 40) }, (_, i) => `pkg-${((i * 31 + s.index) % 997).toString(36)}==${i % 7}.${(i * 5) % 30}.${i % 11} \\\n    --hash=sha256:${hashLike(s.index * 7 + i).slice(0, 64)}`).join('\n') + '\n']);
  return files;
}

function goApp(s, routes) {
  const files = [];
  files.push(['main.go', `package main

import (
	"log"
	"net/http"

	"github.com/go-chi/chi/v5"
)

func main() {
	r := chi.NewRouter()
	r.Get("/health", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok")) })
${routes.map((r) => `	r.Mount("/${r}s", ${camel(r)}Router())`).join('\n')}
	log.Printf("${s.name} listening on :%s", listenPort)
	log.Fatal(http.ListenAndServe(":"+listenPort, r))
}
`]);
  for (const [k, r] of routes.entries()) {
    const T = cap(camel(r));
    files.push([`handlers_${r.replace(/-/g, '_')}.go`, `package main

// Handlers of the ${r} resource.

import (
	"encoding/json"
	"net/http"
	"strconv"
	"sync"

	"github.com/go-chi/chi/v5"
)

const ${camel(r)}PageSize = ${50 + k * 25}

type ${T} struct {
	ID     string   \`json:"id"\`
	Name   string   \`json:"name"\`
	Tags   []string \`json:"tags"\`
	Amount float64  \`json:"amount,omitempty"\`
}

var (
	${camel(r)}Mu    sync.RWMutex
	${camel(r)}Store = map[string]${T}{}
)

func ${camel(r)}Router() http.Handler {
	r := chi.NewRouter()
	r.Get("/", func(w http.ResponseWriter, req *http.Request) {
		offset, _ := strconv.Atoi(req.URL.Query().Get("offset"))
		${camel(r)}Mu.RLock()
		defer ${camel(r)}Mu.RUnlock()
		items := make([]${T}, 0, ${camel(r)}PageSize)
		for _, item := range ${camel(r)}Store {
			if offset > 0 {
				offset--
				continue
			}
			if len(items) == ${camel(r)}PageSize {
				break
			}
			items = append(items, item)
		}
		json.NewEncoder(w).Encode(items)
	})
	r.Get("/{id}", func(w http.ResponseWriter, req *http.Request) {
		${camel(r)}Mu.RLock()
		item, ok := ${camel(r)}Store[chi.URLParam(req, "id")]
		${camel(r)}Mu.RUnlock()
		if !ok {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		json.NewEncoder(w).Encode(item)
	})
	return r
}
`]);
  }
  files.push(['go.sum', Array.from({ length: 10 + (spread(s.index, 5) % 50) }, (_, i) => {
    const mod = `github.com/example/lib${((i * 13 + s.index) % 211).toString(36)} v1.${i % 20}.${i % 9}`;
    return `${mod} h1:${hashLike(s.index * 11 + i).slice(0, 43)}=\n${mod}/go.mod h1:${hashLike(s.index * 13 + i).slice(0, 43)}=`;
  }).join('\n') + '\n']);
  return files;
}
