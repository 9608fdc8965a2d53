/**
 * The registry edit of an assignment, made as a text edit and never by writing the document
 * out again: one row goes into the section's table in port order, written in the cell style
 * of the table's own rows; a reserved row holding the port is split around it (`3025-3029`
 * becomes `3025-3026`, the new `3027`, `3028-3029`); every other byte stays as it was.
 * Positions come from the registry parse (the rows' Port and Service cells).
 */
import { createLocator, lineStarts } from '../core/location.js';
import type { PlanRow, RegistryDoc, RegistrySection } from '../core/registry.js';
import type { PortRange } from './allocate.js';

/** The edited text, or why the edit cannot be made. */
export type RegistryEdit = { text: string; section: RegistrySection; line: number } | { error: string };

/**
 * The section a new row for `port` belongs in: the one whose range heading holds it, else the
 * one with a reserved row holding it. Undefined when no section does.
 */
export function sectionFor(doc: RegistryDoc, port: number): RegistrySection | undefined {
  return (
    doc.sections.find((s) => s.range && port >= s.range.start && port <= s.range.end && s.rows.length > 0) ??
    doc.sections.find((s) => s.rows.some((r) => r.reserved && r.ports.includes(port)))
  );
}

/** The section titled `title` (case and surrounding space ignored). */
export function sectionTitled(doc: RegistryDoc, title: string): RegistrySection | undefined {
  const key = title.trim().toLowerCase();
  return doc.sections.find((s) => s.title.trim().toLowerCase() === key);
}

/** The range a section offers: its heading's range, else the span of its rows' ports. */
export function sectionRange(section: RegistrySection): PortRange | undefined {
  if (section.range) return section.range;
  const ports = section.rows.flatMap((r) => r.ports);
  return ports.length > 0 ? { start: Math.min(...ports), end: Math.max(...ports) } : undefined;
}

/** One line of the text: its content and where it starts and ends (without the line break). */
interface Line {
  start: number;
  end: number;
  /** `\n`, `\r\n` or `''` at the end of the text. */
  eol: string;
}

/** Adds the row `port | service` to `section` of the registry `text` (parsed into `doc`). */
export function addRegistryRow(text: string, section: RegistrySection, service: string, port: number): RegistryEdit {
  const rows = section.rows;
  if (rows.length === 0) return { error: `The section ${JSON.stringify(section.title)} has no table with a Port column; expected one to add the row to.` };
  if (rows.some((r) => r.service === service)) return { error: `The section already has a row for the service.` };
  const starts = lineStarts(text);
  const lineAt = (n: number): Line => {
    const start = starts[n - 1]!;
    const next = starts[n];
    const end = next === undefined ? text.length : next - 1;
    const cr = end > start && text[end - 1] === '\r';
    return { start, end: cr ? end - 1 : end, eol: next === undefined ? '' : cr ? '\r\n' : '\n' };
  };
  const locator = createLocator(section.location.file, text);
  const offsetOf = (row: PlanRow) => [locator.offset(row.location.line, row.location.column), locator.offset(row.location.endLine, row.location.endColumn)] as const;

  const pool = rows.find((r) => r.reserved && r.ports.includes(port));
  if (pool) {
    const line = lineAt(pool.location.line);
    const [cellStart, cellEnd] = offsetOf(pool);
    const dash = /\d\s*([-–—])\s*\d/.exec(pool.portText)?.[1] ?? '-';
    const before = text.slice(line.start, cellStart);
    const after = text.slice(cellEnd, line.end);
    const piece = (a: number, b: number) => before + (a === b ? String(a) : `${a}${dash}${b}`) + after + line.eol;
    const first = Math.min(...pool.ports);
    const last = Math.max(...pool.ports);
    const template = newRowTemplate(text, rows, pool, lineAt, offsetOf);
    const lines = [
      ...(port > first ? [piece(first, port - 1)] : []),
      template(port, service) + line.eol,
      ...(port < last ? [piece(port + 1, last)] : []),
    ];
    const lineEnd = line.start + (line.end - line.start) + line.eol.length;
    const added = port > first ? pool.location.line + 1 : pool.location.line;
    return { text: text.slice(0, line.start) + lines.join('') + text.slice(lineEnd), section, line: added };
  }

  // In port order: after the row with the highest first port below the new one, else before the lowest.
  const below = rows.filter((r) => Math.min(...r.ports) < port).sort((a, b) => Math.min(...b.ports) - Math.min(...a.ports))[0];
  const anchor = below ?? [...rows].sort((a, b) => Math.min(...a.ports) - Math.min(...b.ports))[0]!;
  const anchorLine = lineAt(anchor.location.line);
  const template = newRowTemplate(text, rows, anchor, lineAt, offsetOf);
  const eol = anchorLine.eol || (text.includes('\r\n') ? '\r\n' : '\n');
  if (below) {
    const at = anchorLine.end + anchorLine.eol.length;
    // The last line of the text may lack its line break: the new row then starts one.
    const insert = anchorLine.eol === '' ? eol + template(port, service) : template(port, service) + eol;
    return { text: text.slice(0, at) + insert + text.slice(at), section, line: anchor.location.line + 1 };
  }
  return { text: text.slice(0, anchorLine.start) + template(port, service) + eol + text.slice(anchorLine.start), section, line: anchor.location.line };
}

