/**
 * Parses and validates the text of `.github/portwarden.yml`: plain data in, a {@link Config}
 * out, no file read here (collect/config-file.ts reads it). Every error names the file, the
 * line, the key and the accepted form, and is a {@link ConfigError} (the CLI exits 2 on it).
 */
import { LineCounter, isMap, isSeq, parseDocument, type Node } from 'yaml';
import { MAX_YAML_ALIASES, MAX_YAML_ALIAS_TOKENS, aliasTokenOverflow, excessAlias } from '../core/yaml-limits.js';
import { SEVERITIES } from '../core/finding.js';
import { createLocator } from '../core/location.js';
import type { RuleMeta, RuleSetting } from '../core/rule-meta.js';
import { defaultConfig } from './defaults.js';
import { globProblem } from './globs.js';
import { ConfigError, type AssignPortConfig, type ComposeProjectConfig, type Config, type HostConfig } from './types.js';

/**
 * The rule catalogue as the config needs it: the ids a `rules:` key may name. The pipeline
 * hands it in (the rules declare themselves; config does not import them).
 */
export type RuleCatalogue = readonly Pick<RuleMeta, 'id'>[];

/** An input problem's id (`input/<name>`), or all of them (`input/*`). */
const INPUT_ID = /^input\/(?:\*|[a-z][a-z-]*)$/;

const TOP_KEYS = ['registry', 'services', 'service-docs', 'ignore', 'hosts', 'compose-projects', 'aliases', 'rules', 'max-file-bytes', 'allow-new-suppressions-on-pr-target', 'assign-port'] as const;
const ASSIGN_PORT_KEYS = ['deny', 'unique'] as const;
const HOST_KEYS = ['name', 'aliases', 'addresses', 'files'] as const;
const COMPOSE_PROJECT_KEYS = ['name', 'files'] as const;

/**
 * Parses and validates config text; `file` is used in messages. A `rules:` key must name a
 * rule of `catalogue`, an input problem (`input/<name>`) or all of them (`input/*`).
 */
