/**
 * Produces the README's example of the sticky PR summary comment from a REAL run: the bundled
 * Action (`dist/index.js`) runs as on a runner against a local GitHub API stand-in, on a pull
 * request whose base is a copy of `examples/monorepo/` and whose head adds a service with
 * port mistakes and fixes the stale Prometheus target. The comment body the Action posted is
 * taken from the stand-in and written to `docs/summary-comment.md`; the check run and the
 * review comments are printed.
 *
 *   npm run build                                   # only when dist/ is older than src/
 *   npx --yes tsx@4.23.15 scripts/demo-pr.ts        # writes docs/summary-comment.md
 *   node scripts/render-markdown.mjs docs/summary-comment.md docs/summary-comment.png \
 *     --open="Fixed,Port map" --title="github-actions bot commented"
 *
 * Needs git and the dev dependencies (the stand-in validates against GitHub's OpenAPI
 * description). Commits have fixed dates, so the shas, links and body are the same each run.
 * A doc script, not a test: it reuses the e2e helpers in test/support and test/e2e.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pullRequestEvent } from '../test/support/events.js';
import { actionsCheckout, createPullRequestRepo, type FileTree } from '../test/support/git-repo.js';
import { startGitHubStub } from '../test/support/github-stub.js';
import { runAction, whyActionUnavailable } from '../test/e2e/run-action.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLE = join(ROOT, 'examples', 'monorepo');
const OUT = join(ROOT, 'docs', 'summary-comment.md');
const OWNER = 'acme';
const REPO = 'mana';
const NUMBER = 42;

/** Every file under `dir` (dotfiles included), keyed by its `/`-separated relative path. */
function readTree(dir: string): FileTree {
  const tree: FileTree = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) tree[relative(dir, full).split('\\').join('/')] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return tree;
}

/** `text` with `from` replaced by `to`; fails loudly when the example no longer holds `from`. */
function edit(base: FileTree, path: string, from: string, to: string): string {
  const text = base[path];
  if (typeof text !== 'string' || !text.includes(from)) throw new Error(`examples/monorepo/${path} no longer contains ${JSON.stringify(from)}: update scripts/demo-pr.ts`);
  return text.replace(from, to);
}

/**
 * The pull request: a new `mana-events` service copied from chat-server. Its source default
 * still says chat-server's 3030 (a dev collision, and it contradicts its own CLAUDE.md), and
 * its Mac Mini compose entry publishes host port 3030, which chat-server holds there. It also
 * fixes the Prometheus target that still pointed at mana-credits' planned port 3002.
 */
function change(base: FileTree): FileTree {
  const events = 'services/mana-events';
  return {
    [`${events}/CLAUDE.md`]: [
      '# mana-events',
      '',
      'Domain events for the Mana apps: services publish, subscribers follow over SSE. Hono on Bun.',
      '',
      '**Port:** 3032',
      '',
      '## Dependencies',
      '',
      '- mana-auth validates the bearer token: `MANA_AUTH_URL=http://localhost:3001`',
      '',
      '## Commands',
      '',
      '```bash',
      'bun install',
      'bun run dev          # listens on PORT',
      '```',
      '',
    ].join('\n'),
    [`${events}/package.json`]: JSON.stringify({ name: '@mana/events', private: true, type: 'module', scripts: { dev: 'bun --watch src/index.ts', start: 'bun src/index.ts' }, dependencies: { hono: '4.6.8' } }, null, 2) + '\n',
    [`${events}/src/config.ts`]: [
      '/** mana-events settings; the defaults are the local development ports. */',
      'export const config = {',
      '  port: Number(process.env.PORT ?? 3030),',
      "  authUrl: process.env.MANA_AUTH_URL ?? 'http://localhost:3001',",
      '  // Subscribers that miss 3 heartbeats (every 15 s) are dropped.',
      '  heartbeatMs: 15_000,',
      '};',
      '',
    ].join('\n'),
    [`${events}/src/index.ts`]: [
      "import { Hono } from 'hono';",
      "import { streamSSE } from 'hono/streaming';",
      "import { config } from './config';",
      '',
      'const app = new Hono();',
      "app.get('/health', (c) => c.json({ ok: true }));",
      "app.get('/v1/events', (c) => streamSSE(c, async (stream) => stream.writeSSE({ data: 'hello' })));",
      '',
      'export default { port: config.port, fetch: app.fetch };',
      '',
    ].join('\n'),
    [`${events}/Dockerfile`]: ['FROM oven/bun:1.1.34-alpine', 'WORKDIR /app', 'COPY package.json bun.lock ./', 'RUN bun install --frozen-lockfile --production', 'COPY src ./src', 'ENV NODE_ENV=production', 'EXPOSE 3032', 'CMD ["bun", "src/index.ts"]', ''].join('\n'),
    'docker-compose.macmini.yml': edit(
      base,
      'docker-compose.macmini.yml',
      '  grafana:\n',
      [
        '  mana-events:',
        '    build: ./services/mana-events',
        '    restart: unless-stopped',
        '    ports:',
        '      - "3030:3032"',
        '    environment:',
        '      - PORT=3032',
        '      - MANA_AUTH_URL=http://mana-auth:3001',
        '',
        '  grafana:',
        '',
      ].join('\n'),
    ),
    // Registered (real port and a plan row, the reservation narrowed), as the schema asks.
    'docs/PORT_SCHEMA.md': edit(
      { 'docs/PORT_SCHEMA.md': edit(base, 'docs/PORT_SCHEMA.md', '> - mana-credits `3061`, chat-server `3030`\n', '> - mana-credits `3061`, chat-server `3030`\n> - mana-events `3032`\n') },
      'docs/PORT_SCHEMA.md',
      '| 3031-3059 | *(reserved)* | | |',
      '| 3031 | *(reserved)* | | |\n| 3032 | mana-events | Hono/Bun | Domain events, SSE fan-out |\n| 3033-3059 | *(reserved)* | | |',
    ),
    'docker/prometheus/prometheus.yml': edit(
      base,
      'docker/prometheus/prometheus.yml',
      "      - targets: ['mana-credits:3002']\n",
      "      - targets: ['mana-credits:3061']\n\n  - job_name: mana-events\n    metrics_path: /metrics\n    static_configs:\n      - targets: ['mana-events:3032']\n",
    ),
  };
}

