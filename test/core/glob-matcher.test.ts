import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { BUILTIN_IGNORES, defaultConfig } from '../../src/config/defaults.js';
import { globMatcher, requiredLiteral } from '../../src/core/glob-matcher.js';

/** Every path under `dir` (files and directories), relative, `/`-separated. */
function pathsUnder(dir: string): string[] {
  const out: string[] = [];
  const visit = (abs: string) => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const child = join(abs, entry.name);
      out.push(relative(dir, child).split('\\').join('/'));
      if (entry.isDirectory()) visit(child);
    }
  };
  visit(dir);
  return out;
}

const picomatchSays = (globs: string[]) => picomatch(globs, { dot: true });

describe('globMatcher', () => {
  it('answers as picomatch for the built-in ignores and default service globs on every path of the example and the fixtures', () => {
    const paths = [...pathsUnder('examples'), ...pathsUnder('test/fixtures')];
    // The probes the walk uses to decide that a directory is ignored whole.
    const probes = paths.flatMap((p) => [`${p}/portwarden-probe`, `${p}/.portwarden-probe.d/p.q`, `${p}/Portwarden Probe/x/y.z`]);
    const names = ['node_modules/x', 'a/vendor', 'a.generated.ts', 'x/y.gen.z', 'CHANGELOG', 'docs/HISTORY.md', 'go.sum', 'a/go.sum.bak', '.git', 'b/.next/c', 'devlogs', 'DEVLOG-1.md'];
    const config = defaultConfig();
    for (const globs of [BUILTIN_IGNORES, config.services, config.serviceDocs, ['legacy/**', './old/**', '!keep/**', '**/*.{js,ts}', 'a?c/**']]) {
      const fast = globMatcher(globs);
      const slow = picomatchSays(globs);
      const differ = [...paths, ...probes, ...names].filter((p) => fast(p) !== Boolean(slow(p)));
      expect(differ, `globs ${globs.join(' ')}`).toEqual([]);
    }
    expect(paths.length).toBeGreaterThan(100);
  });

  it('gives a glob with three stars in a row no literal test: picomatch leaves the rest of its segment unescaped', () => {
    // `***a.` compiles to `[^/]*?a.`: it matches `ab`, which holds no `a.`.
    expect(picomatch('***a.', { dot: true })('ab')).toBe(true);
    expect(globMatcher(['***a.'])('ab')).toBe(true);
    expect(requiredLiteral('***a.')).toBe('');
  });

  it('answers as picomatch for generated globs and paths', () => {
    const glob = fc.array(fc.constantFrom('a', 'b', 'ab', '.', '-', '/', '*', '**', '**/', '/**', './', '?', '[ab]', '{a,b}', '!'), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));
    const path = fc.array(fc.constantFrom('a', 'b', 'ab', 'ba', '.', '..', '.a', 'a.b', '-'), { minLength: 1, maxLength: 5 }).map((segments) => segments.join('/'));
    fc.assert(
      fc.property(fc.array(glob, { minLength: 1, maxLength: 3 }), fc.array(path, { minLength: 1, maxLength: 20 }), (globs, paths) => {
        let slow: (p: string) => unknown;
        try {
          slow = picomatchSays(globs);
        } catch {
          return; // picomatch refuses the glob; the config check reports it before any walk
        }
        const fast = globMatcher(globs);
        for (const p of paths) expect(fast(p), `${globs.join(' ')} on ${p}`).toBe(Boolean(slow(p)));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('requiredLiteral', () => {
  it('takes the longest name of a glob made of names, stars and slashes', () => {
    expect(requiredLiteral('**/node_modules/**')).toBe('node_modules');
    expect(requiredLiteral('**/*.generated.*')).toBe('.generated.');
    expect(requiredLiteral('services/*/CLAUDE.md')).toBe('CLAUDE.md');
    expect(requiredLiteral('**/CHANGELOG*')).toBe('CHANGELOG');
  });

  it('takes nothing a match may lack: `.` segments, negations, braces, classes, escapes', () => {
    expect(requiredLiteral('./foo/**')).toBe('foo');
    expect(requiredLiteral('./*')).toBe('');
    expect(requiredLiteral('!legacy/**')).toBe('');
    expect(requiredLiteral('**/*.{js,ts}')).toBe('');
    expect(requiredLiteral('[ab]c/**')).toBe('');
    expect(requiredLiteral('a\\*b')).toBe('');
    expect(requiredLiteral('**/@(x|y)')).toBe('');
  });
});
