/**
 * `portwarden check --base <rev>`: what a pull request from here into `<rev>` would report.
 * The head is the working tree as it is (uncommitted edits included), or commit `--head`
 * read from git objects; it is compared with its merge base with `<rev>` exactly as the
 * Action compares a pull request (src/revisions.ts), and the exit code is the check's
 * conclusion. Nothing is fetched: the revisions must be in the local repository.
 */
import { sortFindings } from '../core/finding.js';
import { verdict } from '../baseline/verdict.js';
import { repoTop, resolveCommit } from '../git/git.js';
import { toJsonReport } from '../report/json.js';
import { formatComparison } from '../report/text.js';
import { checkRevisions, type HeadPolicy } from '../revisions.js';
import { VERSION } from '../version.js';
import type { CliOptions } from './args.js';
import { UsageError } from './args.js';
import type { Output } from './output.js';
import type { ExtractionCache } from '../extract/cache.js';

/** The working tree is the developer's own: its config and its directives apply. */
const WORKING_TREE: HeadPolicy = { read: 'worktree', config: 'head', newSuppressions: 'apply' };
/** A commit is read from git objects, without touching the working tree; its own config applies. */
const COMMIT: HeadPolicy = { read: 'commit', config: 'head', newSuppressions: 'apply' };

/** Runs the comparison for `options` (whose `base` is set) on the repository holding `root`, reusing `cache`'s results when given; returns the exit code. */
export async function checkBase(options: CliOptions & { base: string }, root: string, out: Output, cache?: ExtractionCache): Promise<number> {
  const top = await repoTop(root);
  if (top === undefined) throw new UsageError(`\`${options.dir}\` is not inside a git repository; \`--base\` compares revisions, so it needs one.`);
  const commit = async (flag: string, rev: string) => {
    const sha = await resolveCommit(top, rev);
    if (sha === undefined) throw new UsageError(`\`--${flag} ${rev}\` names no commit in ${top}; expected a branch, a tag or a commit there (nothing is fetched).`);
    return sha;
  };
  const base = await commit('base', options.base);
  const head = options.head === undefined ? undefined : await commit('head', options.head);
  const analysis = await checkRevisions({ root, ...(options.config ? { configPath: options.config } : {}), base, ...(head ? { head } : {}), policy: head ? COMMIT : WORKING_TREE, ...(cache ? { cache } : {}) });
  try {
    const { classified, suppressions } = analysis;
    if (options.format === 'json') {
      const json = toJsonReport(analysis.head, VERSION, { findings: sortFindings([...classified.new, ...classified.existing]), fixed: classified.fixed, notChecked: classified.notChecked, suppressions });
      out.write(JSON.stringify(json, null, 2) + '\n');
    } else out.write(formatComparison({ classified, suppressions, mergeBase: analysis.mergeBase! }));
    return verdict(classified, options.failLevel).failing.length > 0 ? 1 : 0;
  } finally {
    await analysis.dispose();
  }
}
