/** Every rule, in the order they run. */
import type { Rule } from './rule.js';

export const allRules: Rule[] = [];
