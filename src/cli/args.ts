/**
 * Command-line arguments into typed options. Usage errors name the flag and the accepted
 * form; the CLI exits 2 on them.
 */
import { parseArgs } from 'node:util';
import { FAIL_LEVELS, type FailLevel } from '../baseline/verdict.js';

export const USAGE = `Usage: portwarden <command> [dir] [options]

Commands:
  check [dir]    Check the monorepo at dir (default: .) and print findings
  hosts [dir]    Print which files placed which ports on which host
  assign <service> --in <lo-hi|"section"> [dir]
                 Print the next free port for a service (--write adds it to the registry)

Options:
  --format <text|json>   Output format of check (default: text)
  --config <file>        Config file (default: .github/portwarden.yml when present)
  --base <rev>           With check: report what a pull request from here into <rev> would:
                         new, existing, fixed and not-checked findings against the merge base
  --head <rev>           With --base: check commit <rev> instead of the working tree
  --fail-level <level>   error, warning, notice or never (default: error): exit 1 when
                         findings at or above it exist (with --base: new findings)
  --explain-hosts        With check: print the host map before the findings
  --cache <file>         With check: reuse what files gave in an earlier run, kept in <file>
                         (read if present, written back; for a CI cache)
  -h, --help             Show this help
  -v, --version          Show the version

Exit codes: 0 nothing at or above the fail level, 1 findings at or above it,
2 usage, config or git error.
`;

export class UsageError extends Error {}

/** The subcommands; `help` and `version` come from their flags. */
export const COMMANDS = ['check', 'hosts'] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface CliOptions {
  command: CommandName | 'help' | 'version';
  dir: string;
  format: 'text' | 'json';
  config?: string;
  explainHosts: boolean;
  failLevel: FailLevel;
  /** The revision a pull request from here would go into. */
  base?: string;
  /** The revision checked as the pull request's head (default: the working tree). */
  head?: string;
  /** The extraction cache file (src/cache-store.ts), as given. */
  cache?: string;
}

const DEFAULTS = { dir: '.', format: 'text', explainHosts: false, failLevel: 'error' } as const;

export function parseCli(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        config: { type: 'string' },
        base: { type: 'string' },
        head: { type: 'string' },
        'fail-level': { type: 'string' },
        'explain-hosts': { type: 'boolean' },
        cache: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help', ...DEFAULTS };
  if (values.version) return { command: 'version', ...DEFAULTS };
  const [command = 'check', dir = '.', ...rest] = positionals;
  if (!(COMMANDS as readonly string[]).includes(command)) throw new UsageError(`Unknown command \`${command}\`; expected ${COMMANDS.map((c) => `\`${c}\``).join(' or ')}.`);
  if (rest.length) throw new UsageError(`Unexpected argument \`${rest[0]}\`; expected one directory.`);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`\`--format ${format}\` is not supported; expected \`text\` or \`json\`.`);
  const failLevel = (values['fail-level'] ?? 'error').toLowerCase();
  if (!(FAIL_LEVELS as readonly string[]).includes(failLevel)) throw new UsageError(`\`--fail-level ${values['fail-level']}\` is not a level; expected one of ${FAIL_LEVELS.join(', ')}.`);
  if (values.cache !== undefined && command !== 'check') throw new UsageError(`\`--cache\` goes with \`check\`, not \`${command}\`.`);
  if (values.cache === '') throw new UsageError('`--cache` is empty; expected the path of a cache file.');
  for (const flag of ['base', 'head'] as const) {
    if (values[flag] !== undefined && command !== 'check') throw new UsageError(`\`--${flag}\` goes with \`check\`, not \`${command}\`.`);
    if (values[flag] === '') throw new UsageError(`\`--${flag}\` is empty; expected a revision (a branch, a tag or a commit).`);
  }
  if (values.head !== undefined && values.base === undefined) throw new UsageError('`--head` needs `--base`: it names the head of the pull request compared with the base.');
  return {
    command: command as CommandName,
    dir,
    format,
    ...(values.config ? { config: values.config } : {}),
    explainHosts: values['explain-hosts'] ?? false,
    failLevel: failLevel as FailLevel,
    ...(values.base !== undefined ? { base: values.base } : {}),
    ...(values.head !== undefined ? { head: values.head } : {}),
    ...(values.cache !== undefined ? { cache: values.cache } : {}),
  };
}
