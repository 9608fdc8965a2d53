/**
 * Collects what one source file says, with the checks every language shares: a port
 * literal is an integer 1..65535 at an exact span (else an `input/invalid-port` problem),
 * a span is claimed once, and a URL in a string literal becomes a reference.
 */
import type { Node } from 'web-tree-sitter';
import type { BindingKind, ReferenceKind } from '../../core/statements.js';
import { ExtractionOutput } from '../output.js';
import { describeValue, readPort, valueKey } from '../value-text.js';
import { readPortLiteral, stringContent, type PortLiteral, type Span } from './literal.js';
import { findUrlPorts } from './urls.js';
import { urlContextRole } from './url-context.js';
import { quote } from '../../core/quote.js';

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
  /** The statement only restates the service's code default (an env generator). */
  mirrorsDefault?: boolean;
}

/** The bindings, references and problems of one file; a span is claimed by its start offset. */
export class SourceOutput extends ExtractionOutput {
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
    if (!this.claim(lit.start)) return;
    if (lit.kind === 'invalid') {
      this.invalidPort(`Found a value as the default port in ${options.via}: it ${lit.description}`, lit.start, lit.end, this.key(options.via, valueKey(lit.text)));
      return;
    }
    if (!options.service) return;
    const { service, via, kind = 'source-default', source, mirrorsDefault } = options;
    // Code run as a deployment (a runner script, an env generator) starts its process directly.
    const runtime = kind === 'deploy' ? ('process' as const) : undefined;
    this.pushBinding({ service, port: lit.port, kind, source, strength: 'declaration', via, runtime, mirrorsDefault }, lit.start, lit.end);
  }

  /**
   * Records every URL with a port inside the string literal `node` as a reference, unless the
   * name it is given makes it an allow list or a listen address (./url-context.ts).
   */
  urls(node: Node, kind: ReferenceKind, fromService: string | undefined): void {
    // A string with substitutions (template, f-string) is scanned piece by piece.
    const whole = stringContent(node);
    const spans: Span[] = whole ? [whole] : node.namedChildren.filter((k) => FRAGMENTS.has(k.type)).map((k) => ({ start: k.startIndex, end: k.endIndex }));
    const found = spans.flatMap((span) => findUrlPorts(this.file.text.slice(span.start, span.end)).map((url) => ({ span, url })));
    // The name around the literal is looked up only for a literal with URLs (it climbs the tree).
    if (found.length === 0 || urlContextRole(node) !== undefined) return;
    for (const { span, url } of found) {
      const start = span.start + url.start;
      const end = span.start + url.end;
      if (!this.claim(start)) continue;
      const port = readPort(url.digits);
      if (port === undefined) {
        this.invalidPort(`Found a value as the port of the URL to ${quote(url.target)}: it ${describeValue(url.digits)}`, start, end, this.key(url.target, valueKey(url.digits)));
        continue;
      }
      this.pushReference({ target: url.target, port, kind, fromService }, start, end);
    }
  }

  /** The fingerprint key of an invalid port: file, statement and text, no line. */
  private key(where: string, written: string): string {
    return `${this.file.path}|${where}|${written}`;
  }
}
