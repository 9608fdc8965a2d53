/**
 * The files of one synthetic service: its CLAUDE.md, the source default of its port,
 * Dockerfile, .env, README, manifest, utility modules with a test, and the bulk of an
 * application that states no port (app-files.mjs).
 */
import { appFiles } from './app-files.mjs';
import { goModules, goTest } from './noise-go.mjs';
import { pyModules, pyTest } from './noise-py.mjs';
import { tsModules, tsTest } from './noise-ts.mjs';

/** What a service does, in rotation: realistic descriptions for docs and the registry. */
export const TOPICS = ['invoices', 'search indexing', 'thumbnails', 'notifications', 'audit trails', 'exports', 'feature flags', 'webhooks', 'sessions', 'geocoding', 'reports', 'imports'];

const RUNTIME = { 'ts-nullish': 'Hono/Node', 'ts-env': 'NestJS', python: 'Python/FastAPI', go: 'Go' };

/** Returns `[relativePath, text]` pairs for service `s` (paths relative to the service dir). */
export function serviceFiles(s) {
  const n = s.index % 17;
  const topic = TOPICS[s.index % TOPICS.length];
  const files = [['CLAUDE.md', claudeMd(s, topic)], ['README.md', readme(s, topic)], ['Dockerfile', dockerfile(s)], ['.env', dotenv(s)]];
  if (s.lang === 'python') {
    files.push(['app/main.py', pythonMain(s, topic)], ['requirements.txt', 'fastapi==0.115.6\nuvicorn[standard]==0.34.0\nhttpx==0.28.1\npydantic-settings==2.7.1\n']);
    files.push(...pyModules.map((m) => m(s.name, n)), pyTest(s.name));
  } else if (s.lang === 'go') {
    files.push(['config.go', goConfig(s)], ['go.mod', `module example.com/services/${s.name}\n\ngo 1.22\n\nrequire github.com/go-chi/chi/v5 v5.1.0\n`]);
    files.push(...goModules.map((m) => m(s.name, n)), goTest(s.name));
  } else {
    files.push(['src/config.ts', tsConfig(s)], ['package.json', packageJson(s)]);
    // format.ts always (the test imports it), plus two of the others in rotation.
    const others = [tsModules[0], tsModules[1], tsModules[3]];
    files.push(tsModules[2](s.name, n), others[s.index % 3](s.name, n), others[(s.index + 1) % 3](s.name, n), tsTest(s.name));
  }
  files.push(...appFiles(s, topic));
  return files;
}

function claudeMd(s, topic) {
  const ref = s.ref ? `\n## Dependencies\n\n- ${s.ref.name} at \`http://${s.ref.name}:${s.ref.port}\` for lookups (timeout 5 s, 2 retries)\n` : '';
  return `# ${s.name}

Owns ${topic} for the platform. Agents: read this file before changing the service.

## Overview

- **Port:** ${s.doc}
- **Runtime:** ${RUNTIME[s.lang]}
- **Owner:** team-${(s.index % 9) + 1}

Created 2026-03-28, last reviewed 2026-04-08 (release v2.${s.index % 10}.${s.index % 7}). It handles about
${1200 + (s.index % 50) * 10} requests per minute at peak, keeps 30 days of history and answers within 250 ms
for 99% of requests. Batches hold at most 500 records; larger imports are split.
${ref}
## Development

\`\`\`bash
${s.lang === 'python' ? 'pip install -r requirements.txt\npython -m app.main' : s.lang === 'go' ? 'go run .' : 'npm install\nnpm run dev'}
\`\`\`

Run the tests before pushing; CI runs them on Node 20 and Python 3.12.
`;
}

function readme(s, topic) {
  return `# ${s.name}

Part of the platform's service group ${s.group}. It owns ${topic}: the API, the background jobs
and the nightly clean-up (runs at 03:15 UTC, takes about 4 minutes for 100000 rows).

See CLAUDE.md for how to run it. Changes since version 1.0 are listed in the release notes.

| Metric | Budget |
|--------|--------|
| p99 latency | 250 ms |
| error rate | 0.1% |
| memory | 512 MiB |
`;
}

function dockerfile(s) {
  const p = s.docker;
  const health = `HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \\\n  CMD wget -qO- http://localhost:${p}/health || exit 1`;
  if (s.lang === 'python') {
    return `FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY app ./app\nENV PYTHONUNBUFFERED=1 \\\n    PORT=${p}\nEXPOSE ${p}\n${health}\nCMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "${p}"]\n`;
  }
  if (s.lang === 'go') {
    return `FROM golang:1.22-alpine AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/server .\n\nFROM alpine:3.20\nCOPY --from=build /out/server /usr/local/bin/server\nENV PORT=${p}\nEXPOSE ${p}\n${health}\nCMD ["server"]\n`;
  }
  return `FROM node:20-alpine\nWORKDIR /app\nCOPY package.json ./\nRUN npm install --omit=dev\nCOPY . .\nENV NODE_ENV=production \\\n    PORT=${p}\nEXPOSE ${p}\n${health}\nCMD ["node", "dist/index.js"]\n`;
}

function dotenv(s) {
  return `# Local development settings for ${s.name}; production values come from the compose file.\nPORT=${s.env}\nLOG_LEVEL=debug\nREQUEST_TIMEOUT_MS=5000\nMAX_BATCH=500\n`;
}

function tsConfig(s) {
  const read = s.lang === 'ts-nullish'
    ? `const port = Number(process.env.PORT ?? ${s.source});`
    : `/** Reads an environment variable with a default. */\nfunction env(name: string, fallback: string): string {\n  return process.env[name] ?? fallback;\n}\n\nconst port = Number(env('PORT', '${s.source}'));`;
  return `/** Runtime configuration of ${s.name}, read once at start-up. */\n${read}\n\nexport const config = {\n  port,\n  logLevel: process.env.LOG_LEVEL ?? 'info',\n  requestTimeoutMs: Number(process.env.REQUEST_TIMEOUT_MS ?? 5000),\n  maxBatch: 500,\n};\n`;
}

function packageJson(s) {
  return JSON.stringify({ name: `@platform/${s.name}`, version: `2.${s.index % 10}.${s.index % 7}`, private: true, type: 'module', scripts: { dev: 'tsx watch src/index.ts', build: 'tsc -p .', test: 'vitest run' }, dependencies: { hono: '4.6.14' }, devDependencies: { typescript: '5.7.2', vitest: '2.1.8' } }, null, 2) + '\n';
}

function pythonMain(s, topic) {
  return `"""${s.name}: ${topic} API."""

import os

from fastapi import FastAPI

app = FastAPI(title="${s.name}", version="2.${s.index % 10}.${s.index % 7}")


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


if __name__ == "__main__":
    import uvicorn

    uvicorn.run(app, host="0.0.0.0", port=int(os.getenv("PORT", "${s.source}")))
`;
}

function goConfig(s) {
  return `package main

import "os"

// getEnv returns the environment variable key, or fallback when it is unset.
func getEnv(key, fallback string) string {
	if value, ok := os.LookupEnv(key); ok {
		return value
	}
	return fallback
}

// Listen address of ${s.name}; the timeout is in seconds.
var (
	listenPort = getEnv("PORT", "${s.source}")
	timeout    = getEnv("REQUEST_TIMEOUT_S", "5")
)
`;
}
