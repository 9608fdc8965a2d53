/**
 * The evidence links of one service on one port in the port map: at most a few, the most
 * telling first (a line a new finding points at, then deploy files, source defaults, service
 * docs, the registry), one per file:line, and "and N more" for the rest.
 */
import { repoPath } from '../baseline/relocate.js';
import type { Binding, BindingKind } from '../core/statements.js';
import { blobUrl, link } from './md-inline.js';
import type { RunReport } from './reporter.js';

/** Links shown per service in a row before "and N more". */
export const LINKS_PER_SERVICE = 2;

/** Deployment evidence first: it is what actually occupies the port. */
const KIND_RANK: Record<BindingKind, number> = { deploy: 0, 'source-default': 1, 'service-doc': 2, 'registry-actual': 3, 'registry-plan': 4 };

/** What the links need: the run (for URLs), the working directory's prefix and the new findings' lines. */
export interface LinkContext {
  run: RunReport;
  prefix: string;
  /** `file:line` (repository-relative) of every new finding's own location. */
  fresh: Set<string>;
}

/** `file:line` of each new finding's location: the lines a pull request introduced a problem on. */
export function newLines(run: RunReport): Set<string> {
  return new Set(run.analysis.classified.new.map((f) => `${f.location.file}:${f.location.line}`));
}

/** The links for `list` (one service's bindings of one port on one host). */
export function evidenceLinks(ctx: LinkContext, list: Binding[]): string {
  const seen = new Set<string>();
  const entries = list
    .map((b) => ({ b, file: repoPath(ctx.prefix, b.location.file), line: b.location.line }))
    .filter(({ file, line }) => !seen.has(`${file}:${line}`) && seen.add(`${file}:${line}`))
    .sort(
      (x, y) =>
        Number(ctx.fresh.has(`${y.file}:${y.line}`)) - Number(ctx.fresh.has(`${x.file}:${x.line}`)) ||
        KIND_RANK[x.b.kind] - KIND_RANK[y.b.kind] ||
        (x.file < y.file ? -1 : x.file > y.file ? 1 : x.line - y.line),
    );
  const links = entries.slice(0, LINKS_PER_SERVICE).map(({ file, line }) => link(`${file}:${line}`, blobUrl(ctx.run, ctx.run.context.headSha, file, line)));
  const more = entries.length > LINKS_PER_SERVICE ? ` and ${entries.length - LINKS_PER_SERVICE} more` : '';
  return `${links.join(', ')}${more}`;
}
