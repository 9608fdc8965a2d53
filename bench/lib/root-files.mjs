/**
 * The files at the root of a synthetic monorepo: the registry, the production compose file
 * (split into stacks when one file would pass portwarden's file size limit), a large lock
 * file and a node_modules folder (both must be skipped), and the usual extras.
 */
import { BASE_PORT } from './plan.mjs';
import { TOPICS } from './service-files.mjs';

const GROUPS = ['Core Platform Services', 'Core Infrastructure Services', 'AI/ML Services', 'App Compute Servers', 'Integrations', 'Data Pipelines', 'Internal Tools', 'Partner APIs', 'Batch Workers', 'Edge Services'];
const RUNTIME = { 'ts-nullish': 'Hono/Node', 'ts-env': 'NestJS', python: 'Python', go: 'Go' };

/** portwarden's default `max-file-bytes`: a larger file is refused, not parsed. */
export const MAX_FILE_BYTES = 1024 * 1024;

/**
 * Returns `[relativePath, text]` pairs for the root of a repository of `services`; no compose
 * file is larger than `composeBytes`.
 */
export function rootFiles(services, random, composeBytes = MAX_FILE_BYTES) {
  return [
    ['docs/PORT_SCHEMA.md', registry(services)],
    ...composeFiles(services, composeBytes),
    ['package-lock.json', lockFile(Math.max(5000, services.length * 5), random)],
    ['package.json', JSON.stringify({ name: 'platform', private: true, workspaces: ['services/*'] }, null, 2) + '\n'],
    ['.gitignore', 'node_modules/\n*.log\n'],
    ['README.md', `# Platform monorepo\n\n${services.length} services under \`services/\`. Ports are assigned in \`docs/PORT_SCHEMA.md\`;\nproduction runs from \`docker-compose.macmini.yml\` on the Mac Mini.\n`],
    ...nodeModules(),
  ];
}

/** The registry, shaped like the seed: aspirational preamble, real ports, range tables. */
function registry(services) {
  const deployed = services.filter((s) => s.deployed);
  const bullets = [];
  for (let i = 0; i < deployed.length; ) {
    const take = Math.min(1 + (i % 3), deployed.length - i); // one, two or three per bullet
    const pairs = deployed.slice(i, i + take).map((s) => `${s.name} \`${s.actual}\``);
    // Three pairs wrap onto a continuation line, as hand-written bullets do.
    bullets.push(take === 3 ? `> - ${pairs[0]}, ${pairs[1]},\n>   ${pairs[2]}` : `> - ${pairs.join(', ')}`);
    i += take;
  }
  const lines = [
    '# Port Schema',
    '',
    '> ⚠️ **PARTIALLY ASPIRATIONAL.** The range layout below was drafted',
    '> 2026-03-28 as a target state. Most services match it; a few do not.',
    '> Authoritative per-service ports live in each `services/*/CLAUDE.md`',
    '> alongside the source defaults in `app/main.py` / `config.ts` / `config.go`.',
    '>',
    '> ### Real ports today (2026-04-08)',
    '>',
    '> **Mac Mini (production):**',
    ...bullets,
    '>',
    '> No production port collisions were known on 2026-04-08. Services not listed',
    '> above run only on developer machines.',
    '',
    '**Originally drafted:** 2026-03-28',
    '**Reality reconciled:** 2026-04-08',
    '',
    '## Principles',
    '',
    '1. Each range has a clear purpose (100 ports per range)',
    '2. No conflicts - every port assigned exactly once',
    '3. Room for growth in each range',
  ];
  const groups = Math.ceil(services.length / 100);
  for (let g = 0; g < groups; g++) {
    const start = BASE_PORT + g * 100;
    const title = GROUPS[g % GROUPS.length] + (g >= GROUPS.length ? ` ${Math.floor(g / GROUPS.length) + 1}` : '');
    lines.push('', `## ${start}-${start + 99}: ${title}`, '', '| Port | Service | Runtime | Description |', '|------|---------|---------|-------------|');
    const members = services.filter((s) => s.group === g);
    for (const s of members) lines.push(`| ${s.plan} | ${s.name} | ${RUNTIME[s.lang]} | ${cap(TOPICS[s.index % TOPICS.length])} |`);
    const free = start + members.length;
    if (free <= start + 99) lines.push(`| ${free === start + 99 ? free : `${free}-${start + 99}`} | *(reserved)* | | |`);
  }
  lines.push('', '## Adding a New Service', '', '1. Pick the next free port in the appropriate range', '2. Update this document', '3. Update `docker-compose.macmini.yml`', '');
  return lines.join('\n');
}

