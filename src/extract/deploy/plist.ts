/**
 * launchd property lists (`*.plist`): `ProgramArguments` with `--port` `3015` (or a
 * `sh -c "..."` command line), and `EnvironmentVariables` `PORT`. URL values of other
 * variables are references. launchd is macOS: the host is the one the path names, else the
 * developer's machine.
 *
 * Service: the last dot segment of the `Label` (`com.mana.mana-media`) when it is a known
 * service, else the owning `services/<name>/`, else a known `services/<name>` path in the
 * arguments or `WorkingDirectory`, else the label's last segment as written (a launchd job
 * is deliberately named; dropping its ports would hide a collision).
 */
import type { Extractor, SourceFile } from '../extractor.js';
import type { ServiceIndex } from '../../core/services.js';
import type { Mapped } from '../../core/mapped.js';
import { trim } from '../../core/mapped.js';
import { DeployOutput } from './output.js';
import { XmlError, elements, parseXml, textOf, type XmlElement } from './xml.js';
import { commandPorts } from './command-ports.js';
import { nestedCommands, scanShell, serviceInWords } from './shell-scan.js';
import { findUrls } from './urls.js';

/** The `<key>`/value pairs of a `<dict>`. */
function dict(el: XmlElement | undefined): Map<string, XmlElement> {
  const map = new Map<string, XmlElement>();
  if (el?.name !== 'dict') return map;
  const kids = elements(el);
  for (let i = 0; i + 1 < kids.length; i += 2) {
    const key = kids[i] as XmlElement;
    if (key.name === 'key') map.set(textOf(key).value.trim(), kids[i + 1] as XmlElement);
  }
  return map;
}

/** The strings of a `<array>` of `<string>`s. */
function strings(el: XmlElement | undefined): Mapped[] {
  return el?.name === 'array' ? elements(el).filter((e) => e.name === 'string').map(textOf) : [];
}

/** Reads launchd plists. */
export const plistExtractor: Extractor = {
  id: 'launchd',
  accepts: (path) => path.endsWith('.plist'),
  prefilter: (text) => text.includes('ProgramArguments') || text.includes('EnvironmentVariables'),
  extract(file, ctx) {
    const out = new DeployOutput(file, 'launchd', { runtime: 'process' });
    let doc: XmlElement;
    try {
      doc = parseXml(file.text);
    } catch (error) {
      const [start, end] = error instanceof XmlError ? [error.start, error.end] : [0, 0];
      const message = (error as Error).message;
      out.problem('input/invalid-xml', `${message} in ${file.path}.`, start, end, `${file.path}|${message}`);
      return out.extraction;
    }
    const plist = elements(doc).find((e) => e.name === 'plist');
    const top = dict(plist ? elements(plist)[0] : undefined);
    const args = strings(top.get('ProgramArguments'));
    const workdir = top.get('WorkingDirectory');
    const words = [...args, ...(workdir ? [textOf(workdir)] : [])].map((value) => ({ value, quoted: true, unresolved: [] }));
    const label = top.get('Label');
    const service = jobService(file, label ? textOf(label).value.trim() : '', serviceInWords(words, ctx.services), ctx.services);

    const argWords = args.map((value) => ({ value, quoted: true, unresolved: [] }));
    for (const p of commandPorts({ words: argWords }).ports) {
      const hit = out.port(p.value, p.a, p.b, `launchd ProgramArguments (${p.via})`);
      if (hit) out.bind(service, hit, { via: `ProgramArguments ${p.via}`, network: 'host' });
    }
    for (const inner of nestedCommands(argWords))
      scanShell(inner, out, { service, services: ctx.services, network: 'host', what: 'launchd ProgramArguments' });

    for (const [name, el] of dict(top.get('EnvironmentVariables'))) {
      const value = trim(textOf(el));
      if (name === 'PORT') {
        const hit = out.port(value, 0, value.value.length, 'launchd EnvironmentVariables PORT');
        if (hit) out.bind(service, hit, { via: 'EnvironmentVariables PORT', network: 'host' });
        continue;
      }
      for (const url of findUrls(value)) {
        const hit = out.port(value, url.portStart, url.portEnd, `launchd EnvironmentVariables ${name}`);
        if (hit) out.reference({ target: url.target, port: hit.port, kind: 'env-var', fromService: service }, hit);
      }
    }
    return out.extraction;
  },
};

/** The job's service (see the module comment for the order). */
function jobService(file: SourceFile, label: string, fromPaths: string | undefined, services: ServiceIndex): string | undefined {
  const last = label.slice(label.lastIndexOf('.') + 1);
  if (last && services.has(last)) return services.canonical(last);
  return file.service ?? fromPaths ?? (last ? services.canonical(last) : undefined);
}
