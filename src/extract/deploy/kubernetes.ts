/**
 * Kubernetes manifests and Helm templates (any `.yaml`/`.yml` holding `apiVersion` and `kind`
 * that no other YAML format claims by its path, every document of a multi-document file). Per workload (Pod, Deployment, StatefulSet,
 * DaemonSet, ReplicaSet, Job, CronJob), per container: `ports[].containerPort` and an
 * `env` entry `PORT` (or `<NAME>_PORT` naming the workload) with a literal value. Per Service:
 * `ports[].targetPort` (a number, a name resolved to the selected pods' container port of
 * that name, or absent: then `port`), which is the port the selected pods listen on.
 *
 * Container ports and Service ports are lists a pod may extend (an app port and a metrics
 * port), stated with the vias of compose's lists (`ports (container)`, `ports`): the deploy
 * rules then ask each list to include the listen port an `env` `PORT` declares, not to equal it.
 *
 * A cluster is not a developer's laptop, and every pod has its own network namespace: the
 * bindings are container-scoped (`network: container`, they never collide) on the host
 * {@link K8S_HOST}, unless the config places the file on a named host. A Service's `port`
 * (the cluster address, `emailservice:5000` in front of a pod listening on 8080) is not
 * recorded: it is where clients connect, not where a process listens.
 *
 * The service is the workload's `metadata.name` (a Service's: the workload its selector
 * picks in the same file, else its own name). Helm templates are made inert before parsing:
 * every `{{ … }}` action becomes spaces (line breaks kept, so every position is exact), so a
 * templated value reads as empty; a templated name falls back to the template's file name
 * (`templates/adservice.yaml` → `adservice`), or to the chart's folder for generic names
 * (`templates/deployment.yaml`). Templated ports are not read. A document that fails to
 * parse is reported in a plain manifest and skipped silently in a Helm template (which is not
 * YAML until rendered); the other documents of the file are still read.
 */
import { isMap, isScalar, type Document } from 'yaml';
import { MAX_YAML_ALIASES, MAX_YAML_ALIAS_TOKENS, aliasTokenOverflow, excessAlias } from '../../core/yaml-limits.js';
import { yamlStream } from '../../core/yaml-parse.js';
import type { Extractor, SourceFile } from '../extractor.js';
import { cloudflaredExtractor } from './cloudflared.js';
import { composeExtractor } from './compose.js';
import { envoyExtractor } from './envoy.js';
import { prometheusExtractor } from './prometheus.js';
import { springExtractor } from './spring.js';
import type { Mapped } from '../../core/mapped.js';
import { DeployOutput, type PortHit } from './output.js';
import { entries, get, items, scalarText } from './yaml-nodes.js';

/** The host of cluster bindings when the config does not place the file on a named host. */
export const K8S_HOST = 'k8s';

/** Extractors of other YAML formats: their files are theirs alone (a path is read by one deploy extractor). */
const OTHER_YAML: Extractor[] = [composeExtractor, prometheusExtractor, cloudflaredExtractor, envoyExtractor, springExtractor];

/** The path to the pod spec of each workload kind. */
const POD_SPEC: Record<string, string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** File names of Helm templates that name a kind, not a component: their service is the chart. */
const GENERIC_TEMPLATES = new Set(['deployment', 'service', 'statefulset', 'daemonset', 'pod', 'job', 'cronjob', 'replicaset', 'workload', 'app', 'main', 'manifest', 'all', 'resources']);

/** A container port read from a workload, for resolving a Service's named `targetPort`. */
interface ContainerPort {
  name?: string;
  hit: PortHit;
}

/** A workload of the file: its service name, pod labels and container ports. */
interface Workload {
  /** Undefined for a workload whose templated name stands for no service known here. */
  service: string | undefined;
  labels: Map<string, string>;
  ports: ContainerPort[];
}

