/**
 * One assignment, from the model to the edited files: the range (given, or a section's), the
 * allocation, the registry row and, for a service whose CLAUDE.md states no port, its port
 * line. Pure: the files' texts come in through {@link AssignInput.read}, the edits go out as
 * data for the CLI to write or the Action to commit.
 */
import type { Config } from '../config/types.js';
import { formatLocation } from '../core/location.js';
import { quote } from '../core/quote.js';
import type { RegistrySection } from '../core/registry.js';
import { occupancy } from '../model/occupancy.js';
import type { ProjectModel } from '../model/project.js';
import { allocate, type Claim, type PortRange, type Skipped } from './allocate.js';
import { addPortLine } from './doc-edit.js';
import { addRegistryRow, sectionFor, sectionRange, sectionTitled } from './registry-edit.js';

/** Where to look: a range of ports, or the title of a registry section. */
export type Target = { range: PortRange } | { section: string };

export interface AssignRequest {
  service: string;
  /** Absent: the first section (in document order) with a range heading and a free port. */
  target?: Target;
}

export interface AssignInput {
  model: ProjectModel;
  config: Config;
  request: AssignRequest;
  /** Ports other open pull requests add to the registry. */
  claims?: readonly Claim[];
  /** The text of a repository file, or undefined when it cannot be read. */
  read(path: string): string | undefined;
}

/** A file's new content. */
export interface FileEdit {
  path: string;
  text: string;
}

export type AssignResult =
  | { port: number; range: PortRange; section: string; skipped: Skipped[]; edits: FileEdit[]; rowLine: number }
  | { error: string; range?: PortRange; skipped?: Skipped[] };

/** Chooses the port and makes the edits. */
export function assign(input: AssignInput): AssignResult {
  const { model, request } = input;
  const registryPath = model.registryPath;
  const doc = model.registry;
  const registryText = doc ? input.read(registryPath) : undefined;
  if (!doc || registryText === undefined) return { error: `The repository has no readable registry at ${quote(registryPath)}; expected one to add the row to.` };
  const existing = doc.plan.find((b) => b.service === request.service);
  if (existing) return { error: `${quote(request.service)} already has port ${existing.port} in the registry (${quote(formatLocation(existing.location))}); expected a service without a row.` };

  const { assignPort } = input.config;
  const { usesOf } = occupancy(model);
  const allocateIn = (range: PortRange) =>
    allocate({ service: request.service, range, usesOf, claims: input.claims ?? [], deny: assignPort.deny, uniqueness: assignPort.unique });

  let section: RegistrySection | undefined;
  let range: PortRange | undefined;
  let allocation;
  if (request.target === undefined) {
    for (const candidate of doc.sections) {
      if (!candidate.range || candidate.rows.length === 0) continue;
      const found = allocateIn(candidate.range);
      if (found.port === undefined) continue;
      [section, range, allocation] = [candidate, candidate.range, found];
      break;
    }
    if (!section || !range || !allocation) return { error: 'No section of the registry with a range heading has a free port; expected a range (`in 3020-3029`) or a section title (`in "AI/ML Services"`).' };
  } else if ('section' in request.target) {
    section = sectionTitled(doc, request.target.section);
    if (!section) return { error: `The registry has no section titled ${quote(request.target.section)}; expected one of ${doc.sections.filter((s) => s.title !== '' && s.rows.length > 0).map((s) => quote(s.title)).join(', ')}.` };
    range = sectionRange(section);
    if (!range) return { error: `The section ${quote(section.title)} has no range heading and no rows; expected a heading such as \`## 3000-3009: Title\`.` };
    allocation = allocateIn(range);
  } else {
    range = request.target.range;
    allocation = allocateIn(range);
  }
  if (allocation.port === undefined) return { error: `Every port of ${range.start}-${range.end} is taken; expected a range with a free port.`, range, skipped: allocation.skipped };
  const port = allocation.port;
  section ??= sectionFor(doc, port);
  if (!section) return { error: `No section of the registry holds port ${port}; expected a range heading such as \`## ${range.start}-${range.end}: Title\` with a table.`, range, skipped: allocation.skipped };
  const row = addRegistryRow(registryText, section, request.service, port);
  if ('error' in row) return { error: row.error, range, skipped: allocation.skipped };

  const edits: FileEdit[] = [{ path: registryPath, text: row.text }];
  const dir = model.serviceDirs.find((d) => d.name === request.service);
  const declared = model.bindings.some((b) => b.service === request.service && b.kind === 'service-doc' && b.strength === 'declaration');
  if (dir?.doc && !declared) {
    const text = input.read(dir.doc);
    if (text !== undefined) edits.push({ path: dir.doc, text: addPortLine(text, port) });
  }
  return { port, range, section: section.title, skipped: allocation.skipped, edits, rowLine: row.line };
}

/** `3020-3029` (hyphen or dash) as a range; undefined when it is not one of valid ports. */
export function parseRange(text: string): PortRange | undefined {
  const m = /^\s*(\d{1,5})\s*[-–—]\s*(\d{1,5})\s*$/.exec(text);
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return start >= 1 && end <= 65535 && start <= end ? { start, end } : undefined;
}

/** Service names the command accepts: lower-case letters, digits and hyphens, starting with a letter, at most 63. */
export const SERVICE_NAME = /^[a-z][a-z0-9-]{0,62}$/;
