/**
 * Ports other open pull requests claim: the rows their registry adds. A pull request that
 * does not change the registry claims nothing; one that does is read at its head through
 * the contents API and parsed like any registry.
 */
import type { Claim } from '../../assign/allocate.js';
import type { RegistryDoc } from '../../core/registry.js';
import type { ServiceIndex } from '../../core/services.js';
import { parseRegistry } from '../../extract/registry/index.js';
import { getFile } from '../../github/contents.js';
import type { GitHubClient } from '../../github/octokit.js';
import { changesFile, openPulls } from '../../github/pulls.js';

/** The plan rows of the other open pull requests' registries that `ours` lacks. */
export async function openClaims(client: GitHubClient, owner: string, repo: string, registryPath: string, ours: RegistryDoc | undefined, services: ServiceIndex, except?: number): Promise<Claim[]> {
  const known = new Set((ours?.plan ?? []).map((b) => `${b.service}\0${b.port}`));
  const claims: Claim[] = [];
  for (const pull of await openPulls(client, owner, repo)) {
    if (pull.number === except || !(await changesFile(client, owner, repo, pull.number, registryPath))) continue;
    const file = await getFile(client, owner, repo, registryPath, pull.headSha);
    if (!file) continue;
    for (const b of parseRegistry(registryPath, file.text, services).doc.plan) {
      if (!known.has(`${b.service}\0${b.port}`)) claims.push({ port: b.port, pr: pull.number, service: b.service });
    }
  }
  return claims;
}
