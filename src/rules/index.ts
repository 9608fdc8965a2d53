/**
 * Every rule, in the order they run: the registry's own consistency first, then collisions,
 * then the agreement between docs, code, deploy files and references, then the registry
 * against the repository. And the catalogue: every rule's metadata with the input problems',
 * as data for the config (which ids and settings exist) and the docs.
 */
import type { RuleMeta } from '../core/rule-meta.js';
import { INPUT_RULES } from '../core/input-rules.js';
import type { Rule } from './rule.js';
import { registryRangeOverlap } from './registry-range-overlap.js';
import { registryOutOfRange } from './registry-out-of-range.js';
import { registryDuplicatePort } from './registry-duplicate-port.js';
import { registryPrincipleLastDigits } from './registry-principle-last-digits.js';
import { registryPlanDrift } from './registry-plan-drift.js';
import { collisionSameHost } from './collision-same-host.js';
import { docRegistryDrift } from './doc-registry-drift.js';
import { driftDocVsSource } from './drift-doc-vs-source.js';
import { driftDeploy } from './drift-deploy.js';
import { staleReference } from './stale-reference.js';
import { registryActualDrift } from './registry-actual-drift.js';
import { registryUnregistered } from './registry-unregistered.js';
import { registryOrphan } from './registry-orphan.js';
import { docMissingPort } from './doc-missing-port.js';

/** All rules, in run order. */
export const allRules: readonly Rule[] = [
  registryRangeOverlap,
  registryOutOfRange,
  registryDuplicatePort,
  registryPrincipleLastDigits,
  registryPlanDrift,
  collisionSameHost,
  docRegistryDrift,
  driftDocVsSource,
  driftDeploy,
  staleReference,
  registryActualDrift,
  registryUnregistered,
  registryOrphan,
  docMissingPort,
];

/** The rule catalogue: the rules' metadata in run order, then the input problems' (`input/*`). */
export const catalogue: readonly RuleMeta[] = [...allRules.map((r) => r.meta), ...INPUT_RULES];
