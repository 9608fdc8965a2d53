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
  const file = ctx.state.contents.get(String(ctx.params.path));
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

export const putContent: Handler = (ctx) => {
  const path = String(ctx.params.path);
  const existing = ctx.state.contents.get(path);
  const b = ctx.body;
  if (existing && b.sha !== existing.sha) return githubError(409, `${path} does not match ${b.sha ?? '(no sha given)'}`);
  const content = Buffer.from(b.content, 'base64').toString('utf8');
  const sha = blobSha(content);
  ctx.state.contents.set(path, { content, sha });
  const status = existing ? 200 : 201;
  const base = example(ctx, 'repos/create-or-update-file-contents', {}, status);
  return { status, body: { ...base, content: { ...base.content, name: path.split('/').pop(), path, sha, size: Buffer.byteLength(content) }, commit: { ...base.commit, message: b.message, sha: createHash('sha1').update(`commit ${ctx.state.nextId()}`).digest('hex') } } };
};

export const graphql: Handler = (ctx) => {
  ctx.state.graphqlQueries.push(ctx.body);
  return { status: 200, body: { data: {} } };
};
