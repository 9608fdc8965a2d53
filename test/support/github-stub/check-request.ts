/**
 * Checks one incoming request against GitHub's description: JSON body, a matching
 * operation, parameters and body per its schema, no undeclared body properties, a token.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { OpenAPIBackend, Operation } from 'openapi-backend';
import { githubError, type StubResponse } from './handler.js';
import { unknownProperties } from './strict-body.js';

export interface IncomingRequest {
  method: string;
  pathname: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  raw: string;
}

/** Either the operation with the parsed body and typed path parameters, or why it fails. */
export type Checked =
  | { ok: true; operation: Operation; operationId: string; body: unknown; params: Record<string, unknown> }
  | { ok: false; operationId: string | null; body: unknown; errors: string[]; response: StubResponse };

/** Path parameters typed as their schema says (`pull_number` is an integer, `path` a string). */
function typedParams(operation: Operation, raw: Record<string, string>): Record<string, unknown> {
  const parameters = (operation.parameters ?? []) as { name: string; in: string; schema?: { type?: string } }[];
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw)) {
    const type = parameters.find((p) => p.in === 'path' && p.name === name)?.schema?.type;
    out[name] = type === 'integer' || type === 'number' ? Number(value) : decodeURIComponent(value);
  }
  return out;
}

export function checkRequest(api: OpenAPIBackend, r: IncomingRequest): Checked {
  let body: unknown;
  if (r.raw.length > 0) {
    try {
      body = JSON.parse(r.raw);
    } catch {
      return { ok: false, operationId: null, body: r.raw, errors: [`body is not JSON: ${r.raw.slice(0, 80)}`], response: githubError(400, 'Problems parsing JSON') };
    }
  }
  const request = { method: r.method, path: r.pathname, headers: r.headers as Record<string, string>, query: r.query };
  const operation = api.matchOperation(request);
  if (!operation) return { ok: false, operationId: null, body, errors: [`no operation in GitHub's description matches ${r.method} ${r.pathname}`], response: githubError(404, 'Not Found') };
  const operationId = operation.operationId!;

  const errors: string[] = [];
  const result = api.validateRequest({ ...request, body }, operation);
  for (const e of result.errors ?? []) errors.push(`${e.instancePath || '/'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
  const schema = (operation.requestBody as { content?: Record<string, { schema?: Record<string, unknown> }> } | undefined)?.content?.['application/json']?.schema;
  if (schema && body !== undefined) errors.push(...unknownProperties([schema], body));
  if (!/^(token|bearer) \S+/i.test(r.headers.authorization ?? '')) errors.push('no token: the Authorization header is missing');
  if (errors.length > 0) return { ok: false, operationId, body, errors, response: githubError(422, 'Invalid request.', errors) };

  const { params } = api.router.parseRequest(request, operation);
  return { ok: true, operation, operationId, body, params: typedParams(operation, params ?? {}) };
}
