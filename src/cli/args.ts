/**
 * Command-line arguments into typed options. Usage errors name the flag and the accepted
 * form; the CLI exits 2 on them.
 */
import { parseArgs } from 'node:util';

export const USAGE = `Usage: portwarden <command> [dir] [options]

Commands:
  check [dir]    Check the monorepo at dir (default: .) and print findings
  hosts [dir]    Print which files placed which ports on which host

Options:
  --format <text|json>   Output format of check (default: text)
  --config <file>        Config file (default: .github/portwarden.yml when present)
  --explain-hosts        With check: print the host map before the findings
  -h, --help             Show this help
  -v, --version          Show the version

Exit codes: 0 no errors, 1 errors found, 2 usage or config error.
`;

export class UsageError extends Error {}

export interface CliOptions {
  command: 'check' | 'hosts' | 'help' | 'version';
  dir: string;
  format: 'text' | 'json';
  config?: string;
  explainHosts: boolean;
}

export function parseCli(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        config: { type: 'string' },
        'explain-hosts': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help', dir: '.', format: 'text', explainHosts: false };
  if (values.version) return { command: 'version', dir: '.', format: 'text', explainHosts: false };
  const [command = 'check', dir = '.', ...rest] = positionals;
  if (command !== 'check' && command !== 'hosts') throw new UsageError(`Unknown command \`${command}\`; expected \`check\` or \`hosts\`.`);
  if (rest.length) throw new UsageError(`Unexpected argument \`${rest[0]}\`; expected one directory.`);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`\`--format ${format}\` is not supported; expected \`text\` or \`json\`.`);
  return { command, dir, format, ...(values.config ? { config: values.config } : {}), explainHosts: values['explain-hosts'] ?? false };
}
