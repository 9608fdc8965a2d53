/**
 * A pull request pays for its diff: on a real 5,000-file repository, the check of a one-file
 * change extracts, for the merge base, only the changed file, and reads from git only that
 * blob and the ones collect reads itself (the registry, the compose file, the config).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { checkRevisions } from '../../src/revisions.js';
import { createTempRepo, type FileTree, type TempRepo } from '../support/git-repo.js';

const repos: TempRepo[] = [];
afterAll(() => repos.forEach((r) => r.remove()));

const SERVICES = 250;
const name = (i: number) => `svc-${String(i).padStart(3, '0')}`;
const port = (i: number) => 4000 + i;

/** 250 services of 20 files each (a doc, a source default, routes, tests, notes), a registry, a compose file, a config. */
function monorepo(): FileTree {
  const files: FileTree = {
    '.github/portwarden.yml': 'services:\n  - services/*\n',
    'docs/PORT_SCHEMA.md': ['# Port Schema', '', '> **Real ports today**', '>', '> **Mac Mini (production):**', ...Array.from({ length: SERVICES }, (_, i) => `> - ${name(i)} \`${port(i)}\``), ''].join('\n'),
    'docker-compose.yml': ['services:', ...Array.from({ length: 20 }, (_, i) => `  ${name(i)}:\n    image: acme/${name(i)}\n    ports:\n      - "${port(i)}:${port(i)}"`), ''].join('\n'),
  };
  for (let i = 0; i < SERVICES; i++) {
    const dir = `services/${name(i)}`;
    files[`${dir}/CLAUDE.md`] = `# ${name(i)}\n\n- **Port:** ${port(i)}\n\nServes the ${name(i)} API; 12 workers, 3 retries.\n`;
    files[`${dir}/src/config.ts`] = `export const port = Number(process.env.PORT ?? ${port(i)});\n`;
    files[`${dir}/src/index.ts`] = `import { port } from './config';\nexport function start(serve: (p: number) => void) {\n  serve(port);\n}\n`;
    for (let r = 0; r < 10; r++) files[`${dir}/src/routes/route-${r}.ts`] = `export function handler${r}(req: { id: string }) {\n  return { id: req.id, step: ${r} };\n}\n`;
    for (let t = 0; t < 3; t++) files[`${dir}/test/unit-${t}.test.ts`] = `import { handler${t} } from '../src/routes/route-${t}';\nhandler${t}({ id: 'x' });\n`;
    files[`${dir}/README.md`] = `# ${name(i)}\n\nSee CLAUDE.md.\n`;
    files[`${dir}/docs/notes.md`] = `Design notes for ${name(i)}: 5 queues, 2 caches.\n`;
    files[`${dir}/CHANGELOG.md`] = `## 1.0.${i}\n\n- first release\n`;
    files[`${dir}/src/util.ts`] = `export const clamp = (n: number, lo = 0, hi = 100) => Math.min(hi, Math.max(lo, n));\n`;
  }
  return files;
}

describe('a one-file pull request on a 5,000-file repository', () => {
  it('extracts only the changed file for the merge base, and reads only that blob and collect’s own from git', async () => {
    const repo = createTempRepo('pw-pr-cost-');
    repos.push(repo);
    const tree = monorepo();
    expect(Object.keys(tree).length).toBe(5003);
    repo.write(tree);
    repo.commit('base');
    repo.checkout('feature', { create: true });
    // svc-007's source default moves onto svc-008's port: its doc disagrees, and it collides with svc-008.
    repo.write({ 'services/svc-007/src/config.ts': `export const port = Number(process.env.PORT ?? ${port(8)});\n` });
    repo.commit('move svc-007');

    const analysis = await checkRevisions({ root: repo.dir, base: 'main', policy: { read: 'worktree', config: 'head', newSuppressions: 'apply' } });
    try {
      expect(analysis.classified.new.map((f) => `${f.location.file} ${f.ruleId}`)).toEqual(['docker-compose.yml collision/same-host', 'services/svc-007/CLAUDE.md drift/doc-vs-source']);
      const cost = analysis.baseCost!;
      // The merge base: one file extracted, every other wanted file reused from the head's check.
      expect(cost.extracted).toBe(1);
      expect(analysis.head.extraction).toEqual({ extracted: cost.reused + 1, reused: 0 });
      expect(cost.reused).toBeGreaterThan(3000);
      // Blobs read from git: the changed file, plus the registry, the compose file and the config collect reads itself.
      expect(cost.blobsRead).toBe(4);
    } finally {
      await analysis.dispose();
    }
    // A real repository of 5,000 files, checked twice from source on a shared machine.
  }, 300_000);
});
