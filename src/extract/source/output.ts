/**
 * Collects what one source file says, with the checks every language shares: a port
 * literal is an integer 1..65535 at an exact span (else an `input/invalid-port` problem),
 * a span is claimed once, and a URL in a string literal becomes a reference.
 */
import type { Node } from 'web-tree-sitter';
import type { SourceFile } from '../extractor.js';
import type { BindingKind, Extraction, Reference, ReferenceKind } from '../../model/types.js';
import { DEV_HOST, emptyExtraction, isValidPort } from '../../model/types.js';
import { readPortLiteral, stringContent, type PortLiteral, type Span } from './literal.js';
import { findUrlPorts } from './urls.js';

const FRAGMENTS = new Set(['string_fragment', 'string_content']);

/** How a binding was stated, beyond its port. */
export interface BindOptions {
  /** Owner of the port; undefined means the file belongs to no service and nothing is bound. */
  service: string | undefined;
  /** The statement, for messages: `env('PORT', …)`, `server.port`, `uvicorn.run`. */
  via: string;
  kind?: BindingKind;
  /** Defaults to the extractor's source. */
  source?: string;
}

/** The bindings, references and problems of one file. */
export class SourceOutput {
  readonly extraction: Extraction = emptyExtraction();
  private readonly claimed = new Set<number>();

  constructor(
    readonly file: SourceFile,
    readonly source: string,
  ) {}

  /** The host the file describes: the one its path names, else the developer's machine. */
  get host(): string {
    return this.file.host ?? DEV_HOST;
  }

  /**
   * Binds the port literal `node` (a number or a string of digits). Returns false when
   * `node` is no literal, so callers can try another reading. An invalid literal is reported.
   */
  bindLiteral(node: Node, options: BindOptions): boolean {
    const lit = readPortLiteral(node, this.file.text);
    if (!lit) return false;
    this.bind(lit, options);
    return true;
  }

  /** Binds a port literal already read (see {@link portAt}); an invalid one is reported. */
  bind(lit: PortLiteral, options: BindOptions): void {
    if (this.claimed.has(lit.start)) return;
    this.claimed.add(lit.start);
    if (lit.kind === 'invalid') {
      this.problem(`Found \`${lit.text}\` as the default port in ${options.via}; expected an integer from 1 to 65535.`, lit, options.via, lit.text);
      return;
    }
    if (!options.service) return;
    this.extraction.bindings.push({
      service: options.service,
      port: lit.port,
      host: this.host,
      kind: options.kind ?? 'source-default',
      source: options.source ?? this.source,
      strength: 'declaration',
      location: this.file.locator.range(lit.start, lit.end),
      via: options.via,
    });
  }

  /** Records every URL with a port inside the string literal `node` as a reference. */
  urls(node: Node, kind: ReferenceKind, fromService: string | undefined): void {
    // A string with substitutions (template, f-string) is scanned piece by piece.
    const whole = stringContent(node);
    const spans: Span[] = whole ? [whole] : node.namedChildren.filter((k) => FRAGMENTS.has(k.type)).map((k) => ({ start: k.startIndex, end: k.endIndex }));
    for (const span of spans) {
      for (const url of findUrlPorts(this.file.text.slice(span.start, span.end))) {
        const start = span.start + url.start;
        const end = span.start + url.end;
        if (this.claimed.has(start)) continue;
        this.claimed.add(start);
        const port = Number(url.digits);
        if (!isValidPort(port)) {
          this.problem(`Found \`${url.digits}\` as the port of the URL to \`${url.target}\`; expected an integer from 1 to 65535.`, { start, end }, url.target, url.digits);
          continue;
        }
        const ref: Reference = { target: url.target, port, kind, host: this.host, location: this.file.locator.range(start, end), source: this.source };
        if (fromService !== undefined) ref.fromService = fromService;
        this.extraction.references.push(ref);
      }
    }
  }

  /** Records an `input/invalid-port` problem; the key names file, statement and text, no line. */
  private problem(message: string, span: Span, where: string, written: string): void {
    const ruleId = 'input/invalid-port';
    this.extraction.problems.push({ ruleId, message, location: this.file.locator.range(span.start, span.end), key: `${ruleId}|${this.file.path}|${where}|${written}` });
  }
}
