/**
 * Prometheus configs (`prometheus*.yml`): every `scrape_configs[].static_configs[].targets`
 * entry `host:port` is a scrape-target reference. A name (`mana-sync:3050`) is a container
 * on Prometheus's network, so its port is a container port; an address or `localhost` is not.
 */
import type { Extractor } from '../extractor.js';
import { DeployOutput } from './output.js';
import { get, items, parseYaml, scalarText } from './yaml-nodes.js';
import { isAddress, splitHostPort } from './urls.js';

/** Reads Prometheus scrape targets. */
export const prometheusExtractor: Extractor = {
  id: 'prometheus',
  accepts: (path) => /^prometheus[^/]*\.ya?ml$/.test(path.slice(path.lastIndexOf('/') + 1)),
  prefilter: (text) => text.includes('targets'),
  extract(file) {
    const out = new DeployOutput(file, 'prometheus');
    const doc = parseYaml(out);
    if (!doc) return out.extraction;
    for (const job of items(get(doc.contents, 'scrape_configs', doc), doc)) {
      const name = scalarText(get(job, 'job_name', doc), file.text)?.value ?? '?';
      for (const sc of items(get(job, 'static_configs', doc), doc)) {
        for (const target of items(get(sc, 'targets', doc), doc)) {
          const m = scalarText(target, file.text);
          const hp = m && splitHostPort(m.value);
          if (!m || !hp) continue;
          const hit = out.port(m, hp.portStart, hp.portEnd, `Prometheus job "${name}" target`);
          if (hit) out.reference({ target: hp.target, port: hit.port, kind: 'scrape-target', containerNetwork: !isAddress(hp.target) }, hit);
        }
      }
    }
    return out.extraction;
  },
};
