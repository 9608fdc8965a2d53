/**
 * Ports in one simple command: `PORT=3030 node server.js`, `export PORT=${PORT:-3024}`,
 * `vite --port 5010`, `uvicorn app:app --port=3025`, and `next dev -p 3000` (the short flag
 * only for tools where `-p` means the port: elsewhere it is `docker -p`, `mkdir -p`...).
 */
import type { Command, Word } from './shell-words.js';
import type { Mapped } from '../../core/mapped.js';
import { slice } from '../../core/mapped.js';

/** A port argument: characters `[a, b)` of `value`. */
export interface PortArg {
  value: Mapped;
  a: number;
  b: number;
  via: string;
}

/** A `NAME=value` assignment (command prefix, `export`, `env`, `cross-env`). */
export interface Assignment {
  name: string;
  value: Mapped;
}

/** What one command says. */
export interface CommandPorts {
  ports: PortArg[];
  assignments: Assignment[];
  /** Every word of the command, for callers looking for paths like `services/<name>/`. */
  words: Word[];
}

const ASSIGN = /^([A-Za-z_][A-Za-z0-9_]*)=/;
/** Builtins whose operands are assignments. */
const DECLARE = new Set(['export', 'local', 'readonly', 'declare', 'typeset']);
/** Commands that set variables for the command they run. */
const ENV_RUNNERS = new Set(['env', 'cross-env', 'cross-env-shell']);
/** Reserved words that precede a command (`then PORT=3000 node x`): assignments may follow them. */
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '{', '!', 'time']);
/** Tools whose `-p` is the listening port. */
const SHORT_P = new Set(['next', 'nuxt', 'nuxi', 'http-server']);

/** The last path segment of a command word (`./node_modules/.bin/vite` -> `vite`). */
function base(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

/** Reads ports and assignments out of `command`. */
export function commandPorts(command: Command): CommandPorts {
  const out: CommandPorts = { ports: [], assignments: [], words: command.words };
  const words = command.words;
  let assigning = true;
  let shortP = false;
  for (let i = 0; i < words.length; i++) {
    const w = (words[i] as Word).value;
    const text = w.value;
    const assign = ASSIGN.exec(text);
    if (assigning && assign) {
      const name = assign[1] as string;
      const value = slice(w, assign[0].length);
      out.assignments.push({ name, value });
      if (name === 'PORT') out.ports.push({ value: w, a: assign[0].length, b: text.length, via: 'PORT=' });
      continue;
    }
    const cmd = base(text);
    if (DECLARE.has(cmd) || ENV_RUNNERS.has(cmd) || (assigning && RESERVED.has(text))) {
      assigning = true;
      continue;
    }
    if (text.startsWith('-') && DECLARE.has(base((words[i - 1] as Word | undefined)?.value.value ?? ''))) continue;
    assigning = false;
    if (SHORT_P.has(cmd)) shortP = true;
    const next = words[i + 1]?.value;
    if (text === '--port' && next) {
      out.ports.push({ value: next, a: 0, b: next.value.length, via: '--port' });
      i++;
    } else if (text.startsWith('--port=')) {
      out.ports.push({ value: w, a: 7, b: text.length, via: '--port' });
    } else if (text === '-p' && shortP && next) {
      out.ports.push({ value: next, a: 0, b: next.value.length, via: '-p' });
      i++;
    }
  }
  return out;
}
