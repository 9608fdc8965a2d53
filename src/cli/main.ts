/** The CLI: `portwarden check [dir]`. Exit 0 clean, 1 on errors, 2 on usage or config errors. */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '../config/types.js';
import { check } from '../engine.js';
import { formatHosts } from '../report/hosts.js';
import { toJsonReport } from '../report/json.js';
import { countBySeverity, formatText } from '../report/text.js';
import { VERSION } from '../version.js';
import { USAGE, UsageError, parseCli } from './args.js';

/** Where the CLI writes; process.stdout in use, a buffer in tests. */
export interface Output {
  write(text: string): unknown;
}

/** Runs the CLI and returns its exit code. */
export async function main(argv: string[], out: Output = process.stdout, err: Output = process.stderr): Promise<number> {
  try {
    const options = parseCli(argv);
    if (options.command === 'help') return void out.write(USAGE), 0;
    if (options.command === 'version') return void out.write(`${VERSION}\n`), 0;
    const root = resolve(options.dir);
    if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`\`${options.dir}\` is not a directory; expected the root of a repository.`);
    const result = await check({ root, ...(options.config ? { configPath: options.config } : {}) });
    if (options.command === 'hosts') {
      out.write(formatHosts(result.model));
      return 0;
    }
    if (options.format === 'json') out.write(JSON.stringify(toJsonReport(result, VERSION), null, 2) + '\n');
    else {
      if (options.explainHosts) out.write(formatHosts(result.model) + '\n');
      out.write(formatText(result.findings, result.suppressed.length));
    }
    return countBySeverity(result.findings).error > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      err.write(`portwarden: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      err.write(`portwarden: config error: ${error.message}\n`);
      return 2;
    }
    err.write(`portwarden: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 2;
  }
}
