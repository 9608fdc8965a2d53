/**
 * `input/no-services`: the repository showed no service at all, so nothing of its ports could
 * be checked. Said as a notice naming where portwarden looked and how to declare services,
 * rather than a clean result that reads as "all ports agree".
 */
import type { Config } from '../config/types.js';
import type { Finding } from '../core/finding.js';
import { problem } from '../core/input-rules.js';

/** The places discovery looks, in the words of the notice. */
export const DISCOVERY_PLACES = [
  'workspaces (`package.json` `workspaces`, `pnpm-workspace.yaml`, `go.work`, `.sln`/`.slnx`)',
  'compose `build:` folders',
  'Kubernetes workloads and skaffold artifacts',
  'folders holding a Dockerfile',
  'the folders `services/*`, `src/*`, `apps/*` and `cmd/*`',
  'top-level folders with a manifest (`package.json`, `go.mod`, `pyproject.toml`, `*.csproj`, `pom.xml`, `build.gradle`, `Cargo.toml`)',
];

/** The notice for a tree without services, pinned to the repository root. */
export function noServices(config: Pick<Config, 'services' | 'registry'>): Finding {
  const globs = config.services.length > 0 ? config.services.map((g) => `\`${g}\``).join(', ') : 'none';
  return problem(
    'input/no-services',
    '.',
    `Found no service in this repository, so no port was checked: no directory matched the \`services:\` globs (${globs}), there is no registry at \`${config.registry}\`, and nothing was found in ${DISCOVERY_PLACES.join(', ')}; expected at least one service. Declare where they live in .github/portwarden.yml, e.g. \`services: ["backend/*"]\` (each matching folder is one service, named after the folder).`,
  );
}
