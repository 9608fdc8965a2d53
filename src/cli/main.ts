/**
 * The CLI: `portwarden check [dir]` (with `--base <rev>`: as a pull request into `<rev>`) and
 * `portwarden hosts [dir]`. Exit 0 when nothing is at or above the fail level, 1 when
 * something is, 2 on usage, config or git errors.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { verdict } from '../baseline/verdict.js';
import { ConfigError } from '../config/types.js';
import { check } from '../engine.js';
import { GitError } from '../git/git.js';
import { MergeBaseError } from '../git/merge-base.js';
import { formatHosts } from '../report/hosts.js';
import { toJsonReport } from '../report/json.js';
import { formatText } from '../report/text.js';
import { VERSION } from '../version.js';
import { USAGE, UsageError, parseCli, type CliOptions, type CommandName } from './args.js';
import { checkBase } from './check-base.js';
import type { Output } from './output.js';
import { ASSIGN_USAGE, runAssign } from './assign.js';
import { openCacheStore } from '../cache-store.js';
import type { ExtractionCache } from '../extract/cache.js';

/** A subcommand: runs on the directory `root` and returns the exit code; warnings go to `err`. */
type Command = (options: CliOptions, root: string, out: Output, err: Output) => Promise<number>;

const COMMANDS: Record<CommandName, Command> = {
  async check(options, root, out, err) {
    if (options.cache === undefined) return checkOnce(options, root, out);
    // Relative to where the command runs, like every path given on the command line.
    const store = openCacheStore(resolve(options.cache), (message) => err.write(`portwarden: warning: ${message}\n`), options.cache);
    const code = await checkOnce(options, root, out, store.cache);
    store.save();
    return code;
  },
  async hosts(options, root, out) {
    const result = await check({ root, ...(options.config ? { configPath: options.config } : {}) });
    out.write(formatHosts(result.model));
    return 0;
  },
};

/** `check`, alone or against `--base`, with the extraction results of `cache` when given. */
async function checkOnce(options: CliOptions, root: string, out: Output, cache?: ExtractionCache): Promise<number> {
  if (options.base !== undefined) return checkBase({ ...options, base: options.base }, root, out, cache);
  const result = await check({ root, ...(options.config ? { configPath: options.config } : {}), ...(cache ? { cache } : {}) });
  if (options.format === 'json') out.write(JSON.stringify(toJsonReport(result, VERSION), null, 2) + '\n');
  else {
    if (options.explainHosts) out.write(formatHosts(result.model) + '\n');
    out.write(formatText(result.findings, result.suppressed.length));
  }
  // Outside a comparison every finding counts, as on a push.
  return verdict({ new: result.findings }, options.failLevel).failing.length > 0 ? 1 : 0;
}

/** Runs the CLI and returns its exit code. */
export async function main(argv: string[], out: Output = process.stdout, err: Output = process.stderr): Promise<number> {
  try {
    if (argv[0] === 'assign') return await runAssign(argv.slice(1), out);
    const options = parseCli(argv);
    if (options.command === 'help') return void out.write(USAGE), 0;
    if (options.command === 'version') return void out.write(`${VERSION}\n`), 0;
    const root = resolve(options.dir);
    if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`\`${options.dir}\` is not a directory; expected the root of a repository.`);
    return await COMMANDS[options.command](options, root, out, err);
  } catch (error) {
    if (error instanceof UsageError) {
      err.write(`portwarden: ${error.message}\n\n${argv[0] === 'assign' ? ASSIGN_USAGE : USAGE}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      err.write(`portwarden: config error: ${error.message}\n`);
      return 2;
    }
    if (error instanceof GitError || error instanceof MergeBaseError) {
      err.write(`portwarden: ${error.message}\n`);
      return 2;
    }
    err.write(`portwarden: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 2;
  }
}
