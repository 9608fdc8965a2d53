/**
 * Input problems are rules like any other: a file the readers could not read as expected
 * becomes a finding of an `input/*` rule, made by the same constructor as every rule's. The
 * readers (collect/ and extract/) emit them, so their metadata lives here, where every stage
 * can reach it; rules/index.ts lists them in the catalogue beside the rules.
 */
import type { Finding, Report, Severity } from './finding.js';
import { createFinding, ruleUrl } from './finding.js';
import type { Location } from './location.js';
import { fileLocation } from './location.js';
import type { RuleMeta } from './rule-meta.js';

/** Each input problem's default severity and one-line description, by name under `input/`. */
const INPUT = {
  'invalid-port': { defaultSeverity: 'error', description: 'A port is not an integer from 1 to 65535.' },
  'malformed-table': { defaultSeverity: 'warning', description: 'A registry table row lacks cells, a port or a service name.' },
  'unread-real-ports': { defaultSeverity: 'warning', description: 'The registry\'s "Real ports today" block holds nothing portwarden can read.' },
  'missing-registry': {
    // A notice at the default path, where most repositories keep none; the reader raises it
    // to a warning when the config names a registry the repository lacks.
    defaultSeverity: 'notice',
    description: 'No registry at the configured path; the rules that need one are skipped.',
  },
  unparsable: { defaultSeverity: 'warning', description: 'The registry could not be parsed as markdown.' },
  'markdown-too-deep': { defaultSeverity: 'warning', description: 'A markdown file nests or indents past the parser limits; it was not read.' },
  'too-complex': { defaultSeverity: 'warning', description: 'A file has a shape whose parse time grows too fast; it was not read.' },
  'unreadable-doc': { defaultSeverity: 'warning', description: 'A service doc could not be parsed as markdown.' },
  'invalid-yaml': { defaultSeverity: 'warning', description: 'A YAML file (compose, tunnel, Prometheus) is not valid YAML.' },
  'invalid-json': { defaultSeverity: 'warning', description: 'A JSON file is not valid JSON.' },
  'invalid-xml': { defaultSeverity: 'warning', description: 'An XML file (a launchd plist, a project file) is not well-formed.' },
  'invalid-nginx': { defaultSeverity: 'warning', description: "An nginx config breaks nginx's directive grammar." },
  'unresolved-variable': { defaultSeverity: 'warning', description: 'A port written as a variable that has no value and no default.' },
  'parse-failed': { defaultSeverity: 'warning', description: 'A source file could not be read by its parser.' },
  'extractor-failed': { defaultSeverity: 'warning', description: 'A reader failed on a file in a way it did not expect.' },
  'binary-file': { defaultSeverity: 'warning', description: 'A file to read is binary or not UTF-8; it was not read.' },
  'file-too-large': { defaultSeverity: 'warning', description: 'A file to read is above `max-file-bytes`; it was not read.' },
  unreadable: { defaultSeverity: 'warning', description: 'The operating system refused to read a file or directory.' },
  'symlink-outside-workspace': { defaultSeverity: 'warning', description: 'A file to read is a symlink to a target outside the workspace; it was not read.' },
  'symlink-not-followed': { defaultSeverity: 'notice', description: 'A file or service directory to read is a symlink inside the repository; symlinks are never followed.' },
  'no-services': { defaultSeverity: 'notice', description: 'The repository showed no service at all, so no port was checked.' },
  'not-a-regular-file': { defaultSeverity: 'warning', description: 'A file to read is a FIFO, socket, device or directory; it was not read.' },
} as const satisfies Record<string, { defaultSeverity: Severity; description: string }>;

/** The name of an input problem under `input/`, e.g. `invalid-port`. */
export type InputName = keyof typeof INPUT;

/** The rule id of an input problem, e.g. `input/invalid-port`. */
export type InputRuleId = `input/${InputName}`;

/** The `input/*` part of the rule catalogue. */
export const INPUT_RULES: readonly RuleMeta[] = Object.entries(INPUT).map(([name, { defaultSeverity, description }]) => ({
  id: `input/${name}`,
  description,
  defaultSeverity,
  docs: ruleUrl(`input/${name}`),
  fixable: false,
}));

const BY_ID = new Map(INPUT_RULES.map((meta) => [meta.id, meta]));

/** The metadata of input problem `id`. */
export function inputRule(id: InputRuleId): RuleMeta {
  return BY_ID.get(id)!;
}

/**
 * An input problem at `location`. `key` names the problem without line numbers (the file,
 * then what in it: see {@link Report.key}); `severity` replaces the default for this finding.
 */
export function inputProblem(ruleId: InputRuleId, message: string, location: Location, key: string, severity?: Severity): Finding {
  return createFinding(inputRule(ruleId), { message, location, key, ...(severity ? { severity } : {}) });
}

/** An input problem about a whole file or directory, pinned to line 1 of `path`. */
export function problem(ruleId: InputRuleId, path: string, message: string): Finding {
  return inputProblem(ruleId, message, fileLocation(path), path);
}
