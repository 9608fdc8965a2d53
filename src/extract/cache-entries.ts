/**
 * The shape of one saved extraction result, checked field by field before the engine sees
 * it: a cache file comes from outside (a restored CI cache anyone able to write it may have
 * replaced), so every result read from one must have exactly the fields an extractor makes,
 * of the right types, with ports from 1 to 65535, positive line and column numbers and only
 * the known kinds, roles and rule ids. A mismatch is a {@link CacheShapeError} naming the
 * field by its place (`entries[12][1].extraction.bindings[0].port`) and what was expected,
 * never by the value found there.
 */
import { SEVERITIES } from '../core/finding.js';
import { INPUT_RULES } from '../core/input-rules.js';
import { isValidPort } from '../core/statements.js';
import type { FileResult } from './files.js';
import type { RegistryResult } from './registry/index.js';

/** A saved result that is not shaped as an extractor makes one. */
export class CacheShapeError extends Error {}

/** Checks the value at `at` (the place it is named by); throws {@link CacheShapeError}. */
type Check = (value: unknown, at: string) => void;

function fail(at: string, expected: string): never {
  throw new CacheShapeError(`${at} is not ${expected}`);
}

const text: Check = (v, at) => typeof v === 'string' || fail(at, 'a string');
const flag: Check = (v, at) => typeof v === 'boolean' || fail(at, 'true or false');
const port: Check = (v, at) => (typeof v === 'number' && isValidPort(v)) || fail(at, 'a port from 1 to 65535');
const positive: Check = (v, at) => (typeof v === 'number' && Number.isInteger(v) && v >= 1) || fail(at, 'a positive integer');
const blobId: Check = (v, at) => (typeof v === 'string' && /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(v)) || fail(at, 'a git object id');

function oneOf(...values: readonly string[]): Check {
  return (v, at) => (typeof v === 'string' && values.includes(v)) || fail(at, `one of ${values.join(', ')}`);
}

function list(item: Check): Check {
  return (v, at) => {
    if (!Array.isArray(v)) fail(at, 'a list');
    v.forEach((x, i) => item(x, `${at}[${i}]`));
  };
}

/** `v` as the fields of an object (not a list, not null). */
function fieldsOf(v: unknown, at: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(at, 'an object');
  return v as Record<string, unknown>;
}

/** An object with every field of `required`, any of `optional`, and no other field. */
function record(required: Record<string, Check>, optional: Record<string, Check> = {}): Check {
  return (v, at) => {
    const fields = fieldsOf(v, at);
    for (const [name, check] of Object.entries(required)) {
      if (!Object.hasOwn(fields, name)) fail(`${at}.${name}`, 'present');
      check(fields[name], `${at}.${name}`);
    }
    for (const name of Object.keys(fields)) {
      if (Object.hasOwn(required, name)) continue;
      // The field's name is the file's text: it is counted, never shown.
      if (!Object.hasOwn(optional, name)) fail(at, `free of unknown fields (field ${Object.keys(fields).indexOf(name) + 1} is one)`);
      optional[name]!(fields[name], `${at}.${name}`);
    }
  };
}

const location = record({ file: text, line: positive, column: positive, endLine: positive, endColumn: positive });

const binding = record(
  {
    service: text,
    port,
    host: text,
    kind: oneOf('registry-plan', 'registry-actual', 'service-doc', 'source-default', 'deploy'),
    role: oneOf('listen', 'publish', 'doc', 'plan'),
    source: text,
    label: text,
    strength: oneOf('declaration', 'support', 'weak'),
    location,
  },
  {
    containerPort: port,
    network: oneOf('host', 'container'),
    via: text,
    runtime: oneOf('image', 'container', 'cluster', 'process'),
    exposure: text,
    listener: flag,
    mirrorsDefault: flag,
    names: list(text),
    project: text,
    scope: text,
  },
);

const reference = record(
  { target: text, port, kind: oneOf('url', 'env-var', 'scrape-target', 'healthcheck', 'tunnel', 'env-generator'), host: text, location, source: text },
  { fromService: text, containerNetwork: flag, targetService: text, self: flag, project: text, scope: text },
);

/** An input problem: only the `input/*` rules are a reader's to report, each with its own docs link. */
const problemFields = record(
  {
    ruleId: oneOf(...INPUT_RULES.map((r) => r.id)),
    severity: oneOf(...SEVERITIES),
    message: text,
    location,
    related: list(record({ location, message: text })),
    fingerprint: text,
    url: text,
  },
  { fix: record({ location, text }), status: oneOf('new', 'existing'), unappliedSuppression: record({ file: text, line: positive }) },
);
const DOCS = new Map(INPUT_RULES.map((r) => [r.id, r.docs]));
const problem: Check = (v, at) => {
  problemFields(v, at);
  const { ruleId, url } = v as { ruleId: string; url: string };
  if (url !== DOCS.get(ruleId)) fail(`${at}.url`, "the rule's documentation link");
};

const suppression = record({ file: text, line: positive, ruleId: text, reason: text });

const fileResult = record(
  { extraction: record({ bindings: list(binding), references: list(reference), problems: list(problem) }, { suppressions: list(suppression) }), parsed: flag },
  { blob: blobId },
);

/** A map of column names to cell texts. */
const cells: Check = (v, at) => {
  for (const [i, cell] of Object.values(fieldsOf(v, at)).entries()) text(cell, `${at}[column ${i + 1}]`);
};

const planRow = record(
  { portText: text, ports: list(port), reserved: flag, isRange: flag, columns: cells, location, serviceLocation: location },
  { service: text, correspondsTo: record({ port, location }, { service: text }) },
);

const registryDoc = record({
  path: text,
  aspirational: flag,
  sections: list(record({ title: text, location, rows: list(planRow) }, { range: record({ start: port, end: port }) })),
  plan: list(binding),
  actual: list(binding),
  hosts: list(record({ id: text, label: text, aliases: list(text), addresses: list(text) }, { location })),
  dates: list(record({ label: text, date: text, location })),
});

const registryResult = record({ doc: registryDoc, problems: list(problem) });

/** Checks that `value`, found at `at`, is a registry's parse as the registry reader makes one; throws {@link CacheShapeError}. */
export function checkRegistryResult(value: unknown, at: string): asserts value is RegistryResult {
  registryResult(value, at);
}

/** Checks that `value`, found at `at`, is a {@link FileResult} as an extractor makes one; throws {@link CacheShapeError}. */
export function checkFileResult(value: unknown, at: string): asserts value is FileResult {
  fileResult(value, at);
}
