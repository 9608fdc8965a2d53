/**
 * Spring Boot configuration: `server.port` (and the actuator's `management.server.port`) in
 * `application.properties` / `application.yml` and their profile variants
 * (`application-dev.properties`, or a YAML document with `spring.config.activate.on-profile`).
 * A value `${PORT:8080}` is a placeholder whose default, 8080, applies when the variable is
 * unset; a placeholder without a default states no port.
 *
 * The port the application runs on unless overridden: a `source-default` binding (like a
 * default in code) on the developer's machine, or the host the config places the file on.
 * The service is the one owning the file, else the project folder (above `src/main/resources`
 * and container folders such as `src/`).
 */
import { isMap, type Document } from 'yaml';
import type { Extractor } from '../extractor.js';
import { identity, slice, type Mapped } from '../../core/mapped.js';
import { DeployOutput } from './output.js';
import { entries, get, scalarText } from './yaml-nodes.js';
import { MAX_YAML_ALIASES, MAX_YAML_ALIAS_TOKENS, aliasTokenOverflow, excessAlias } from '../../core/yaml-limits.js';
import { yamlStream } from '../../core/yaml-parse.js';

const FILE = /(^|\/)(application|bootstrap)(-[\w.-]+)?\.(properties|ya?ml)$/;
/** The keys that set a port the application itself listens on. */
const PORT_KEYS = new Set(['server.port', 'management.server.port']);
/** Folders that hold a project's files rather than name the project. */
const CONTAINER_FOLDERS = new Set(['src', 'main', 'resources', 'config', 'app', 'apps', 'api', 'server', 'services', 'packages']);

/** Reads Spring Boot `server.port`. */
export const springExtractor: Extractor = {
  id: 'spring',
  accepts: (path) => FILE.test(path),
  prefilter: (text) => /port/.test(text) && /server/.test(text),
  extract(file) {
    const out = new DeployOutput(file, 'spring', { runtime: 'process' });
    const service = file.service ?? projectOf(file.path);
    const profile = FILE.exec(file.path)?.[3]?.slice(1);
    const where = (key: string, docProfile?: string) => {
      const p = docProfile ?? profile;
      return p ? `${key} (profile ${p})` : key;
    };
    if (file.path.endsWith('.properties')) {
      for (const { key, value } of properties(file.text)) if (PORT_KEYS.has(key)) bindValue(value, out, service, where(key));
      return out.extraction;
    }
    // YAML: one document per profile section; parse each on its own.
    const overflow = aliasTokenOverflow(file.text);
    if (overflow >= 0) {
      out.problem('input/too-complex', `Found more than ${MAX_YAML_ALIAS_TOKENS} YAML alias tokens (\`*name\`) in ${file.path}; expected at most ${MAX_YAML_ALIASES} aliases, so the file was not parsed.`, overflow, overflow + 1, `${file.path}|aliases`);
      return out.extraction;
    }
    let docs: Document[];
    try {
      docs = yamlStream(file.path, file.text) as Document[];
    } catch {
      return out.extraction;
    }
    if (!Array.isArray(docs)) return out.extraction;
    for (const [d, doc] of docs.entries()) {
      if (doc.errors.length > 0) {
        const e = doc.errors[0]!;
        const [start, end] = e.pos;
        out.problem('input/invalid-yaml', `Found invalid YAML in ${file.path}: ${e.message.split('\n')[0] ?? e.code}; expected a valid YAML document.`, start, Math.max(end, start + 1), `${file.path}|${d + 1}|${e.code}`);
        continue;
      }
      const excess = excessAlias(doc, file.text);
      if (excess) {
        const [start, end] = excess.node.range ?? [0, 0];
        out.problem('input/too-complex', `Found ${excess.count} YAML aliases in ${file.path}; expected at most ${MAX_YAML_ALIASES} (each alias is followed by walking the document), so the document was not read.`, start, Math.max(end, start + 1), `${file.path}|${d + 1}|aliases`);
        continue;
      }
      const docProfile = scalarText(dotted(doc.contents, 'spring.config.activate.on-profile', doc) ?? dotted(doc.contents, 'spring.profiles', doc), file.text)?.value;
      for (const key of PORT_KEYS) {
        const m = scalarText(dotted(doc.contents, key, doc), file.text);
        if (m) bindValue(m, out, service, where(key, docProfile));
      }
    }
    return out.extraction;
  },
};

/** The project folder: above `src/main/resources` and container folders; undefined in none. */
export function projectOf(path: string): string | undefined {
  const parts = path.split('/').slice(0, -1);
  while (parts.length > 0 && CONTAINER_FOLDERS.has(parts.at(-1)!.toLowerCase())) parts.pop();
  return parts.at(-1);
}

/** The value at a dotted key, written nested (`server: {port: …}`), flat (`server.port: …`) or mixed. */
function dotted(node: unknown, key: string, doc: Document): unknown {
  if (!isMap(node)) return undefined;
  for (const e of entries(node, doc)) {
    if (e.key === key) return e.value;
    if (key.startsWith(`${e.key}.`)) {
      const found = dotted(e.value, key.slice(e.key.length + 1), doc);
      if (found !== undefined) return found;
    }
  }
  return get(node, key, doc);
}

/** A Java properties file's `key=value` / `key: value` / `key value` lines, values mapped to the file. */
export function properties(text: string): { key: string; value: Mapped }[] {
  const found: { key: string; value: Mapped }[] = [];
  const whole = identity(text, 0, text.length);
  let continued = false;
  let start = 0;
  for (const line of text.split('\n')) {
    const raw = line.replace(/\r$/, '');
    const lineStart = start;
    start += line.length + 1;
    const wasContinued = continued;
    continued = /(^|[^\\])(\\\\)*\\$/.test(raw);
    // A continuation line belongs to the previous value; ports are not written across lines.
    if (wasContinued) continue;
    const lead = raw.length - raw.trimStart().length;
    const body = raw.slice(lead);
    if (body === '' || body.startsWith('#') || body.startsWith('!')) continue;
    const sep = /^((?:[^\\:=\s]|\\.)+)\s*[:=]?\s*/.exec(body);
    if (!sep?.[1]) continue;
    const a = lineStart + lead + sep[0].length;
    const b = lineStart + raw.trimEnd().length;
    found.push({ key: sep[1].replace(/\\(.)/g, '$1'), value: slice(whole, a, Math.max(a, b)) });
  }
  return found;
}

/** `8080`, or the default of a placeholder `${PORT:8080}`; another placeholder states no port. */
function bindValue(m: Mapped, out: DeployOutput, service: string | undefined, via: string): void {
  const value = m.value.trim();
  const lead = m.value.length - m.value.trimStart().length;
  const placeholder = /^\$\{[^:}]+:([^}]*)\}$/.exec(value);
  let a = lead;
  let b = lead + value.length;
  if (placeholder) {
    a = lead + value.length - 1 - placeholder[1]!.length;
    b = a + placeholder[1]!.length;
  } else if (value.startsWith('${')) return;
  if (a >= b) return;
  const hit = out.port(m, a, b, via);
  if (!hit || !service || !out.claim(`b|${service}|${hit.start}`)) return;
  out.pushBinding({ service, port: hit.port, kind: 'source-default', strength: 'declaration', via }, hit.start, hit.end);
}
