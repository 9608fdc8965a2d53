/**
 * Prints, once at the end of a run, how many tests were skipped because files under
 * `../shared` are absent, which files, and in which test files (see shared.ts). Nothing when
 * none were: a run with ../shared in place looks as before.
 */
import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

/** The tests skipped for lack of ../shared: the absent files, and the skipped tests per test file. */
export function sharedSkips(modules: readonly TestModule[]): { missing: Set<string>; files: Map<string, number> } {
  const missing = new Set<string>();
  const files = new Map<string, number>();
  for (const module of modules) {
    for (const test of module.children.allTests()) {
      const absent = test.meta().sharedMissing;
      if (absent === undefined || test.result().state !== 'skipped') continue;
      for (const path of absent) missing.add(path);
      const file = relative(process.cwd(), module.moduleId);
      files.set(file, (files.get(file) ?? 0) + 1);
    }
  }
  return { missing, files };
}

export default class SharedSkipsReporter implements Reporter {
  onTestRunEnd(modules: readonly TestModule[]): void {
    const { missing, files } = sharedSkips(modules);
    if (files.size === 0) return;
    const count = [...files.values()].reduce((a, b) => a + b, 0);
    const where = [...files].sort(([a], [b]) => a.localeCompare(b)).map(([file, n]) => `${file} (${n})`).join(', ');
    console.log(`\n${count} test${count === 1 ? '' : 's'} skipped: ${[...missing].sort().join(', ')} ${missing.size === 1 ? 'is' : 'are'} absent (a plain clone has no ../shared). Skipped in ${where}.`);
  }
}
