/**
 * .NET settings files: `Properties/launchSettings.json` and `appsettings*.json`.
 *
 * - launchSettings.json: each profile that runs the project (`commandName` `Project`, or none)
 *   binds every URL of its `applicationUrl` (`https://localhost:5243;http://localhost:5223`,
 *   split on `;`), and the URLs of its `environmentVariables` named `ASPNETCORE_*` or
 *   `DOTNET_*` ending in `URL`/`URLS` (`ASPNETCORE_URLS`, an Aspire dashboard's
 *   `DOTNET_DASHBOARD_OTLP_ENDPOINT_URL`): those variables configure the process's own host.
 *   `ASPNETCORE_HTTP_PORTS`/`ASPNETCORE_HTTPS_PORTS` bind each listed port. Any other URL
 *   with a port in a variable (`Identity__Url`) is a reference to what the process calls.
 *   IIS Express settings (`iisSettings`) and profiles with another `commandName` are not read:
 *   `dotnet run` does not use them.
 * - appsettings*.json: Kestrel's `Kestrel.Endpoints.<name>.Url` and a top-level `Urls`.
 *
 * These are the ports the project runs on when started from its folder: `source-default`
 * bindings (like a default in code) on the developer's machine, or on the host the config
 * places the file on. The service is the project: the service owning the file, else the
 * project folder (the folder holding `Properties/`, or the appsettings file's folder; container
 * folders such as `src/` are skipped, and a file in none names no service).
 * .NET reads these files as JSON with comments; comments are read as blanks.
 */
import type { Extractor, SourceFile } from '../extractor.js';
import { identity, type Mapped } from './mapped.js';
import { DeployOutput, type PortHit } from './output.js';
import { JsonScanError, member, parseJson, type JsonNode } from './json-scan.js';

/** A URL scheme, a host (name, address, `*`, `+`, `[v6]`) and the port digits. */
const URL_PORT = /^(?:https?):\/\/(\[[^\]]*\]|[^/:;\s]+):(\d+)(?=$|[/?#])/i;

/** Variables of the .NET host itself: `ASPNETCORE_URLS`, `DOTNET_DASHBOARD_OTLP_ENDPOINT_URL`. */
const HOST_URL_VARIABLE = /^(ASPNETCORE|DOTNET)_\w*URLS?$/i;
/** Variables listing ports the host binds on every address. */
const HOST_PORTS_VARIABLE = /^(ASPNETCORE|DOTNET)_HTTPS?_PORTS$/i;

const LAUNCH_SETTINGS = /(^|\/)Properties\/launchSettings\.json$/;
const APPSETTINGS = /(^|\/)appsettings(\.[\w-]+)?\.json$/i;

/** Reads launchSettings.json and appsettings*.json. */
export const dotnetSettingsExtractor: Extractor = {
  id: 'dotnet-settings',
  accepts: (path) => LAUNCH_SETTINGS.test(path) || APPSETTINGS.test(path),
  prefilter: (text) => /:\/\/|_PORTS/.test(text),
  extract(file) {
    const launch = LAUNCH_SETTINGS.test(file.path);
    const out = new DeployOutput(file, launch ? 'launch-settings' : 'appsettings');
    const root = readJson(file, out);
    if (!root) return out.extraction;
    const service = file.service ?? projectOf(file.path);
    if (launch) readLaunchSettings(root, out, service);
    else readAppSettings(root, out, service);
    return out.extraction;
  },
};

/** Folders that hold projects rather than name one (`src/cartservice/src/`): the name is above them. */
const CONTAINER_FOLDERS = new Set(['src', 'source', 'app', 'apps', 'api', 'server', 'services', 'packages', 'cmd', 'internal']);

/**
 * The project folder's name: the folder holding `Properties/`, or the settings file's own
 * folder, skipping container folders (`src/cartservice/src/appsettings.json` → `cartservice`).
 */
export function projectOf(path: string): string | undefined {
  const parts = path.split('/').slice(0, -1);
  if (parts.at(-1) === 'Properties') parts.pop();
  while (parts.length > 1 && CONTAINER_FOLDERS.has(parts.at(-1)!.toLowerCase())) parts.pop();
  const name = parts.at(-1);
  return name && !CONTAINER_FOLDERS.has(name.toLowerCase()) ? name : undefined;
}

/** The file as JSON, comments blanked; a file .NET could not read either is an input problem. */
function readJson(file: SourceFile, out: DeployOutput): JsonNode | undefined {
  const text = blankComments(file.text);
  try {
    return parseJson(identity(text, 0, text.length));
  } catch (error) {
    const at = error instanceof JsonScanError ? error.index : 0;
    out.problem('input/invalid-json', `Found invalid JSON in ${file.path} (${(error as Error).message}); expected a valid .NET settings file.`, at, Math.min(at + 1, text.length), file.path);
    return undefined;
  }
}

/** `//` and `/* … *\/` comments outside strings replaced by spaces, line breaks and offsets kept. */
export function blankComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n\r]/g, ' ');
      i = stop;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function readLaunchSettings(root: JsonNode, out: DeployOutput, service: string | undefined): void {
  const profiles = member(root, 'profiles');
  if (profiles?.type !== 'object') return;
  for (const { key, value: profile } of profiles.members) {
    const command = member(profile, 'commandName');
    if (command && !(command.type === 'string' && command.value.value === 'Project')) continue;
    const name = key.value;
    const url = member(profile, 'applicationUrl');
    if (url?.type === 'string') bindUrls(url.value, out, service, `launch profile "${name}" applicationUrl`);
    const env = member(profile, 'environmentVariables');
    if (env?.type !== 'object') continue;
    for (const { key: variable, value } of env.members) {
      if (value.type !== 'string') continue;
      const what = `launch profile "${name}" ${variable.value}`;
      if (HOST_URL_VARIABLE.test(variable.value)) bindUrls(value.value, out, service, what);
      else if (HOST_PORTS_VARIABLE.test(variable.value)) bindPorts(value.value, out, service, what);
      else referUrls(value.value, out, service, what);
    }
  }
}

