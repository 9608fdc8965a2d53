/**
 * The allocator of `/assign-port` and `portwarden assign`: the lowest port of a range that
 * nothing in the repository uses, that no other open pull request claims, outside the
 * ephemeral range and the configured deny list. A pure function: what "uses a port" means
 * comes in as {@link AllocationInput.usesOf} (the model's occupancy), the claims of other pull
 * requests as data. Every candidate it passes over is returned with the reason, so a reply can
 * explain the choice.
 */
import { formatLocation } from '../core/location.js';
import { quote } from '../core/quote.js';
import { PLAN_HOST, type Binding } from '../core/statements.js';

/** An inclusive range of ports. */
export interface PortRange {
  start: number;
  end: number;
}

/** The ports the operating system hands out for outgoing connections (IANA dynamic ports); never assigned. */
export const EPHEMERAL: PortRange = { start: 49152, end: 65535 };

/** A port another open pull request adds to the registry. */
export interface Claim {
  port: number;
  /** The pull request's number. */
  pr: number;
  /** The service its registry row names. */
  service: string;
}

/**
 * Whether a port may serve two services on different hosts. `across-hosts` (the default): a
 * port is assigned once in the whole repository, whichever host uses it. `per-host`: only uses
 * on the plan (the registry's rows) and on {@link AllocationInput.host} count.
 */
export type Uniqueness = 'across-hosts' | 'per-host';

export interface AllocationInput {
  /** The service the port is for; its own statements never block a port. */
  service: string;
  range: PortRange;
  /** Every binding that uses `port`: any host, the registry's plan included, container-internal ports excluded. */
  usesOf(port: number): readonly Binding[];
  /** Ports other open pull requests add to the registry. */
  claims?: readonly Claim[];
  /** Ports never to assign (the config's deny list). */
  deny?: readonly PortRange[];
  uniqueness?: Uniqueness;
  /** With `per-host`: the host the service will run on. */
  host?: string;
}

/** Why a candidate was passed over. */
export type SkipReason =
  | { kind: 'used'; bindings: readonly Binding[] }
  | { kind: 'claimed'; claims: readonly Claim[] }
  | { kind: 'ephemeral' }
  | { kind: 'denied'; by: PortRange };

export interface Skipped {
  port: number;
  reason: SkipReason;
}

export interface Allocation {
  /** The port, or undefined when every port of the range is taken. */
  port?: number;
  range: PortRange;
  /** The candidates below {@link port} (all of the range when none was found), in order. */
  skipped: Skipped[];
}

/** Finds the lowest free port of `input.range`. */
export function allocate(input: AllocationInput): Allocation {
  const { range } = input;
  const skipped: Skipped[] = [];
  for (let port = range.start; port <= range.end; port++) {
    const reason = obstacle(input, port);
    if (!reason) return { port, range, skipped };
    // The whole ephemeral range is one reason: it is not listed port by port.
    if (reason.kind === 'ephemeral') {
      skipped.push({ port, reason });
      break;
    }
    skipped.push({ port, reason });
  }
  return { range, skipped };
}

/** Why `port` cannot be assigned, or undefined when it can. */
function obstacle(input: AllocationInput, port: number): SkipReason | undefined {
  if (port >= EPHEMERAL.start && port <= EPHEMERAL.end) return { kind: 'ephemeral' };
  const by = input.deny?.find((d) => port >= d.start && port <= d.end);
  if (by) return { kind: 'denied', by };
  const bindings = input.usesOf(port).filter((b) => b.service !== input.service && counts(b, input));
  if (bindings.length > 0) return { kind: 'used', bindings };
  const claims = (input.claims ?? []).filter((c) => c.port === port && c.service !== input.service);
  if (claims.length > 0) return { kind: 'claimed', claims };
  return undefined;
}

/** Whether a use of the port blocks it under the configured uniqueness. */
function counts(binding: Binding, input: AllocationInput): boolean {
  if ((input.uniqueness ?? 'across-hosts') === 'across-hosts') return true;
  return binding.host === PLAN_HOST || binding.host === input.host;
}

/** The reason as one line of plain text with names quoted: "3025: used by `mana-llm` on host `windows-gpu-server` (`docs/PORT_SCHEMA.md:14:13`)". */
export function describeSkip(skip: Skipped): string {
  const { reason } = skip;
  switch (reason.kind) {
    case 'ephemeral':
      return `${skip.port}-${EPHEMERAL.end}: the ephemeral range ${EPHEMERAL.start}-${EPHEMERAL.end} is never assigned`;
    case 'denied':
      return `${skip.port}: in the deny list (${reason.by.start === reason.by.end ? reason.by.start : `${reason.by.start}-${reason.by.end}`})`;
    case 'claimed':
      return `${skip.port}: claimed by ${reason.claims.map((c) => `pull request #${c.pr} (${quote(c.service)})`).join(', ')}`;
    case 'used':
      return `${skip.port}: used by ${usesText(reason.bindings)}`;
  }
}

/** `mana-llm` on host `gpu` (`docs/PORT_SCHEMA.md:12:5`), one entry per service and host. */
function usesText(bindings: readonly Binding[]): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const b of bindings) {
    const key = `${b.service}\0${b.host}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const where = b.host === PLAN_HOST ? 'in the registry plan' : `on host ${quote(b.host)}`;
    parts.push(`${quote(b.service)} ${where} (${quote(formatLocation(b.location))})`);
  }
  return parts.join(', ');
}
