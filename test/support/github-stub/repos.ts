/** The repository, collaborator permissions, file contents (for `/assign-port`), and GraphQL. */
import { createHash } from 'node:crypto';
import { example, githubError, type Handler } from './handler.js';
import { blobSha } from './state.js';


export const getRepo: Handler = (ctx) => {
  const { owner, repo, fullName } = ctx.state;
  const base = example(ctx, 'repos/get', {});
  // Only forks and template copies carry these; this repository is neither.
  delete base.source;
  delete base.parent;
  delete base.template_repository;
  return {
    status: 200,
    body: {
      ...base,
      name: repo,
      full_name: fullName,
      owner: { ...base.owner, login: owner },
      html_url: `https://github.com/${fullName}`,
      url: `${ctx.baseUrl}/repos/${fullName}`,
      default_branch: 'main',
      // GitHub's example omits `language`, which its own schema requires.
      language: 'TypeScript',
    },
  };
};

export const getCollaboratorPermission: Handler = (ctx) => {
  const permission = ctx.state.permissions.get(String(ctx.params.username)) ?? 'none';
  const base = example(ctx, 'repos/get-collaborator-permission-level', {});
  // The API maps maintain/triage onto the legacy write/read levels and reports the role name.
  const legacy = permission === 'maintain' ? 'write' : permission === 'triage' ? 'read' : permission;
  return {
    status: 200,
    body: { ...base, permission: legacy, role_name: permission, user: { ...base.user, login: ctx.params.username, role_name: permission } },
  };
};

export const getContent: Handler = (ctx) => {
  const file = ctx.state.filesAt(ctx.query.ref)?.get(String(ctx.params.path));
  if (!file) return githubError(404, 'Not Found');
  const path = String(ctx.params.path);
  const body = example(ctx, 'repos/get-content', {});
  return {
    status: 200,
    body: {
      ...body,
      type: 'file',
      encoding: 'base64',
      size: Buffer.byteLength(file.content),
      name: path.split('/').pop(),
      path,
      content: Buffer.from(file.content).toString('base64'),
      sha: file.sha,
    },
  };
};

/**
 * A commit of one file on a branch (the default branch when none is named), with GitHub's
 * compare-and-swap: the `sha` must be the file's current blob sha on that branch, else 409.
 */
export const putContent: Handler = (ctx) => {
  const path = String(ctx.params.path);
  const b = ctx.body;
  const branch = b.branch ?? 'main';
  const files = ctx.state.filesAt(branch);
  if (!files || (branch !== 'main' && !ctx.state.branchFiles.has(branch))) return githubError(404, `Branch ${branch} not found`);
  const existing = files.get(path);
  if (existing && b.sha !== existing.sha) return githubError(409, `${path} does not match ${b.sha ?? '(no sha given)'}`);
  if (!existing && b.sha !== undefined) return githubError(409, `${path} does not exist on ${branch}`);
  const content = Buffer.from(b.content, 'base64').toString('utf8');
  const sha = blobSha(content);
  files.set(path, { content, sha });
  const commit = createHash('sha1').update(`commit ${ctx.state.nextId()}`).digest('hex');
  ctx.state.branches.set(branch, commit);
  ctx.state.commitFiles.set(commit, new Map(files));
  const status = existing ? 200 : 201;
  const base = example(ctx, 'repos/create-or-update-file-contents', {}, status);
  return { status, body: { ...base, content: { ...base.content, name: path.split('/').pop(), path, sha, size: Buffer.byteLength(content) }, commit: { ...base.commit, message: b.message, sha: commit, html_url: `https://github.com/${ctx.state.fullName}/commit/${commit}` } } };
};

/** `GET /git/ref/heads/<branch>`: the commit a branch points at. */
export const getRef: Handler = (ctx) => {
  const ref = String(ctx.params.ref);
  const sha = ctx.state.branches.get(ref.replace(/^heads\//, ''));
  if (!ref.startsWith('heads/') || !sha) return githubError(404, 'Not Found');
  return { status: 200, body: refBody(ctx, `refs/${ref}`, sha) };
};

/** `POST /git/refs`: a new branch at a commit the stand-in knows; 422 when the name is taken. */
export const createRef: Handler = (ctx) => {
  const { ref, sha } = ctx.body as { ref: string; sha: string };
  if (!/^refs\/heads\/./.test(ref)) return githubError(422, 'Reference name must start with refs/heads/');
  const branch = ref.slice('refs/heads/'.length);
  if (ctx.state.branches.has(branch)) return githubError(422, 'Reference already exists');
  const files = ctx.state.commitFiles.get(sha);
  if (!files) return githubError(422, 'Object does not exist');
  ctx.state.branchFiles.set(branch, new Map(files));
  ctx.state.branches.set(branch, sha);
  return { status: 201, body: refBody(ctx, ref, sha) };
};

function refBody(ctx: Parameters<Handler>[0], ref: string, sha: string) {
  const base = example(ctx, 'git/get-ref', {});
  const url = `${ctx.baseUrl}/repos/${ctx.state.fullName}/git/${ref}`;
  return { ...base, ref, node_id: `REF_${sha.slice(0, 8)}`, url, object: { ...base.object, type: 'commit', sha, url: `${ctx.baseUrl}/repos/${ctx.state.fullName}/git/commits/${sha}` } };
}

export const graphql: Handler = (ctx) => {
  ctx.state.graphqlQueries.push(ctx.body);
  return { status: 200, body: { data: {} } };
};
