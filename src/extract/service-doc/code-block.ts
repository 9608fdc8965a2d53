/**
 * Code blocks, read line by line in the original text: commands and env lines support a
 * port (`PORT=3062`, `--port 3024`), URLs and `*_URL=` lines are references, and an ASCII
 * diagram's `Port 3050` / `:3050` is a weak hint. Comment lines and removed diff lines are
 * history, not assignments, and are skipped.
 */
import type { Code } from 'mdast';
import type { DocScan } from './doc-scan.js';
import { scanCommands } from './commands.js';
import { scanReferences } from './references.js';

/** Box-drawing characters (U+2500–U+257F) and arrows made of them. */
const BOX_DRAWING = /[\u2500-\u257f\u25b2-\u25c4]/;
/** `+-----+` corners of plain ASCII boxes. */
const ASCII_CORNER = /\+[-=]{3,}/;

/** `Port 3050`, `port: 3050` inside a diagram. */
const DIAGRAM_PORT = /\bport[ \t]*:?[ \t]*(\d+)(?![\w.])/gi;
/** `:3050` standing alone in a diagram (not `mana-auth:3001`, not `12:30`). */
const DIAGRAM_COLON = /(?<![\w.:/\\-]):(\d{2,5})(?![\w.:])/g;

/** A fence line (also inside a blockquote or list). */
const FENCE = /^[ \t>]*(?:`{3,}|~{3,})/;

/** A whole-line comment in shell, YAML, Python, TS or Go. */
const COMMENT_LINE = /^[ \t>]*(?:#|\/\/|--[ \t])/;

/** The line without a trailing `# comment` or `// comment` (whitespace before the marker). */
function stripTrailingComment(line: string): string {
  const m = /[ \t](?:#|\/\/)[ \t]/.exec(line);
  return m ? line.slice(0, m.index) : line;
}

/** True when the block draws boxes rather than holding commands. */
export function isDiagram(lines: string[]): boolean {
  if (lines.some((l) => BOX_DRAWING.test(l))) return true;
  return lines.some((l) => ASCII_CORNER.test(l)) && lines.some((l) => l.includes('|'));
}

interface Line {
  text: string;
  start: number;
}

/** The content lines of a code node with their offsets, fences excluded. */
function contentLines(scan: DocScan, node: Code): Line[] {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return [];
  const lines: Line[] = [];
  let offset = start;
  for (const text of scan.slice(start, end).split('\n')) {
    lines.push({ text: text.replace(/\r$/, ''), start: offset });
    offset += text.length + 1;
  }
  if (lines[0] && FENCE.test(lines[0].text)) lines.shift();
  const last = lines.at(-1);
  if (last && FENCE.test(last.text) && /^[ \t>]*(?:`{3,}|~{3,})[ \t]*$/.test(last.text)) lines.pop();
  return lines;
}

/** Reads one fenced or indented code block. */
export function readCode(scan: DocScan, node: Code): void {
  const lines = contentLines(scan, node);
  const diagram = isDiagram(lines.map((l) => l.text));
  const diff = node.lang === 'diff';
  for (const line of lines) {
    if (COMMENT_LINE.test(line.text) || (diff && line.text.startsWith('-'))) continue;
    const text = stripTrailingComment(line.text);
    scanCommands(scan, text, line.start);
    scanReferences(scan, text, line.start);
    if (!diagram) continue;
    for (const re of [DIAGRAM_PORT, DIAGRAM_COLON]) {
      for (const m of text.matchAll(re)) {
        const digits = m[1] ?? '';
        const end = line.start + (m.index ?? 0) + m[0].length;
        scan.bind({ text: digits, start: end - digits.length, end }, 'weak', 'diagram');
      }
    }
  }
}
