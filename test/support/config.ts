/**
 * Config parsing as the engine does it: the text and the rule catalogue the pipeline hands
 * config (src/engine.ts `loadConfig`), for tests that parse config text without a file.
 */
import { parseConfig } from '../../src/config/parse.js';
import type { Config } from '../../src/config/types.js';
import { catalogue } from '../../src/rules/index.js';

/** Parses config `text` named `file` against the rule catalogue. */
export function parseConfigText(file: string, text: string): Config {
  return parseConfig(file, text, catalogue);
}
