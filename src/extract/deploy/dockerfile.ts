/**
 * Dockerfiles (`Dockerfile`, `*.Dockerfile`, `Dockerfile.*`): `EXPOSE 3025[/tcp]`,
 * `ENV PORT=3025` / `ENV PORT 3025`, `ENV ASPNETCORE_HTTP_PORTS=7070` (.NET's Kestrel), `HEALTHCHECK ... CMD curl http://localhost:3025/health`
 * (a reference inside the container), and `--port`/`PORT=` in `CMD`/`ENTRYPOINT`, exec or
 * shell form. Everything here is inside the container: `network: 'container'`. `${VAR}` is
 * resolved from earlier `ARG`/`ENV` of the same stage, pointing at the digits where it was set.
 */
import type { Extractor, SourceFile } from '../extractor.js';
import type { ServiceIndex } from '../../core/services.js';
import type { Mapped } from '../../core/mapped.js';
import { slice, trim } from '../../core/mapped.js';
import { DeployOutput } from './output.js';
import { dockerInstructions, type Instruction } from './dockerfile-instructions.js';
import { budgeted, interpolate } from './interpolate.js';
import { shellCommands } from './shell-words.js';
import { commandPorts } from './command-ports.js';
import { nestedCommands, scanShell } from './shell-scan.js';
import { items, parseJson, stringOf } from './json.js';
import { findUrls } from './urls.js';
import { readPortList } from './port-list.js';
import { readEnvAddresses } from './env-addresses.js';
import { LOOPBACK } from '../../core/hosts.js';

/** True for the Dockerfile names Docker tooling uses. */
function isDockerfile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return /^(Dockerfile|dockerfile)(\..+)?$/.test(name) || /\.(Dockerfile|dockerfile)$/.test(name);
}

/** The owning service, else a known service named by the file (`mana-media.Dockerfile`) or its directory. */
function dockerService(file: SourceFile, services: ServiceIndex): string | undefined {
  if (file.service) return file.service;
  const parts = file.path.split('/');
  const name = parts.pop() ?? '';
  const candidates = [...name.split('.').filter((p) => !/^dockerfile$/i.test(p)), parts[parts.length - 1] ?? ''];
  const known = candidates.find((c) => c && services.has(c));
  return known ? services.canonical(known) : undefined;
}

/** Reads ports from Dockerfiles. */
export const dockerfileExtractor: Extractor = {
  id: 'dockerfile',
  accepts: isDockerfile,
  prefilter: (text) => /expose|port|:\/\//i.test(text),
  extract(file, ctx) {
    const out = new DeployOutput(file, 'dockerfile', { runtime: 'image' });
    const service = dockerService(file, ctx.services);
    let vars = new Map<string, Mapped>();
    // ARGs before the first FROM are global: a stage sees one only through `ARG NAME` (no value).
    const globals = new Map<string, Mapped>();
    let inStage = false;
    // One expansion budget for the whole file: a value referred to on thousands of lines stops resolving past it.
    const lookup = budgeted((name: string) => vars.get(name));
    // Per stage: its name, its base, and where its statements start in the output.
    const stages: { name?: string; base: string; bindings: number; references: number }[] = [];
    for (const ins of dockerInstructions(file.text)) {
      const what = `Dockerfile ${ins.keyword}`;
      switch (ins.keyword) {
        case 'FROM': {
          const words = ins.args.value.split(/\s+/).filter((w) => w !== '' && !w.startsWith('--'));
          const as = words.findIndex((w) => w.toLowerCase() === 'as');
          stages.push({ base: (words[0] ?? '').toLowerCase(), ...(as > 0 && words[as + 1] ? { name: words[as + 1]!.toLowerCase() } : {}), bindings: out.extraction.bindings.length, references: out.extraction.references.length });
        }
          if (!inStage) for (const [name, value] of vars) globals.set(name, value);
          inStage = true;
          vars = new Map(); // Each stage starts with its own ARG/ENV scope.
          break;
        case 'ARG':
        case 'ENV':
          // `ARG PORT` (no value) inside a stage brings in the global default, as Docker does.
          if (ins.keyword === 'ARG') for (const word of ins.args.value.split(/\s+/)) if (/^[A-Za-z_]\w*$/.test(word) && globals.has(word)) vars.set(word, globals.get(word)!);
          for (const [name, value] of assignments(ins, lookup)) {
            if (ins.keyword === 'ENV' && name === 'PORT' && value.value !== '') {
              const hit = out.port(value, 0, value.value.length, 'Dockerfile ENV PORT');
              if (hit) out.bind(service, hit, { via: 'ENV PORT', network: 'container' });
            } else if (ins.keyword === 'ENV' && /^(ASPNETCORE|DOTNET)_HTTPS?_PORTS$/.test(name)) {
              // `ENV ASPNETCORE_HTTP_PORTS=7070` (or `8080;8081`): the ports Kestrel binds on every address.
              for (const token of value.value.matchAll(/[^;,\s]+/g)) {
                const hit = out.port(value, token.index, token.index + token[0].length, `Dockerfile ENV ${name}`);
                if (hit) out.bind(service, hit, { via: `ENV ${name}`, network: 'container' });
              }
            } else if (ins.keyword === 'ENV') {
              // `ENV GUNICORN_BIND=0.0.0.0:8000`, `ENV KAFKA_LISTENERS=...`: the image's own listen addresses.
              readEnvAddresses(name, { value, unresolved: [] }, out, { service, network: 'container', what: 'Dockerfile ENV', references: false });
            }
            vars.set(name, value);
          }
          break;
        case 'EXPOSE':
          for (const hit of readPortList(interpolate(ins.args, lookup).value, out, what)) out.bind(service, hit, { via: 'EXPOSE', network: 'container', exposure: 'EXPOSE' });
          break;
        case 'HEALTHCHECK': {
          const args = interpolate(ins.args, lookup).value;
          for (const url of findUrls(args)) {
            const hit = out.port(args, url.portStart, url.portEnd, 'Dockerfile HEALTHCHECK URL');
            // Inside the container, `localhost` is the image's own service: a self-reference.
            const self = LOOPBACK.has(url.target);
            if (hit) out.reference({ target: url.target, port: hit.port, kind: 'healthcheck', fromService: service, containerNetwork: true, ...(self ? { self } : {}) }, hit);
          }
          break;
        }
        case 'CMD':
        case 'ENTRYPOINT':
          command(ins, out, { service, services: ctx.services, vars });
          break;
      }
    }
    return finalImage(out.extraction, stages);
  },
};

/**
 * Only the last stage and the stages it is built `FROM` make the image: a build stage's
 * `ENV PORT` or `EXPOSE` (a Node builder before an nginx stage) says nothing about it.
 */
function finalImage<T extends { bindings: unknown[]; references: unknown[] }>(extraction: T, stages: { name?: string; base: string; bindings: number; references: number }[]): T {
  if (stages.length < 2) return extraction;
  const chain = new Set<number>();
  for (let i: number | undefined = stages.length - 1; i !== undefined && !chain.has(i); ) {
    chain.add(i);
    const base: string = stages[i]!.base;
    const j = stages.findIndex((st, k) => k < i! && (st.name === base || String(k) === base));
    i = j >= 0 ? j : undefined;
  }
  const keep = <X>(items: X[], start: (st: (typeof stages)[number]) => number) =>
    items.filter((_, n) => {
      const stage = stages.findLastIndex((st) => start(st) <= n);
      return stage < 0 || chain.has(stage);
    });
  extraction.bindings = keep(extraction.bindings, (st) => st.bindings);
  extraction.references = keep(extraction.references, (st) => st.references);
  return extraction;
}

/** `ARG A=1 B`, `ENV A=1 B="two"` and the legacy `ENV A value with spaces`. */
function assignments(ins: Instruction, lookup: (name: string) => Mapped | undefined): [string, Mapped][] {
  const args = trim(ins.args);
  const legacy = /^([A-Za-z_][A-Za-z0-9_]*)\s+(?!\S*=)/.exec(args.value);
  if (ins.keyword === 'ENV' && legacy && !args.value.slice(0, legacy[0].length).includes('=')) {
    return [[legacy[1] as string, interpolate(trim(slice(args, legacy[0].length)), lookup).value]];
  }
  const pairs: [string, Mapped][] = [];
  for (const cmd of shellCommands(args, lookup))
    for (const word of cmd.words) {
      const eq = word.value.value.indexOf('=');
      if (eq > 0) pairs.push([word.value.value.slice(0, eq), slice(word.value, eq + 1)]);
    }
  return pairs;
}

/** `CMD`/`ENTRYPOINT`: the exec form is a JSON array of words; anything else is shell. */
function command(ins: Instruction, out: DeployOutput, o: { service?: string; services: ServiceIndex; vars: Map<string, Mapped> }): void {
  const options = { service: o.service, services: o.services, network: 'container' as const, what: `Dockerfile ${ins.keyword}`, vars: o.vars };
  const args = trim(ins.args);
  if (args.value.startsWith('[')) {
    let node;
    try {
      node = parseJson(args);
    } catch {
      node = undefined; // Docker runs an unparsable array through the shell; so do we.
    }
    if (node?.type === 'array') {
      const words = items(node).flatMap((n) => stringOf(args, n) ?? []);
      // The exec form expands no variables: `$PORT` there is literal text, not a port.
      const literal = words.map((value) => ({ value: interpolate(value, () => undefined).value, quoted: true, unresolved: [] }));
      for (const p of commandPorts({ words: literal }).ports) {
        const hit = out.port(p.value, p.a, p.b, `${options.what} (${p.via})`);
        if (hit) out.bind(o.service, hit, { via: p.via, network: 'container' });
      }
      // `["sh", "-c", "serve --port 3002"]`: the shell reads the string (with variables).
      for (const inner of nestedCommands(words.map((value) => ({ value, quoted: true, unresolved: [] })))) scanShell(inner, out, options);
      return;
    }
  }
  scanShell(args, out, options);
}