function readAppSettings(root: JsonNode, out: DeployOutput, service: string | undefined): void {
  if (root.type !== 'object') return;
  for (const { key, value } of root.members) {
    const name = key.value.toLowerCase();
    if (name === 'urls' && value.type === 'string') bindUrls(value.value, out, service, 'Urls');
    if (name !== 'kestrel') continue;
    const endpoints = value.type === 'object' ? value.members.find((m) => m.key.value.toLowerCase() === 'endpoints')?.value : undefined;
    if (endpoints?.type !== 'object') continue;
    for (const { key: endpoint, value: settings } of endpoints.members) {
      const url = settings.type === 'object' ? settings.members.find((m) => m.key.value.toLowerCase() === 'url')?.value : undefined;
      if (url?.type === 'string') bindUrls(url.value, out, service, `Kestrel endpoint "${endpoint.value}" Url`);
    }
  }
}

/** Each `;`-separated URL of `m` with an explicit port, as `[port, start, end)` in `m`. */
function urlPorts(m: Mapped): { a: number; b: number }[] {
  const found: { a: number; b: number }[] = [];
  let offset = 0;
  for (const part of m.value.split(';')) {
    const lead = part.length - part.trimStart().length;
    const match = URL_PORT.exec(part.trim());
    if (match) {
      const a = offset + lead + match[0].length - match[2]!.length;
      found.push({ a, b: a + match[2]!.length });
    }
    offset += part.length + 1;
  }
  return found;
}

function bindUrls(m: Mapped, out: DeployOutput, service: string | undefined, what: string): void {
  for (const { a, b } of urlPorts(m)) {
    const hit = out.port(m, a, b, what);
    if (hit) bind(out, service, hit, what);
  }
}

function bindPorts(m: Mapped, out: DeployOutput, service: string | undefined, what: string): void {
  for (const token of m.value.matchAll(/[^;,\s]+/g)) {
    const hit = out.port(m, token.index, token.index + token[0].length, what);
    if (hit) bind(out, service, hit, what);
  }
}

function referUrls(m: Mapped, out: DeployOutput, service: string | undefined, what: string): void {
  for (const { a, b } of urlPorts(m)) {
    const hit = out.port(m, a, b, what);
    const target = /^\w+:\/\/(\[[^\]]*\]|[^/:;\s]+)/.exec(m.value.slice(m.value.lastIndexOf(';', a) + 1).trim())?.[1];
    if (hit && target) out.reference({ target, port: hit.port, kind: 'url', ...(service ? { fromService: service } : {}) }, hit);
  }
}

function bind(out: DeployOutput, service: string | undefined, hit: PortHit, via: string): void {
  if (!service || !out.claim(`b|${service}|${hit.start}`)) return;
  out.pushBinding({ service, port: hit.port, kind: 'source-default', strength: 'declaration', via }, hit.start, hit.end);
}
