/**
 * The command, read from the first line of a comment only:
 * `/assign-port <service> [in <lo>-<hi> | in "<section title>"] [--dry-run]` or
 * `/assign-port help`. A first line that does not start with `/assign-port` is not for us;
 * one that does but says anything else is malformed and gets one plain reply.
 */
import { parseRange, SERVICE_NAME, type Target } from '../../assign/assign.js';

export type Command =
  | { kind: 'assign'; service: string; target?: Target; dryRun: boolean }
  | { kind: 'help' }
  | { kind: 'malformed'; input: string; why: string };

/** The longest first line read; a command is a few dozen characters. */
const MAX_LINE = 300;

/** The command on the first line of `body`, or undefined when the comment is not one. */
export function parseCommand(body: string): Command | undefined {
  const first = body.replace(/^\uFEFF/, '').split(/\r?\n|\r/, 1)[0]!.trim();
  const head = /^\/assign-port(?=\s|$)/.exec(first);
  if (!head) return undefined;
  const input = first.slice(0, MAX_LINE);
  if (first.length > MAX_LINE) return { kind: 'malformed', input, why: `the line is longer than ${MAX_LINE} characters` };
  let rest = first.slice(head[0].length).trim();
  if (rest === 'help') return { kind: 'help' };
  let dryRun = false;
  const flag = /(?:^|\s)--dry-run$/.exec(rest);
  if (flag) {
    dryRun = true;
    rest = rest.slice(0, flag.index).trim();
  }
  const m = /^(\S+)(?:\s+in\s+(?:["“”]([^"“”]+)["“”]|(\S+)))?$/.exec(rest);
  if (!m) return { kind: 'malformed', input, why: rest === '' ? 'it names no service' : 'it does not follow the form below' };
  const service = m[1]!;
  if (!SERVICE_NAME.test(service)) return { kind: 'malformed', input, why: 'the service name is not lower-case letters, digits and hyphens starting with a letter (at most 63)' };
  if (m[2] !== undefined) return { kind: 'assign', service, target: { section: m[2].trim() }, dryRun };
  if (m[3] !== undefined) {
    const range = parseRange(m[3]);
    if (!range) return { kind: 'malformed', input, why: 'the range is not `lo-hi` with 1 <= lo <= hi <= 65535 (a section title goes in double quotes)' };
    return { kind: 'assign', service, target: { range }, dryRun };
  }
  return { kind: 'assign', service, dryRun };
}
