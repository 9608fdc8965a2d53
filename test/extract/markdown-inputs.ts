/**
 * Markdown to check a narrowed parse against the whole-file parse with: every markdown file of
 * the repository's fixtures and example, the seed registry and its lossy copy, the corpus
 * repositories' markdown (../shared), the registry and service docs of a generated bench tree,
 * and documents assembled from the shapes that make markdown context-dependent.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { generate } from '../../bench/generate.mjs';
import { SHARED_DIR } from '../support/shared.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** A markdown text and where it came from. */
export interface MarkdownInput {
  name: string;
  text: string;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => join(e.parentPath, e.name));
}

const read = (file: string): MarkdownInput => ({ name: file, text: readFileSync(file, 'utf8') });

/** The markdown of the fixtures and the example. */
export function repoMarkdown(): MarkdownInput[] {
  return [...markdownFiles(join(ROOT, 'test/fixtures')), ...markdownFiles(join(ROOT, 'examples'))].map(read);
}

/** The seed registry and its lossy copy, when ../shared has them. */
export function seedMarkdown(): MarkdownInput[] {
  return ['PORT_SCHEMA.md', 'PORT_SCHEMA.lossy.md'].map((f) => join(SHARED_DIR, 'seed', f)).filter(existsSync).map(read);
}

/** The markdown of the four corpus repositories, unpacked into a scratch directory (removed by `dispose`). */
export function corpusMarkdown(): { inputs: MarkdownInput[]; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'pw-md-corpus-'));
  const corpus = join(SHARED_DIR, 'corpus');
  const tarballs = existsSync(corpus) ? readdirSync(corpus).filter((f) => f.endsWith('.tar.gz')) : [];
  for (const t of tarballs) execFileSync('tar', ['xzf', join(corpus, t), '-C', dir]);
  return { inputs: markdownFiles(dir).map(read), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A generated bench tree of `n` services: its registry and its service docs. */
export function generatedMarkdown(n: number): { registry: MarkdownInput; docs: MarkdownInput[]; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'pw-md-bench-'));
  const { root } = generate(join(dir, `n${n}`), n, { git: false });
  const docs = readdirSync(join(root, 'services')).map((s) => read(join(root, 'services', s, 'CLAUDE.md')));
  return { registry: read(join(root, 'docs/PORT_SCHEMA.md')), docs, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Pieces of markdown whose reading depends on what surrounds them: lists continued after blank
 * lines and lazily, indented code, fences and HTML comments holding blank lines, tables (long,
 * with rows without pipes, followed by other blocks), blockquotes, reference definitions,
 * setext headings, registry shapes, and what the rest of GFM reads (strikethrough, footnotes,
 * task items, autolink literals).
 */
export const PIECES = [
  '# Title\n', '## Port: 3024 (dev)\n', 'Plain prose with 2024-01-02 and v1.2.3.\n', '- **Port:** 3021\n', '**Port**: 3022 (production)\n',
  'Port: 3023\n', '- item one\n', '- item two\n  continued lazily\n', '1. first\n', '2. second with `PORT=3040`\n', '  indented continuation http://auth:3001\n',
  '    indented code PORT=3050\n', '```bash\nPORT=3060 npm start\n\ncurl http://localhost:3061/health\n```\n', '```\nno port here\n\nstill none\n```\n',
  '~~~~\n```\ninner\n\n~~~~\n', '```js ``` not a fence\n', '| Variable | Default |\n|---|---|\n| PORT | 3070 |\n| AUTH_URL | http://auth:3001 |\n',
  '| a | b |\n|---|---|\n| 1 | 2 |\n', '> quoted\n> port 3080\n', '> quoted without\n', '<!-- portwarden-ignore doc/registry-drift: moving -->\n',
  '<!--\nmulti\n\nline port 1\n-->\n', '[ref]: http://docs:8080/x\n', 'A [link][ref] and [another](http://x:3090/y).\n', 'Setext\n===\n', 'Port\n---\n',
  '  - nested item with :3001\n', '\tTabbed PORT=1\n', 'Text\u00a0\n', '\u00a0\nafter nbsp\n', '***\n', '- - deep\n', '   ```\n   spaced fence\n\n   ```\n',
  '| Port | Service | Stack |\n|------|---------|-------|\n| 3000 | svc-a | Node |\n| 3001 | svc-b | Go |\n| 3002 | svc-c | Python |\n| 3003 | svc-d | Go |\n| 3004 | svc-e | Node |\n',
  '| Port | Service |\n|:--|--:|\n| 3005 | svc-f |\n|3006|svc-g|\n| 3007 | svc-h | extra |\n| 3008 |\n| `3009` | **svc-i** \\| x |\n',
  '| Port | Service |\n|---|---|\n| 3010 | svc-j |\nlazy row 3011\n| 3012 | svc-k |\n', '| Port | Service |\n|---|---|\n| 3013 | svc-l |\n> quote ends it\n| 3014 | x |\n',
  '| Port | Service |\n|---|---|\n| 3015 | svc-m |\n# heading ends it\n', '| Port |\n|---|\n| 3016 |\n- a list ends it\n| 3017 |\n',
  '## 3000-3009: Core\n', '> ### Real ports today (2026-04-08)\n>\n> **Mac Mini (production):**\n> - svc-a `3000`, svc-b `3001`\n',
  '**Mac Mini:**\n', '- svc-c `3002`\n  - svc-d `3003`\n', '**Originally drafted:** 2026-03-28\n', 'PARTIALLY ASPIRATIONAL\n',
  'Sets REDIS_PORT=6379 and MANA_AUTH_PORT=3001.\n', '| Env | Value |\n|---|---|\n| MANA_AUTH_PORT | 3001 |\n', 'The __Port__: 3001 and __Port:__ abc\n',
  'Owns reports and imports.\n', '- - -\n', '- --\n', '* star item port 3001\n', '+ plus item\n', '- ```\n', '- <!-- x\n', '- # Port: 3030\n',
  '-     PORT=3031 indented in an item\n', '- item :3032\n  more\n', 'lazy line after :3033\n', '-\tPort: 3034\n', '- [x]: http://defined:3035\n', '~~3010~~ 3011 and ~one~\n', 'See[^1] the note.\n', '[^1]: the note\n', '- [ ] task\n- [x] done\n', 'www.example.com and http://a.b:3001 and me@example.com\n',
];

/** Joins pieces with no, one or two line endings; sometimes with CRLF throughout. */
export const assembledDoc = fc
  .record({
    parts: fc.array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom('', '\n', '\n', '\n\n')), { minLength: 1, maxLength: 14 }),
    crlf: fc.boolean(),
  })
  .map(({ parts, crlf }) => {
    const text = parts.map(([piece, gap]) => piece + gap).join('');
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });
