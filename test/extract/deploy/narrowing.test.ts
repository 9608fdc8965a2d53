/**
 * The deploy readers do less than a whole read where the result cannot differ; each shortcut is
 * compared here with the whole read it replaces, over every fixture and example file, the
 * corpus repositories (when their tarballs are present) and generated input:
 * - `get` finds a key without listing every entry of the map (`entries`, merges expanded);
 * - `excessAlias` skips its walk of the document when the text has too few `*` to hold more
 *   aliases than the limit;
 * - Dockerfile instructions map their arguments only when read.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isMap, parseAllDocuments, visit, type Document } from 'yaml';
import { entries, get } from '../../../src/extract/deploy/yaml-nodes.js';
import { MAX_YAML_ALIASES, excessAlias } from '../../../src/core/yaml-limits.js';
import { dockerInstructions } from '../../../src/extract/deploy/dockerfile-instructions.js';
import { append, emptyMapped, identity, type Mapped } from '../../../src/core/mapped.js';
import { composeFiles } from '../../../bench/lib/root-files.mjs';
import { planRepo } from '../../../bench/lib/plan.mjs';
import { serviceFiles } from '../../../bench/lib/service-files.mjs';
import { CORPUS, corpusOptions, unpack } from '../../corpus/corpus.js';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));

/** Every file under `dir` whose name passes `keep`, as `[path, text]`. */
function filesUnder(dir: string, keep: (name: string) => boolean): [string, string][] {
  const out: [string, string][] = [];
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const path = join(e.parentPath, e.name);
    if (e.isFile() && keep(e.name) && statSync(path).size < 4_000_000) out.push([path, readFileSync(path, 'utf8')]);
  }
  return out;
}

const isYaml = (name: string) => /\.ya?ml$/.test(name);
const isDockerfile = (name: string) => /^(Dockerfile|dockerfile)(\..+)?$/.test(name) || /\.(Dockerfile|dockerfile)$/.test(name);
const local = (keep: (name: string) => boolean) => [...filesUnder(join(REPO, 'test/fixtures'), keep), ...filesUnder(join(REPO, 'examples'), keep)];

/** Merge keys, aliased keys and values, duplicates and odd keys: what `get` must agree with `entries` on. */
const MERGES = `
x-base: &base { image: app, ports: ['1:1'], environment: { PORT: '1' } }
x-more: &more
  command: serve --port 2
  ports: ['2:2']
k: &key ports
services:
  a:
    <<: *base
    ports: ['3:3']
  b:
    <<: [*base, *more]
    hostname: b
  c:
    *key : ['4:4']
    null: 1
    ~: 2
    1: one
    true: yes
    ports: first
    ports: last
  d: { <<: *more, <<: *base }
`;

/** A text with `n` aliases (each written with one `*`). */
const aliases = (n: number) => `a: &a 1\nlist:\n${'  - *a\n'.repeat(n)}`;

/** The map nodes of a document. */
function maps(doc: Document): unknown[] {
  const found: unknown[] = [];
  visit(doc, { Map: (_key, node) => void found.push(node) });
  return found;
}

/** `get` against the whole entry list, for every key of every map plus keys no map has. */
function compareGet(text: string): number {
  let compared = 0;
  for (const doc of parseAllDocuments(text, { uniqueKeys: false }) as Document[]) {
    if (!('contents' in doc)) continue;
    for (const map of [doc.contents, ...maps(doc)]) {
      if (!isMap(map)) continue;
      const all = entries(map, doc);
      for (const key of new Set([...all.map((e) => e.key), '<<', 'absent', 'null', 'ports'])) {
        expect(get(map, key, doc)).toBe(all.findLast((e) => e.key === key)?.value);
        compared++;
      }
    }
  }
  return compared;
}

/** The instructions as they were read before arguments became lazy: every line mapped at once. */
function eagerInstructions(text: string): { keyword: string; args: Mapped; start: number }[] {
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim().startsWith('#')) break;
    lines.push(line);
  }
  const escape = /^\s*#\s*escape\s*=\s*`/im.test(lines.join('\n')) ? '`' : '\\';
  const out: { keyword: string; args: Mapped; start: number }[] = [];
  let current: { keyword: string; args: Mapped; start: number } | undefined;
  let pos = 0;
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(pos, lineEnd).replace(/\r$/, '');
    const lineStart = pos;
    pos = lineEnd + 1;
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    let from = lineStart;
    if (!current) {
      const indent = line.length - trimmed.length;
      const keyword = /^\S+/.exec(trimmed)?.[0] ?? '';
      from = lineStart + indent + keyword.length;
      while (from < lineStart + line.length && /[ \t]/.test(text[from] as string)) from++;
      current = { keyword: keyword.toUpperCase(), args: emptyMapped(), start: lineStart + indent };
    }
    const body = line.trimEnd();
    const continued = body.endsWith(escape);
    append(current.args, identity(text, from, Math.max(from, lineStart + (continued ? body.length - 1 : line.length))));
    if (!continued) {
      out.push(current);
      current = undefined;
    }
  }
  if (current) out.push(current);
  return out;
}

