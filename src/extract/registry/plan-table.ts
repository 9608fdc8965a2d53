/**
 * Plan tables: any GFM table with a `Port` column (found by header, case-insensitive).
 * Each row becomes a {@link PlanRow}; each port of a service row becomes a plan binding.
 * Tables without a Port column (there are none in the seed, but docs grow) are not ours.
 */
import type { Table, TableCell, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { PlanRow } from '../../core/registry.js';
import { PLAN_HOST, type Binding } from '../../core/statements.js';
import { addProblem, canonicalService, span, type ParseContext } from './context.js';
import { isCorrespondenceHeader, readCorrespondence } from './correspondence.js';
import { parsePortCell } from './port-cell.js';
import { quote } from '../../core/quote.js';

/** The rows and plan bindings of one table. */
export interface PlanTable {
  rows: PlanRow[];
  bindings: Binding[];
}

/** Column indexes found in the header row. */
interface Columns {
  headers: string[];
  port: number;
  service: number;
  corresponds: number;
}

/** Reads a table; undefined when it has no Port column. */
export function readPlanTable(table: Table, ctx: ParseContext): PlanTable | undefined {
  const [header, ...body] = table.children;
  if (!header) return undefined;
  const headers = header.children.map((c) => toString(c).trim());
  const cols: Columns = {
    headers,
    port: headers.findIndex((h) => /^ports?$/i.test(h)),
    service: headers.findIndex((h) => /^(services?|name)$/i.test(h)),
    corresponds: headers.findIndex(isCorrespondenceHeader),
  };
  if (cols.port < 0) return undefined;
  const out: PlanTable = { rows: [], bindings: [] };
  for (const row of body) {
    const planRow = readRow(row, cols, ctx);
    if (!planRow) continue;
    out.rows.push(planRow.row);
    out.bindings.push(...planRow.bindings);
  }
  return out;
}

/** The span of a cell's content (without pipes and padding); the cell itself when empty. */
function contentSpan(cell: TableCell): [number, number] {
  const first = span(cell.children[0]);
  const last = span(cell.children[cell.children.length - 1]);
  if (first && last) return [first[0], last[1]];
  return span(cell) ?? [0, 0];
}

function readRow(row: TableRow, cols: Columns, ctx: ParseContext): { row: PlanRow; bindings: Binding[] } | undefined {
  const plain = row.children.map((c) => toString(c).trim());
  const label = plain.join(' | ');
  const [rowStart, rowEnd] = span(row) ?? [0, 0];
  const portCell = row.children[cols.port];
  const portText = plain[cols.port] ?? '';
  if (row.children.length < cols.headers.length) {
    const message = `Table row ${quote(label)} has ${row.children.length} of ${cols.headers.length} cells; expected one per header (${quote(cols.headers.join(' | '))}).`;
    addProblem(ctx, 'malformed-table', message, rowStart, rowEnd, `malformed-row:${label}`);
  }
  if (!portCell || portText === '') {
    // A missing Port cell already counts as a short row; an empty one needs its own report.
    if (portCell) addProblem(ctx, 'malformed-table', `Table row ${quote(label)} has an empty Port cell; expected a port, a range or a list.`, rowStart, rowEnd, `empty-port:${label}`);
    return undefined;
  }
  const [pStart, pEnd] = contentSpan(portCell);
  // Messages about a bad port name the row without its Port cell: a value that is not a port is never printed.
  const shown = plain.filter((_, i) => i !== cols.port).join(' | ');
  const cell = parsePortCell(ctx, portText, pStart, pEnd, label, shown);
  const serviceCell = cols.service >= 0 ? row.children[cols.service] : undefined;
  const serviceText = cols.service >= 0 ? (plain[cols.service] ?? '') : '';
  const reserved = /^\(?\s*reserved\b/i.test(serviceText);
  // `minio (S3 API)` and `minio (Console)` are one service on two ports.
  const name = serviceText.replace(/\s*\([^()]*\)\s*$/, '').trim();
  const [sStart, sEnd] = serviceCell ? contentSpan(serviceCell) : [pStart, pEnd];
  if (cols.service >= 0 && !reserved && name === '') {
    addProblem(ctx, 'malformed-table', `Table row ${quote(label)} has no service name; expected a service or \`*(reserved)*\`.`, sStart, sEnd, `no-service:${label}`);
  }
  const planRow: PlanRow = {
    portText,
    ports: cell.ports.map((p) => p.port),
    reserved,
    isRange: cell.isRange,
    columns: {},
    location: ctx.locator.range(pStart, pEnd),
    serviceLocation: ctx.locator.range(sStart, sEnd),
  };
  const service = !reserved && name !== '' ? canonicalService(ctx, name) : undefined;
  if (service !== undefined) planRow.service = service;
  cols.headers.forEach((h, i) => {
    if (i === cols.port || i === cols.service || h === '' || i >= row.children.length) return;
    planRow.columns[h] = plain[i] ?? '';
  });
  const corrCell = cols.corresponds >= 0 ? row.children[cols.corresponds] : undefined;
  if (corrCell) {
    const [cStart, cEnd] = contentSpan(corrCell);
    const corr = readCorrespondence(ctx, plain[cols.corresponds] ?? '', cStart, cEnd, label, plain.filter((_, i) => i !== cols.corresponds).join(' | '));
    if (corr) planRow.correspondsTo = corr;
  }
  const bindings: Binding[] =
    service === undefined
      ? []
      : cell.ports.map((p) => ({
          service,
          port: p.port,
          host: PLAN_HOST,
          kind: 'registry-plan',
          role: 'plan',
          source: 'registry',
          label: 'registry plan',
          strength: 'declaration',
          location: ctx.locator.range(p.start, p.end),
          via: 'plan table',
        }));
  return { row: planRow, bindings };
}
