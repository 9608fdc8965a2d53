/**
 * The state of one CLAUDE.md scan: the file, the extraction being built, and the spans
 * already claimed, so a port that two readers see (an env-table cell that is also inline
 * code, a URL in a `*_URL=` line) is reported once, by the more specific reader.
 */
import type { ExtractContext, SourceFile } from '../extractor.js';
import type { Extraction, ReferenceKind, Strength } from '../../model/types.js';
import { DEV_HOST, isValidPort } from '../../model/types.js';

/** The `source` of every binding and reference this extractor makes. */
export const SOURCE = 'claude-md';

/** What a reader found: a port token at `[start, end)` of the file text. */
export interface PortToken {
  /** The token as written (`3024`, `70000`, `abc`). */
  text: string;
  start: number;
  end: number;
}

export class DocScan {
  readonly extraction: Extraction = { bindings: [], references: [], problems: [] };
  private readonly claimed = new Set<number>();

  constructor(
    readonly file: SourceFile,
    readonly ctx: ExtractContext,
  ) {}

  /** The host statements in this doc default to: the file's own host, else `dev`. */
  get defaultHost(): string {
    return this.file.host ?? DEV_HOST;
  }

  /** The raw text of `[start, end)`. */
  slice(start: number, end: number): string {
    return this.file.text.slice(start, end);
  }

  /**
   * Claims the span starting at `start`; false when another reader got there first.
   * Readers run outside-in (table before its cells), so the specific reading wins.
   */
  claim(start: number): boolean {
    if (this.claimed.has(start)) return false;
    this.claimed.add(start);
    return true;
  }

  /**
   * Checks a port token: a valid port is returned; anything else becomes an
   * `input/invalid-port` problem naming what `via` found.
   */
  port(token: PortToken, via: string): number | undefined {
    const n = /^\d+$/.test(token.text) ? Number(token.text) : Number.NaN;
    if (isValidPort(n)) return n;
    this.extraction.problems.push({
      ruleId: 'input/invalid-port',
      message: `\`${via}\` in ${this.file.path} gives port \`${token.text}\`; expected an integer from 1 to 65535.`,
      location: this.file.locator.range(token.start, token.end),
      key: `${this.file.path}|${this.file.service ?? ''}|${via}|${token.text}`,
    });
    return undefined;
  }

  /** Records that the doc's service listens on `token` (when the doc belongs to a service). */
  bind(token: PortToken, strength: Strength, via: string, host = this.defaultHost): void {
    if (!this.claim(token.start)) return;
    const port = this.port(token, via);
    if (port === undefined || this.file.service === undefined) return;
    this.extraction.bindings.push({
      service: this.file.service,
      port,
      host,
      kind: 'service-doc',
      source: SOURCE,
      strength,
      location: this.file.locator.range(token.start, token.end),
      via,
    });
  }

  /** Records that the doc expects `target` to answer on `token`. */
  reference(target: string, token: PortToken, kind: ReferenceKind, via: string): void {
    if (!this.claim(token.start)) return;
    const port = this.port(token, via);
    if (port === undefined) return;
    this.extraction.references.push({
      ...(this.file.service !== undefined ? { fromService: this.file.service } : {}),
      target,
      port,
      kind,
      host: this.defaultHost,
      location: this.file.locator.range(token.start, token.end),
      source: SOURCE,
    });
  }
}
