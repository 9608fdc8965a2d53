#!/usr/bin/env node
// Renders a GitHub comment body (GFM) to a PNG that looks like GitHub shows it, for the
// README's example of the sticky summary comment. A doc script, never run in CI.
//
//   node scripts/render-markdown.mjs docs/summary-comment.md docs/summary-comment.png \
//     [--open="Fixed,Port map"] [--width=932] [--scale=2] [--title="..."] [--html=out.html]
//
// --open   expands the <details> whose summary starts with one of the comma-separated texts
//          (GitHub shows them collapsed; a reader can click them open).
// --title  draws a comment header bar with this text above the body.
// --html   also keeps the HTML page that was screenshotted.
//
// Needs:
// - Debian's chromium and fonts (`apt-get install -y chromium fonts-noto-color-emoji`);
//   CHROMIUM=/path overrides the binary.
// - marked 18.2.1 (GFM -> HTML). Not a project dependency: on first use it is installed with
//   npm into $TMPDIR/portwarden-render/ (PORTWARDEN_RENDER_DEPS overrides the directory).
//
// What differs from GitHub: no HTML sanitising (the input is our own output), GitHub alerts
// (`> [!WARNING]`) get a simple coloured box, and Mermaid blocks are NOT drawn (it would need
// the mermaid bundle and a render wait); they show as code under a note saying so.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const MARKED = 'marked@18.2.1';
const ALERT = { NOTE: '#0969da', TIP: '#1a7f37', IMPORTANT: '#8250df', WARNING: '#9a6700', CAUTION: '#d1242f' };