/** Reads Kubernetes manifests and Helm templates. */
export const kubernetesExtractor: Extractor = {
  id: 'kubernetes',
  accepts: (path) => /\.ya?ml$/.test(path) && !OTHER_YAML.some((e) => e.accepts(path)),
  prefilter: (text) => text.includes('apiVersion') && /\bkind:/.test(text) && /containerPort|targetPort|\bkind:\s*["']?Service\b|\bports:/.test(text),
  extract(file) {
    const templated = file.text.includes('{{');
    const text = templated ? inertTemplates(file.text) : file.text;
    // Positions are those of the original file: the inert text keeps every offset.
    const out = new DeployOutput(file, 'kubernetes', { runtime: 'cluster' });
    const fallback = templatedName(file.text, nameFromPath(file.path));
    const docs = readDocuments(text, out, templated);
    const workloads: Workload[] = [];
    const services: { doc: Document; node: unknown }[] = [];
    for (const doc of docs) {
      const kind = scalarText(get(doc.contents, 'kind', doc), text)?.value;
      if (kind === 'Service') services.push({ doc, node: doc.contents });
      const path = kind ? POD_SPEC[kind] : undefined;
      if (!path) continue;
      const service = nameOf(doc.contents, doc, text) ?? fallback(doc.contents, doc);
      // The pod template is the node above the pod spec (the document itself for a Pod).
      let template: unknown = doc.contents;
      for (const key of path.slice(0, -1)) template = get(template, key, doc);
      const spec = get(template, 'spec', doc);
      const workload: Workload = { service, labels: labelsOf(get(template, 'metadata', doc), doc, text) ?? new Map(), ports: [] };
      for (const container of items(get(spec, 'containers', doc), doc)) readContainer(container, doc, text, out, workload, file);
      workloads.push(workload);
    }
    for (const { doc, node } of services) readService(node, doc, text, out, workloads, fallback, file);
    return out.extraction;
  },
};

/**
 * The template with every `{{ … }}` action made inert, each offset unchanged: an action alone
 * on its line (`{{- if … }}`, `{{- toYaml … | nindent 4 }}`) becomes spaces, an action among
 * other text (`image: {{ .Values.repo }}:{{ .Values.tag }}`) becomes `_`s, so the value stays
 * one plain scalar. Line breaks are kept.
 */
export function inertTemplates(text: string): string {
  const marked = text.replace(/\{\{[\s\S]*?\}\}/g, (action) => action.replace(/[^\n\r]/g, HOLE));
  return marked.replace(/[^\n\r]*/g, (line) => (line.includes(HOLE) ? line.replaceAll(HOLE, line.replaceAll(HOLE, '').trim() === '' ? ' ' : '_') : line));
}

/** A character no YAML file holds, marking template text until its line is judged. */
const HOLE = '\u0000';

/** True when `[start, end)` of the original file touches a template action (a templated value, not a port). */
function templatedAt(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start) + 1;
  const lineEnd = text.indexOf('\n', end);
  return text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).includes('{{');
}

