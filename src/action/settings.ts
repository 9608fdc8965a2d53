/**
 * The Action's inputs, read once into typed settings. This is the only module that calls
 * `core.getInput`; every error names the input and the form it accepts.
 */
import * as core from '@actions/core';
import { isAbsolute, normalize } from 'node:path';
import { FAIL_LEVELS, type FailLevel } from '../baseline/verdict.js';
import { COMMENT_MODES, type CommentMode } from '../github/sticky-comment.js';

/** The reporters a run can use; `annotations` is also added automatically as the fallback. */
export const REPORTER_NAMES = ['check-run', 'review', 'comment', 'job-summary', 'annotations', 'sarif'] as const;
export type ReporterName = (typeof REPORTER_NAMES)[number];

export interface Settings {
  /** May be empty: then nothing is written through the API and the fallback channels are used. */
  token: string;
  /** Config path relative to the working directory, when given. */
  configPath?: string;
  failLevel: FailLevel;
  reporters: ReporterName[];
  commentMode: CommentMode;
  /** Relative to the working directory. */
  sarifFile: string;
  /** Relative to the workspace, normalised, never leaving it. */
  workingDirectory: string;
  /** The extraction cache file (absolute, or relative to the working directory), when given. */
  cacheFile?: string;
}

/** An input that does not have an accepted form. */
export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

/** Reads an input by name; `core.getInput` in the Action, a map in tests. */
export type InputReader = (name: string) => string;

const defaultReader: InputReader = (name) => core.getInput(name);

/** Registers a value the runner must mask in every log line; `core.setSecret` in the Action. */
export type SecretRegistrar = (value: string) => void;

/**
 * The forms in which the token can appear: as given, and as `actions/checkout` persists it in
 * `.git/config` (`extraheader = AUTHORIZATION: basic <base64 of x-access-token:TOKEN>`), a
 * file a hostile pull request can try to get read.
 */
export function tokenSecrets(token: string): string[] {
  if (token === '') return [];
  return [token, Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64')];
}

/**
 * Reads and validates every input. Throws {@link SettingsError} naming the first bad input.
 * The token is registered as a secret (see {@link tokenSecrets}) before anything else runs.
 */
export function readSettings(read: InputReader = defaultReader, registerSecret: SecretRegistrar = (value) => core.setSecret(value)): Settings {
  const token = read('token').trim();
  for (const secret of tokenSecrets(token)) registerSecret(secret);
  const input = (name: string, fallback: string) => {
    const value = read(name).trim();
    return value === '' ? fallback : value;
  };
  const failLevel = oneOf('fail-level', input('fail-level', 'error').toLowerCase(), FAIL_LEVELS);
  const commentMode = oneOf('comment', input('comment', 'on-findings').toLowerCase(), COMMENT_MODES);
  const reporters = readReporters(input('reporters', 'check-run,review,comment,job-summary'));
  const config = read('config').trim();
  // Usually under $RUNNER_TEMP, outside the workspace: any path is accepted (the file is checked when read).
  const cacheFile = read('cache-file').trim();
  return {
    token,
    ...(config === '' ? {} : { configPath: relativePath('config', config) }),
    failLevel,
    reporters,
    commentMode,
    sarifFile: relativePath('sarif-file', input('sarif-file', 'portwarden.sarif')),
    workingDirectory: relativePath('working-directory', input('working-directory', '.')),
    ...(cacheFile === '' ? {} : { cacheFile }),
  };
}

function oneOf<T extends string>(name: string, value: string, accepted: readonly T[]): T {
  if ((accepted as readonly string[]).includes(value)) return value as T;
  throw new SettingsError(`Input \`${name}\` is \`${value}\`; expected one of ${accepted.join(', ')}.`);
}

/** A comma (or newline) separated list; duplicates are dropped, order is kept. */
function readReporters(raw: string): ReporterName[] {
  const names = raw.split(/[,\n]/).map((s) => s.trim().toLowerCase()).filter((s) => s !== '');
  const out: ReporterName[] = [];
  for (const name of names) {
    const reporter = oneOf('reporters', name, REPORTER_NAMES);
    if (!out.includes(reporter)) out.push(reporter);
  }
  return out;
}

/** A path inside the workspace: relative, and not climbing out of it with `..`. */
function relativePath(name: string, raw: string): string {
  const path = normalize(raw).replace(/\\/g, '/').replace(/\/$/, '');
  if (isAbsolute(raw) || path === '..' || path.startsWith('../')) {
    throw new SettingsError(`Input \`${name}\` is \`${raw}\`; expected a path relative to the workspace that stays inside it.`);
  }
  return path === '' ? '.' : path;
}