const cap = (text) => text[0].toUpperCase() + text.slice(1);

/**
 * The production compose files: every service, host port mapped, PORT in the environment.
 * One `docker-compose.macmini.yml` while it fits in `maxBytes`; past that, as a repository of
 * that size would, one file per stack of whole port ranges (100 services each), filled in
 * order up to `maxBytes`: `docker-compose.macmini.yml` holds the first stack and
 * `docker-compose.stack<k>.macmini.yml` the k-th. They lie beside each other at the root, so
 * they are one compose project, and the file names place them all on the Mac Mini.
 * Returns `[relativePath, text]` pairs.
 */
export function composeFiles(services, maxBytes = MAX_FILE_BYTES) {
  const entries = services.map(serviceEntry);
  const whole = composeText('# Production stack on the Mac Mini (see docs/PORT_SCHEMA.md).', entries);
  if (Buffer.byteLength(whole) <= maxBytes) return [['docker-compose.macmini.yml', whole]];
  const heading = (k, first, last) => `# Production stack ${k} of the Mac Mini: ${services[first].name} to ${services[last].name} (see docs/PORT_SCHEMA.md).`;
  // The bytes of composeText(heading, entries[first..last]), without building it.
  const bytes = (k, first, last) => {
    let total = Buffer.byteLength(composeText(heading(k, first, last), []));
    for (let i = first; i <= last; i++) total += Buffer.byteLength(entries[i]) + 1;
    return total;
  };
  // Port ranges as [first, last] indices of services.
  const ranges = [];
  services.forEach((s, i) => {
    if (i > 0 && services[i - 1].group === s.group) ranges[ranges.length - 1][1] = i;
    else ranges.push([i, i]);
  });
  const stacks = [];
  for (const [first, last] of ranges) {
    const open = stacks[stacks.length - 1];
    if (open && bytes(stacks.length, open[0], last) <= maxBytes) open[1] = last;
    else stacks.push([first, last]);
  }
  return stacks.map(([first, last], i) => {
    const text = composeText(heading(i + 1, first, last), entries.slice(first, last + 1));
    if (Buffer.byteLength(text) > maxBytes) throw new RangeError(`The compose entries of one port range take ${Buffer.byteLength(text)} bytes, more than ${maxBytes}.`);
    return [i === 0 ? 'docker-compose.macmini.yml' : `docker-compose.stack${i + 1}.macmini.yml`, text];
  });
}

/** A compose file: `heading` as its first comment line, then `entries` under `services:`. */
function composeText(heading, entries) {
  return [heading, 'name: platform', '', 'services:', ...entries].join('\n') + '\n';
}

/** One service's compose entry (its lines, joined). */
function serviceEntry(s) {
  return [
    `  ${s.name}:`,
    `    build: ./services/${s.name}`,
    '    restart: unless-stopped',
    `    ports: ['${s.compose}:${s.actual}']`,
    '    environment:',
    `      PORT: '${s.actual}'`,
    `      LOG_LEVEL: info`,
    '    deploy:',
    '      resources:',
    `        limits: { memory: 512M }`,
  ].join('\n');
}

/** A lock file of `count` packages (about 300 bytes each): large, and never to be read. */
function lockFile(count, random) {
  const packages = { '': { name: 'platform', workspaces: ['services/*'] } };
  for (let i = 0; i < count; i++) {
    const version = `${random.int(0, 12)}.${random.int(0, 40)}.${random.int(0, 30)}`;
    const name = `pkg-${i.toString(36)}`;
    packages[`node_modules/${name}`] = {
      version,
      resolved: `https://registry.npmjs.org/${name}/-/${name}-${version}.tgz`,
      integrity: `sha512-${random.token(86)}==`,
      license: 'MIT',
      engines: { node: `>=${random.int(12, 20)}` },
    };
  }
  return JSON.stringify({ name: 'platform', lockfileVersion: 3, requires: true, packages }, null, 2) + '\n';
}

/** Installed dependencies, with port statements that would be false findings if read. */
function nodeModules() {
  const files = [];
  for (let k = 0; k < 8; k++) {
    const dir = `node_modules/dep-${k}`;
    files.push([`${dir}/package.json`, JSON.stringify({ name: `dep-${k}`, version: `1.${k}.0`, main: 'index.js' }, null, 2) + '\n']);
    files.push([`${dir}/index.js`, `'use strict';\nconst port = process.env.PORT || ${3000 + k};\nmodule.exports = function listen(app) {\n  return app.listen(port);\n};\n`]);
  }
  return files;
}
