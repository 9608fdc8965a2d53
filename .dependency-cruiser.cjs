/**
 * The pipeline's stages, left to right, and what each may import (`npm run layers`; CI runs it
 * after the typecheck). A stage imports itself and the stages its entry names, nothing else in
 * src/; the edge (engine, git, GitHub, the Action's commands, the CLI, the entry points) may
 * import anything.
 *
 *   core → config → collect → extract → model → rules → assign → baseline → report → edge
 */

/** The stages, each with the stages it may import besides itself. */
const STAGES = {
  // The vocabulary every stage shares: locations, findings, statements, hosts, services.
  core: [],
  // Plain data: the config's types, defaults, and parsing its text. No I/O.
  config: ['core'],
  // Which files, services and hosts; collect/read.ts reads every repository byte.
  collect: ['core', 'config'],
  // Files to statements: bindings, references, input problems.
  extract: ['core', 'config', 'collect'],
  // Statements to the project model, and who holds which port on which host.
  model: ['core', 'config'],
  // One module per rule; running them; suppressions.
  rules: ['core', 'config', 'model'],
  // The /assign-port allocator and the registry edit.
  assign: ['core', 'config', 'model'],
  // Base versus head: new, existing, fixed; diff parsing; relocation.
  baseline: ['core', 'config', 'model', 'rules'],
  // Formatters: handed data, they return text; they read no file and call no API.
  report: ['core', 'config', 'collect', 'extract', 'model', 'rules', 'assign', 'baseline'],
};

/**
 * Modules of the edge: they run the pipeline and talk to the world. A stage is a folder, so
 * every file at the top of src/ (engine.ts, index.ts, version.ts) is edge.
 */
const EDGE = '^src/[^/]+\\.ts$|^src/(?:git|github|action|cli)/';

const anyStage = `^src/(?:${Object.keys(STAGES).join('|')})/`;

module.exports = {
  forbidden: [
    ...Object.entries(STAGES).map(([stage, allowed]) => ({
      name: `layer-${stage}`,
      comment: `src/${stage}/ may import only ${[stage, ...allowed].map((s) => `src/${s}/`).join(', ')} within src/ (stages to its right, and the edge, are off limits).`,
      severity: 'error',
      from: { path: `^src/${stage}/` },
      to: { path: '^src/', pathNot: `^src/(?:${[stage, ...allowed].join('|')})/` },
    })),
    {
      name: 'no-module-outside-the-stages',
      comment: 'Every module of src/ belongs to a stage or to the edge; a new folder takes its place in STAGES or EDGE first.',
      severity: 'error',
      from: { path: '^src/', pathNot: `${anyStage}|${EDGE}` },
      to: {},
    },
    {
      name: 'no-circular',
      comment: 'No module depends on itself through others: the stages read one way.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-src-importing-test',
      comment: 'The shipped code never depends on tests or their support.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^test/' },
    },
    {
      name: 'file-system-only-in-collect-and-the-edge',
      comment:
        'Repository bytes are read by collect/read.ts alone, and files are written by the edge: no other stage touches the file system. ' +
        'Two extract modules only look for files shipped beside the bundle (the worker script, the wasm grammars).',
      severity: 'error',
      from: { path: '^src/', pathNot: `^src/collect/|${EDGE}|^src/extract/parallel\\.ts$|^src/extract/source/tree-sitter\\.ts$` },
      to: { dependencyTypes: ['core'], path: '^(?:node:)?fs(?:/promises)?$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a stage that names another's types depends on it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
