/**
 * Reads and validates `.github/portwarden.yml`. Every error names the file, the line, the
 * key and the accepted form, and is a {@link ConfigError} (the CLI exits 2 on it).
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { LineCounter, isMap, isSeq, parseDocument, type Node } from 'yaml';
import { SEVERITIES } from '../model/finding.js';
import { allRules } from '../rules/index.js';
import type { RuleSetting } from '../rules/rule.js';
import { DEFAULT_CONFIG_PATHS, defaultConfig } from './defaults.js';
import { ConfigError, type Config, type HostConfig } from './types.js';

/** A rule the config may set: one of the rules, an input problem (`input/<name>`), or all of them (`input/*`). */
function isRuleId(id: string): boolean {
  return allRules.some((r) => r.id === id) || /^input\/(?:\*|[a-z][a-z-]*)$/.test(id);
}

const TOP_KEYS = ['registry', 'services', 'service-docs', 'ignore', 'hosts', 'aliases', 'rules', 'max-file-bytes', 'allow-new-suppressions-on-pr-target'] as const;
const HOST_KEYS = ['name', 'aliases', 'addresses', 'files'] as const;

/** The loaded config and the file it came from (undefined when defaults were used). */
export interface LoadedConfig {
  config: Config;
  path?: string;
}

/**
 * Loads the config for the repository at `root`. `explicitPath` (from `--config`) must exist;
 * otherwise the default locations are tried and a missing file means the defaults.
 */
export function loadConfig(root: string, explicitPath?: string): LoadedConfig {
  const candidates = explicitPath ? [isAbsolute(explicitPath) ? explicitPath : join(root, explicitPath)] : DEFAULT_CONFIG_PATHS.map((p) => join(root, p));
  const path = candidates.find((p) => existsSync(p));
  if (!path) {
    if (explicitPath) throw new ConfigError(`Config file \`${explicitPath}\` does not exist.`);
    return { config: defaultConfig() };
  }
  // A config found in the repository must not be a link out of it (a pull request's files are data).
  const inRepo = !relative(root, path).startsWith('..');
  if (inRepo) {
    const target = realpathSync(path);
    const realRoot = realpathSync(root);
    if (target !== realRoot && !target.startsWith(realRoot + sep)) {
      throw new ConfigError(`Config file \`${relative(root, path)}\` is a symlink to \`${target}\`, outside the repository; expected a file inside it.`);
    }
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`Config file \`${path}\` cannot be read: ${(error as Error).message}`);
  }
  const shown = relative(root, path).startsWith('..') ? path : relative(root, path);
  return { config: parseConfig(shown, text), path };
}

/** Parses and validates config text; `file` is used in messages. */
export function parseConfig(file: string, text: string): Config {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const at = (node: Node | null | undefined) => (node?.range ? `${file}:${lines.linePos(node.range[0]).line}` : file);
  const fail = (node: Node | null | undefined, message: string): never => {
    throw new ConfigError(`${at(node)}: ${message}`);
  };
  const firstError = doc.errors[0];
  if (firstError) throw new ConfigError(`${file}:${firstError.linePos?.[0]?.line ?? 1}: invalid YAML: ${firstError.message.split('\n')[0]}`);

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
        config.services = stringList(value, 'services');
        break;
      case 'service-docs':
        config.serviceDocs = stringList(value, 'service-docs');
        break;
      case 'ignore':
        config.ignore = stringList(value, 'ignore');
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
      case 'hosts':
        config.hosts = parseHosts(value, fail, stringList);
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
          if (!isRuleId(id)) {
            fail(item.key, `\`${id}\` is not a portwarden rule; expected one of ${allRules.map((r) => r.id).join(', ')}, an input problem such as \`input/invalid-port\`, or \`input/*\`.`);
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

function parseHosts(
  value: Node | null,
  fail: (node: Node | null | undefined, message: string) => never,
  stringList: (node: Node | null | undefined, key: string) => string[],
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
      } else if (key === 'aliases' || key === 'addresses' || key === 'files') {
        host[key] = stringList(node, `hosts[].${key}`);
      } else {
        fail(pair.key as Node, `unknown key \`hosts[].${key}\`; expected one of ${HOST_KEYS.join(', ')}.`);
      }
    }
    if (!host.name) fail(item as Node, 'each entry of `hosts` needs a `name:`.');
    return host;
  });
}
