/**
 * The state of one CLAUDE.md scan: the file, the extraction being built, and the spans
 * already claimed, so a port that two readers see (an env-table cell that is also inline
 * code, a URL in a `*_URL=` line) is reported once, by the more specific reader.
 */
import type { ExtractContext, SourceFile } from '../extractor.js';
import type { ReferenceKind, Strength } from '../../core/statements.js';
import { ExtractionOutput } from '../output.js';
import { describeValue, readPort, valueKey } from '../value-text.js';
import { quote } from '../../core/quote.js';

/** The `source` of every binding and reference this extractor makes. */
export const SOURCE = 'claude-md';

/** What a reader found: a port token at `[start, end)` of the file text. */
export interface PortToken {
  /** The token as written (`3024`, `70000`, `abc`). */
  text: string;
  start: number;
  end: number;
}

/**
 * The output of one doc scan. Spans are claimed by their start offset; readers run
 * outside-in (table before its cells), so the specific reading wins.
 */
export class DocScan extends ExtractionOutput {
  constructor(
    file: SourceFile,
    readonly ctx: ExtractContext,
  ) {
    super(file, SOURCE);
  }

  /** The raw text of `[start, end)`. */
  slice(start: number, end: number): string {
    return this.file.text.slice(start, end);
  }

  /**
   * Checks a port token: a valid port is returned; anything else becomes an
   * `input/invalid-port` problem naming what `via` found: what kind of value, never its text.
   */
  port(token: PortToken, via: string): number | undefined {
    const port = readPort(token.text);
    if (port !== undefined) return port;
    const key = `${this.file.path}|${this.file.service ?? ''}|${via}|${valueKey(token.text)}`;
    this.invalidPort(`${quote(via)} in ${this.file.path} gives a port that ${describeValue(token.text)}`, token.start, token.end, key);
    return undefined;
  }

  /** Records that the doc's service listens on `token` (when the doc belongs to a service). */
  bind(token: PortToken, strength: Strength, via: string, host = this.host): void {
    if (!this.claim(token.start)) return;
    const port = this.port(token, via);
    if (port === undefined || this.file.service === undefined) return;
    this.pushBinding({ service: this.file.service, port, host, kind: 'service-doc', strength, via }, token.start, token.end);
  }

  /** Records that the doc expects `target` to answer on `token`. */
  reference(target: string, token: PortToken, kind: ReferenceKind, via: string): void {
    if (!this.claim(token.start)) return;
    const port = this.port(token, via);
    if (port === undefined) return;
    this.pushReference({ target, port, kind, fromService: this.file.service }, token.start, token.end);
  }
}
