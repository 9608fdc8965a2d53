/**
 * Environment tables: a GFM table with a variable column (`Variable`, `Name`, `Env`, `Key`)
 * and a value column (`Default`, `Value`, `Example`). The `PORT` row supports the service's
 * port; `*_URL` rows holding a URL and `<SERVICE>_PORT` rows are references. Other tables
 * (a list of dependencies, a changelog) are left to the generic readers.
 */
import type { Table, TableCell } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { DocScan } from './doc-scan.js';
import { referOtherPort } from './commands.js';
import { ADDRESS_VAR_NAME, scanReferences } from './references.js';

/** The first integer in a cell: `3062`, `` `3062` ``, `3062 (dev)`; not `v3.2`. */
const FIRST_INTEGER = /(?<![\w.])(\d+)(?![\w.])/;

const VARIABLE_HEADER = /^(?:env(?:ironment)?(?: var(?:iable)?)?|variable|var|name|key)$/i;
const VALUE_HEADER = /^(?:default(?: value)?|value|example|dev(?: value)?)$/i;

function findColumn(cells: TableCell[], re: RegExp): number {
  return cells.findIndex((c) => re.test(toString(c).trim()));
}

/** Offsets of a cell's content (mdast cells start at their leading pipe). */
function cellSpan(cell: TableCell): [number, number] | undefined {
  const first = cell.children[0];
  const last = cell.children.at(-1);
  const start = first?.position?.start.offset;
  const end = last?.position?.end.offset;
  return start === undefined || end === undefined ? undefined : [start, end];
}

/** Reads one table when it is an env table; returns false when it is not. */
export function readEnvTable(scan: DocScan, node: Table): boolean {
  const [header, ...rows] = node.children;
  if (!header) return false;
  const nameCol = findColumn(header.children, VARIABLE_HEADER);
  const valueCol = findColumn(header.children, VALUE_HEADER);
  if (nameCol === -1 || valueCol === -1) return false;
  for (const row of rows) {
    const nameCell = row.children[nameCol];
    const valueCell = row.children[valueCol];
    if (!nameCell || !valueCell) continue;
    const name = toString(nameCell).trim();
    const span = cellSpan(valueCell);
    if (!span) continue;
    const value = scan.slice(span[0], span[1]);
    if (name === 'PORT') {
      const m = FIRST_INTEGER.exec(value);
      if (m) scan.bind({ text: m[1] ?? '', start: span[0] + m.index, end: span[0] + m.index + (m[1] ?? '').length }, 'support', 'env table PORT');
    } else if (/^[A-Z][A-Z0-9_]*_PORT$/.test(name)) {
      const m = FIRST_INTEGER.exec(value);
      if (m) referOtherPort(scan, name, { text: m[1] ?? '', start: span[0] + m.index, end: span[0] + m.index + (m[1] ?? '').length });
    } else {
      scanReferences(scan, value, span[0], ADDRESS_VAR_NAME.test(name), name);
    }
  }
  return true;
}
