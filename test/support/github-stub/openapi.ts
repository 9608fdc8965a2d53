/**
 * GitHub's own OpenAPI description (trimmed by scripts/trim-openapi.mjs), loaded once per
 * test process into openapi-backend: it routes a request to its operation and checks the
 * path, method, parameters and body against GitHub's schemas.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OpenAPIBackend, type AjvCustomizer } from 'openapi-backend';

/** The committed trimmed description. */
export const TRIMMED_DESCRIPTION = fileURLToPath(new URL('../../e2e/github-api/api.github.com.trimmed.json', import.meta.url));

/**
 * The description uses four string formats; Ajv ignores unknown formats noisily, so they
 * are defined here (`ajv-formats` is only a transitive dependency, not ours to import).
 */
const addFormats: AjvCustomizer = (ajv) => {
  ajv.addFormat('date-time', { type: 'string', validate: (s: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(s) && !Number.isNaN(Date.parse(s)) });
  ajv.addFormat('uri', { type: 'string', validate: (s: string) => URL.canParse(s) });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
  // `pulls/create`'s `head_repo`: a repository's `owner/name`.
  ajv.addFormat('repo.nwo', { type: 'string', validate: (s: string) => /^[\w.-]+\/[\w.-]+$/.test(s) });
  return ajv;
};

/**
 * OpenAPI 3.0 says `nullable: true` admits null even beside an `enum`; Ajv only admits it
 * when the enum lists null. GitHub sends `conclusion: null` on a running check, so null is
 * added to such enums.
 */
function admitNullInNullableEnums(node: unknown): void {
  if (Array.isArray(node)) node.forEach(admitNullInNullableEnums);
  else if (node && typeof node === 'object') {
    const schema = node as Record<string, unknown>;
    if (schema.nullable === true && Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum.push(null);
    Object.values(schema).forEach(admitNullInNullableEnums);
  }
}

let loading: Promise<OpenAPIBackend> | undefined;

/** The shared, initialised backend (compiling the validators takes about a second). */
export function loadGitHubApi(): Promise<OpenAPIBackend> {
  loading ??= (async () => {
    const definition = JSON.parse(readFileSync(TRIMMED_DESCRIPTION, 'utf8'));
    admitNullInNullableEnums(definition);
    const api = new OpenAPIBackend({
      definition,
      strict: true,
      validate: true,
      // Path and query parameters arrive as strings; GitHub's schemas type them.
      coerceTypes: true,
      ajvOpts: { strict: false },
      customizeAjv: addFormats,
    });
    await api.init();
    return api;
  })();
  return loading;
}

/** A valid-shaped response body for an operation, taken from GitHub's own examples. */
export function exampleResponse(api: OpenAPIBackend, operationId: string, status?: number): any {
  const { mock } = api.mockResponseForOperation(operationId, status === undefined ? {} : { code: status });
  return structuredClone(mock);
}