export function parseConfig(file: string, text: string, catalogue: RuleCatalogue): Config {
  const lines = new LineCounter();
  const overflow = aliasTokenOverflow(text);
  if (overflow >= 0) throw new ConfigError(`${file}:${createLocator(file, text).range(overflow, overflow).line}: more than ${MAX_YAML_ALIAS_TOKENS} YAML alias tokens (\`*name\`); expected at most ${MAX_YAML_ALIASES} aliases.`);
  let doc;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  } catch (error) {
    // yaml's parser recurses per nested block: some malformed shapes (thousands of `- id:` run
    // together on one line) overflow the stack. Refused like any other unreadable config.
    if (error instanceof RangeError) throw new ConfigError(`${file}: invalid YAML: nested too deeply to parse (${error.message}); expected a config a few levels deep.`);
    throw error;
  }
  const at = (node: Node | null | undefined) => (node?.range ? `${file}:${lines.linePos(node.range[0]).line}` : file);
  const fail = (node: Node | null | undefined, message: string): never => {
    throw new ConfigError(`${at(node)}: ${message}`);
  };
  const firstError = doc.errors[0];
  if (firstError) throw new ConfigError(`${file}:${firstError.linePos?.[0]?.line ?? 1}: invalid YAML: ${firstError.message.split('\n')[0]}`);
  const excess = excessAlias(doc);
  if (excess) fail(excess.node, `${excess.count} YAML aliases; expected at most ${MAX_YAML_ALIASES}.`);

  const config = defaultConfig();
  const root = doc.contents;
  if (root === null || root === undefined) return config;
  if (!isMap(root)) return fail(root as Node, 'the config must be a mapping of keys such as `registry:`, `hosts:`, `rules:`.');

  const stringList = (node: Node | null | undefined, key: string): string[] => {
    const value = (node as { toJSON?: () => unknown })?.toJSON?.() ?? (node as unknown);
    if (typeof value === 'string') return [value];
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
    return fail(node, `\`${key}\` must be a string or a list of strings.`);
  };

  // A list of globs, each checked (length, compiles, not an accidental match-all) and named by its own line.
  const globList = (node: Node | null | undefined, key: string): string[] => {
    const globs = stringList(node, key);
    globs.forEach((glob, i) => {
      const why = globProblem(key, glob);
      if (why) fail(isSeq(node) ? (node.items[i] as Node) : node, why);
    });
    return globs;
  };

  for (const pair of root.items) {
    const keyNode = pair.key as Node;
    const key = String((keyNode as { value?: unknown }).value ?? keyNode);
    const value = pair.value as Node | null;
    switch (key as (typeof TOP_KEYS)[number]) {
      case 'registry': {
        const v = (value as { value?: unknown } | null)?.value;
        if (typeof v !== 'string' || v === '') fail(value ?? keyNode, '`registry` must be a path such as `docs/PORT_SCHEMA.md`.');
        config.registry = v as string;
        break;
      }
      case 'services':
        config.services = globList(value, 'services');
        break;
      case 'service-docs':
        config.serviceDocs = globList(value, 'service-docs');
        break;
      case 'ignore':
        config.ignore = globList(value, 'ignore');
        break;
      case 'max-file-bytes': {
        const v = (value as { value?: unknown } | null)?.value;
        if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) fail(value ?? keyNode, '`max-file-bytes` must be a positive integer (bytes).');
        config.maxFileBytes = v as number;
        break;
      }
      case 'allow-new-suppressions-on-pr-target': {
        // Read from the base branch's config on pull_request_target, so a PR cannot grant it to itself.
        const v = (value as { value?: unknown } | null)?.value;
        if (typeof v !== 'boolean') fail(value ?? keyNode, '`allow-new-suppressions-on-pr-target` must be `true` or `false`.');
        config.allowNewSuppressionsOnPrTarget = v as boolean;
        break;
      }
      case 'assign-port':
        config.assignPort = parseAssignPort(value, fail);
        break;
      case 'hosts':
        config.hosts = parseHosts(value, fail, stringList, globList);
        break;
      case 'compose-projects':
        config.composeProjects = parseComposeProjects(value, fail, globList);
        break;
      case 'aliases': {
        if (!isMap(value)) fail(value ?? keyNode, '`aliases` must map an old service name to its current name, e.g. `old-name: new-name`.');
        for (const [from, to] of Object.entries((value as Node).toJSON() as Record<string, unknown>)) {
          if (typeof to !== 'string') fail(value, `alias \`${from}\` must name a service (a string).`);
          config.aliases[from] = to as string;
        }
        const cycle = aliasCycle(config.aliases);
        if (cycle) fail(value, `the aliases ${cycle.map((n) => `\`${n}\``).join(' → ')} form a cycle; expected each chain of renames to end at a current name.`);
        break;
      }
      case 'rules': {
        if (!isMap(value)) fail(value ?? keyNode, '`rules` must map a rule id to one of error, warning, notice, off.');
        for (const item of (value as { items: { key: Node; value: Node }[] }).items) {
          const id = String((item.key as { value?: unknown }).value);
          if (!catalogue.some((r) => r.id === id) && !INPUT_ID.test(id)) {
            const rules = catalogue.filter((r) => !r.id.startsWith('input/')).map((r) => r.id);
            fail(item.key, `\`${id}\` is not a portwarden rule; expected one of ${rules.join(', ')}, an input problem such as \`input/invalid-port\`, or \`input/*\`.`);
          }
          const setting = (item.value as { value?: unknown } | null)?.value;
          if (typeof setting !== 'string' || ![...SEVERITIES, 'off'].includes(setting)) {
            fail(item.value ?? item.key, `rule \`${id}\` is set to \`${String(setting)}\`; expected one of error, warning, notice, off.`);
          }
          config.rules[id] = setting as RuleSetting;
        }
        break;
      }
      default:
        fail(keyNode, `unknown key \`${key}\`; expected one of ${TOP_KEYS.join(', ')}.`);
    }
  }
  return config;
}

/** A chain of aliases that comes back to where it started, if any. */
function aliasCycle(aliases: Record<string, string>): string[] | undefined {
  const next = new Map(Object.entries(aliases).map(([from, to]) => [from.toLowerCase(), to]));
  for (const start of Object.keys(aliases)) {
    const chain = [start];
    for (let name = next.get(start.toLowerCase()); name !== undefined; name = next.get(name.toLowerCase())) {
      chain.push(name);
      if (name.toLowerCase() === start.toLowerCase()) return chain;
      if (chain.length > next.size + 1) break;
    }
  }
  return undefined;
}

