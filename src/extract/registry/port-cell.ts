/**
 * The Port cell of a plan table: a single port (`3001`), a range (`3006-3009`, hyphen or
 * dash) or a comma-separated list of either (`3017, 3019`). Each number is located exactly
 * in the original text, so a fix can replace just that number.
 */
import { isValidPort } from '../../core/statements.js';
import { describeValue, valueKey } from '../value-text.js';
import { addProblem, type ParseContext } from './context.js';
import { quote } from '../../core/quote.js';

/** One port the cell names, with the span that states it (the whole `a-b` for a range). */
export interface CellPort {
  port: number;
  start: number;
  end: number;
}

/** What a Port cell says. */
export interface PortCell {
  ports: CellPort[];
  isRange: boolean;
}

/** One list item: a number, or two numbers joined by a hyphen or dash. */
const ITEM = /^\s*(\d+)\s*(?:[-–—]\s*(\d+)\s*)?$/;

/**
 * Parses a Port cell. `plain` is the cell's plain text (markup removed); `[start, end)` is
 * the span of its content in the original text, where the digits are found again in order.
 * Bad numbers become `input/invalid-port` problems that say what the value is, never its
 * text; the good ones are still returned. `row` keys the problems; `shown` names the row in
 * messages (the row without its Port cell).
 */
export function parsePortCell(ctx: ParseContext, plain: string, start: number, end: number, row: string, shown = row): PortCell {
  const cell: PortCell = { ports: [], isRange: false };
  const items = plain.split(/[,;]/);
  if (!items.every((item) => ITEM.test(item))) {
    const message = `The Port cell of row ${quote(shown)} ${describeValue(plain.trim())}; expected a port (\`3001\`), a range (\`3006-3009\`) or a list (\`3017, 3019\`).`;
    addProblem(ctx, 'invalid-port', message, start, end, `port-cell:${row}`);
    return cell;
  }
  const spots = digitRuns(ctx.text, start, end);
  const plainCount = plain.match(/\d+/g)?.length ?? 0;
  // Markup that itself holds digits (never seen in practice) would break the alignment
  // of plain numbers to raw digits; fall back to the whole cell then.
  const at = (i: number): [number, number] => (spots.length === plainCount ? spots[i]! : [start, end]);
  let n = 0;
  for (const item of items) {
    const m = ITEM.exec(item)!;
    const a = Number(m[1]);
    const [aStart, aEnd] = at(n++);
    if (m[2] === undefined) {
      if (checkPort(ctx, m[1] as string, aStart, aEnd, row, shown)) cell.ports.push({ port: a, start: aStart, end: aEnd });
      continue;
    }
    const b = Number(m[2]);
    const [, bEnd] = at(n++);
    cell.isRange = true;
    const okA = checkPort(ctx, m[1] as string, aStart, aEnd, row, shown);
    const okB = checkPort(ctx, m[2], at(n - 1)[0], bEnd, row, shown);
    if (!okA || !okB) continue;
    if (a > b) {
      const message = `Port range ${quote(`${a}-${b}`)} of row ${quote(shown)} runs backwards; expected the lower port first (${quote(`${b}-${a}`)}).`;
      addProblem(ctx, 'invalid-port', message, aStart, bEnd, `port-range:${row}:${a}-${b}`);
      continue;
    }
    for (let p = a; p <= b; p++) cell.ports.push({ port: p, start: aStart, end: bEnd });
  }
  return cell;
}

/** Reports digits whose number is outside 1..65535; true when the port is valid. */
function checkPort(ctx: ParseContext, digits: string, start: number, end: number, row: string, shown: string): boolean {
  if (isValidPort(Number(digits))) return true;
  addProblem(ctx, 'invalid-port', `A port of row ${quote(shown)} ${describeValue(digits)}; expected an integer from 1 to 65535.`, start, end, `port:${row}:${valueKey(digits)}`);
  return false;
}

/** Offsets of every run of digits in `text[start, end)`. */
function digitRuns(text: string, start: number, end: number): [number, number][] {
  const runs: [number, number][] = [];
  const re = /\d+/g;
  const slice = text.slice(start, end);
  for (let m = re.exec(slice); m; m = re.exec(slice)) runs.push([start + m.index, start + m.index + m[0].length]);
  return runs;
}
