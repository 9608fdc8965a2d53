/**
 * What every rule declares about itself, as plain data: the config checks rule ids and
 * settings against this catalogue, reporters link to the docs, and the one constructor of
 * findings (core/finding.ts) stamps id, severity and docs link on each finding.
 */
import type { Severity } from './finding.js';

/** A rule severity setting from the config: a severity, or `off`. */
export type RuleSetting = Severity | 'off';

/** The form of one rule option, for validating the config. */
export interface OptionSchema {
  type: 'boolean' | 'number' | 'string' | 'string[]';
  description: string;
}

export interface RuleMeta {
  /** `area/name`, e.g. `collision/same-host`; input problems are rules under `input/`. */
  id: string;
  /** One line for the README and `--help`. */
  description: string;
  defaultSeverity: Severity;
  /** Link to the rule's page, `docs/rules/<area>-<name>.md`. */
  docs: string;
  /** True when the rule offers a certain fix (a one-click suggestion) for some findings. */
  fixable: boolean;
  /** The rule's options by name, when it has any. */
  options?: Record<string, OptionSchema>;
}