/** `compose-projects:`: a list of `{ name, files }`, each naming compose files deployed together. */
function parseComposeProjects(
  value: Node | null,
  fail: (node: Node | null | undefined, message: string) => never,
  globList: (node: Node | null | undefined, key: string) => string[],
): ComposeProjectConfig[] {
  if (!isSeq(value)) return fail(value, '`compose-projects` must be a list of `{ name, files }`, e.g. `- { name: stack, files: [infra/compose.yaml, app/compose.yaml] }`.');
  const seen = new Set<string>();
  return value.items.map((item) => {
    if (!isMap(item)) return fail(item as Node, 'each entry of `compose-projects` must be a mapping with `name:` and `files:`.');
    const project: ComposeProjectConfig = { name: '', files: [] };
    for (const pair of item.items) {
      const key = String((pair.key as { value?: unknown }).value);
      const node = pair.value as Node | null;
      if (key === 'name') {
        const v = (node as { value?: unknown } | null)?.value;
        if (typeof v !== 'string' || v.trim() === '') fail(node ?? (pair.key as Node), '`compose-projects[].name` must be a non-empty string.');
        if (seen.has(v as string)) fail(node, `the compose project \`${v as string}\` is named twice; expected each name once (list all its files under one entry).`);
        seen.add(v as string);
        project.name = v as string;
      } else if (key === 'files') {
        project.files = globList(node, 'compose-projects[].files');
      } else {
        fail(pair.key as Node, `unknown key \`compose-projects[].${key}\`; expected one of ${COMPOSE_PROJECT_KEYS.join(', ')}.`);
      }
    }
    if (!project.name) fail(item as Node, 'each entry of `compose-projects` needs a `name:`.');
    if (project.files.length === 0) fail(item as Node, `compose project \`${project.name}\` needs \`files:\`, globs of the compose files deployed together.`);
    return project;
  });
}

/** `assign-port: { deny: [5432, 8000-8099], unique: across-hosts | per-host }`. */
function parseAssignPort(value: Node | null, fail: (node: Node | null | undefined, message: string) => never): AssignPortConfig {
  if (!isMap(value)) return fail(value, '`assign-port` must be a mapping with `deny:` and `unique:`.');
  const out: AssignPortConfig = { deny: [], unique: 'across-hosts' };
  for (const pair of value.items) {
    const key = String((pair.key as { value?: unknown }).value);
    const node = pair.value as Node | null;
    if (key === 'unique') {
      const v = (node as { value?: unknown } | null)?.value;
      if (v !== 'across-hosts' && v !== 'per-host') fail(node ?? (pair.key as Node), '`assign-port.unique` must be `across-hosts` or `per-host`.');
      out.unique = v as AssignPortConfig['unique'];
    } else if (key === 'deny') {
      const items = isSeq(node) ? node.items : [node];
      for (const item of items) {
        const v = (item as { value?: unknown } | null)?.value;
        const m = typeof v === 'number' ? [String(v), String(v), undefined] : typeof v === 'string' ? /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(v) : null;
        const start = Number(m?.[1]);
        const end = m?.[2] === undefined ? start : Number(m[2]);
        if (!m || !Number.isInteger(start) || start < 1 || end > 65535 || start > end) fail(item as Node, '`assign-port.deny` must list ports (`5432`) or ranges (`8000-8099`) within 1..65535.');
        out.deny.push({ start, end });
      }
    } else {
      fail(pair.key as Node, `unknown key \`assign-port.${key}\`; expected one of ${ASSIGN_PORT_KEYS.join(', ')}.`);
    }
  }
  return out;
}

function parseHosts(
  value: Node | null,
  fail: (node: Node | null | undefined, message: string) => never,
  stringList: (node: Node | null | undefined, key: string) => string[],
  globList: (node: Node | null | undefined, key: string) => string[],
): HostConfig[] {
  if (!isSeq(value)) return fail(value, '`hosts` must be a list of `{ name, aliases, addresses, files }`.');
  return value.items.map((item) => {
    if (!isMap(item)) return fail(item as Node, 'each entry of `hosts` must be a mapping with at least `name:`.');
    const host: HostConfig = { name: '', aliases: [], addresses: [], files: [] };
    for (const pair of item.items) {
      const key = String((pair.key as { value?: unknown }).value);
      const node = pair.value as Node | null;
      if (key === 'name') {
        const v = (node as { value?: unknown } | null)?.value;
        if (typeof v !== 'string' || v === '') fail(node ?? (pair.key as Node), '`hosts[].name` must be a non-empty string.');
        host.name = v as string;
      } else if (key === 'aliases' || key === 'addresses') {
        host[key] = stringList(node, `hosts[].${key}`);
      } else if (key === 'files') {
        host.files = globList(node, 'hosts[].files');
      } else {
        fail(pair.key as Node, `unknown key \`hosts[].${key}\`; expected one of ${HOST_KEYS.join(', ')}.`);
      }
    }
    if (!host.name) fail(item as Node, 'each entry of `hosts` needs a `name:`.');
    return host;
  });
}
