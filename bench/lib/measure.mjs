/**
 * Runs a command once and measures it: wall time around the spawn, and peak RSS and CPU time
 * (user + system) from GNU time (`/usr/bin/time -v -o`) when the machine has it, else from a
 * preload module that reads `process.resourceUsage()` at exit (node commands only). CPU time
 * is the steadier figure on a shared machine: other people's load stretches wall time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PRELOAD = fileURLToPath(new URL('../rss-preload.mjs', import.meta.url));

/**
 * Whether GNU time with `-v` and `-o` is usable here (BusyBox and BSD time lack them).
 * BENCH_RSS=preload forces the preload fallback, to check that it works.
 */
export const hasGnuTime = (() => {
  if (process.env.BENCH_RSS === 'preload' || !existsSync('/usr/bin/time')) return false;
  const probe = spawnSync('/usr/bin/time', ['-v', 'true'], { encoding: 'utf8' });
  return probe.status === 0 && /Maximum resident set size/.test(probe.stderr);
})();

/**
 * Runs `command args` in `cwd`; returns wall seconds, CPU seconds and peak RSS in MiB (both
 * undefined when they cannot be measured), exit status and stdout. Throws when the status is not in `okStatuses`.
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
    let cpuSeconds;
    if (how === 'time') {
      const report = readFileSync(rssFile, 'utf8');
      const kib = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
      const user = /User time \(seconds\): ([\d.]+)/.exec(report);
      const system = /System time \(seconds\): ([\d.]+)/.exec(report);
      if (kib) peakMiB = Number(kib[1]) / 1024;
      if (user && system) cpuSeconds = Number(user[1]) + Number(system[1]);
    } else if (how === 'preload' && existsSync(rssFile)) {
      const usage = JSON.parse(readFileSync(rssFile, 'utf8'));
      peakMiB = usage.maxRSS / 1024;
      cpuSeconds = usage.cpuUs / 1e6;
    }
    return { seconds, cpuSeconds, peakMiB, status: run.status, stdout: run.stdout, how };
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
