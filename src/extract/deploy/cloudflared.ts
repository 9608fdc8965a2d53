/**
 * cloudflared tunnel configs: each `ingress:` rule's `service: http://localhost:3020`
 * (and a legacy top-level `url:`) is a reference from the tunnel's host to that port. Rules
 * without a port (`http_status:404`, `http://localhost`) name none.
 */
import type { Extractor } from '../extractor.js';
import { DeployOutput } from './output.js';
import { get, items, parseYaml, scalarText } from './yaml-nodes.js';
import { findUrls } from './urls.js';

/** True for `**\/cloudflared/*.yml`, `**\/cloudflared*.yml` and `config.yml` (the prefilter wants `ingress:`). */
function isTunnelConfig(path: string): boolean {
  // Most paths are not YAML: that is known before the path is split.
  if (!/\.ya?ml$/.test(path)) return false;
  const segments = path.split('/');
  const name = segments.pop() ?? '';
  return segments.includes('cloudflared') || name.startsWith('cloudflared') || /^config\.ya?ml$/.test(name);
}

/** Reads cloudflared tunnel ingress rules. */
export const cloudflaredExtractor: Extractor = {
  id: 'cloudflared',
  accepts: isTunnelConfig,
  prefilter: (text) => text.includes('ingress:') || /^url:/m.test(text),
  extract(file) {
    const out = new DeployOutput(file, 'cloudflared', { runtime: 'process' });
    const doc = parseYaml(out);
    if (!doc) return out.extraction;
    const services = [get(doc.contents, 'url', doc), ...items(get(doc.contents, 'ingress', doc), doc).map((rule) => get(rule, 'service', doc))];
    for (const node of services) {
      const m = scalarText(node, file.text);
      if (!m) continue;
      for (const url of findUrls(m)) {
        const hit = out.port(m, url.portStart, url.portEnd, 'cloudflared ingress service');
        if (hit) out.reference({ target: url.target, port: hit.port, kind: 'tunnel' }, hit);
      }
    }
    return out.extraction;
  },
};
