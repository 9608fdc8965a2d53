/**
 * Checks the config's globs before anything is walked: each one short enough to compile
 * (picomatch throws past 65,536 characters, and long patterns cost time on every path), each
 * one compilable, and no `ignore` pattern that skips the whole repository by accident.
 */
import picomatch from 'picomatch';

/** Longest glob accepted, in characters. Real patterns are a few dozen; this leaves room. */
export const MAX_GLOB_LENGTH = 4096;

/**
 * Paths of an ordinary repository, one per kind of place. An `ignore` pattern that matches
 * all of them would skip every file below the top directory (`**`, `**` + `/*`, `*` + `/**`,
 * a lone negation such as `!legacy/**`): a slip, not a choice, so it is refused.
 */
const IGNORE_PROBES = ['docs/PORT_SCHEMA.md', 'services/portwarden-probe/src/config.ts', 'deploy/mac-mini/docker-compose.yml', 'x/Dockerfile', '.github/probe.yml', 'a/b/c/d/e.f'];

/** Why `glob` cannot be used under `key`, or undefined when it can. */
export function globProblem(key: string, glob: string): string | undefined {
  if (glob.length > MAX_GLOB_LENGTH) {
    return `the \`${key}\` glob is ${glob.length} characters long; expected at most ${MAX_GLOB_LENGTH}.`;
  }
  let matches: (path: string) => boolean;
  try {
    matches = picomatch(glob, { dot: true });
  } catch (error) {
    return `the \`${key}\` glob \`${glob}\` cannot be compiled (${(error as Error).message}); expected a glob such as \`legacy/**\`.`;
  }
  if (key === 'ignore' && IGNORE_PROBES.every((p) => matches(p))) {
    return `the \`ignore\` glob \`${glob}\` matches every path (for example \`${IGNORE_PROBES[0]}\`), so nothing would be checked; expected a pattern for the files to skip, such as \`legacy/**\`.`;
  }
  return undefined;
}
