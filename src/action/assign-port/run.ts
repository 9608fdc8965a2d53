/**
 * `/assign-port` on an `issue_comment`: the gates, the allocation on the tree read as data,
 * the commit (or a new branch and pull request, or a suggestion on a fork), the check run on
 * the new head, reactions and one reply. A comment that is not for us (an edit, another
 * text, a bot's) logs why and makes no request at all.
 */
import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import { assign, type AssignResult } from '../../assign/assign.js';
import { check } from '../../engine.js';
import { parseRegistry } from '../../extract/registry/index.js';
import { readRepoFile } from '../../collect/read.js';
import { describeError } from '../../github/errors.js';
import type { RunContext } from '../../github/context.js';
import { findMergeBase } from '../../git/merge-base.js';
import { exportTree } from '../../git/export-tree.js';
import { putFile } from '../../github/contents.js';
import { createOctokit, type GitHubClient } from '../../github/octokit.js';
import { WRITE_ROLES, roleOf } from '../../github/permission.js';
import { createBranch, openPull, pullHead } from '../../github/pulls.js';
import { react } from '../../github/reactions.js';
import { reply } from '../../github/replies.js';
import type { ProjectModel } from '../../model/project.js';
import { readSettings, type Settings } from '../settings.js';
import { postCheckAfter } from './check-after.js';
import { openClaims } from './claims.js';
import { parseCommand } from './grammar.js';
import { failureReply, helpReply, lineDiff, malformedReply, refusedReply, successReply } from './reply.js';
import { blobAt, readTree, repoPathOf } from './tree.js';
import { commitRegistry } from './write.js';

type Env = Record<string, string | undefined>;
type Json = Record<string, any>;

/** One log line, made inert: text from a comment could otherwise start a workflow command. */
const info = (m: string) => core.info(m.replace(/\r\n|\r|\n/g, ' ⏎ ').replace(/^::/, ': :'));

