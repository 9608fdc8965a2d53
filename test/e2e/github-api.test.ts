/** The committed trimmed description is self-contained and covers what the stand-in serves. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TRIMMED_DESCRIPTION } from '../support/github-stub/openapi.js';
import { HANDLERS } from '../support/github-stub/routes.js';

const doc = JSON.parse(readFileSync(TRIMMED_DESCRIPTION, 'utf8'));

function refs(node: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => refs(n, out));
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) k === '$ref' && typeof v === 'string' ? out.add(v) : refs(v, out);
  return out;
}

describe('trimmed GitHub OpenAPI description', () => {
  it('resolves every $ref inside itself (components were followed transitively)', () => {
    const dangling = [...refs(doc)].filter((ref) => {
      const [, section, name] = ref.slice(2).split('/');
      return doc.components?.[section!]?.[name!] === undefined;
    });
    expect(dangling).toEqual([]);
    expect(refs(doc).size).toBeGreaterThan(50);
  });

  it('holds exactly the operations the stand-in answers', () => {
    const ops = Object.values(doc.paths as Record<string, Record<string, { operationId?: string }>>).flatMap((item) => Object.values(item).map((op) => op?.operationId).filter(Boolean));
    expect([...ops].sort()).toEqual(Object.keys(HANDLERS).sort());
  });

  it('keeps the limits GitHub documents: 50 annotations per request, 65,535-character summaries', () => {
    const output = doc.paths['/repos/{owner}/{repo}/check-runs'].post.requestBody.content['application/json'].schema.properties.output;
    expect(output.properties.annotations.maxItems).toBe(50);
    expect(output.properties.summary.maxLength).toBe(65_535);
  });
});
