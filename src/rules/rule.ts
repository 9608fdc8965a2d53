/**
 * A rule is a module that exports its metadata (`meta`, as ESLint's rules do: id, description,
 * default severity, docs link, whether it offers a fix) and `check`, which holds only the
 * logic: it reports places and reasons. Running the rules turns each report into a finding
 * with the one constructor (core/finding.ts), which stamps what the metadata and the config
 * say. Rules never know about GitHub or output formats.
 */
import type { Finding, Report, Severity } from '../core/finding.js';
import { createFinding, ruleUrl } from '../core/finding.js';
import type { ProjectModel } from '../model/project.js';
import type { RegistryDoc } from '../core/registry.js';
import type { RuleMeta, RuleSetting } from '../core/rule-meta.js';

export type { Report } from '../core/finding.js';
export type { RuleSetting } from '../core/rule-meta.js';

/**
 * A rule's message templates by name, as ESLint's `meta.messages`: each takes what the check
 * found and returns one sentence saying what was found and what was expected.
 */
export type Messages = Readonly<Record<string, (data: never) => string>>;

export interface Rule {
  meta: RuleMeta;
  messages: Messages;
  /** Reports every problem the rule sees in the model; the runner makes them findings. */
  check(model: ProjectModel, report: (r: Report) => void): void;
}

/** What a rule module declares: its metadata (the docs link is derived from the id), its messages and its check. */
export interface RuleDefinition {
  meta: Omit<RuleMeta, 'docs'>;
  messages: Messages;
  check: Rule['check'];
}

/** Declares a rule; its docs link is its page, `docs/rules/<area>-<name>.md`. */
export function defineRule(def: RuleDefinition): Rule {
  return { meta: { ...def.meta, docs: ruleUrl(def.meta.id) }, messages: def.messages, check: def.check };
}

/** What a registry rule declares: its check is handed the registry itself. */
export interface RegistryRuleDefinition extends Omit<RuleDefinition, 'check'> {
  check(registry: RegistryDoc, model: ProjectModel, report: (r: Report) => void): void;
}

/** Declares a rule about the registry: it is skipped when the repository keeps none. */
export function defineRegistryRule(def: RegistryRuleDefinition): Rule {
  return defineRule({
    ...def,
    check(model, report) {
      if (model.registry) def.check(model.registry, model, report);
    },
  });
}

/** A rule that threw: not a rule of its own, the runner's report that one is missing. */
export const RULE_CRASHED: RuleMeta = {
  id: 'internal/rule-crashed',
  description: 'A rule threw on this repository; its findings are missing from the run.',
  defaultSeverity: 'error',
  docs: ruleUrl('internal/rule-crashed'),
  fixable: false,
};

/**
 * Runs every rule over the model. A configured severity replaces the rule's own for all its
 * findings; `off` skips the rule. A report whose fingerprint the rule already reported is
 * dropped. A rule that throws becomes an `internal/rule-crashed` finding instead of losing the
 * others' findings.
 */
export function runRules(rules: readonly Rule[], model: ProjectModel, settings: Readonly<Record<string, RuleSetting>> = {}): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const setting = settings[rule.meta.id];
    if (setting === 'off') continue;
    const seen = new Set<string>();
    try {
      rule.check(model, (r) => {
        const finding = createFinding(rule.meta, setting ? { ...r, severity: setting } : r);
        if (seen.has(finding.fingerprint)) return;
        seen.add(finding.fingerprint);
        findings.push(finding);
      });
    } catch (error) {
      findings.push(
        createFinding(RULE_CRASHED, {
          message: `Rule \`${rule.meta.id}\` crashed: ${error instanceof Error ? error.message : String(error)}; its findings are missing from this run.`,
          location: { file: model.registryPath, line: 1, column: 1, endLine: 1, endColumn: 1 },
          key: rule.meta.id,
        }),
      );
    }
  }
  return findings;
}

/**
 * The readers' input problems, with the config applied as to any rule's findings: a setting
 * for the id, else one for `input/*`, replaces the severity the reader gave; `off` drops them.
 */
export function inputFindings(problems: readonly Finding[], settings: Readonly<Record<string, RuleSetting>> = {}): Finding[] {
  const findings: Finding[] = [];
  for (const p of problems) {
    const setting = settings[p.ruleId] ?? settings['input/*'];
    if (setting === 'off') continue;
    findings.push(setting ? { ...p, severity: setting satisfies Severity } : p);
  }
  return findings;
}
