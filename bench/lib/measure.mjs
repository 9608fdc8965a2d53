/**
 * Runs a command once and measures it: wall time around the spawn, and peak RSS from GNU
 * time (`/usr/bin/time -v -o`) when the machine has it, else from a preload module that
 * reads `process.resourceUsage().maxRSS` at exit (node commands only).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PRELOAD = fileURLToPath(new URL('../rss-preload.mjs', import.meta.url));

/** Whether GNU time with `-v` and `-o` is usable here (BusyBox and BSD time lack them). */
export const hasGnuTime = (() => {
  if (!existsSync('/usr/bin/time')) return false;
  const probe = spawnSync('/usr/bin/time', ['-v', 'true'], { encoding: 'utf8' });
  return probe.status === 0 && /Maximum resident set size/.test(probe.stderr);
})();

/**
 * Runs `command args` in `cwd`; returns seconds, peak RSS in MiB (undefined when it cannot
 * be measured), exit status and stdout. Throws when the status is not in `okStatuses`.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, okStatuses?: number[], rss?: boolean }} [options]
 */
export function measure(command, args, options = {}) {
  const { cwd = process.cwd(), okStatuses = [0], rss = true } = options;
  const scratch = mkdtempSync(join(tmpdir(), 'pw-bench-'));
  const rssFile = join(scratch, 'rss');
  let argv = [command, ...args];
  const env = { ...process.env };
  let how = 'none';
  if (rss && hasGnuTime) {
    argv = ['/usr/bin/time', '-v', '-o', rssFile, ...argv];
    how = 'time';
  } else if (rss && command === process.execPath) {
    argv = [command, '--import', PRELOAD, ...args];
    env.BENCH_RSS_FILE = rssFile;
    how = 'preload';
  }
  try {
    const started = performance.now();
    const run = spawnSync(argv[0], argv.slice(1), { cwd, env, encoding: 'utf8', maxBuffer: 1 << 30 });
    const seconds = (performance.now() - started) / 1000;
    if (run.error) throw run.error;
    if (!okStatuses.includes(run.status ?? -1)) {
      throw new Error(`${command} ${args.join(' ')} exited with ${run.status ?? run.signal}:\n${run.stderr.slice(-2000)}`);
    }
    let peakMiB;
    if (how === 'time') {
      const kib = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(rssFile, 'utf8'));
      if (kib) peakMiB = Number(kib[1]) / 1024;
    } else if (how === 'preload' && existsSync(rssFile)) {
      peakMiB = Number(readFileSync(rssFile, 'utf8')) / 1024;
    }
    return { seconds, peakMiB, status: run.status, stdout: run.stdout, how };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The median of a non-empty list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
