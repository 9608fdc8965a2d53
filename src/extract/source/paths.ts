/**
 * Which source files are read, and with which grammar. Tests, mocks and declaration files
 * state no defaults of a running service (a test's `listen(4000)` is not the service's port),
 * so they are not read (`isTestPath`, collect/paths.ts).
 */
import type { ServiceIndex } from '../../core/services.js';
import { CONTAINER_FOLDERS } from '../../collect/paths.js';
import type { Grammar } from './tree-sitter.js';

/** True for an env generator script: `scripts/generate-env.mjs`, any `*generate-env*.{js,mjs,cjs,ts,mts}`. */
export function isEnvGenerator(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return /generate-env/.test(base) && /\.(m|c)?[jt]s$/.test(base);
}

/** The grammar of a TypeScript/JavaScript file, or undefined (also for `.d.ts` and minified files). */
export function scriptGrammar(path: string): Grammar | undefined {
  if (/\.d\.[cm]?ts$|\.min\.[cm]?js$/.test(path)) return undefined;
  if (/\.tsx$/.test(path)) return 'tsx';
  if (/\.[cm]?ts$/.test(path)) return 'typescript';
  if (/\.([cm]?js|jsx)$/.test(path)) return 'javascript';
  return undefined;
}

/**
 * The known service a path names outside `services/<name>/`, for runner scripts such as
 * `scripts/windows/run_mana_stt.py`: the longest service name whose words appear, in order
 * and adjacent, among the words of the file's name (`-`, `_`, `.` separate words), or that a
 * folder on the path is named exactly. A container folder (`src/`, `api/`, `internal/`) names
 * no service: a file under `api/` is not the `api` service's for that alone.
 */
export function serviceNamedByPath(path: string, services: ServiceIndex): string | undefined {
  const segments = path.toLowerCase().split('/');
  const words = (segments.pop() ?? '').split(/[-_.]+/).filter(Boolean);
  const folders = new Set(segments.filter((s) => s !== '' && !CONTAINER_FOLDERS.has(s)));
  let best: string | undefined;
  let bestLength = 0;
  for (const name of services.list()) {
    const parts = name.toLowerCase().split(/[-_.]+/).filter(Boolean);
    if (parts.length === 0 || parts.join('').length <= bestLength) continue;
    const found = folders.has(name.toLowerCase()) || words.some((_, i) => parts.every((p, j) => words[i + j] === p));
    if (found) {
      best = name;
      bestLength = parts.join('').length;
    }
  }
  return best;
}
