/**
 * The rule wrapper (after remark-lint's `unified-lint-rule`): a rule reports places and
 * reasons; the wrapper stamps the id, the docs URL, the configured severity and the
 * fingerprint. Rules never know about GitHub or output formats.
 */
import type { Finding, Fix, Related, Severity } from '../core/finding.js';
import { fingerprint } from '../core/finding.js';
import type { Location } from '../core/location.js';
import type { ProjectModel } from '../model/project.js';
import type { RuleSetting } from '../core/rule-meta.js';

/** The rules index, one `## <rule id>` heading each; every rule also has a page in `docs/rules/`. */
export const DOCS_URL = 'https://github.com/portwarden/portwarden/blob/main/docs/rules.md';

/**
 * The docs link of a rule: its own page next to the index, `docs/rules/<id>.md` with the
 * slash turned into a hyphen (`registry/range-overlap` → `docs/rules/registry-range-overlap.md`).
 */
export function ruleUrl(id: string): string {
  return `${DOCS_URL.replace(/\.md$/, '')}/${id.toLowerCase().replace(/\//g, '-')}.md`;
}

/** What a rule reports; the wrapper turns it into a {@link Finding}. */
export interface Report {
  message: string;
  location: Location;
  related?: Related[];
  fix?: Fix;
  /** Identity of the finding without line numbers (services, ports, hosts, files). */
  key: string;
  /** Overrides the rule's default severity for this finding (e.g. warning on `dev`). */
  severity?: Severity;
}

export interface RuleDefinition {
  /** `area/name`, e.g. `collision/same-host`. */
  id: string;
  /** One line for the README and `--help`. */
  description: string;
  defaultSeverity: Severity;
  check(model: ProjectModel, report: (r: Report) => void): void;
}

export type Rule = RuleDefinition & { url: string };

/** Declares a rule. */
export function defineRule(def: RuleDefinition): Rule {
  return { ...def, url: ruleUrl(def.id) };
}

export type { RuleSetting } from '../core/rule-meta.js';

/**
 * Runs every rule over the model. A configured severity replaces the rule's own for all its
 * findings; `off` skips the rule. A rule that throws becomes an `internal/rule-crashed`
 * finding instead of losing the others' findings.
 */
export function runRules(rules: Rule[], model: ProjectModel, settings: Record<string, RuleSetting> = {}): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const setting = settings[rule.id];
    if (setting === 'off') continue;
    const seen = new Set<string>();
    try {
      rule.check(model, (r) => {
        const fp = fingerprint(rule.id, r.key);
        if (seen.has(fp)) return;
        seen.add(fp);
        findings.push({
          ruleId: rule.id,
          severity: setting ?? r.severity ?? rule.defaultSeverity,
          message: r.message,
          location: r.location,
          related: r.related ?? [],
          ...(r.fix ? { fix: r.fix } : {}),
          fingerprint: fp,
          url: rule.url,
        });
      });
    } catch (error) {
      findings.push({
        ruleId: 'internal/rule-crashed',
        severity: 'error',
        message: `Rule \`${rule.id}\` crashed: ${error instanceof Error ? error.message : String(error)}; its findings are missing from this run.`,
        location: { file: model.registryPath, line: 1, column: 1, endLine: 1, endColumn: 1 },
        related: [],
        fingerprint: fingerprint('internal/rule-crashed', rule.id),
        url: ruleUrl('internal/rule-crashed'),
      });
    }
  }
  return findings;
}
