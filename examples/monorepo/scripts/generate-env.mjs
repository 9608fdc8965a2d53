#!/usr/bin/env node
// Writes services/<name>/.env for local development from one table, so every
// service agrees on where the others listen. Run: pnpm env:generate
// mana-crawler runs on its config.go defaults, image-gen runs only on the GPU
// server and mana-voice-bot is not deployed, so they have no entry here.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

const services = {
  'mana-auth': {
    PORT: process.env.MANA_AUTH_PORT || '3001',
    DATABASE_URL: 'postgres://mana:mana@localhost:5432/mana',
  },
  'mana-sync': {
    PORT: '3050',
    MANA_AUTH_URL: 'http://localhost:3001',
  },
  'mana-search': {
    PORT: '3012',
  },
  'mana-credits': {
    PORT: '3061',
    DATABASE_URL: 'postgres://mana:mana@localhost:5432/mana',
    MANA_AUTH_URL: 'http://localhost:3001',
  },
  'chat-server': {
    PORT: '3030',
    MANA_AUTH_URL: 'http://localhost:3001',
    MANA_CREDITS_URL: 'http://localhost:3061',
  },
};

for (const [name, vars] of Object.entries(services)) {
  const body = Object.entries(vars)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n');
  writeFileSync(join(root, 'services', name, '.env'), `${body}\n`);
  console.log(`wrote services/${name}/.env`);
}
