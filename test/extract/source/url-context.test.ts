import { describe, expect, test } from 'vitest';
import { goExtractor, pythonExtractor, typescriptExtractor } from '../../../src/extract/source/index.js';
import { run } from './support.js';

const refs = (x: { references: { target: string; port: number; location: { line: number } }[] }) => x.references.map((r) => `${r.location.line} ${r.target}:${r.port}`);

describe('URLs in source code: allow lists and bind addresses are no references', () => {
  test('TypeScript: CORS options, allowed origins, redirect URIs and wildcard addresses are skipped; a client URL is kept', async () => {
    const text = `import cors from 'cors';
app.use(cors({ origin: ['http://localhost:3000', 'http://localhost:5173'] }));
const allowedOrigins = ['http://localhost:4000'];
export const config = {
  webauthn: { rpOrigin: 'http://localhost:4100' },
  redirectUri: 'http://localhost:4200/callback',
  listenAddress: 'http://localhost:4300',
  apiUrl: 'http://mana-auth:3001/api',
};
app.use(cors('http://localhost:4400'));
const server = 'http://0.0.0.0:8080';
fetch('http://mana-credits:3061/balance');
const proxy = { '/api': 'http://localhost:3002' };
`;
    const x = await run(typescriptExtractor, text, { path: 'services/web/src/app.ts', service: 'web' });
    expect(refs(x)).toEqual(['8 mana-auth:3001', '12 mana-credits:3061', '13 localhost:3002']);
    expect(x.problems).toEqual([]);
  });

  test('Python: allow_origins=, CORS_ALLOWED_ORIGINS and ALLOWED_HOSTS are skipped; a client URL is kept', async () => {
    const text = `from fastapi.middleware.cors import CORSMiddleware
origins = ["http://localhost:3000"]
app.add_middleware(CORSMiddleware, allow_origins=["http://localhost:3001", "http://localhost:3002"])
CORS_ALLOWED_ORIGINS = ("http://localhost:3003",)
CSRF_TRUSTED_ORIGINS = ["http://localhost:3004"]
AUTH_URL = "http://mana-auth:3001"
`;
    const x = await run(pythonExtractor, text, { path: 'services/api/app/main.py', service: 'api' });
    expect(refs(x)).toEqual(['6 mana-auth:3001']);
  });

  test('Go: AllowOrigins in a composite literal is skipped; a client URL is kept', async () => {
    const text = `package main

import "github.com/gin-contrib/cors"

func setup() {
	r.Use(cors.New(cors.Config{
		AllowOrigins: []string{"http://localhost:3000", "http://localhost:3001"},
	}))
	authURL := "http://mana-auth:3001"
	_ = authURL
}
`;
    const x = await run(goExtractor, text, { path: 'services/api/main.go', service: 'api' });
    expect(refs(x)).toEqual(['9 mana-auth:3001']);
  });
});
