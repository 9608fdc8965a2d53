/**
 * Collects what one deploy file says: bindings, references and input problems, with the
 * checks every format shares (a port is an integer 1..65535 at an exact span; the same
 * statement reached twice, e.g. `$PORT` after `PORT=3024`, is kept once).
 */
import type { SourceFile } from '../extractor.js';
import type { Binding, Extraction, Reference, ReferenceKind } from '../../model/types.js';
import { DEV_HOST, emptyExtraction, isValidPort } from '../../model/types.js';
import type { Mapped } from './mapped.js';
import { spanOf } from './mapped.js';
import { UNRESOLVED, type Unresolved } from './interpolate.js';

/** A valid port read from the file, with the source span of its digits. */
export interface PortHit {
  port: number;
  start: number;
  end: number;
}

/** Options of a deploy binding beyond service and port. */
export interface BindOptions {
  via: string;
  network: 'host' | 'container';
  containerPort?: number;
  host?: string;
}

/** Fields of a reference beyond its location, kind and source. */
export interface ReferenceFields {
  target: string;
  port: number;
  kind: ReferenceKind;
  fromService?: string;
  containerNetwork?: boolean;
  host?: string;
}

/** The findings of one extractor on one file. */
export class DeployOutput {
  readonly extraction: Extraction = emptyExtraction();
  private readonly seen = new Set<string>();

  constructor(
    readonly file: SourceFile,
    readonly source: string,
  ) {}

  /** The host the file describes: the one its path names, else the developer's machine. */
  get host(): string {
    return this.file.host ?? DEV_HOST;
  }

  /**
   * Reads the port written at `m.value[a, b)`. A value with an unresolved variable yields
   * nothing (the caller reports the variable where it matters); anything that is not an integer
   * 1..65535 becomes an `input/invalid-port` problem at its exact span.
   */
  port(m: Mapped, a: number, b: number, what: string): PortHit | undefined {
    const text = m.value.slice(a, b);
    const [start, end] = spanOf(m, a, b);
    if (text.includes(UNRESOLVED)) return undefined;
    const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (isValidPort(n)) return { port: n, start, end };
    this.problem(
      'input/invalid-port',
      `Found \`${text}\` as the port in ${what}; expected an integer from 1 to 65535.`,
      start,
      end,
      `${this.file.path}|${what}|${text}`,
    );
    return undefined;
  }

  /** Records that `service` listens on `hit.port`. */
  bind(service: string | undefined, hit: PortHit, options: BindOptions): void {
    if (!service) return;
    const host = options.host ?? this.host;
    const id = `b|${service}|${host}|${options.network}|${hit.port}|${hit.start}|${hit.end}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    const binding: Binding = {
      service,
      port: hit.port,
      host,
      kind: 'deploy',
      source: this.source,
      strength: 'declaration',
      location: this.file.locator.range(hit.start, hit.end),
      network: options.network,
      via: options.via,
    };
    if (options.containerPort !== undefined) binding.containerPort = options.containerPort;
    this.extraction.bindings.push(binding);
  }

  /** Records that this file expects something at `fields.target:fields.port`. */
  reference(fields: ReferenceFields, hit: PortHit): void {
    const id = `r|${fields.kind}|${fields.target}|${hit.port}|${hit.start}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    const ref: Reference = {
      target: fields.target,
      port: hit.port,
      kind: fields.kind,
      host: fields.host ?? this.host,
      location: this.file.locator.range(hit.start, hit.end),
      source: this.source,
    };
    if (fields.fromService !== undefined) ref.fromService = fields.fromService;
    if (fields.containerNetwork !== undefined) ref.containerNetwork = fields.containerNetwork;
    this.extraction.references.push(ref);
  }

  /** Records an input problem at the source span `[start, end)`. */
  problem(ruleId: string, message: string, start: number, end: number, key: string): void {
    const id = `p|${ruleId}|${start}|${end}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.extraction.problems.push({ ruleId, message, location: this.file.locator.range(start, end), key: `${ruleId}|${key}` });
  }

  /** Reports variables that left a port without a value. */
  unresolved(list: Unresolved[], what: string): void {
    for (const u of list)
      this.problem(
        'input/unresolved-variable',
        `Found \`\${${u.name}}\` in ${what} with no value in .env and no default; expected a value or \`\${${u.name}:-<port>}\`.`,
        u.start,
        u.end,
        `${this.file.path}|${what}|${u.name}`,
      );
  }
}
