/**
 * Ports as deploy files list them: `3025`, `3025/tcp`, ranges `9000-9001`, several on one
 * line (`EXPOSE 3000 3001/udp`). A range yields one port each; its end points keep their own
 * digits, the ports between them point at the whole range.
 */
import type { Mapped } from '../../core/mapped.js';
import { spanOf } from '../../core/mapped.js';
import type { DeployOutput, PortHit } from './output.js';
import { quote } from '../../core/quote.js';

/** Ranges larger than this are reported rather than expanded. */
export const MAX_RANGE = 1024;

/** Reads `N` or `N-M` at `m.value[a, b)`; invalid parts become problems. */
export function readPortRange(m: Mapped, a: number, b: number, out: DeployOutput, what: string): PortHit[] {
  const text = m.value.slice(a, b);
  const dash = text.indexOf('-');
  if (dash <= 0) {
    const hit = out.port(m, a, b, what);
    return hit ? [hit] : [];
  }
  const lo = out.port(m, a, a + dash, what);
  const hi = out.port(m, a + dash + 1, b, what);
  if (!lo || !hi) return [];
  const [start, end] = spanOf(m, a, b);
  if (hi.port < lo.port || hi.port - lo.port > MAX_RANGE) {
    out.problem(
      'input/invalid-port',
      `Found the port range ${quote(text)} in ${what}; expected a low-high range of at most ${MAX_RANGE} ports.`,
      start,
      end,
      `${out.file.path}|${what}|${text}`,
    );
    return [];
  }
  const hits: PortHit[] = [lo];
  for (let p = lo.port + 1; p < hi.port; p++) hits.push({ port: p, start, end });
  if (hi.port > lo.port) hits.push(hi);
  return hits;
}

/** Reads a whitespace-separated list of `port[/protocol]` or `low-high[/protocol]`. */
export function readPortList(m: Mapped, out: DeployOutput, what: string): PortHit[] {
  const hits: PortHit[] = [];
  for (const token of m.value.matchAll(/\S+/g)) {
    const a = token.index ?? 0;
    const slash = token[0].indexOf('/');
    hits.push(...readPortRange(m, a, a + (slash < 0 ? token[0].length : slash), out, what));
  }
  return hits;
}