async function main(): Promise<void> {
  const missing = whyActionUnavailable();
  if (missing) throw new Error(missing);
  const base = readTree(EXAMPLE);
  const pr = createPullRequestRepo(base, change(base), { headRef: 'add-mana-events' });
  const workspace = actionsCheckout(pr, NUMBER);
  const gh = await startGitHubStub({ owner: OWNER, repo: REPO });
  try {
    gh.state.addPull({ number: NUMBER, headSha: pr.headSha, baseSha: pr.baseSha, headRef: pr.headRef, baseRef: pr.baseRef, files: pr.files });
    const run = await runAction({
      workspace: workspace.dir,
      eventName: 'pull_request',
      event: pullRequestEvent({ repository: `${OWNER}/${REPO}`, number: NUMBER, headSha: pr.headSha, baseSha: pr.baseSha, headRef: pr.headRef, baseRef: pr.baseRef }),
      apiUrl: gh.url,
      repository: `${OWNER}/${REPO}`,
      sha: pr.mergeSha,
      ref: `refs/pull/${NUMBER}/merge`,
      headRef: pr.headRef,
      baseRef: pr.baseRef,
    });
    rmSync(run.runnerTemp, { recursive: true, force: true });

    const problems = [...gh.validationFailures.map((v) => `invalid request ${v.method} ${v.path}: ${v.errors.join('; ')}`), ...gh.rejections.map((r) => `refused ${r.method} ${r.path} ${r.status}`)];
    const sticky = gh.state.issueCommentsOn(NUMBER).map((c) => String(c.body ?? ''));
    if (sticky.length !== 1) throw new Error(`expected one sticky comment, the stand-in holds ${sticky.length}\n${run.stdout}\n${run.stderr}\n${problems.join('\n')}`);
    writeFileSync(OUT, sticky[0]!.endsWith('\n') ? sticky[0]! : `${sticky[0]}\n`);

    const log = (...lines: string[]) => console.log(lines.join('\n'));
    log(`wrote ${relative(ROOT, OUT)} (${sticky[0]!.length} chars)`, '', `exit code ${run.exitCode}; outputs ${JSON.stringify(run.outputs)}`, '', '## Requests', ...gh.requestLines());
    for (const c of gh.state.checkRuns.values()) {
      log('', `## Check run: ${c.name} → ${c.conclusion}`, `title: ${c.output?.title}`, `annotations: ${c.annotations.length}`, '--- summary ---', String(c.output?.summary ?? ''));
    }
    const reviews = gh.state.reviews.filter((r) => r.pull === NUMBER).map((r) => r.data);
    for (const r of reviews) log('', `## Review (${r.state})`, String(r.body ?? ''));
    for (const c of gh.state.reviewCommentsOn(NUMBER)) log('', `## Review comment ${c.path}:${c.start_line ? `${c.start_line}-` : ''}${c.line}`, String(c.body));
    if (problems.length > 0) log('', '## Stand-in problems', ...problems);
  } finally {
    await gh.close();
    workspace.remove();
    pr.repo.remove();
  }
}

await main();
