// Hostile names, paths and reasons in every markdown channel: the sticky comment, the check
// run's summary, the job summary and a review comment are parsed with remark + remark-gfm, as
// GitHub would read them, and must hold no HTML, no link and no live mention from that text,
// with every table keeping its shape and every name shown exactly as written.
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Nodes, Root } from 'mdast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import { lineLocation } from '../../src/core/location.js';
import { quote } from '../../src/core/quote.js';
import type { Binding } from '../../src/core/statements.js';
import { CHECK_SUMMARY_CHARS } from '../../src/report/limits.js';
import { renderReport } from '../../src/report/markdown.js';
import { code, inline, messageParts, text } from '../../src/report/md-inline.js';
import { jobSummary } from '../../src/report/job-summary.js';
import type { RunReport } from '../../src/report/reporter.js';
import { commentBody } from '../../src/report/review.js';
import { stickyBody } from '../../src/report/sticky-comment.js';
import type { TempRepo } from '../support/git-fixture.js';
import { prRun } from '../support/run-fixture.js';

/** Names a hostile repository could give a service, a host, a file or a directive's reason. */
const HOSTILE = [
  'a`b',
  'a``b',
  'a```b',
  '`lead',
  'trail`',
  '``',
  '` x `',
  'a\\`b',
  '@user',
  'hi @user and foo@bar.com',
  '#1',
  'fixes #1',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '![x](https://evil.example/p.png)',
  'https://evil.example/x',
  'www.evil.example',
  '<https://evil.example>',
  'a|b',
  'a\\|b',
  'a\\\\|b',
  'line\nbreak',
  'cr\rbreak',
  '<!-- hidden',
  '</details>',
  '</sub><script>x</script>',
  '${{ secrets.X }}',
  '::error::owned',
  '# heading',
  '- item',
  '1. item',
  '> quote',
  '*em* _em_ ~~s~~',
  '$x^2$',
  '&amp; &#64;user',
];

/** HTML the reports write themselves; any other `html` node came from the repository's text. */
const OWN_HTML = /^(<br>|<sub>|<\/sub>|<\/details>|<!-- portwarden:sticky -->|<details><summary>[^<>]*<\/summary>)$/;

const parse = (md: string): Root => unified().use(remarkParse).use(remarkGfm).parse(md);

