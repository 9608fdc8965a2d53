import { readFileSync } from 'node:fs';
import { dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Summarises a V8 `.cpuprofile` by self time: per category (our code, bundled dependencies,
 * tree-sitter wasm, node internals, GC), per source module, and per function. esbuild puts a
 * `// src/collect/walk.ts` comment before each module it bundles; those map the lines of the
 * entry and of every chunk it split off back to the module that wrote them.
 */

/**
 * @param {{ nodes: any[], samples: number[], timeDeltas: number[] }} profile
 * @param {string} bundlePath  the bundled CLI's path: every `.js` file beside it is a bundle
 *   file (the entry, the worker, the shared chunks), named in the profile by its file:// URL
 */
export function summariseProfile(profile, bundlePath) {
  const bundleDir = dirname(bundlePath) + sep;
  /** @type {Map<string, Array<[number, string]> | undefined>} */
  const markersByUrl = new Map();
  const bundleFile = (url) => {
    if (!url.startsWith('file://')) return undefined;
    const path = fileURLToPath(url);
    return path.startsWith(bundleDir) && path.endsWith('.js') ? path : undefined;
  };
  const markersOf = (url) => {
    if (!markersByUrl.has(url)) {
      const path = bundleFile(url);
      markersByUrl.set(url, path === undefined ? undefined : moduleMarkers(readFileSync(path, 'utf8')));
    }
    return markersByUrl.get(url);
  };
  const moduleOf = (url, lineNumber) => {
    const markers = url ? markersOf(url) : undefined;
    return markers === undefined ? undefined : moduleAt(markers, lineNumber);
  };
  const selfUs = new Map();
  const { samples, timeDeltas } = profile;
  // Sample i lasts until sample i + 1 (DevTools' convention).
  for (let i = 0; i < samples.length; i++) selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + (timeDeltas[i + 1] ?? 0));

  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node);
  const nodeModule = (node) => moduleOf(node.callFrame.url, node.callFrame.lineNumber);
  const byCategory = new Map();
  // Inclusive time per src/ module: every sample counts once for each module on its stack,
  // so a module is charged for the parsers and libraries it calls.
  const inclusive = new Map();
  const byModule = new Map();
  const byFunction = new Map();
  let totalUs = 0;
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (us === 0) continue;
    totalUs += us;
    const { functionName, url, lineNumber } = node.callFrame;
    const inBundle = url ? markersOf(url) !== undefined : false;
    const module = moduleOf(url, lineNumber);
    const category = categorise(functionName, url, module);
    add(byCategory, category, us);
    const moduleName = module ?? (functionName.startsWith('RegExp:') ? 'regular expressions (compiled)' : url.startsWith('wasm://') ? 'tree-sitter (wasm)' : url.startsWith('node:') ? 'node internals' : url || functionName);
    add(byModule, moduleName, us);
    const where = inBundle ? `${module ?? 'bundle'} (${url.slice(url.lastIndexOf('/') + 1)}:${lineNumber + 1})` : url || '—';
    const key = `${functionName || '(anonymous)'}\u0000${where}`;
    add(byFunction, key, us);
    const onStack = new Set();
    for (let n = node; n; n = parent.get(n.id)) {
      const m = nodeModule(n);
      if (m?.startsWith('src/')) onStack.add(m);
    }
    for (const m of onStack) add(inclusive, m, us);
  }
  const sorted = (map) => [...map].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, v / 1000]);
  return {
    totalMs: totalUs / 1000,
    byCategory: sorted(byCategory),
    byModule: sorted(byModule),
    inclusiveBySrcModule: sorted(inclusive),
    byFunction: sorted(byFunction).map(([k, v]) => {
      const [name, where] = k.split('\u0000');
      return { name, where, ms: v };
    }),
  };
}

function add(map, key, us) {
  map.set(key, (map.get(key) ?? 0) + us);
}

function categorise(functionName, url, module) {
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(idle)') return 'idle (waiting for I/O)';
  if (functionName === '(program)' || functionName === '(root)') return 'V8 / native (program)';
  if (functionName.startsWith('RegExp:')) return 'regular expressions (compiled)';
  if (url.startsWith('wasm://')) return 'tree-sitter (wasm)';
  if (module?.startsWith('src/')) return 'portwarden src/';
  if (module) return 'bundled dependencies';
  if (url.startsWith('node:') || !url) return 'node internals';
  return 'other';
}

/** Bundle line (0-based) → module path, from esbuild's `// path` comments, in line order. */
function moduleMarkers(text) {
  const markers = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^\/\/ ((?:src|node_modules)\/\S+)$/.exec(lines[i]);
    if (m) markers.push([i, collapse(m[1])]);
  }
  return markers;
}

/** `node_modules/web-tree-sitter/x.js` → `web-tree-sitter`; `src/...` stays as it is. */
function collapse(path) {
  if (!path.startsWith('node_modules/')) return path;
  const parts = path.split('/');
  return parts[1].startsWith('@') ? `${parts[1]}/${parts[2]}` : parts[1];
}

/** The module whose marker is the last one at or before `line`. */
function moduleAt(markers, line) {
  let lo = 0;
  let hi = markers.length - 1;
  let found;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (markers[mid][0] <= line) {
      found = markers[mid][1];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
