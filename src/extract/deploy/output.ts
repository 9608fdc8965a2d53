/**
 * Collects what one deploy file says: bindings, references and input problems, with the
 * checks every format shares (a port is an integer 1..65535 at an exact span; the same
 * statement reached twice, e.g. `$PORT` after `PORT=3024`, is kept once).
 */
import { ExtractionOutput, type ReferenceFields } from '../output.js';
import { describeValue, readPort, valueKey, variable } from '../value-text.js';
import type { Mapped } from '../../core/mapped.js';
import { spanOf } from '../../core/mapped.js';
import { scanExpansion, UNRESOLVED, type Unresolved } from './interpolate.js';
import { quote } from '../../core/quote.js';
import type { InputRuleId } from '../../core/input-rules.js';
import type { Runtime } from '../../core/statements.js';
import type { SourceFile } from '../extractor.js';

/** Where a variable's value came from, for messages: `.env:3`; undefined when it is this file's own text. */
export interface VariableOrigin {
  /** `file:line` of the assignment. */
  where: string;
  /** The value, to tell the whole of it from a part (never printed). */
  value: string;
}

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
  /** `publish` for a host port mapped to a container; `listen` by default. */
  role?: 'listen' | 'publish';
  /** The list of exposed ports this one belongs to (a binding's `exposure`). */
  exposure?: string;
  /** A listen address: one of the ports the process listens on (a binding's `listener`). */
  listener?: boolean;
}

/** What every binding of a deploy file shares: how its deployment runs the service. */
export interface DeployFileTraits {
  runtime: Runtime;
  /** The file only restates the service's code default (a binding's `mirrorsDefault`). */
  mirrorsDefault?: boolean;
}

/** The findings of one extractor on one file. A statement is claimed by all it says, so only an exact repeat is dropped. */
export class DeployOutput extends ExtractionOutput {
  constructor(
    file: SourceFile,
    source: string,
    /** How the file's deployment runs its services, stamped on every binding. */
    readonly traits: DeployFileTraits,
  ) {
    super(file, source);
  }

  /** Finds where a substituted variable's value came from (compose: the root `.env`). */
  origin: (name: string) => VariableOrigin | undefined = () => undefined;

  /**
   * Reads the port written at `m.value[a, b)`. A value with an unresolved variable yields
   * nothing (the caller reports the variable where it matters); anything that is not an integer
   * 1..65535 becomes an `input/invalid-port` problem at its exact span, which says what the
   * value is and where it came from, never what it says (see ../value-text.ts).
   */
  port(m: Mapped, a: number, b: number, what: string): PortHit | undefined {
    const text = m.value.slice(a, b);
    const [start, end] = spanOf(m, a, b);
    if (text.includes(UNRESOLVED)) return undefined;
    const port = readPort(text);
    if (port !== undefined) return { port, start, end };
    this.invalidPort(`Found ${this.subject(text, start, end)} as the port in ${what}: it ${describeValue(text)}`, start, end, `${this.file.path}|${what}|${valueKey(text)}`);
    return undefined;
  }

  /**
   * Names a value read at the source span `[start, end)` without its text: the variables the
   * span substitutes (`` `${extraheader}` from `.env:3` ``, `` part of `${DATABASE_URL}` ``),
   * else "a value" (the location points at it).
   */
  private subject(text: string, start: number, end: number): string {
    const raw = this.file.text.slice(start, end);
    const names: string[] = [];
    for (let i = raw.indexOf('$'); i >= 0; i = raw.indexOf('$', i + 1)) {
      const exp = scanExpansion(raw, i);
      if (exp && !names.includes(exp.name)) names.push(exp.name);
    }
    const said = names.flatMap((name) => {
      const shown = variable(name);
      if (!shown) return [];
      const origin = this.origin(name);
      if (!origin) return [shown];
      const part = names.length > 1 || origin.value !== text ? 'part of ' : '';
      return [`${part}${shown} from ${quote(origin.where)}`];
    });
    return said.length > 0 ? said.join(' and ') : 'a value';
  }

  /** Records that `service` listens on `hit.port`. */
  bind(service: string | undefined, hit: PortHit, options: BindOptions): void {
    if (!service) return;
    const host = options.host ?? this.host;
    if (!this.claim(`b|${service}|${host}|${options.network}|${hit.port}|${hit.start}|${hit.end}`)) return;
    const { via, network, containerPort, role, exposure, listener } = options;
    const { runtime, mirrorsDefault } = this.traits;
    this.pushBinding(
      { service, port: hit.port, host, kind: 'deploy', strength: 'declaration', network, via, containerPort, runtime, exposure, listener, mirrorsDefault, ...(role ? { role } : {}) },
      hit.start,
      hit.end,
    );
  }

  /** Records that this file expects something at `fields.target:fields.port`. */
  reference(fields: ReferenceFields, hit: PortHit): void {
    if (!this.claim(`r|${fields.kind}|${fields.target}|${hit.port}|${hit.start}`)) return;
    this.pushReference({ ...fields, port: hit.port }, hit.start, hit.end);
  }

  /** Records an input problem at the source span `[start, end)`; `key` names it (the file, then what in it). */
  problem(ruleId: InputRuleId, message: string, start: number, end: number, key: string): void {
    this.pushProblem(ruleId, message, start, end, key);
  }

  /** Reports variables that left a port without a value. */
  unresolved(list: Unresolved[], what: string): void {
    for (const u of list)
      this.problem(
        'input/unresolved-variable',
        `Found ${quote(`\${${u.name}}`)} in ${what} with no value in .env and no default; expected a value or ${quote(`\${${u.name}:-<port>}`)}.`,
        u.start,
        u.end,
        `${this.file.path}|${what}|${u.name}`,
      );
  }
}
