/**
 * Who uses a port, from the model's bindings: every binding on the port, on any host, the
 * registry's plan included; ports inside a container are not the host's and never block one.
 */
import type { Binding } from '../core/statements.js';

/** An index of `bindings` by port, answering as `Occupancy.usesOf` does. */
export function usesIndex(bindings: readonly Binding[]): (port: number) => readonly Binding[] {
  const byPort = new Map<number, Binding[]>();
  for (const b of bindings) {
    if (b.network === 'container') continue;
    const list = byPort.get(b.port);
    if (list) list.push(b);
    else byPort.set(b.port, [b]);
  }
  return (port) => byPort.get(port) ?? [];
}