function parseArgs(argv) {
  const flags = { width: '932', scale: '2', open: '', title: '', html: '' };
  const files = [];
  for (const arg of argv) {
    const m = /^--([a-z]+)=(.*)$/s.exec(arg);
    if (m && m[1] in flags) flags[m[1]] = m[2];
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}; expected --open, --width, --scale, --title or --html`);
    else files.push(arg);
  }
  if (files.length !== 2) throw new Error('usage: node scripts/render-markdown.mjs <input.md> <output.png> [--open=...] [--width=932] [--scale=2] [--title=...] [--html=out.html]');
  return { input: resolve(files[0]), output: resolve(files[1]), ...flags };
}

/** marked, installed once into a cache directory outside the project. */
async function loadMarked() {
  const dir = process.env.PORTWARDEN_RENDER_DEPS ?? join(tmpdir(), 'portwarden-render');
  const entry = join(dir, 'node_modules', 'marked', 'lib', 'marked.esm.js');
  if (!existsSync(entry)) {
    mkdirSync(dir, { recursive: true });
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', dir, MARKED], { stdio: 'inherit' });
  }
  return import(pathToFileURL(entry).href);
}

/** GFM -> HTML, with GitHub's alert boxes and a visible placeholder for Mermaid. */
async function toHtml(markdown) {
  const { Marked } = await loadMarked();
  const marked = new Marked({ gfm: true });
  marked.use({
    // `> [!WARNING]` as the first line of a quote makes it an alert on GitHub.
    walkTokens(token) {
      if (token.type !== 'blockquote') return;
      const first = token.tokens?.[0]?.tokens?.[0];
      const m = first?.type === 'text' ? /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*/.exec(first.text) : null;
      if (!m) return;
      token.alert = m[1];
      first.text = first.text.slice(m[0].length);
      first.raw = first.raw.slice(m[0].length);
      delete first.tokens; // re-derived from `text` by the default renderer
    },
    renderer: {
      blockquote(token) {
        if (!token.alert) return false;
        const label = token.alert[0] + token.alert.slice(1).toLowerCase();
        return `<div class="alert" style="border-color:${ALERT[token.alert]}"><p class="alert-title" style="color:${ALERT[token.alert]}">${label}</p>${this.parser.parse(token.tokens)}</div>\n`;
      },
      code(token) {
        if (token.lang !== 'mermaid') return false;
        console.warn('render-markdown: a Mermaid block is shown as code; diagrams are not drawn offline.');
        return `<p class="note">Mermaid diagram (not drawn by this offline renderer):</p><pre><code>${escapeHtml(token.text)}</code></pre>\n`;
      },
    },
  });
  return marked.parse(markdown);
}

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// A condensed github-markdown-css (light theme): sizes, borders and colours as on github.com.
const CSS = `
html { background: #ffffff; }
body { margin: 0; padding: 16px; font: 14px/1.5 "Noto Sans", -apple-system, "Segoe UI", Helvetica, Arial, "Liberation Sans", sans-serif, "Noto Color Emoji"; color: #1f2328; }
.card { max-width: 900px; border: 1px solid #d1d9e0; border-radius: 6px; overflow: hidden; }
.card-head { background: #f6f8fa; border-bottom: 1px solid #d1d9e0; padding: 8px 16px; color: #59636e; }
.card-head b { color: #1f2328; }
.markdown-body { padding: 16px; overflow-wrap: break-word; }
.markdown-body > :first-child { margin-top: 0 !important; }
.markdown-body > :last-child { margin-bottom: 0 !important; }
h1, h2, h3, h4 { margin: 24px 0 16px; font-weight: 600; line-height: 1.25; }
h3 { font-size: 1.25em; } h4 { font-size: 1em; }
p, table, details, blockquote, pre, ul, ol, .alert { margin: 0 0 16px; }
a { color: #0969da; text-decoration: none; }
code { font: 85%/1.45 ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; background: rgba(129,139,152,0.12); border-radius: 6px; padding: .2em .4em; white-space: break-spaces; }
pre { background: #f6f8fa; border-radius: 6px; padding: 16px; overflow: auto; }
pre code { background: none; padding: 0; font-size: 85%; }
table { display: block; width: max-content; max-width: 100%; overflow: auto; border-spacing: 0; border-collapse: collapse; font-variant: tabular-nums; }
th { font-weight: 600; }
th, td { padding: 6px 13px; border: 1px solid #d1d9e0; vertical-align: top; }
tr { background: #ffffff; border-top: 1px solid #d1d9e0b3; }
tr:nth-child(2n) { background: #f6f8fa; }
td[align=right], th[align=right] { text-align: right; }
details summary { cursor: pointer; display: list-item; }
details[open] > summary { margin-bottom: 16px; }
sub { font-size: 75%; color: #59636e; }
blockquote { padding: 0 1em; color: #59636e; border-left: .25em solid #d1d9e0; }
.alert { padding: 8px 16px; border-left: .25em solid; }
.alert-title { font-weight: 500; margin-bottom: 4px; }
.note { color: #59636e; font-style: italic; }
`;

function page(body, { open, title }) {
  const prefixes = open.split(',').map((s) => s.trim()).filter(Boolean);
  const head = title ? `<div class="card-head">${escapeHtml(title).replace(/^(\S+)/, '<b>$1</b>')}</div>` : '';
  // The script opens the requested <details>, then publishes the page height in the title so
  // a --dump-dom pass can size the screenshot window to the content.
  return `<!doctype html><html><head><meta charset="utf-8"><title>render</title><style>${CSS}</style></head>
<body><div class="card">${head}<div class="markdown-body">
${body}
</div></div>
<script>
const open = ${JSON.stringify(prefixes)};
for (const d of document.querySelectorAll('details')) {
  const summary = d.querySelector('summary')?.textContent.trim() ?? '';
  if (open.some((p) => summary.startsWith(p))) d.open = true;
}
document.title = 'height=' + Math.ceil(document.documentElement.getBoundingClientRect().height);
</script></body></html>`;
}

function chromium(args) {
  const profile = mkdtempSync(join(tmpdir(), 'portwarden-chromium-'));
  try {
    const common = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--hide-scrollbars', `--user-data-dir=${profile}`];
    return execFileSync(process.env.CHROMIUM ?? 'chromium', [...common, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const html = page(await toHtml(readFileSync(opts.input, 'utf8')), opts);
  const work = mkdtempSync(join(tmpdir(), 'portwarden-render-'));
  const file = join(work, 'page.html');
  writeFileSync(file, html);
  if (opts.html) writeFileSync(resolve(opts.html), html);
  try {
    const url = pathToFileURL(file).href;
    // Pass 1: lay the page out at the screenshot width and read its height back.
    const dom = chromium([`--window-size=${opts.width},1000`, '--dump-dom', url]);
    const height = Number(/<title>height=(\d+)<\/title>/.exec(dom)?.[1]);
    if (!Number.isInteger(height) || height <= 0) throw new Error('could not measure the page height from chromium --dump-dom');
    // Pass 2: a window exactly as tall as the content.
    chromium([`--window-size=${opts.width},${height}`, `--force-device-scale-factor=${opts.scale}`, `--screenshot=${opts.output}`, url]);
    console.log(`wrote ${opts.output} (${opts.width}x${height} CSS px at scale ${opts.scale})`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
