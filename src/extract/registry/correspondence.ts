/**
 * The `Corresponds to Server` column of a frontend table names the backend a frontend
 * talks to: `3030 chat-server`. Cells such as `*(local-first only)*` or `Hub/Dashboard`
 * name no port and give no correspondence.
 */
import type { Correspondence } from '../../core/registry.js';
import { isValidPort } from '../../core/statements.js';
import { describeValue, valueKey } from '../value-text.js';
import { addProblem, canonicalService, type ParseContext } from './context.js';
import { quote } from '../../core/quote.js';

/** A leading number, then optionally a service name. */
const CELL = /^\s*(\d+)(?:\s+([A-Za-z][\w.-]*))?/;

/** True for a header naming a correspondence column (`Corresponds to Server`, `Corresponds to`). */
export function isCorrespondenceHeader(header: string): boolean {
  return /^corresponds\s+to\b/i.test(header.trim());
}

/**
 * Reads one correspondence cell. `plain` is its plain text, `[start, end)` its content span
 * in the original text (the number is found there again, so its location is exact).
 */
export function readCorrespondence(ctx: ParseContext, plain: string, start: number, end: number, row: string, shown = row): Correspondence | undefined {
  const m = CELL.exec(plain);
  if (!m) return undefined;
  const port = Number(m[1]);
  const found = /\d+/.exec(ctx.text.slice(start, end));
  const numStart = found ? start + found.index : start;
  const numEnd = found ? numStart + found[0].length : end;
  if (!isValidPort(port)) {
    const digits = m[1] as string;
    addProblem(ctx, 'invalid-port', `The corresponding port of row ${quote(shown)} ${describeValue(digits)}; expected an integer from 1 to 65535.`, numStart, numEnd, `corresponds:${row}:${valueKey(digits)}`);
    return undefined;
  }
  const out: Correspondence = { port, location: ctx.locator.range(numStart, numEnd) };
  if (m[2]) out.service = canonicalService(ctx, m[2]);
  return out;
}