/** The documents of the file that parsed (discovery's parse of the same text if it kept one); problems reported for a plain manifest. */
function readDocuments(text: string, out: DeployOutput, templated: boolean): Document[] {
  let docs: Document[];
  const overflow = aliasTokenOverflow(text);
  if (overflow >= 0) {
    out.problem('input/too-complex', `Found more than ${MAX_YAML_ALIAS_TOKENS} YAML alias tokens (\`*name\`) in ${out.file.path}; expected at most ${MAX_YAML_ALIASES} aliases, so the file was not parsed.`, overflow, overflow + 1, `${out.file.path}|aliases`);
    return [];
  }
  try {
    docs = yamlStream(out.file.path, text) as Document[];
  } catch (error) {
    if (!templated) out.problem('input/invalid-yaml', `Found YAML the parser rejected (${(error as Error).message}); expected valid YAML.`, 0, 0, out.file.path);
    return [];
  }
  if (!Array.isArray(docs)) return [];
  const good: Document[] = [];
  for (const [d, doc] of docs.entries()) {
    if (doc.errors.length > 0) {
      if (templated) continue;
      for (const [n, e] of doc.errors.entries()) {
        const [start, end] = e.pos;
        const reason = e.message.split('\n')[0] ?? e.code;
        out.problem('input/invalid-yaml', `Found invalid YAML in ${out.file.path}: ${reason}; expected a valid YAML document.`, start, Math.max(end, start + 1), `${out.file.path}|${d + 1}|${e.code}|${n + 1}`);
      }
      continue;
    }
    const excess = excessAlias(doc, text);
    if (excess) {
      const [start, end] = excess.node.range ?? [0, 0];
      out.problem('input/too-complex', `Found ${excess.count} YAML aliases in ${out.file.path}; expected at most ${MAX_YAML_ALIASES} (each alias is followed by walking the document), so the document was not read.`, start, Math.max(end, start + 1), `${out.file.path}|${d + 1}|aliases`);
      continue;
    }
    good.push(doc);
  }
  return good;
}

/** `metadata.name` when it is a plain name (a templated one reads as empty). */
function nameOf(node: unknown, doc: Document, text: string): string | undefined {
  const name = scalarText(get(get(node, 'metadata', doc), 'name', doc), text)?.value.trim();
  return name && /^[A-Za-z0-9][\w.-]*$/.test(name) ? name : undefined;
}

/** The labels of a `metadata` map (a pod template's, a workload's). */
function labelsOf(metadata: unknown, doc: Document, text: string): Map<string, string> | undefined {
  const labels = get(metadata, 'labels', doc);
  if (!isMap(labels)) return undefined;
  const map = new Map<string, string>();
  for (const e of entries(labels, doc)) {
    const v = scalarText(e.value, text)?.value.trim();
    if (v) map.set(e.key, v);
  }
  return map;
}

/** The service a document with no plain name stands for, if any. */
type Fallback = (node: unknown, doc: Document) => string | undefined;

/**
 * Names for documents whose `metadata.name` is templated: the first template action used as a
 * name in the file (`{{ .Values.cartService.name }}`) stands for `name`; a document named by
 * another action (`{{ .Values.cartDatabase.redis.name }}`, a second component in the same
 * template) names no service known here, so its ports are not attributed.
 */
function templatedName(original: string, name: string): Fallback {
  let primary: string | undefined;
  return (node, doc) => {
    const range = get(get(node, 'metadata', doc), 'name', doc)?.range;
    if (!range) return primary === undefined ? name : undefined;
    const lineStart = original.lastIndexOf('\n', range[0]) + 1;
    const lineEnd = original.indexOf('\n', range[0]);
    const action = original.slice(lineStart, lineEnd < 0 ? original.length : lineEnd).trim();
    primary ??= action;
    return action === primary ? name : undefined;
  };
}

/** The service a file's templated names stand for: its file name, or its chart's folder when the file name is a kind. */
export function nameFromPath(path: string): string {
  const parts = path.split('/');
  const stem = (parts.pop() ?? '').replace(/\.ya?ml$/, '').replace(/^_/, '');
  if (!GENERIC_TEMPLATES.has(stem.toLowerCase())) return stem;
  const templates = parts.lastIndexOf('templates');
  const chart = templates > 0 ? parts[templates - 1] : parts.at(-1);
  return chart ?? stem;
}

