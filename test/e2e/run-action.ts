/**
 * Runs the bundled Action (`node dist/index.js`) as a child process the way a GitHub runner
 * does: inputs as `INPUT_*` variables (hyphens kept: `INPUT_FAIL-LEVEL`) with action.yml's
 * defaults filled in, the event payload in a file, `GITHUB_OUTPUT` and
 * `GITHUB_STEP_SUMMARY` files, `RUNNER_TEMP`, and the workspace as cwd. Nothing leaks in
 * from the environment running the tests (which may itself be a runner).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { parseOutputFile, parseWorkflowCommands, type WorkflowCommand } from './runner-files.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The bundle under test; `PORTWARDEN_E2E_ENTRY` points elsewhere (e.g. a build outside dist/). */
export const ACTION_ENTRY = resolve(process.env.PORTWARDEN_E2E_ENTRY ?? join(ROOT, 'dist', 'index.js'));

/** The node binary running the bundle; `PORTWARDEN_E2E_NODE` tries another (runners use Node 24). */
export const NODE = process.env.PORTWARDEN_E2E_NODE ?? process.execPath;

/** Why the suite cannot run, or undefined when the bundle holds the Action runtime. */
export function whyActionUnavailable(): string | undefined {
  if (!existsSync(ACTION_ENTRY)) return `${ACTION_ENTRY} is missing: run \`npm run build\` first.`;
  // The skeleton's bundle is an empty run(); the runtime pulls in @actions/core, whose job
  // summary support names this variable.
  const bundle = readFileSync(ACTION_ENTRY, 'utf8');
  if (!bundle.includes('GITHUB_STEP_SUMMARY') && !bundle.includes('GITHUB_EVENT_PATH')) return `${ACTION_ENTRY} does not contain the Action runtime yet (no @actions/core in the bundle): rebuild after src/action/main.ts lands.`;
  return undefined;
}

/** The token the tests pass; the stand-in only checks that one is sent. */
export const TEST_TOKEN = 'ghs_portwardenE2eTestToken000000000000';

/** Input defaults from action.yml (the runner fills these in); the contract's when it is absent. */
function defaultInputs(): Record<string, string> {
  const fallback: Record<string, string> = { token: TEST_TOKEN, config: '', 'fail-level': 'error', reporters: 'check-run,review,comment,job-summary', comment: 'on-findings', 'sarif-file': 'portwarden.sarif', 'working-directory': '.' };
  const file = join(ROOT, 'action.yml');
  if (!existsSync(file)) return fallback;
  const inputs = (parseYaml(readFileSync(file, 'utf8')) as { inputs?: Record<string, { default?: unknown }> }).inputs ?? {};
  const out: Record<string, string> = {};
  for (const [name, spec] of Object.entries(inputs)) {
    const value = spec?.default === undefined ? '' : String(spec.default);
    out[name] = value.includes('github.token') ? TEST_TOKEN : value;
  }
  return out;
}

export interface RunActionOptions {
  workspace: string;
  eventName: string;
  event: object;
  /** The stand-in's URL. */
  apiUrl: string;
  /** `owner/repo` */
  repository: string;
  /** GITHUB_SHA (the merge commit on `pull_request`). */
  sha: string;
  /** GITHUB_REF, e.g. `refs/pull/7/merge`. */
  ref: string;
  headRef?: string;
  baseRef?: string;
  /** Inputs by their action.yml name, over the defaults. */
  inputs?: Record<string, string>;
  timeoutMs?: number;
}

export interface ActionRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** Parsed GITHUB_OUTPUT. */
  outputs: Record<string, string>;
  /** GITHUB_STEP_SUMMARY's content. */
  summary: string;
  commands: WorkflowCommand[];
  runnerTemp: string;
  ms: number;
}

/** Runs the Action once and collects everything a runner would see. */
export async function runAction(o: RunActionOptions): Promise<ActionRun> {
  const runnerTemp = mkdtempSync(join(tmpdir(), 'portwarden-runner-'));
  const file = (name: string, content = '') => {
    const path = join(runnerTemp, name);
    writeFileSync(path, content);
    return path;
  };
  const inputs = { ...defaultInputs(), ...o.inputs };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: runnerTemp,
    LANG: 'C.UTF-8',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: o.eventName,
    GITHUB_EVENT_PATH: file('event.json', JSON.stringify(o.event, null, 2)),
    GITHUB_WORKSPACE: o.workspace,
    GITHUB_REPOSITORY: o.repository,
    GITHUB_REPOSITORY_OWNER: o.repository.split('/')[0],
    GITHUB_API_URL: o.apiUrl,
    GITHUB_GRAPHQL_URL: `${o.apiUrl}/graphql`,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_SHA: o.sha,
    GITHUB_REF: o.ref,
    GITHUB_HEAD_REF: o.headRef ?? '',
    GITHUB_BASE_REF: o.baseRef ?? '',
    GITHUB_ACTOR: 'octocat',
    GITHUB_WORKFLOW: 'portwarden',
    GITHUB_JOB: 'ports',
    GITHUB_RUN_ID: '1001',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTION: 'portwarden',
    GITHUB_OUTPUT: file('output'),
    GITHUB_STEP_SUMMARY: file('step-summary.md'),
    GITHUB_STATE: file('state'),
    GITHUB_ENV: file('env'),
    GITHUB_PATH: file('path'),
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    // Test-only knob the contract allows, so Octokit's retry backoff stays short.
    PORTWARDEN_RETRY_BASE_MS: '50',
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;

  const started = Date.now();
  const child = spawn(NODE, [ACTION_ENTRY], { cwd: o.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 45_000);
  const exitCode = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  clearTimeout(timer);
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(env.GITHUB_OUTPUT!, 'utf8')),
    summary: readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8'),
    commands: parseWorkflowCommands(stdout),
    runnerTemp,
    ms: Date.now() - started,
  };
}
