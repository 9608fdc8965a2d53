/**
 * `portwarden assign <service> --in <lo-hi | "section title"> [dir]`: the port `/assign-port`
 * would choose, and why. Dry by default; `--write` edits the registry (and the service's
 * CLAUDE.md when it states no port) in place. Exit 0 with a port, 1 when none can be
 * assigned, 2 on usage or config errors.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeSkip } from '../assign/allocate.js';
import { assign, parseRange, SERVICE_NAME, type Target } from '../assign/assign.js';
import { readRepoFile } from '../collect/read.js';
import { check } from '../engine.js';
import { UsageError } from './args.js';
import type { Output } from './output.js';

export const ASSIGN_USAGE = `Usage: portwarden assign <service> --in <lo-hi|"section title"> [dir] [options]

Prints the lowest free port of the range (or of the registry section) for the service and
why each lower candidate was skipped. Nothing is written unless --write is given.

Options:
  --in <range|section>   A range such as 3020-3029, or a registry section's title
  --write                Add the row to the registry (and the port line to the service's CLAUDE.md)
  --format <text|json>   Output format (default: text)
  --config <file>        Config file (default: .github/portwarden.yml when present)
`;

/** Runs `assign` with the arguments after the command name; returns the exit code. */
export async function runAssign(argv: string[], out: Output): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { in: { type: 'string' }, write: { type: 'boolean' }, format: { type: 'string' }, config: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return void out.write(ASSIGN_USAGE), 0;
  const [service, dir = '.', ...rest] = positionals;
  if (service === undefined) throw new UsageError('`assign` needs a service name; expected `portwarden assign <service> --in <range|section>`.');
  if (!SERVICE_NAME.test(service)) throw new UsageError(`\`${service}\` is not a service name; expected lower-case letters, digits and hyphens, starting with a letter (at most 63).`);
  if (rest.length) throw new UsageError(`Unexpected argument \`${rest[0]}\`; expected one directory.`);
  if (values.in === undefined || values.in.trim() === '') throw new UsageError('`assign` needs `--in <lo-hi>` or `--in "<section title>"`.');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`\`--format ${format}\` is not supported; expected \`text\` or \`json\`.`);
  const range = parseRange(values.in);
  const target: Target = range ? { range } : /^\s*\d+\s*[-–—]\s*\d+\s*$/.test(values.in) ? badRange(values.in) : { section: values.in };

  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`\`${dir}\` is not a directory; expected the root of a repository.`);
  const { model, config } = await check({ root, ...(values.config ? { configPath: values.config } : {}) });
  const read = (path: string) => {
    const r = readRepoFile(root, path, config.maxFileBytes);
    return 'text' in r ? r.text : undefined;
  };
  const result = assign({ model, config, request: { service, target }, read });
  const skipped = ('skipped' in result ? (result.skipped ?? []) : []).map((s) => ({ port: s.port, reason: s.reason.kind, detail: describeSkip(s) }));
  if ('error' in result) {
    if (format === 'json') out.write(JSON.stringify({ service, port: null, range: result.range ?? null, skipped, error: result.error }, null, 2) + '\n');
    else out.write(`portwarden: no port for ${service}: ${result.error}\n${skipped.map((s) => `  skipped ${s.detail}\n`).join('')}`);
    return 1;
  }
  if (values.write) for (const edit of result.edits) writeFileSync(join(root, edit.path), edit.text);
  if (format === 'json') {
    out.write(JSON.stringify({ service, port: result.port, range: result.range, section: result.section, skipped, files: result.edits.map((e) => e.path), written: values.write ?? false }, null, 2) + '\n');
    return 0;
  }
  const lines = [`${service}: port ${result.port} (range ${result.range.start}-${result.range.end}, section "${result.section}")`];
  for (const s of skipped) lines.push(`  skipped ${s.detail}`);
  const verb = values.write ? 'wrote' : 'would write (dry run; --write to edit)';
  for (const e of result.edits) lines.push(`${verb} ${e.path}${e.path === model.registryPath ? ` (row at line ${result.rowLine})` : ' (port line)'}`);
  out.write(lines.join('\n') + '\n');
  return 0;
}

function badRange(text: string): never {
  throw new UsageError(`\`--in ${text}\` is not a range of ports; expected \`lo-hi\` with 1 <= lo <= hi <= 65535.`);
}