const sameInstructions = (text: string) => {
  const lazy = dockerInstructions(text).map(({ keyword, args, start }) => ({ keyword, args, start }));
  expect(lazy).toEqual(eagerInstructions(text));
  return lazy.length;
};

/** Dockerfile texts no fixture has: directives, CRLF, continuations at the end, comments only. */
const DOCKERFILES = [
  '# escape=`\nFROM node\nRUN echo `\n  hi\nEXPOSE 3000\n',
  '# syntax=docker/dockerfile:1\n# escape=`\r\nFROM node\r\nENV PORT=1 `\r\n  B=2\r\n',
  '\n# escape=`\nFROM node\nRUN a `\n',
  '# only\n# comments',
  '# only\n# comments\n',
  '',
  'FROM a AS b\nHEALTHCHECK CMD \\\n  # a comment inside\n\n  curl http://localhost:3000/ \\',
  '  \tfrom\tx\nexpose\t\t8080/tcp 9090\ncmd ["serve", "--port", "3"]',
];

const generated = planRepo(300).services;

describe('get, against the whole entry list', () => {
  it('agrees on merges, aliased and duplicate keys, and keys that are not strings', () => {
    expect(compareGet(MERGES)).toBeGreaterThan(40);
  });

  it('agrees on every YAML fixture and example file', () => {
    const files = local(isYaml);
    expect(files.length).toBeGreaterThan(10);
    for (const [, text] of files) compareGet(text);
  });

  it('agrees on the generated compose file', () => {
    expect(compareGet(composeFiles(generated)[0]![1])).toBeGreaterThan(300 * 5);
  });

  it.skipIf(corpusOptions().skip)('agrees on every YAML file of the corpus', () => {
    for (const name of CORPUS) for (const [, text] of filesUnder(unpack(name), isYaml)) compareGet(text);
  });
});

describe('excessAlias with the text, against the walk of the document', () => {
  const same = (text: string) => {
    for (const doc of parseAllDocuments(text, { uniqueKeys: false }) as Document[]) if ('contents' in doc) expect(excessAlias(doc, text)).toEqual(excessAlias(doc));
  };

  it('finds the same excess around the limit', () => {
    for (const n of [0, 1, MAX_YAML_ALIASES - 1, MAX_YAML_ALIASES, MAX_YAML_ALIASES + 1, 150]) same(aliases(n));
    expect(excessAlias(parseAllDocuments(aliases(101))[0] as Document, aliases(101))?.count).toBe(101);
    // Stars that are not aliases count toward the walk, never against it.
    same(`${'# *\n'.repeat(200)}${aliases(101)}`);
    same(`s: "${'*'.repeat(500)}"\n${aliases(3)}`);
  });

  it('finds the same on every YAML fixture, example and corpus file and the generated compose file', () => {
    for (const [, text] of local(isYaml)) same(text);
    same(MERGES);
    same(composeFiles(generated)[0]![1]);
    if (!corpusOptions().skip) for (const name of CORPUS) for (const [, text] of filesUnder(unpack(name), isYaml)) same(text);
  });
});

describe('Dockerfile instructions, mapped when read, against mapping every line', () => {
  it('are the same on every fixture and example Dockerfile and the edge cases', () => {
    const files = local(isDockerfile);
    expect(files.length).toBeGreaterThan(5);
    for (const [, text] of files) sameInstructions(text);
    for (const text of DOCKERFILES) sameInstructions(text);
    expect(dockerInstructions(DOCKERFILES[0]!)[1]!.args.value).toBe('echo   hi');
  });

  it('are the same on the generated Dockerfiles and the corpus', () => {
    for (const s of generated.slice(0, 40)) for (const [path, text] of serviceFiles(s)) if (isDockerfile(path)) sameInstructions(text);
    if (!corpusOptions().skip) for (const name of CORPUS) for (const [, text] of filesUnder(unpack(name), isDockerfile)) sameInstructions(text);
  });
});
