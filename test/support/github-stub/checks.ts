/** Check runs: create (with the first 50 annotations), update (appending more), list for a ref. */
import { example, githubError, paginate, type Handler, type HandlerContext, type StubResponse } from './handler.js';

type Json = Record<string, any>;

/** Refusals GitHub makes beyond the schema (which already caps annotations at 50 and text at 65,535). */
function annotationProblems(annotations: Json[] | undefined): string[] {
  const problems: string[] = [];
  for (const [i, a] of (annotations ?? []).entries()) {
    if (a.end_line < a.start_line) problems.push(`annotations[${i}]: end_line ${a.end_line} is before start_line ${a.start_line}`);
    if ((a.start_column !== undefined || a.end_column !== undefined) && a.start_line !== a.end_line) problems.push(`annotations[${i}]: start_column/end_column are only allowed when start_line equals end_line`);
    if (typeof a.title === 'string' && a.title.length > 255) problems.push(`annotations[${i}]: title is ${a.title.length} characters, at most 255 allowed`);
    if (Buffer.byteLength(a.message ?? '') > 65_536) problems.push(`annotations[${i}]: message exceeds 64 KB`);
    if (a.start_line < 1) problems.push(`annotations[${i}]: start_line ${a.start_line} is not a line number (1-based)`);
  }
  return problems;
}

function completionProblem(run: Json): string | undefined {
  if (run.status === 'completed' && !run.conclusion) return 'Conclusion is required when status is completed';
  return undefined;
}

function respond(ctx: HandlerContext, run: Json & { annotations: Json[] }, status: number): StubResponse {
  const output = run.output ?? {};
  return {
    status,
    body: example(ctx, 'checks/create', {
      id: run.id,
      node_id: `CR_${run.id}`,
      head_sha: run.head_sha,
      name: run.name,
      status: run.status,
      conclusion: run.conclusion ?? null,
      started_at: run.started_at,
      completed_at: run.completed_at ?? null,
      external_id: run.external_id ?? null,
      details_url: run.details_url ?? null,
      url: `${ctx.baseUrl}/repos/${ctx.state.fullName}/check-runs/${run.id}`,
      html_url: `https://github.com/${ctx.state.fullName}/runs/${run.id}`,
      output: {
        title: output.title ?? null,
        summary: output.summary ?? null,
        text: output.text ?? null,
        annotations_count: run.annotations.length,
        annotations_url: `${ctx.baseUrl}/repos/${ctx.state.fullName}/check-runs/${run.id}/annotations`,
      },
      pull_requests: [],
    }, status),
  };
}

export const createCheckRun: Handler = (ctx) => {
  const b = ctx.body;
  const problems = [...annotationProblems(b.output?.annotations)];
  const run = {
    id: ctx.state.nextId(),
    name: b.name,
    head_sha: b.head_sha,
    status: b.conclusion ? 'completed' : (b.status ?? 'queued'),
    conclusion: b.conclusion ?? null,
    started_at: b.started_at ?? ctx.state.now(),
    completed_at: b.completed_at ?? (b.conclusion ? ctx.state.now() : null),
    external_id: b.external_id,
    details_url: b.details_url,
    output: b.output ? { title: b.output.title, summary: b.output.summary, text: b.output.text } : undefined,
    annotations: [...(b.output?.annotations ?? [])],
  };
  const done = completionProblem(run);
  if (done) problems.push(done);
  if (problems.length > 0) return githubError(422, 'Validation Failed', problems);
  ctx.state.checkRuns.set(run.id, run);
  return respond(ctx, run, 201);
};

export const updateCheckRun: Handler = (ctx) => {
  const run = ctx.state.checkRuns.get(ctx.params.check_run_id);
  if (!run) return githubError(404, 'Not Found');
  const b = ctx.body;
  const problems = annotationProblems(b.output?.annotations);
  const next = { ...run, ...Object.fromEntries(Object.entries(b).filter(([k]) => k !== 'output')) };
  if (b.conclusion) next.status = 'completed';
  if (next.status === 'completed' && !next.completed_at) next.completed_at = ctx.state.now();
  const done = completionProblem(next);
  if (done) problems.push(done);
  if (problems.length > 0) return githubError(422, 'Validation Failed', problems);
  if (b.output) {
    next.output = { ...run.output, title: b.output.title ?? run.output?.title, summary: b.output.summary ?? run.output?.summary, text: b.output.text ?? run.output?.text };
    // Updates append annotations to those already on the run.
    next.annotations = [...run.annotations, ...(b.output.annotations ?? [])];
  }
  ctx.state.checkRuns.set(run.id, next);
  return respond(ctx, next, 200);
};

export const listCheckRunsForRef: Handler = (ctx) => {
  const runs = [...ctx.state.checkRuns.values()].filter((r) => r.head_sha === ctx.params.ref && (!ctx.query.check_name || r.name === ctx.query.check_name));
  const page = paginate(ctx, runs.map((r) => respond(ctx, r, 201).body));
  return { ...page, body: { total_count: runs.length, check_runs: page.body } };
};
