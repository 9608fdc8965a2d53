/**
 * Compose projects as scopes, Dockerfiles as image defaults, unread compose files, targets
 * outside the repository and one finding per pattern: each class on a tiny repository on
 * disk, checked end to end by the engine.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/engine.js';
import { composeLayout } from '../../src/model/scopes.js';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'pw-projects-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

async function run(files: Record<string, string>) {
  return check({ root: tree(files) });
}

async function findings(files: Record<string, string>): Promise<string[]> {
  const result = await run(files);
  // No registry: these repositories are judged by their deploy files alone.
  return result.findings.filter((f) => f.ruleId !== 'input/missing-registry').map((f) => `${f.location.file}:${f.location.line} ${f.severity} ${f.ruleId}: ${f.message}`);
}

const web = (port: string, extra = '') => `services:
  web:
    build: ./app
    ports: ["${port}"]
${extra}`;

describe('compose projects', () => {
  it('groups compose files by directory, joins configured groups, and places other files under the deepest project', () => {
    const layout = composeLayout(['compose.yaml', 'compose.observability.yaml', 'a/compose.yaml', 'a/docker-compose.dev.yml', 'b/sub/compose.yml', 'c/x/compose.yaml', 'd/compose.yaml', 'README.md'], [
      { name: 'stack', files: ['c/**', 'd/compose.yaml'] },
    ]);
    expect(layout.projects).toEqual(['.', 'a', 'b/sub', 'stack']);
    expect(layout.root).toBe('.');
    expect(layout.projectOf('compose.observability.yaml')).toBe('.');
    expect(layout.projectOf('a/docker-compose.dev.yml')).toBe('a');
    expect(layout.projectOf('a/app/Dockerfile')).toBe('a');
    expect(layout.projectOf('b/sub/src/main.go')).toBe('b/sub');
    expect(layout.projectOf('b/other.txt')).toBe('.');
    expect(layout.projectOf('d/app/Dockerfile')).toBe('stack');
    expect(composeLayout(['README.md']).projectOf('README.md')).toBeUndefined();
  });

  it('independent sample projects in their own folders neither collide nor drift with each other', async () => {
    expect(
      await findings({
        'django/compose.yaml': web('8000:8000'),
        'flask/compose.yaml': web('8000:8000'),
        'angular/compose.yaml': web('4200:4200'),
        'vuejs/compose.yaml': web('8080:8080'),
      }),
    ).toEqual([]);
    const result = await run({ 'django/compose.yaml': web('8000:8000'), 'flask/compose.yaml': web('8000:8000') });
    expect([...new Set(result.model.bindings.map((b) => b.service))].sort()).toEqual(['django/web', 'flask/web']);
  });

  it('still finds a collision inside one project, and says which project', async () => {
    const compose = `services:
  web:
    ports: ["8000:8000"]
  api:
    ports: ["8000:9000"]
`;
    expect(await findings({ 'one/compose.yaml': compose, 'two/compose.yaml': web('8000:8000') })).toEqual([
      'one/compose.yaml:3 warning collision/same-host: Port `8000` of `one/web` collides with `one/api` on host `dev` in compose project `one`; expected one service per port on a host.',
    ]);
  });

  it('keeps one folder of overlays one project: its files collide and agree as before', async () => {
    const base = web('8000:8000');
    const overlay = `services:
  grafana:
    ports: ["8000:3000"]
`;
    expect(await findings({ 'compose.yaml': base, 'compose.observability.yaml': overlay })).toEqual([
      'compose.yaml:4 warning collision/same-host: Port `8000` of `web` collides with `grafana` on host `dev`; expected one service per port on a host.',
    ]);
  });

  it('projects the config deploys together share their host and their names', async () => {
    const files = { 'infra/compose.yaml': web('8000:8000'), 'app/compose.yaml': `services:\n  api:\n    ports: ["8000:8000"]\n`, 'samples/x/compose.yaml': web('8000:8000') };
    expect(await findings(files)).toEqual([]);
    const together = await findings({ ...files, '.github/portwarden.yml': 'compose-projects:\n  - name: stack\n    files: [infra/compose.yaml, app/compose.yaml]\n' });
    expect(together).toEqual([
      'infra/compose.yaml:4 warning collision/same-host: Port `8000` of `stack/web` collides with `stack/api` on host `dev` in compose project `stack`; expected one service per port on a host.',
    ]);
  });

  it('files placed on one configured host share it, and each project keeps its own names', async () => {
    const config = 'hosts:\n  - name: prod\n    files: [a/compose.yaml, b/compose.yaml]\n';
    expect(await findings({ 'a/compose.yaml': web('8000:8000'), 'b/compose.yaml': web('8000:8000'), '.github/portwarden.yml': config })).toEqual([
      'b/compose.yaml:4 error collision/same-host: Port `8000` of `b/web` collides with `a/web` on host `prod`; expected one service per port on a host.',
    ]);
  });

  it('a name resolves inside its own project: a reference is checked against that project’s service only', async () => {
    const withClient = (port: number) => `services:
  web:
    expose: ["${port}"]
  client:
    image: curl
    environment:
      TARGET: http://web:8000/
`;
    // In `b`, web listens on 9000 while b's client expects 8000; a's web on 8000 does not answer for it.
    expect(await findings({ 'a/compose.yaml': withClient(8000), 'b/compose.yaml': withClient(9000) })).toEqual([
      'b/compose.yaml:7 error stale-reference: `web:8000` expects `b/web` at port `8000` on host `dev`, but it binds `9000` there (b/compose.yaml); expected the reference to use the port the service binds.',
    ]);
  });

  it('a service the repository knows from elsewhere keeps its name, and each project still runs on its own', async () => {
    const files = {
      'services/api/compose.yaml': `services:\n  api:\n    ports: ["3000:3000"]\n  db:\n    ports: ["5432:5432"]\n`,
      'examples/demo/compose.yaml': `services:\n  api:\n    ports: ["3001:3001"]\n  db:\n    ports: ["5433:5432"]\n`,
    };
    const result = await run(files);
    // `api` is a service directory: the repository's own name. `db` is each project's own.
    expect([...new Set(result.model.bindings.map((b) => b.service))].sort()).toEqual(['api', 'examples/demo/db', 'services/api/db']);
    expect([...new Set(result.model.bindings.map((b) => b.scope))].sort()).toEqual(['examples/demo', 'services/api']);
    expect(result.findings.filter((f) => f.ruleId === 'drift/deploy' || f.ruleId === 'collision/same-host')).toEqual([]);
  });
});

describe('a Dockerfile is the image’s default', () => {
  it('a stale EXPOSE the deployment does not use is a notice; an ENV PORT the compose file overrides is not compared', async () => {
    const files = {
      'compose.yaml': `services:
  flask-app:
    build: ./services/flask-app
    ports: ["8000:8000"]
    environment:
      PORT: "8000"
`,
      'services/flask-app/Dockerfile': 'FROM python:3\nENV PORT=5000\nEXPOSE 5000\n',
    };
    const out = (await findings(files)).filter((f) => !f.includes('doc/missing-port'));
    expect(out).toHaveLength(1);
    expect(out.every((f) => f.includes(' notice drift/deploy: ') && f.startsWith('services/flask-app/Dockerfile:3 '))).toBe(true);
    expect(out[0]).toContain("`flask-app`'s image exposes `5000` (services/flask-app/Dockerfile EXPOSE)");
  });

  it('a mapping to a port the image does not listen on (no PORT in compose) stays a warning', async () => {
    const out = await findings({
      'compose.yaml': `services:\n  flask-app:\n    build: ./services/flask-app\n    ports: ["8000:8000"]\n`,
      'services/flask-app/Dockerfile': 'FROM python:3\nENV PORT=5000\n',
    });
    expect(out.filter((f) => !f.includes('doc/missing-port'))).toEqual([
      'services/flask-app/Dockerfile:2 warning drift/deploy: `flask-app` listens on `5000` on host `dev` per services/flask-app/Dockerfile ENV PORT, but compose.yaml ports says `8000`; expected its deploy files to agree on one port.',
    ]);
  });
});

describe('a compose file that cannot be read', () => {
  const env = 'API_URL=http://localhost:3001\nDB_URL=http://localhost:3002\n';
  const elsewhere = 'hosts:\n  - name: prod\n    files: [deploy/**]\n';
  const prod = `services:\n  api:\n    ports: ["3001:3001", "3002:3002"]\n`;

  it('leaves references its services may answer unjudged, and says so once, on the parse failure', async () => {
    const readable = await findings({ '.env.development': env, 'deploy/compose.yaml': prod, '.github/portwarden.yml': elsewhere });
    expect(readable).toEqual([
      '.env.development:1 warning stale-reference: 2 references to `localhost` expect a service at ports `3001` and `3002` on host `dev`, but nothing binds them there; expected a service, doc or deploy file binding each.',
    ]);
    const broken = await findings({ '.env.development': env, 'deploy/compose.yaml': prod, '.github/portwarden.yml': elsewhere, 'compose.yaml': 'services:\n  web: [\n' });
    expect(broken.filter((f) => f.includes('stale-reference'))).toEqual([]);
    const failures = broken.filter((f) => f.includes('input/invalid-yaml'));
    expect(failures.filter((f) => f.includes('are not judged'))).toHaveLength(1);
    expect(failures[0]).toContain('Until it is read, references to ports on host `dev` that it may bind are not judged.');
  });
});

describe('targets outside the repository’s knowledge', () => {
  it('a port nothing in the repository binds, or a telemetry agent’s, is a notice; a known port elsewhere stays a warning', async () => {
    const out = await findings({
      'playwright.config.ts': "export default { use: { baseURL: 'http://localhost:5045' } };\n",
      'src/tracer.ts': "new OTLPTraceExporter({\n  url: NEXT_PUBLIC_ENDPOINT || 'http://localhost:4318/v1/traces',\n});\n",
      'compose.yaml': `services:\n  collector:\n    expose: ["4318"]\n`,
    });
    // One pattern (a loopback target nothing here answers) is one finding, listing both places;
    // the collector's container port is named, not denied.
    expect(out).toEqual([
      "playwright.config.ts:1 notice stale-reference: 2 references in 2 files to `localhost` expect a service at ports `4318` and `5045` on host `dev`, but nothing binds them there; `collector` binds 4318 only elsewhere (compose.yaml:3), and `4318` is a telemetry agent's default port: expected a binding on host `dev` only if the agent runs beside the caller there.",
    ]);
    // With no binding of the port anywhere, the target is outside the repository's knowledge.
    const unknown = await findings({ 'playwright.config.ts': "export default { use: { baseURL: 'http://localhost:5045' } };\n" });
    expect(unknown.filter((f) => f.includes('stale-reference'))).toEqual([
      "playwright.config.ts:1 notice stale-reference: `localhost:5045` expects a service at port `5045` on host `dev`, but nothing in the repository binds it: a target outside the repository's knowledge (another repository's service, an agent, a tool's default); expected a binding here only if the service is the repository's own.",
    ]);
    // A port the repository binds elsewhere is its own knowledge: a warning.
    const known = await findings({
      'playwright.config.ts': "export default { use: { baseURL: 'http://localhost:5045' } };\n",
      '.github/portwarden.yml': 'hosts:\n  - name: prod\n    files: [deploy/**]\n',
      'deploy/compose.yaml': `services:\n  webapp:\n    ports: ["5045:5045"]\n`,
    });
    expect(known.map((f) => f.split(': ')[0])).toEqual(['playwright.config.ts:1 warning stale-reference']);
  });
});

describe('one finding per pattern', () => {
  it('many references to one unbound port are one finding listing every place, with a fingerprint that does not move', async () => {
    const files: Record<string, string> = { 'prod/compose.yaml': `services:\n  api:\n    ports: ["3999:3999"]\n`, '.github/portwarden.yml': 'hosts:\n  - name: prod\n    files: [prod/**]\n' };
    for (let i = 0; i < 5; i++) files[`apps/app${i}/.env.development`] = `API=http://localhost:3999\n`;
    const result = await run(files);
    const stale = result.findings.filter((f) => f.ruleId === 'stale-reference');
    expect(stale).toHaveLength(1);
    expect(stale[0]!.message).toMatch(/^5 references in 5 files to `localhost` expect a service at port `3999` on host `dev`, but nothing binds it there;/);
    expect(stale[0]!.related.map((r) => r.location.file)).toEqual(['apps/app1/.env.development', 'apps/app2/.env.development', 'apps/app3/.env.development', 'apps/app4/.env.development']);
    files['apps/app5/.env.development'] = `\n\nAPI=http://localhost:3999\n`;
    const more = (await run(files)).findings.filter((f) => f.ruleId === 'stale-reference');
    expect(more.map((f) => f.fingerprint)).toEqual([stale[0]!.fingerprint]);
  });
});

describe('references across places', () => {
  it('a loopback reference inside a project is answered by its own project or the shared host, not by another project', async () => {
    const files = {
      'a/compose.yaml': `services:\n  web:\n    ports: ["8000:8000"]\n  client:\n    image: curl\n    environment:\n      TARGET: http://localhost:8000/\n      OTHER: http://localhost:9000/\n`,
      'b/compose.yaml': `services:\n  api:\n    ports: ["9000:9000"]\n`,
      // Outside every project: a port any project publishes on the host answers it.
      '.env.development': 'A=http://localhost:8000\nB=http://localhost:9000\n',
    };
    const out = (await findings(files)).filter((f) => f.includes('stale-reference'));
    expect(out).toEqual([
      'a/compose.yaml:8 warning stale-reference: `localhost:9000` expects a service at port `9000` on host `dev` in compose project `a`, but nothing binds it there; expected a service, doc or deploy file binding it.',
    ]);
  });
});

describe('names outside their projects', () => {
  it('a name that only independent projects define names none of them from outside', async () => {
    const files = {
      // Each project keeps its service in a `web/` folder, which the config declares as service directories.
      '.github/portwarden.yml': 'services: ["*/web"]\n',
      'django/web/main.py': 'print("hello")\n',
      'flask/web/main.py': 'print("hello")\n',
      'django/compose.yaml': web('8000:8000'),
      'flask/compose.yaml': web('5000:5000'),
      'monitoring/prometheus.yml': 'scrape_configs:\n  - job_name: web\n    static_configs:\n      - targets: ["web:9100"]\n',
    };
    const result = await run(files);
    expect(result.model.references.some((r) => r.target === 'web' && r.port === 9100)).toBe(true);
    expect(result.findings.filter((f) => f.ruleId === 'stale-reference')).toEqual([]);
    expect(result.model.projectNames).toEqual(new Set(['web']));
    expect(result.model.serviceDirs.map((d) => d.name).sort()).toEqual(['django/web', 'flask/web']);
  });
});

describe('a missing registry', () => {
  it('is a notice at the default path and a warning where the config names one', async () => {
    const severity = async (files: Record<string, string>) => (await run(files)).findings.filter((f) => f.ruleId === 'input/missing-registry').map((f) => `${f.location.file} ${f.severity}`);
    expect(await severity({ 'compose.yaml': web('8000:8000') })).toEqual(['docs/PORT_SCHEMA.md notice']);
    expect(await severity({ 'compose.yaml': web('8000:8000'), '.github/portwarden.yml': 'registry: docs/PORTS.md\n' })).toEqual(['docs/PORTS.md warning']);
  });
});

describe('projects on a named host', () => {
  it('projects whose paths name one known host share it', async () => {
    const config = 'hosts:\n  - name: mac-mini\n';
    const out = await findings({ 'deploy/mac-mini/a/compose.yaml': web('8000:8000'), 'deploy/mac-mini/b/compose.yaml': web('8000:8000'), '.github/portwarden.yml': config });
    expect(out).toEqual([
      'deploy/mac-mini/b/compose.yaml:4 error collision/same-host: Port `8000` of `deploy/mac-mini/b/web` collides with `deploy/mac-mini/a/web` on host `mac-mini`; expected one service per port on a host.',
    ]);
  });
});
