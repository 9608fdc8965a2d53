/**
 * SARIF 2.1.0 for code scanning (upload it with github/codeql-action/upload-sarif). Off by
 * default. Columns are UTF-16 code units with an exclusive end, exactly as SARIF's defaults
 * say, so locations go in unchanged. `partialFingerprints` carries portwarden's fingerprint
 * so code scanning tracks a finding across line moves as the baseline does.
 */
import type { Finding, Severity } from '../core/finding.js';
import type { Location } from '../core/location.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', notice: 'note' };
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The key of portwarden's fingerprint in `partialFingerprints`. */
export const FINGERPRINT_KEY = 'portwarden/v1';

function physical(loc: Location) {
  return {
    physicalLocation: {
      artifactLocation: { uri: loc.file, uriBaseId: '%SRCROOT%' },
      region: { startLine: loc.line, startColumn: loc.column, endLine: loc.endLine, endColumn: loc.endColumn },
    },
  };
}

/** One SARIF result. `baselineState` is set on pull requests (`new` or `unchanged`). */
function result(f: Finding, ruleIndex: number) {
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [physical(f.location)],
    ...(f.related.length ? { relatedLocations: f.related.map((r, id) => ({ id, ...physical(r.location), message: { text: r.message } })) } : {}),
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    ...(f.status ? { baselineState: f.status === 'new' ? 'new' : 'unchanged' } : {}),
    ...(f.fix
      ? {
          fixes: [
            {
              description: { text: `Replace with \`${f.fix.text}\`` },
              artifactChanges: [
                {
                  artifactLocation: { uri: f.fix.location.file, uriBaseId: '%SRCROOT%' },
                  replacements: [{ deletedRegion: physical(f.fix.location).physicalLocation.region, insertedContent: { text: f.fix.text } }],
                },
              ],
            },
          ],
        }
      : {}),
  };
}

/** The SARIF log for `findings` (on a pull request, new and existing alike: code scanning shows what is there now). */
export function toSarif(findings: Finding[], version: string) {
  const rules: { id: string; helpUri?: string; shortDescription: { text: string } }[] = [];
  const index = new Map<string, number>();
  for (const f of findings) {
    if (index.has(f.ruleId)) continue;
    index.set(f.ruleId, rules.length);
    rules.push({ id: f.ruleId, shortDescription: { text: f.ruleId }, ...(f.url ? { helpUri: f.url } : {}) });
  }
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0' as const,
    runs: [
      {
        tool: { driver: { name: 'portwarden', version, informationUri: 'https://github.com/portwarden/portwarden', rules } },
        columnKind: 'utf16CodeUnits' as const,
        results: findings.map((f) => result(f, index.get(f.ruleId)!)),
      },
    ],
  };
}