/** Every problem remark sees in `md`, given the link prefixes the reports may write. */
function problems(md: string): string[] {
  const out: string[] = [];
  visit(parse(md), (node: Nodes) => {
    if (node.type === 'html' && !OWN_HTML.test(node.value)) out.push(`html: ${node.value}`);
    if ((node.type === 'link' || node.type === 'image') && !/^https:\/\/(github\.com\/octo\/mono\/|github\.com\/portwarden\/portwarden\/blob\/main\/docs\/|example\.com\/rules)/.test(node.url)) out.push(`${node.type}: ${node.url}`);
    if (node.type === 'image' || node.type === 'linkReference' || node.type === 'imageReference' || node.type === 'definition' || node.type === 'footnoteReference') out.push(node.type);
    if (node.type === 'heading' && node.depth !== 3 && node.depth !== 4) out.push(`heading ${node.depth}`);
    // The only blockquotes are the reports' own `> [!WARNING]` notes, one line each.
    if (node.type === 'blockquote' && !/^\[!WARNING\]\n[^\n]*$/.test(toString(node))) out.push(`blockquote: ${toString(node)}`);
    if (node.type === 'text' && /[@#][\w]|https?:\/\/|www\./i.test(node.value)) out.push(`live text: ${node.value}`);
    if (node.type === 'table') {
      const width = node.children[0]!.children.length;
      for (const row of node.children) if (row.children.length !== width) out.push(`row of ${row.children.length} cells in a table of ${width}`);
    }
  });
  return out;
}

/** All inline code values in `md`, as a reader sees them (zero-width spaces removed). */
function codeValues(md: string): string[] {
  const out: string[] = [];
  visit(parse(md), 'inlineCode', (node: { value: string }) => void out.push(node.value.replace(/\u200b/g, '')));
  return out;
}

/** All text, as a reader sees it (zero-width spaces removed). */
function visibleText(md: string): string {
  const out: string[] = [];
  visit(parse(md), (node: Nodes) => {
    if (node.type === 'text' || node.type === 'inlineCode') out.push(node.value);
  });
  return out.join('').replace(/\u200b/g, '');
}

const flat = (s: string) => s.replace(/\r\n|\r|\n/g, ' ');

describe('the escaping module', () => {
  it('splits messages into code spans by CommonMark rules: a run of n backticks closes only at a run of exactly n', () => {
    expect(messageParts('Port `3001` of ``a`b`` on `h`')).toEqual([
      { code: false, text: 'Port ' },
      { code: true, text: '3001' },
      { code: false, text: ' of ' },
      { code: true, text: 'a`b' },
      { code: false, text: ' on ' },
      { code: true, text: 'h' },
    ]);
    expect(messageParts('an ``unclosed run and `x`')).toEqual([
      { code: false, text: 'an ``unclosed run and ' },
      { code: true, text: 'x' },
    ]);
    expect(messageParts('`` `x` ``')).toEqual([{ code: true, text: '`x`' }]);
  });

  it('quotes every hostile name so that the markdown side reads back exactly that name', () => {
    for (const name of HOSTILE) {
      const parts = messageParts(`Port ${quote(3001)} of ${quote(name)} here`);
      expect(parts.filter((p) => p.code).map((p) => p.text)).toEqual(['3001', flat(name)]);
    }
  });

  it('renders each hostile name inertly as text, as code and as a quoted message, in and out of a table cell', () => {
    for (const name of HOSTILE) {
      for (const cell of [true, false]) {
        const pieces = [text(name), code(name, { cell }), inline(`Port ${quote(3001)} of ${quote(name)} and ${name}`, { cell })];
        for (const piece of pieces) {
          const md = cell ? `| a | b |\n|---|---|\n| ${piece} | x |\n` : `${piece}\n`;
          expect(problems(md), `${JSON.stringify(name)} as ${JSON.stringify(piece)}`).toEqual([]);
        }
        // The code span shows the name exactly (line breaks become spaces, as in any code span).
        const md = cell ? `| a |\n|---|\n| ${code(name, { cell })} |\n` : `${code(name, { cell })}\n`;
        expect(codeValues(md)).toEqual([flat(name)]);
        // Outside code the reader sees the same characters too.
        expect(visibleText(`${text(name)}\n`).trim()).toBe(flat(name).trim());
      }
    }
  });
});

describe('the reports with hostile names', () => {
  let run: RunReport;
  let repo: TempRepo;
  beforeAll(async () => {
    ({ run, repo } = await prRun());
    const base = run.analysis.classified.new[0]!;
    const hostile = (name: string, i: number): Finding => ({
      ...base,
      message: `Port ${quote(3001)} of ${quote(name)} collides with ${quote(`${name}-2`)} on host ${quote(name)}; expected one service per port on a host. Raw: ${name}`,
      location: lineLocation(`services/${name}/CLAUDE.md`, i + 1),
      related: [{ location: lineLocation(`deploy/${name}.yml`, 2), message: `${quote(name)} binds 3001 here (${name})` }],
      fingerprint: `fp${i}`,
      url: 'https://example.com/rules#collision',
    });
    const findings = HOSTILE.map(hostile);
    const bindings: Binding[] = HOSTILE.flatMap((name, i) => [
      { service: name, port: 4000 + i, host: 'mac-mini', kind: 'deploy', role: 'publish', source: 'compose', label: 'compose `ports`', strength: 'declaration', location: lineLocation(`deploy/${name}.yml`, 1) },
      { service: `${name}-2`, port: 4000 + i, host: name, kind: 'deploy', role: 'publish', source: 'compose', label: 'compose `ports`', strength: 'declaration', location: lineLocation(`x/${name}`, 3) },
    ]);
    run = {
      ...run,
      analysis: {
        ...run.analysis,
        head: { ...run.analysis.head, model: { ...run.analysis.head.model, bindings } },
        classified: { new: findings.slice(0, 12), existing: findings.slice(12, 24), fixed: findings.slice(24), notChecked: findings.slice(0, 3), suppressed: [] },
        notes: HOSTILE.slice(0, 5),
        suppressions: HOSTILE.map((name, i) => ({ file: `a/${name}`, line: i + 1, ruleId: name, reason: name, kind: 'added' as const, silences: 1, rules: [name], applied: i % 2 === 0 })),
      },
    };
    run.analysis.classified.new[0] = { ...findings[0]!, unappliedSuppression: { file: `a/${HOSTILE[8]}`, line: 3 } };
  });
  afterAll(() => repo.remove());

  it('the sticky comment, check-run summary and job summary hold no HTML, link, mention or broken table from them', () => {
    for (const md of [stickyBody(run), renderReport(run, { limit: CHECK_SUMMARY_CHARS, unit: 'chars', fullListIn: 'x' }), jobSummary(run)]) {
      expect(problems(md)).toEqual([]);
      // Every hostile name is shown as written, as a code span.
      const values = new Set(codeValues(md));
      for (const name of HOSTILE) expect(values.has(flat(name)), JSON.stringify(name)).toBe(true);
    }
  });

  it('the review comments hold none either', () => {
    for (const finding of run.analysis.classified.new) {
      const body = commentBody(run, { kind: 'inline', finding, path: finding.location.file, line: finding.location.line });
      const withoutMarker = body.replace(/^<!-- portwarden:fp=\w+ -->\n/, '');
      expect(problems(withoutMarker)).toEqual([]);
    }
  });
});

describe('the engine with hostile service names on disk', () => {
  // Directory names may hold anything but `/` and NUL; each becomes a service whose name the rules quote.
  const names = HOSTILE.filter((n) => !/[\n\r/]/.test(n) && n !== '``' && !n.startsWith('-') && n.trim() === n);
  let run: RunReport;
  let repo: TempRepo;
  beforeAll(async () => {
    const head: Record<string, string> = {};
    names.forEach((name, i) => (head[`services/${name}/CLAUDE.md`] = `# ${name}\n\n## Port: ${4000 + (i % 3)}\n`));
    ({ run, repo } = await prRun({ base: { 'docs/PORT_SCHEMA.md': '# Port Schema\n' }, head }));
  });
  afterAll(() => repo.remove());

  it('quotes each name in the messages so that the comment shows it as one code span, and nothing goes live', () => {
    const md = stickyBody(run);
    expect(run.analysis.classified.new.length).toBeGreaterThan(names.length);
    expect(problems(md)).toEqual([]);
    const values = new Set(codeValues(md));
    for (const name of names) expect(values.has(name), JSON.stringify(name)).toBe(true);
  });
});
