/**
 * Shell scripts (`*.sh`, and shebang scripts under `scripts/` or `bin/`): `export
 * PORT=${PORT:-3024}`, `PORT=3024 node server.js`, `--port 3026`, `--port=3026`.
 * Host: the one the path names (`scripts/mac-mini/...`), else the developer's machine.
 */
import type { Extractor } from '../extractor.js';
import { identity } from '../../core/mapped.js';
import { DeployOutput } from './output.js';
import { scanShell } from './shell-scan.js';

const SHELL_EXT = /\.(sh|bash|zsh)$/;
const SHEBANG = /^#!\s*(\/usr\/bin\/env\s+)?(\/[\w/]*\/)?(ba|z|da|k)?sh\b/;

/** Reads ports from shell scripts. */
export const shellExtractor: Extractor = {
  id: 'shell',
  accepts(path) {
    if (SHELL_EXT.test(path)) return true;
    // An extension-less name under scripts/ or bin/: a path with neither directory is none.
    if (!path.includes('scripts/') && !path.includes('bin/')) return false;
    const segments = path.split('/');
    const name = segments[segments.length - 1] ?? '';
    return !name.includes('.') && segments.slice(0, -1).some((s) => s === 'scripts' || s === 'bin');
  },
  prefilter: (text) => /port/i.test(text),
  extract(file, ctx) {
    const out = new DeployOutput(file, 'shell', { runtime: 'process' });
    // Extension-less files under scripts/ or bin/ are scripts only when they say so.
    if (!SHELL_EXT.test(file.path) && !SHEBANG.test(file.text)) return out.extraction;
    scanShell(identity(file.text, 0, file.text.length), out, {
      service: file.service,
      services: ctx.services,
      network: 'host',
      what: 'shell script',
    });
    return out.extraction;
  },
};