/** A cell of a row line: its content span and the whitespace around it, as offsets into the line. */
interface Cell {
  start: number;
  end: number;
  lead: string;
  trail: string;
}

/** Splits a table row line at its unescaped pipes (GFM: `\|` is a pipe inside a cell). */
function splitCells(line: string): { open: boolean; close: boolean; cells: Cell[] } {
  const pipes: number[] = [];
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') pipes.push(i);
  }
  const open = line.slice(0, pipes[0] ?? 0).trim() === '' && pipes.length > 0;
  const lastPipe = pipes[pipes.length - 1] ?? -1;
  const close = lastPipe >= 0 && line.slice(lastPipe + 1).trim() === '' && pipes.length > (open ? 1 : 0);
  const bounds = [open ? pipes[0]! : -1, ...pipes.slice(open ? 1 : 0, close ? -1 : undefined), close ? lastPipe : line.length];
  const cells: Cell[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const raw = line.slice(bounds[i]! + 1, bounds[i + 1]);
    const lead = /^\s*/.exec(raw)![0];
    const trail = raw.trim() === '' ? '' : /\s*$/.exec(raw)![0];
    cells.push({ start: bounds[i]! + 1 + lead.length, end: bounds[i + 1]! - trail.length, lead, trail });
  }
  return { open, close, cells };
}

/**
 * A function writing a new row in the table's style: the shape (outer pipes, padding, the
 * column width when the table is aligned) of a service row of the same section, preferably
 * `near` itself; the Port and Service cells filled in and the other cells left empty.
 */
function newRowTemplate(
  text: string,
  rows: readonly PlanRow[],
  near: PlanRow,
  lineAt: (n: number) => Line,
  offsetOf: (row: PlanRow) => readonly [number, number],
): (port: number, service: string) => string {
  const model = near.service !== undefined ? near : (rows.find((r) => r.service !== undefined) ?? near);
  const line = lineAt(model.location.line);
  const raw = text.slice(line.start, line.end);
  const { open, close, cells } = splitCells(raw);
  const [portStart] = offsetOf(model);
  const serviceStart = createLocator('', text).offset(model.serviceLocation.line, model.serviceLocation.column);
  const indexOf = (offset: number) => cells.findIndex((c) => offset - line.start >= c.start - c.lead.length && offset - line.start <= c.end + c.trail.length);
  const portIndex = indexOf(portStart);
  const serviceIndex = serviceStart === portStart ? -1 : indexOf(serviceStart);
  const indent = /^\s*/.exec(raw)![0];
  return (port, service) => {
    const parts = cells.map((cell, i) => {
      const content = i === portIndex ? String(port) : i === serviceIndex ? service : '';
      // A cell padded by more than one space is from an aligned table: the new cell keeps its column's width when the content fits.
      const width = cell.end - cell.start + cell.trail.length;
      const lead = cell.lead === '' ? '' : ' ';
      if (cell.trail.length > 1 && content.length < width) return lead + content.padEnd(width);
      if (content === '') return lead;
      return lead + content + (cell.trail === '' ? '' : ' ');
    });
    return indent + (open ? '|' : '') + parts.join('|') + (close ? '|' : '');
  };
}
