/**
 * What a path says about its file before anything is read: whether it is test code, and
 * which folder names hold code rather than name a service. Discovery and the source
 * extractors both ask.
 */

const TEST_DIR = /(^|\/)(__tests__|__mocks__|tests?|e2e|fixtures|testdata)\//;
const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$|_test\.go$|(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py$/;

/** True for test code: `*.test.ts`, `*_test.go`, `test_*.py`, anything under `test/`, `__tests__/`, … */
export function isTestPath(path: string): boolean {
  return TEST_DIR.test(path) || TEST_FILE.test(path);
}

/** Folders that hold code or services rather than name one (`src`, `app`, `api`, `internal`, …). */
export const CONTAINER_FOLDERS: ReadonlySet<string> = new Set(['src', 'source', 'app', 'apps', 'api', 'server', 'services', 'packages', 'cmd', 'internal', 'lib', 'libs', 'pkg']);
