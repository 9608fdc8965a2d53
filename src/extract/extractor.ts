/**
 * The extractor contract: one small module per file format. An extractor says which paths
 * it reads, offers a cheap byte prefilter, and turns one file into bindings, references and
 * input problems with exact positions.
 */
import type { HostModel } from '../core/hosts.js';
import type { ServiceIndex } from '../core/services.js';
import type { Extraction } from '../core/statements.js';
import type { Locator } from '../core/location.js';

/** One text file of the repository, read once. */
export interface SourceFile {
  /** Path relative to the repo root, `/`-separated. */
  path: string;
  text: string;
  locator: Locator;
  /** The service owning the file through `services/<name>/`, canonicalised; undefined elsewhere. */
  service?: string;
  /** The host the file's path names (config glob, `docker-compose.<host>.yml`, a path segment). */
  host?: string;
}

/** What extractors may consult. The registry is read first so its hosts and names are known. */
export interface ExtractContext {
  hosts: HostModel;
  services: ServiceIndex;
  /** `.env` values at the repo root, for `${PORT:-3001}` interpolation in compose files. */
  env: Map<string, string>;
  /** The line of each root `.env` value, so a message can name where a value came from (`.env:3`). */
  envLines?: Map<string, number>;
}

export interface Extractor {
  /** Short id, also the `source` of the bindings it makes (e.g. `compose`). */
  id: string;
  /** Cheap test on the path: does this extractor read such files? */
  accepts(path: string): boolean;
  /** Cheap test on the text before parsing; false skips the file (a miss costs a parse). */
  prefilter?(text: string): boolean;
  /** Parses one file. Must not throw on bad input: report an input problem instead. */
  extract(file: SourceFile, ctx: ExtractContext): Extraction | Promise<Extraction>;
}
