/**
 * TypeScript noise: utility modules of realistic length that state no port, so the
 * benchmark pays for parsing ordinary code, not only the files that matter.
 */

/** Utility modules, `(service, n) => [path, text]`; `n` varies the literals per service. */
export const tsModules = [
  (svc, n) => [`src/logger.ts`, `/**
 * Structured logging for ${svc}: one JSON object per line, so the log shipper needs no parser.
 */
export type Level = 'debug' | 'info' | 'warn' | 'error';

const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LogRecord {
  level: Level;
  msg: string;
  time: string;
  service: string;
  [key: string]: unknown;
}

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

/** Creates a logger that drops records below \`minLevel\`. */
export function createLogger(minLevel: Level = 'info', base: Record<string, unknown> = {}): Logger {
  const write = (level: Level, msg: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[level] < ORDER[minLevel]) return;
    const record: LogRecord = { level, msg, time: new Date().toISOString(), service: '${svc}', ...base, ...fields };
    const line = JSON.stringify(record, replacer);
    if (level === 'error') process.stderr.write(line + '\\n');
    else process.stdout.write(line + '\\n');
  };
  return {
    debug: (msg, fields) => write('debug', msg, fields),
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
    child: (fields) => createLogger(minLevel, { ...base, ...fields }),
  };
}

/** Errors serialise with their stack; bigints as strings (JSON.stringify throws on them). */
function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/** Truncates long strings so one noisy request cannot fill the disk (limit ${n * 64 + 1024} chars). */
export function clip(text: string, limit = ${n * 64 + 1024}): string {
  return text.length <= limit ? text : text.slice(0, limit) + \`… (\${text.length - limit} more)\`;
}
`],
  (svc, n) => [`src/retry.ts`, `/**
 * Retries with exponential back-off and jitter, for calls to other services from ${svc}.
 */
export interface RetryOptions {
  /** Attempts in total, the first included. */
  attempts?: number;
  /** Delay before the second attempt, in milliseconds. */
  baseDelayMs?: number;
  /** Upper bound of any single delay. */
  maxDelayMs?: number;
  /** Whether an error is worth another attempt. */
  retryable?: (error: unknown) => boolean;
  signal?: AbortSignal;
}

const DEFAULTS = { attempts: ${3 + (n % 3)}, baseDelayMs: ${100 + n * 10}, maxDelayMs: ${5000 + n * 100} };

export class RetryError extends Error {
  constructor(readonly attempts: number, readonly last: unknown) {
    super(\`gave up after \${attempts} attempts: \${String(last)}\`);
    this.name = 'RetryError';
  }
}

/** Runs \`fn\` until it resolves, an error is not retryable, or the attempts run out. */
export async function retry<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { attempts, baseDelayMs, maxDelayMs } = { ...DEFAULTS, ...options };
  const retryable = options.retryable ?? (() => true);
  let last: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    options.signal?.throwIfAborted();
    try {
      return await fn(attempt);
    } catch (error) {
      last = error;
      if (attempt === attempts || !retryable(error)) break;
      const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
      await sleep(delay / 2 + Math.random() * (delay / 2), options.signal);
    }
  }
  throw new RetryError(attempts, last);
}

/** A promise that resolves after \`ms\`, or rejects when \`signal\` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}

/** HTTP statuses worth retrying: rate limits and the server's own trouble. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501);
}
`],
  (svc, n) => [`src/format.ts`, `/**
 * Formatting helpers shared by ${svc}'s handlers and its admin pages.
 */
const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** \`1536\` → \`1.5 KiB\`. */
export function formatBytes(bytes: number, digits = 1): string {
  if (!Number.isFinite(bytes) || bytes < 0) throw new RangeError(\`not a size: \${bytes}\`);
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return \`\${unit === 0 ? value : value.toFixed(digits)} \${UNITS[unit]}\`;
}

/** \`93784\` ms → \`1m 33s\`; sub-second values keep their milliseconds. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return \`\${Math.round(ms)}ms\`;
  const s = Math.floor(ms / 1000);
  const parts: string[] = [];
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h) parts.push(\`\${h}h\`);
  if (m) parts.push(\`\${m}m\`);
  if (s % 60 || parts.length === 0) parts.push(\`\${s % 60}s\`);
  return parts.join(' ');
}

/** Groups thousands the way the dashboards do (\`${n}2345\` → \`${n}2,345\`). */
export function formatCount(value: number): string {
  return new Intl.NumberFormat('en-US').format(value);
}

/** A slug for URLs: lower case, ASCII, hyphens. */
export function slugify(text: string, max = ${40 + n}): string {
  return text
    .normalize('NFKD')
    .replace(/[\\u0300-\\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max);
}

/** Pluralises a count: \`plural(1, 'file')\` → \`1 file\`, \`plural(2, 'file')\` → \`2 files\`. */
export function plural(count: number, noun: string, many = noun + 's'): string {
  return \`\${formatCount(count)} \${count === 1 ? noun : many}\`;
}
`],
  (svc, n) => [`src/cache.ts`, `/**
 * A small LRU cache with time-to-live, for ${svc}'s lookups of rarely changing records.
 */
interface Entry<V> {
  value: V;
  expires: number;
}

export class LruCache<K, V> {
  private readonly entries = new Map<K, Entry<V>>();
  hits = 0;
  misses = 0;

  constructor(
    private readonly capacity = ${500 + n * 20},
    private readonly ttlMs = ${60_000 + n * 1000},
    private readonly now: () => number = Date.now,
  ) {
    if (capacity < 1) throw new RangeError('capacity must be at least 1');
  }

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.expires <= this.now()) {
      if (entry) this.entries.delete(key);
      this.misses++;
      return undefined;
    }
    // Re-insert so the Map's order stays least-recently-used first.
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.hits++;
    return entry.value;
  }

  set(key: K, value: V, ttlMs = this.ttlMs): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expires: this.now() + ttlMs });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as K;
      this.entries.delete(oldest);
    }
  }

  async getOrLoad(key: K, load: (key: K) => Promise<V>): Promise<V> {
    const cached = this.get(key);
    if (cached !== undefined) return cached;
    const value = await load(key);
    this.set(key, value);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}
`],
];

/** A unit test of the format helpers, as most services have one. */
export function tsTest(svc) {
  return [`test/format.test.ts`, `import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, plural, slugify } from '../src/format.js';

describe('${svc} format helpers', () => {
  it('formats sizes with binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(5 * 1024 ** 3)).toBe('5.0 GiB');
  });

  it('rejects negative sizes', () => {
    expect(() => formatBytes(-1)).toThrow(RangeError);
  });

  it('formats durations from milliseconds', () => {
    expect(formatDuration(250)).toBe('250ms');
    expect(formatDuration(93_784)).toBe('1m 33s');
    expect(formatDuration(3_600_000)).toBe('1h');
  });

  it('slugifies titles', () => {
    expect(slugify('Café Menu 2024!')).toBe('cafe-menu-2024');
  });

  it('pluralises counts', () => {
    expect(plural(1, 'file')).toBe('1 file');
    expect(plural(1200, 'file')).toBe('1,200 files');
  });
});
`];
}
