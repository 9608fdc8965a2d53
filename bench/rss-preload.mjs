/**
 * Preloaded with `node --import` when /usr/bin/time is missing: at exit, writes the
 * process's peak resident set size (KiB, as `process.resourceUsage().maxRSS` reports it) and
 * its CPU time (user + system, µs) as JSON to the file named by BENCH_RSS_FILE, so the
 * measured program's own output stays untouched.
 */
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ maxRSS: usage.maxRSS, cpuUs: usage.userCPUTime + usage.systemCPUTime }) + '\n');
  });
}
