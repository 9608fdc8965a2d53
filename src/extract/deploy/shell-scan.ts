/**
 * Turns shell text into bindings: shared by shell scripts, package.json scripts, Dockerfile
 * shell-form commands and launchd `sh -c` arguments. Variables assigned earlier in the text
 * resolve later `$PORT`s to the digits where they were written; a command that names a
 * `services/<name>/` path of a known service (or runs after `cd services/<name>`) belongs to it.
 * No parsing happens here: the words come from ./shell-words.ts (see there why it is our own).
 */
import type { ServiceIndex } from '../../core/services.js';
import type { Mapped } from '../../core/mapped.js';
import type { DeployOutput } from './output.js';
import { commandPorts } from './command-ports.js';
import { shellCommands, type Word } from './shell-words.js';

/** How to read one piece of shell text. */
export interface ShellScanOptions {
  /** The service when no command names one. */
  service?: string;
  services: ServiceIndex;
  network: 'host' | 'container';
  /** Phrase for messages, e.g. `script`, `package.json script "dev"`. */
  what: string;
  /** Variables known before the text starts (e.g. Dockerfile `ENV`). */
  vars?: Map<string, Mapped | string>;
}

const SERVICE_PATH = /(?:^|[/\s])services\/([A-Za-z0-9._-]+)/;

/** The known service a word's path names (`services/mana-media/dist/main.js`). */
export function serviceInWords(words: Word[], services: ServiceIndex): string | undefined {
  for (const w of words) {
    const name = SERVICE_PATH.exec(w.value.value)?.[1];
    if (name && services.has(name)) return services.canonical(name);
  }
  return undefined;
}

/** Scans `m` as shell text and records its port bindings in `out`. */
export function scanShell(m: Mapped, out: DeployOutput, options: ShellScanOptions): void {
  const vars = new Map(options.vars ?? []);
  let cdService: string | undefined;
  for (const command of shellCommands(m, (name) => vars.get(name))) {
    const found = commandPorts(command);
    const named = serviceInWords(command.words, options.services);
    if (command.words[0]?.value.value === 'cd') cdService = named;
    const service = named ?? cdService ?? options.service;
    for (const p of found.ports) {
      const hit = out.port(p.value, p.a, p.b, `${options.what} (${p.via})`);
      if (hit) out.bind(service, hit, { via: p.via, network: options.network });
    }
    for (const a of found.assignments) vars.set(a.name, a.value);
    for (const inner of nestedCommands(command.words)) scanShell(inner, out, { ...options, service, vars });
  }
}

/** Runners whose quoted arguments are whole commands of their own. */
const RUNNERS = new Set(['concurrently', 'npm-run-all', 'run-p', 'run-s', 'parallelshell']);
const SHELLS = /(^|\/)(ba|da|z|k)?sh$/;

/** Command strings nested in a command: `sh -c "..."`, `concurrently "vite --port 5010" "..."`. */
export function nestedCommands(words: Word[]): Mapped[] {
  const names = words.map((w) => w.value.value.slice(w.value.value.lastIndexOf('/') + 1));
  const runner = names.findIndex((n) => RUNNERS.has(n));
  if (runner >= 0) return words.slice(runner + 1).filter((w) => w.quoted && /\s/.test(w.value.value)).map((w) => w.value);
  const dashC = names.findIndex((n, i) => n === '-c' && SHELLS.test(words[i - 1]?.value.value ?? ''));
  const script = dashC >= 0 ? words[dashC + 1] : undefined;
  return script ? [script.value] : [];
}
