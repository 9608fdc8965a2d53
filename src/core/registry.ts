/**
 * What the registry (`docs/PORT_SCHEMA.md`) says, as the registry parser hands it to rules.
 */
import type { Location } from './location.js';
import type { Binding, Host } from './statements.js';

/** A cell that names another port, as in the `Corresponds to Server` column (`3030 chat-server`). */
export interface Correspondence {
  port: number;
  service?: string;
  location: Location;
}

/** One row of a planned range table. */
export interface PlanRow {
  /** The Port cell as written (`3006-3009`, `3017, 3019`). */
  portText: string;
  /** Every port the cell names, ranges expanded. */
  ports: number[];
  /** Undefined for `*(reserved)*` rows. */
  service?: string;
  reserved: boolean;
  /** True when the Port cell is a range such as `3006-3009`. */
  isRange: boolean;
  /** Other columns by header (`Runtime`, `Description`, ...), plain text. */
  columns: Record<string, string>;
  correspondsTo?: Correspondence;
  /** The Port cell. */
  location: Location;
  /** The Service cell (or the Port cell when there is none). */
  serviceLocation: Location;
}

/** A `##` section: a range heading (`## 3000-3009: Core Platform Services`) or a plain one. */
export interface RegistrySection {
  title: string;
  /** Present for range headings; hyphen or en dash. */
  range?: { start: number; end: number };
  location: Location;
  rows: PlanRow[];
}

/** A dated line such as `**Reality reconciled:** 2026-04-08`. */
export interface DatedLine {
  label: string;
  date: string;
  location: Location;
}

export interface RegistryDoc {
  path: string;
  /** True when the document calls itself aspirational (plan drift is then a notice). */
  aspirational: boolean;
  sections: RegistrySection[];
  /** One binding per service row and port, host {@link PLAN_HOST}. */
  plan: Binding[];
  /** One binding per entry of the "Real ports today" list, on its host (or `not-deployed`). */
  actual: Binding[];
  /** Host labels of the "Real ports today" list, with addresses. */
  hosts: Host[];
  dates: DatedLine[];
}
