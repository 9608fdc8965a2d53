/** The defaults fit the seed's layout, so such a repository needs no config file. */
import type { Config } from './types.js';

/** Where the config is looked for when `--config` / the `config` input is not given. */
export const DEFAULT_CONFIG_PATHS = ['.github/portwarden.yml', '.github/portwarden.yaml'];

/**
 * Paths never read: lock files, vendored and generated code, dependency folders, and
 * changelogs/devlogs that quote history. User `ignore` globs add to these.
 */
export const BUILTIN_IGNORES = [
  '**/.git/**',
  '**/node_modules/**',
  '**/vendor/**',
  '**/third_party/**',
  '**/.venv/**',
  '**/venv/**',
  '**/__pycache__/**',
  '**/dist/**',
  '**/build/**',
  '**/.next/**',
  '**/.svelte-kit/**',
  '**/coverage/**',
  '**/generated/**',
  '**/*.generated.*',
  '**/*.gen.*',
  '**/*.pb.go',
  '**/*_pb2.py',
  '**/*.min.js',
  '**/package-lock.json',
  '**/npm-shrinkwrap.json',
  '**/pnpm-lock.yaml',
  '**/yarn.lock',
  '**/bun.lock',
  '**/bun.lockb',
  '**/go.sum',
  '**/Cargo.lock',
  '**/poetry.lock',
  '**/uv.lock',
  '**/Pipfile.lock',
  '**/CHANGELOG*',
  '**/HISTORY*',
  '**/devlog/**',
  '**/devlogs/**',
  '**/DEVLOG*',
];

/** 1 MiB: larger files are skipped with an `input/file-too-large` finding. */
export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

/** The config file itself is read up to this size (1 MiB); a real one is a few hundred bytes. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export function defaultConfig(): Config {
  return {
    registry: 'docs/PORT_SCHEMA.md',
    services: ['services/*', 'apps/*/*'],
    serviceDocs: ['services/*/CLAUDE.md', 'apps/*/*/CLAUDE.md'],
    ignore: [],
    hosts: [],
    composeProjects: [],
    aliases: {},
    rules: {},
    maxFileBytes: DEFAULT_MAX_FILE_BYTES,
    allowNewSuppressionsOnPrTarget: false,
    assignPort: { deny: [], unique: 'across-hosts' },
  };
}
