/**
 * What every per-file collector of the extractors shares: the extraction being built, the
 * host a file describes by default, de-duplication of statements reached twice, and the
 * `input/invalid-port` problem. Format-specific collectors (tree-sitter literals, deploy
 * `Mapped` text, service-doc strengths) extend {@link ExtractionOutput} and keep only what
 * is their own; every location is built here from offsets into the original text.
 */
import type { SourceFile } from './extractor.js';
import type { Binding, BindingKind, BindingRole, Extraction, Reference } from '../core/statements.js';
import { DEV_HOST, emptyExtraction } from '../core/statements.js';
import { inputProblem, type InputRuleId } from '../core/input-rules.js';
import { quote } from '../core/quote.js';

/** The port written as `text` (ASCII decimal digits, 1..65535); one definition, in ./value-text.ts. */
export { readPort } from './value-text.js';

/** The rule id of a port that is not an integer 1..65535. */
export const INVALID_PORT = 'input/invalid-port' satisfies InputRuleId;

/**
 * A binding as a collector states it: location, host and source are filled in by the output,
 * and so are the role (from the kind, unless the collector knows better) and the label (from
 * the source and `via`).
 */
export type BindingFields = Omit<Binding, 'location' | 'host' | 'source' | 'role' | 'label'> & { host?: string; source?: string; role?: BindingRole; label?: string };

/** What people call each extractor's files, for labels such as "Dockerfile `EXPOSE`". */
const SOURCE_NAMES: Record<string, string> = {
  'claude-md': 'CLAUDE.md',
  compose: 'compose',
  dockerfile: 'Dockerfile',
  env: '.env',
  'env-generator': '', // its statements say "… in the env generator" themselves
  typescript: 'TypeScript default',
  javascript: 'JavaScript default',
  python: 'Python default',
  go: 'Go default',
  shell: 'shell script',
  'package-json': 'package.json script',
  launchd: 'launchd plist',
  cloudflared: 'cloudflared',
  prometheus: 'Prometheus',
};

/** Where a statement was made, in a few words: `compose \`ports\``, `Dockerfile \`EXPOSE\``, `Go default \`flag.Int("port", …)\``. */
export function bindingLabel(source: string, via: string | undefined): string {
  const name = SOURCE_NAMES[source] ?? source;
  if (!via) return name || source;
  return name ? `${name} ${quote(via)}` : via;
}

/** The role a binding of `kind` has unless its collector says otherwise: deploy files and code say where a process listens. */
export function roleOf(kind: BindingKind): BindingRole {
  switch (kind) {
    case 'registry-plan':
      return 'plan';
    case 'registry-actual':
    case 'service-doc':
      return 'doc';
    default:
      return 'listen';
  }
}

/** A reference as a collector states it: location, host and source are filled in by the output. */
export type ReferenceFields = Omit<Reference, 'location' | 'host' | 'source'> & { host?: string };

/** The bindings, references and input problems of one file, as one extractor reads it. */
export class ExtractionOutput {
  readonly extraction: Extraction = emptyExtraction();
  /** Claim keys: a span start (source, docs) or a statement id (deploy). Numbers never equal strings. */
  private readonly claimed = new Set<string | number>();

  constructor(
    readonly file: SourceFile,
    /** The `source` of every binding and reference, unless a statement names its own. */
    readonly source: string,
  ) {}

  /** The host the file describes: the one its path names, else the developer's machine. */
  get host(): string {
    return this.file.host ?? DEV_HOST;
  }

  /**
   * Claims `key`; false when it was claimed before. Two readers can reach one statement
   * (a URL in an env-table cell, `$PORT` after `PORT=3024`): the first reading is kept.
   */
  claim(key: string | number): boolean {
    if (this.claimed.has(key)) return false;
    this.claimed.add(key);
    return true;
  }

  /** Records a binding whose port is written at `[start, end)`. */
  pushBinding(fields: BindingFields, start: number, end: number): void {
    const { service, port, kind, strength, network, via, containerPort, runtime, exposure, listener, mirrorsDefault } = fields;
    const source = fields.source ?? this.source;
    // Built field by field so every binding has the same shape whatever the collector.
    const binding: Binding = {
      service,
      port,
      host: fields.host ?? this.host,
      kind,
      role: fields.role ?? roleOf(kind),
      source,
      label: fields.label ?? bindingLabel(source, via),
      strength,
      location: this.file.locator.range(start, end),
    };
    if (network !== undefined) binding.network = network;
    if (via !== undefined) binding.via = via;
    if (containerPort !== undefined) binding.containerPort = containerPort;
    if (runtime !== undefined) binding.runtime = runtime;
    if (exposure !== undefined) binding.exposure = exposure;
    if (listener) binding.listener = true;
    if (mirrorsDefault) binding.mirrorsDefault = true;
    this.extraction.bindings.push(binding);
  }

  /** Records a reference whose port is written at `[start, end)`. */
  pushReference(fields: ReferenceFields, start: number, end: number): void {
    const { target, port, kind, fromService, containerNetwork } = fields;
    const ref: Reference = { target, port, kind, host: fields.host ?? this.host, location: this.file.locator.range(start, end), source: this.source };
    if (fromService !== undefined) ref.fromService = fromService;
    if (containerNetwork !== undefined) ref.containerNetwork = containerNetwork;
    if (fields.targetService !== undefined) ref.targetService = fields.targetService;
    if (fields.self) ref.self = true;
    this.extraction.references.push(ref);
  }

  /**
   * Records an input problem at `[start, end)`, once per rule and span. `key` names it
   * without line numbers (findings must survive edits above them): the file, then what in it.
   */
  pushProblem(ruleId: InputRuleId, message: string, start: number, end: number, key: string): void {
    if (!this.claim(`problem|${ruleId}|${start}|${end}`)) return;
    this.extraction.problems.push(inputProblem(ruleId, message, this.file.locator.range(start, end), key));
  }

  /**
   * Records an `input/invalid-port` problem: `found` says what kind of value was found where
   * (never its text, see ./value-text.ts); the expectation is added.
   */
  invalidPort(found: string, start: number, end: number, key: string): void {
    this.pushProblem(INVALID_PORT, `${found}; expected an integer from 1 to 65535.`, start, end, key);
  }
}