/** A container's `ports[].containerPort` and its `env` `PORT`. */
function readContainer(container: unknown, doc: Document, text: string, out: DeployOutput, workload: Workload, file: SourceFile): void {
  const host = file.host ?? K8S_HOST;
  const what = `container ports of ${workload.service ?? 'a workload'}`;
  for (const port of items(get(container, 'ports', doc), doc)) {
    const m = scalarText(get(port, 'containerPort', doc), text);
    const hit = m && whole(m, out, what);
    if (!hit) continue;
    const name = scalarText(get(port, 'name', doc), text)?.value.trim();
    workload.ports.push({ ...(name ? { name } : {}), hit });
    out.bind(workload.service, hit, { via: 'ports (container)', network: 'container', host, exposure: 'ports' });
  }
  for (const variable of items(get(container, 'env', doc), doc)) {
    if (!isMap(variable)) continue;
    const name = scalarText(get(variable, 'name', doc), text)?.value.trim();
    if (!name || !namesOwnPort(name, workload.service)) continue;
    const m = scalarText(get(variable, 'value', doc), text);
    const hit = m && whole(m, out, `env ${name} of ${workload.service ?? 'a workload'}`);
    if (hit) out.bind(workload.service, hit, { via: `env ${name}`, network: 'container', host });
  }
}

/** `PORT`, or `<NAME>_PORT` where NAME is the workload's own name (`FRONTEND_PORT` in `frontend`). */
function namesOwnPort(name: string, service: string | undefined): boolean {
  if (name === 'PORT') return true;
  if (!service) return false;
  const squash = (s: string) => s.toLowerCase().replace(/[-_.]/g, '');
  return name.endsWith('_PORT') && squash(name.slice(0, -5)) === squash(service);
}

/** A Service's ports: each `targetPort` (or `port`) is the listen port of the pods it selects. */
function readService(node: unknown, doc: Document, text: string, out: DeployOutput, workloads: Workload[], fallback: Fallback, file: SourceFile): void {
  const spec = get(node, 'spec', doc);
  const selector = get(spec, 'selector', doc);
  const selected = selectorOf(selector, doc, text);
  const target = selected.size > 0 ? workloads.find((w) => [...selected].every(([k, v]) => w.labels.get(k) === v)) : undefined;
  const service = target ? target.service : (nameOf(node, doc, text) ?? fallback(node, doc));
  if (!service) return;
  const host = file.host ?? K8S_HOST;
  for (const port of items(get(spec, 'ports', doc), doc)) {
    const targetPort = get(port, 'targetPort', doc);
    const m = scalarText(targetPort ?? get(port, 'port', doc), text);
    if (!m || m.value.trim() === '') continue;
    const what = `Service ports of ${service}`;
    if (/^\d/.test(m.value.trim())) {
      const hit = whole(m, out, what);
      if (hit) out.bind(service, hit, { via: 'ports', network: 'container', host, exposure: 'ports' });
      continue;
    }
    if (!isScalar(targetPort)) continue;
    // A named targetPort is the container port of that name in the selected pods.
    const name = m.value.trim();
    const owner = target ?? workloads.find((w) => w.service === service);
    const named = (owner ? owner.ports : workloads.flatMap((w) => w.ports)).find((p) => p.name === name);
    if (!named) continue;
    const start = m.starts[0] ?? 0;
    const end = m.ends[m.value.length - 1] ?? start;
    out.bind(service, { port: named.hit.port, start, end }, { via: 'ports', network: 'container', host, exposure: 'ports' });
  }
}

/** The `key: value` pairs of a Service selector (plain map, or `matchLabels`). */
function selectorOf(selector: unknown, doc: Document, text: string): Map<string, string> {
  const source = get(selector, 'matchLabels', doc) ?? selector;
  const map = new Map<string, string>();
  for (const e of entries(source, doc)) {
    const v = scalarText(e.value, text)?.value.trim();
    if (v) map.set(e.key, v);
  }
  return map;
}

/** The whole scalar as one port (surrounding spaces ignored); a non-port is an input problem. */
function whole(m: Mapped, out: DeployOutput, what: string): PortHit | undefined {
  const a = m.value.length - m.value.trimStart().length;
  const b = m.value.trimEnd().length;
  if (a >= b) return undefined;
  const [start, end] = [m.starts[a] ?? 0, m.ends[b - 1] ?? 0];
  if (templatedAt(out.file.text, start, end)) return undefined;
  return out.port(m, a, b, what);
}
