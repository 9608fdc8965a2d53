/**
 * Prometheus configs (`prometheus*.yml`): every `scrape_configs[].static_configs[].targets`
 * entry `host:port` is a scrape-target reference, and so is a probe target's URL with a port
 * (blackbox exporter: `https://example.com/chat` names no port), and so is the exporter a
 * probe job scrapes (`relabel_configs` writing `__address__`, e.g. `replacement: blackbox:9115`). A name (`mana-sync:3050`) is a container
 * on Prometheus's network, so its port is a container port; an address or `localhost` is not.
 */
import type { Extractor } from '../extractor.js';
import { DeployOutput } from './output.js';
import { get, items, parseYaml, scalarText } from './yaml-nodes.js';
import { findUrls, isAddress, splitHostPort, type HostPort } from './urls.js';
import type { Mapped } from '../../core/mapped.js';

/**
 * The `host:port` a target names. A scrape target is `host:port`; a probe target (blackbox
 * exporter) may be a URL (`https://example.com/chat`, read as `new URL` reads it: a scheme's
 * default port is no port) or a host with a path (`example.com/health`). A port part that
 * does not start with a digit (`host:PORT`) is a placeholder, not a port written wrong.
 */
function targetAddress(m: Mapped): HostPort | undefined {
  if (m.value.includes('://')) {
    const url = findUrls(m)[0];
    return url && { target: url.target, portStart: url.portStart, portEnd: url.portEnd };
  }
  const cut = m.value.search(/[/?#]/);
  const hp = splitHostPort(cut < 0 ? m.value : m.value.slice(0, cut));
  return hp && /^\p{Nd}/u.test(m.value.slice(hp.portStart, hp.portEnd)) ? hp : undefined;
}

/** Reads Prometheus scrape targets. */
export const prometheusExtractor: Extractor = {
  id: 'prometheus',
  accepts: (path) => /^prometheus[^/]*\.ya?ml$/.test(path.slice(path.lastIndexOf('/') + 1)),
  prefilter: (text) => text.includes('targets'),
  extract(file) {
    const out = new DeployOutput(file, 'prometheus', { runtime: 'process' });
    const doc = parseYaml(out);
    if (!doc) return out.extraction;
    for (const job of items(get(doc.contents, 'scrape_configs', doc), doc)) {
      const name = scalarText(get(job, 'job_name', doc), file.text)?.value ?? '?';
      for (const sc of items(get(job, 'static_configs', doc), doc)) {
        for (const target of items(get(sc, 'targets', doc), doc)) {
          const m = scalarText(target, file.text);
          const hp = m && targetAddress(m);
          if (!m || !hp) continue;
          const hit = out.port(m, hp.portStart, hp.portEnd, `Prometheus job "${name}" target`);
          if (hit) out.reference({ target: hp.target, port: hit.port, kind: 'scrape-target', containerNetwork: !isAddress(hp.target) }, hit);
        }
      }
      // A probe job scrapes the exporter it rewrites `__address__` to (`replacement: blackbox:9115`).
      for (const rule of items(get(job, 'relabel_configs', doc), doc)) {
        if (scalarText(get(rule, 'target_label', doc), file.text)?.value !== '__address__') continue;
        const m = scalarText(get(rule, 'replacement', doc), file.text);
        const hp = m && !m.value.includes('$') ? targetAddress(m) : undefined;
        if (!m || !hp) continue;
        const hit = out.port(m, hp.portStart, hp.portEnd, `Prometheus job "${name}" relabel replacement`);
        if (hit) out.reference({ target: hp.target, port: hit.port, kind: 'scrape-target', containerNetwork: !isAddress(hp.target) }, hit);
      }
    }
    return out.extraction;
  },
};