/** Runs the command for the `issue_comment` event in `env`. Never throws: failures become `core.setFailed`. */
export async function runAssignPort(env: Env = process.env): Promise<void> {
  try {
    const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH ?? '', 'utf8')) as Json;
    const gate = gateOf(payload);
    if ('skip' in gate) return info(`portwarden /assign-port: ${gate.skip}`);
    const settings = readSettings();
    const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
    const client = createOctokit({ token: settings.token, baseUrl: env.GITHUB_API_URL || 'https://api.github.com', log: info });
    await handle({ env, payload, settings, client, owner, repo, number: gate.number, commentId: gate.commentId, login: gate.login, body: gate.body });
  } catch (error) {
    core.setFailed(`portwarden /assign-port: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The gates that need no request: a created comment, by a person, whose first line is the command. */
export function gateOf(payload: Json): { skip: string } | { number: number; commentId: number; login: string; body: string } {
  if (payload.action !== 'created') return { skip: `the comment was ${String(payload.action ?? 'changed')}, not created; only new comments are commands.` };
  const comment = payload.comment ?? {};
  const body = typeof comment.body === 'string' ? comment.body : '';
  if (!parseCommand(body)) return { skip: 'the first line of the comment is not an /assign-port command.' };
  if (comment.user?.type === 'Bot') return { skip: `the comment is by a bot (${String(comment.user?.login)}); bots get no answer, so two bots cannot loop.` };
  const number = Number(payload.issue?.number);
  const commentId = Number(comment.id);
  if (!Number.isInteger(number) || !Number.isInteger(commentId)) throw new Error('The issue_comment payload lacks `issue.number` or `comment.id`; expected the event as GitHub sends it.');
  return { number, commentId, login: String(comment.user?.login ?? ''), body };
}

interface Handling {
  env: Env;
  payload: Json;
  settings: Settings;
  client: GitHubClient;
  owner: string;
  repo: string;
  number: number;
  commentId: number;
  login: string;
  body: string;
}

async function handle(h: Handling): Promise<void> {
  const { client, owner, repo } = h;
  const say = async (text: string) => void (await reply(client, owner, repo, h.number, text));
  const role = await roleOf(client, owner, repo, h.login);
  if (!(WRITE_ROLES as readonly string[]).includes(role)) {
    info(`portwarden /assign-port: ${h.login} has the ${role} role; refused.`);
    return say(refusedReply(h.login, role));
  }
  const command = parseCommand(h.body)!;
  if (command.kind === 'help') return say(helpReply());
  if (command.kind === 'malformed') return say(malformedReply(command.input, command.why));

  await react(client, owner, repo, h.commentId, 'eyes');
  try {
    const done = await assignAndWrite(h, command.service, command.target, command.dryRun);
    await say(done.reply);
    await react(client, owner, repo, h.commentId, done.ok ? 'rocket' : 'confused');
  } catch (error) {
    info(`portwarden /assign-port: ${describeError(error)}`);
    await react(client, owner, repo, h.commentId, 'confused').catch(() => {});
    throw error;
  }
}

async function assignAndWrite(h: Handling, service: string, target: Parameters<typeof assign>[0]['request']['target'], dryRun: boolean): Promise<{ ok: boolean; reply: string }> {
  const { client, owner, repo, settings } = h;
  const onPull = Boolean(h.payload.issue?.pull_request);
  const pull = onPull ? await pullHead(client, owner, repo, h.number) : undefined;
  const defaultBranch = String(h.payload.repository?.default_branch ?? 'main');
  const sha = pull?.headSha ?? h.env.GITHUB_SHA ?? '';
  const workspace = h.env.GITHUB_WORKSPACE || process.cwd();
  const tree = await readTree(workspace, settings.workingDirectory, sha, settings.configPath, info);
  try {
    const checked = await check({ root: tree.root, ...(tree.configPath ? { configPath: tree.configPath } : { defaultConfig: true }), refused: tree.tree.refused });
    const { model, config } = checked;
    const registryPath = repoPathOf(tree.prefix, model.registryPath);
    const claims = await openClaims(client, owner, repo, registryPath, model.registry, model.services, pull?.number);
    const read = (path: string) => {
      const r = readRepoFile(tree.root, path, config.maxFileBytes);
      return 'text' in r ? r.text : undefined;
    };
    const compute = (text?: string): AssignResult => {
      const m = text === undefined ? model : withRegistry(model, text);
      return assign({ model: m, config, request: { service, ...(target ? { target } : {}) }, claims, read: (p) => (text !== undefined && p === model.registryPath ? text : read(p)) });
    };
    const first = compute();
    if ('error' in first) return { ok: false, reply: failureReply(service, first.error, first.skipped) };
    const diffs = () => first.edits.map((e) => lineDiff(read(e.path) ?? '', e));
    const base = { service, port: first.port, range: first.range, section: first.section, skipped: first.skipped };
    if (dryRun) return { ok: true, reply: successReply({ ...base, outcome: { kind: 'dry-run' }, diffs: diffs() }) };
    if (pull?.fork) return { ok: true, reply: successReply({ ...base, outcome: { kind: 'suggestion' }, diffs: diffs() }) };

    const branch = pull ? pull.headRef : `assign-port/${service}-${h.commentId}`;
    if (!pull) await createBranch(client, owner, repo, branch, sha);
    const outcome = await commitRegistry({
      client,
      owner,
      repo,
      branch,
      path: registryPath,
      sha: await blobAt(tree.top, sha, registryPath),
      compute,
      message: (r) => `Assign port ${r.port} to ${service} (/assign-port)`,
      log: info,
    });
    if ('conflicts' in outcome) return { ok: false, reply: failureReply(service, `The registry changed ${outcome.conflicts} times while the port was being written; expected it to settle. Try the command again.`) };
    if (!('commit' in outcome)) return { ok: false, reply: failureReply(service, outcome.result.error, outcome.result.skipped) };
    const result = outcome.result;
    let head = outcome.commit;
    let url = outcome.url;
    for (const edit of result.edits.slice(1)) {
      const path = repoPathOf(tree.prefix, edit.path);
      const doc = await putFile(client, owner, repo, { path, text: edit.text, sha: await blobAt(tree.top, sha, path), branch, message: `Port ${result.port} in ${edit.path} (/assign-port)` });
      if ('conflict' in doc) info(`portwarden /assign-port: ${path} changed on ${branch} meanwhile; its port line was not added.`);
      else [head, url] = [doc.commit, doc.url];
    }
    const success = { ...base, port: result.port, range: result.range, section: result.section, skipped: result.skipped, diffs: [], tries: outcome.tries };
    let reply: string;
    if (pull) reply = successReply({ ...success, outcome: { kind: 'commit', url, sha: head } });
    else {
      const opened = await openPull(client, owner, repo, { head: branch, base: defaultBranch, title: `Assign port ${result.port} to ${service}`, body: `Adds \`${service}\` at port ${result.port} to the registry, as asked in #${h.number}.\n\nCloses #${h.number}` });
      reply = successReply({ ...success, outcome: { kind: 'pull', url: opened.url, number: opened.number } });
    }
    const baseCheck = pull ? await mergeBaseCheck(tree.top, pull.baseSha, pull.headSha, tree.configPath, config.maxFileBytes) : checked;
    const context = runContext(h, head, workspace);
    const posted = await postCheckAfter({ client, context, settings, root: tree.root, ...(tree.configPath ? { configPath: tree.configPath } : {}), edits: result.edits, base: baseCheck });
    info(`portwarden /assign-port: ${posted.detail}`);
    return { ok: true, reply };
  } finally {
    await tree.tree.dispose();
  }
}

/** The model with the registry replaced by `text` (fetched again after a conflict). */
function withRegistry(model: ProjectModel, text: string): ProjectModel {
  const { doc } = parseRegistry(model.registryPath, text, model.services);
  const others = model.bindings.filter((b) => b.location.file !== model.registryPath);
  return { ...model, registry: doc, bindings: [...others, ...doc.plan, ...doc.actual] };
}

/**
 * The check of a pull request's merge base, as the check of its head compares against; its blobs
 * are held to the same `max-file-bytes` as the head's files, or a file read in the head would be
 * refused in the base and its findings would look new.
 */
async function mergeBaseCheck(top: string, baseSha: string, headSha: string, configPath: string | undefined, maxFileBytes: number) {
  const mergeBase = await findMergeBase(top, baseSha, headSha, { log: info });
  const tree = await exportTree(top, mergeBase, { maxFileBytes });
  try {
    return await check({ root: tree.dir, ...(configPath ? { configPath } : { defaultConfig: true }), refused: tree.refused });
  } finally {
    await tree.dispose();
  }
}

function runContext(h: Handling, headSha: string, workspace: string): RunContext {
  return {
    event: 'push',
    owner: h.owner,
    repo: h.repo,
    sha: headSha,
    headSha,
    workspace,
    apiUrl: h.env.GITHUB_API_URL || 'https://api.github.com',
    serverUrl: h.env.GITHUB_SERVER_URL || 'https://github.com',
    ...(h.env.GITHUB_RUN_ID ? { runId: h.env.GITHUB_RUN_ID } : {}),
  };
}

