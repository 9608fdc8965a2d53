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
 * .NET reads these files as JSON with comments and trailing commas, and so does this reader.
 */
import type { Extractor, SourceFile } from '../extractor.js';
import { identity, type Mapped } from '../../core/mapped.js';
import { DeployOutput, type PortHit } from './output.js';
import { JsonError, member, members, parseJson, stringOf, type JsonNode } from './json.js';
import { findUrlPorts } from '../url-port.js';
import { findUrls } from './urls.js';

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
    const out = new DeployOutput(file, launch ? 'launch-settings' : 'appsettings', { runtime: 'process' });
    const json = readJson(file, out);
    if (!json) return out.extraction;
    const service = file.service ?? projectOf(file.path);
    if (launch) readLaunchSettings(json.root, json.source, out, service);
    else readAppSettings(json.root, json.source, out, service);
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

/** The file as JSON with comments; a file .NET could not read either is an input problem. */
function readJson(file: SourceFile, out: DeployOutput): { root: JsonNode; source: Mapped } | undefined {
  const source = identity(file.text, 0, file.text.length);
  try {
    return { root: parseJson(source, 'jsonc'), source };
  } catch (error) {
    const at = error instanceof JsonError ? error.index : 0;
    out.problem('input/invalid-json', `Found invalid JSON in ${file.path} (${(error as Error).message}); expected a valid .NET settings file.`, at, Math.min(at + 1, file.text.length), file.path);
    return undefined;
  }
}

function readLaunchSettings(root: JsonNode, source: Mapped, out: DeployOutput, service: string | undefined): void {
  for (const { key: name, value: profile } of members(member(root, 'profiles'))) {
    const command = member(profile, 'commandName');
    if (command && command.value !== 'Project') continue;
    const url = stringOf(source, member(profile, 'applicationUrl'));
    if (url) bindUrls(url, out, service, `launch profile "${name}" applicationUrl`);
    for (const { key: variable, value } of members(member(profile, 'environmentVariables'))) {
      const text = stringOf(source, value);
      if (!text) continue;
      const what = `launch profile "${name}" ${variable}`;
      if (HOST_URL_VARIABLE.test(variable)) bindUrls(text, out, service, what);
      else if (HOST_PORTS_VARIABLE.test(variable)) bindPorts(text, out, service, what);
      else referUrls(text, out, service, what);
    }
  }
}

/** The first member of `node` whose key is `key` in any case (.NET configuration keys ignore case). */
function memberIgnoringCase(node: JsonNode | undefined, key: string): JsonNode | undefined {
  return members(node).find((m) => m.key.toLowerCase() === key)?.value;
}

function readAppSettings(root: JsonNode, source: Mapped, out: DeployOutput, service: string | undefined): void {
  for (const { key, value } of members(root)) {
    const name = key.toLowerCase();
    const urls = name === 'urls' ? stringOf(source, value) : undefined;
    if (urls) bindUrls(urls, out, service, 'Urls');
    if (name !== 'kestrel') continue;
    for (const { key: endpoint, value: settings } of members(memberIgnoringCase(value, 'endpoints'))) {
      const url = stringOf(source, memberIgnoringCase(settings, 'url'));
      if (url) bindUrls(url, out, service, `Kestrel endpoint "${endpoint}" Url`);
    }
  }
}

/** HTTP schemes: the URLs a .NET host serves or calls here. */
const HTTP = new Set(['http', 'https']);

/** The host's own URLs (`https://localhost:5243;http://*:5223`, read by `new URL` as listen addresses). */
function bindUrls(m: Mapped, out: DeployOutput, service: string | undefined, what: string): void {
  for (const url of findUrlPorts(m.value, { listen: true })) {
    if (!HTTP.has(url.scheme)) continue;
    const hit = out.port(m, url.portStart, url.portEnd, what);
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
  for (const url of findUrls(m)) {
    if (!HTTP.has(url.scheme)) continue;
    const hit = out.port(m, url.portStart, url.portEnd, what);
    if (hit) out.reference({ target: url.target, port: hit.port, kind: 'url', ...(service ? { fromService: service } : {}) }, hit);
  }
}

function bind(out: DeployOutput, service: string | undefined, hit: PortHit, via: string): void {
  if (!service || !out.claim(`b|${service}|${hit.start}`)) return;
  out.pushBinding({ service, port: hit.port, kind: 'source-default', strength: 'declaration', via }, hit.start, hit.end);
}
