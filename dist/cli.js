#!/usr/bin/env node
import { createRequire as __pwCreateRequire } from 'node:module'; const require = __pwCreateRequire(import.meta.url);
import {
  ConfigError,
  FAIL_LEVELS,
  GitError,
  MergeBaseError,
  SERVICE_NAME,
  VERSION,
  assign,
  check,
  checkRevisions,
  describeSkip,
  formatComparison,
  formatText,
  openCacheStore,
  parseRange,
  repoTop,
  resolveCommit,
  toJsonReport,
  verdict
} from "./chunk-M3VRZWR4.js";
import {
  DEV_HOST,
  NOT_DEPLOYED_HOST,
  PLAN_HOST,
  readRepoFile,
  sortFindings
} from "./chunk-DEPEE64A.js";

// src/cli/epipe.ts
function exitQuietlyOnEpipe(stream, exit = (code) => process.exit(code)) {
  stream.on("error", (error) => {
    if (error.code !== "EPIPE") throw error;
    const code = process.exitCode;
    exit(typeof code === "number" ? code : 0);
  });
}

// src/cli/main.ts
import { existsSync as existsSync2, statSync as statSync2 } from "node:fs";
import { resolve as resolve2 } from "node:path";

// src/report/hosts.ts
function reason(b, model) {
  if (b.kind === "registry-plan") return "planned in the registry (binds no machine)";
  if (b.kind === "registry-actual") return b.host === NOT_DEPLOYED_HOST ? "registry: not deployed" : "registry: real ports";
  const placed = model.hosts.placeFile(b.location.file, b.service);
  if (placed) return placed === b.host ? "the path names this host" : `stated for this host (path names ${placed})`;
  return b.host === DEV_HOST ? `default for ${b.kind} files` : "stated in the file";
}
function formatHosts(model) {
  const order = [...model.hosts.list().map((h) => h.id), DEV_HOST, NOT_DEPLOYED_HOST, PLAN_HOST];
  const byHost = /* @__PURE__ */ new Map();
  for (const b of model.bindings) byHost.set(b.host, [...byHost.get(b.host) ?? [], b]);
  for (const host of byHost.keys()) if (!order.includes(host)) order.push(host);
  const out = [];
  for (const id of order) {
    const bindings = byHost.get(id) ?? [];
    const host = model.hosts.resolve(id);
    const about = host ? ` (${[host.label, ...host.aliases].map((n) => `"${n}"`).join(", ")}${host.addresses.length ? `; ${host.addresses.join(", ")}` : ""})` : "";
    out.push(`${id}${about}: ${bindings.length} binding${bindings.length === 1 ? "" : "s"}`);
    const byFile = /* @__PURE__ */ new Map();
    for (const b of bindings) byFile.set(b.location.file, [...byFile.get(b.location.file) ?? [], b]);
    for (const [file, list] of [...byFile].sort(([a], [b]) => a < b ? -1 : 1)) {
      out.push(`  ${file}  (${reason(list[0], model)})`);
      for (const b of list.sort((x, y) => x.port - y.port)) {
        const net = b.network === "container" ? " [container]" : "";
        out.push(`    ${String(b.port).padStart(5)}  ${b.service}${net}  line ${b.location.line}${b.via ? `, ${b.via}` : ""}`);
      }
    }
  }
  return out.join("\n") + "\n";
}

// src/cli/args.ts
import { parseArgs } from "node:util";
var USAGE = `Usage: portwarden <command> [dir] [options]

Commands:
  check [dir]    Check the monorepo at dir (default: .) and print findings
  hosts [dir]    Print which files placed which ports on which host
  assign <service> --in <lo-hi|"section"> [dir]
                 Print the next free port for a service (--write adds it to the registry)

Options:
  --format <text|json>   Output format of check (default: text)
  --config <file>        Config file (default: .github/portwarden.yml when present)
  --base <rev>           With check: report what a pull request from here into <rev> would:
                         new, existing, fixed and not-checked findings against the merge base
  --head <rev>           With --base: check commit <rev> instead of the working tree
  --fail-level <level>   error, warning, notice or never (default: error): exit 1 when
                         findings at or above it exist (with --base: new findings)
  --explain-hosts        With check: print the host map before the findings
  --cache <file>         With check: reuse what files gave in an earlier run, kept in <file>
                         (read if present, written back; for a CI cache)
  -h, --help             Show this help
  -v, --version          Show the version

Exit codes: 0 nothing at or above the fail level, 1 findings at or above it,
2 usage, config or git error.
`;
var UsageError = class extends Error {
};
var COMMANDS = ["check", "hosts"];
var DEFAULTS = { dir: ".", format: "text", explainHosts: false, failLevel: "error" };
function parseCli(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: "string" },
        config: { type: "string" },
        base: { type: "string" },
        head: { type: "string" },
        "fail-level": { type: "string" },
        "explain-hosts": { type: "boolean" },
        cache: { type: "string" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" }
      }
    });
  } catch (error) {
    throw new UsageError(error.message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: "help", ...DEFAULTS };
  if (values.version) return { command: "version", ...DEFAULTS };
  const [command = "check", dir = ".", ...rest] = positionals;
  if (!COMMANDS.includes(command)) throw new UsageError(`Unknown command \`${command}\`; expected ${COMMANDS.map((c) => `\`${c}\``).join(" or ")}.`);
  if (rest.length) throw new UsageError(`Unexpected argument \`${rest[0]}\`; expected one directory.`);
  const format = values.format ?? "text";
  if (format !== "text" && format !== "json") throw new UsageError(`\`--format ${format}\` is not supported; expected \`text\` or \`json\`.`);
  const failLevel = (values["fail-level"] ?? "error").toLowerCase();
  if (!FAIL_LEVELS.includes(failLevel)) throw new UsageError(`\`--fail-level ${values["fail-level"]}\` is not a level; expected one of ${FAIL_LEVELS.join(", ")}.`);
  if (values.cache !== void 0 && command !== "check") throw new UsageError(`\`--cache\` goes with \`check\`, not \`${command}\`.`);
  if (values.cache === "") throw new UsageError("`--cache` is empty; expected the path of a cache file.");
  for (const flag of ["base", "head"]) {
    if (values[flag] !== void 0 && command !== "check") throw new UsageError(`\`--${flag}\` goes with \`check\`, not \`${command}\`.`);
    if (values[flag] === "") throw new UsageError(`\`--${flag}\` is empty; expected a revision (a branch, a tag or a commit).`);
  }
  if (values.head !== void 0 && values.base === void 0) throw new UsageError("`--head` needs `--base`: it names the head of the pull request compared with the base.");
  return {
    command,
    dir,
    format,
    ...values.config ? { config: values.config } : {},
    explainHosts: values["explain-hosts"] ?? false,
    failLevel,
    ...values.base !== void 0 ? { base: values.base } : {},
    ...values.head !== void 0 ? { head: values.head } : {},
    ...values.cache !== void 0 ? { cache: values.cache } : {}
  };
}

// src/cli/check-base.ts
var WORKING_TREE = { read: "worktree", config: "head", newSuppressions: "apply" };
var COMMIT = { read: "commit", config: "head", newSuppressions: "apply" };
async function checkBase(options, root, out, cache) {
  const top = await repoTop(root);
  if (top === void 0) throw new UsageError(`\`${options.dir}\` is not inside a git repository; \`--base\` compares revisions, so it needs one.`);
  const commit = async (flag, rev) => {
    const sha = await resolveCommit(top, rev);
    if (sha === void 0) throw new UsageError(`\`--${flag} ${rev}\` names no commit in ${top}; expected a branch, a tag or a commit there (nothing is fetched).`);
    return sha;
  };
  const base = await commit("base", options.base);
  const head = options.head === void 0 ? void 0 : await commit("head", options.head);
  const analysis = await checkRevisions({ root, ...options.config ? { configPath: options.config } : {}, base, ...head ? { head } : {}, policy: head ? COMMIT : WORKING_TREE, ...cache ? { cache } : {} });
  try {
    const { classified, suppressions } = analysis;
    if (options.format === "json") {
      const json = toJsonReport(analysis.head, VERSION, { findings: sortFindings([...classified.new, ...classified.existing]), fixed: classified.fixed, notChecked: classified.notChecked, suppressions });
      out.write(JSON.stringify(json, null, 2) + "\n");
    } else out.write(formatComparison({ classified, suppressions, mergeBase: analysis.mergeBase }));
    return verdict(classified, options.failLevel).failing.length > 0 ? 1 : 0;
  } finally {
    await analysis.dispose();
  }
}

// src/cli/assign.ts
import { existsSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs as parseArgs2 } from "node:util";
var ASSIGN_USAGE = `Usage: portwarden assign <service> --in <lo-hi|"section title"> [dir] [options]

Prints the lowest free port of the range (or of the registry section) for the service and
why each lower candidate was skipped. Nothing is written unless --write is given.

Options:
  --in <range|section>   A range such as 3020-3029, or a registry section's title
  --write                Add the row to the registry (and the port line to the service's CLAUDE.md)
  --format <text|json>   Output format (default: text)
  --config <file>        Config file (default: .github/portwarden.yml when present)
`;
async function runAssign(argv, out) {
  let parsed;
  try {
    parsed = parseArgs2({ args: argv, allowPositionals: true, options: { in: { type: "string" }, write: { type: "boolean" }, format: { type: "string" }, config: { type: "string" }, help: { type: "boolean", short: "h" } } });
  } catch (error) {
    throw new UsageError(error.message);
  }
  const { values, positionals } = parsed;
  if (values.help) return void out.write(ASSIGN_USAGE), 0;
  const [service, dir = ".", ...rest] = positionals;
  if (service === void 0) throw new UsageError("`assign` needs a service name; expected `portwarden assign <service> --in <range|section>`.");
  if (!SERVICE_NAME.test(service)) throw new UsageError(`\`${service}\` is not a service name; expected lower-case letters, digits and hyphens, starting with a letter (at most 63).`);
  if (rest.length) throw new UsageError(`Unexpected argument \`${rest[0]}\`; expected one directory.`);
  if (values.in === void 0 || values.in.trim() === "") throw new UsageError('`assign` needs `--in <lo-hi>` or `--in "<section title>"`.');
  const format = values.format ?? "text";
  if (format !== "text" && format !== "json") throw new UsageError(`\`--format ${format}\` is not supported; expected \`text\` or \`json\`.`);
  const range = parseRange(values.in);
  const target = range ? { range } : /^\s*\d+\s*[-–—]\s*\d+\s*$/.test(values.in) ? badRange(values.in) : { section: values.in };
  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`\`${dir}\` is not a directory; expected the root of a repository.`);
  const { model, config } = await check({ root, ...values.config ? { configPath: values.config } : {} });
  const read = (path) => {
    const r = readRepoFile(root, path, config.maxFileBytes);
    return "text" in r ? r.text : void 0;
  };
  const result = assign({ model, config, request: { service, target }, read });
  const skipped = ("skipped" in result ? result.skipped ?? [] : []).map((s) => ({ port: s.port, reason: s.reason.kind, detail: describeSkip(s) }));
  if ("error" in result) {
    if (format === "json") out.write(JSON.stringify({ service, port: null, range: result.range ?? null, skipped, error: result.error }, null, 2) + "\n");
    else out.write(`portwarden: no port for ${service}: ${result.error}
${skipped.map((s) => `  skipped ${s.detail}
`).join("")}`);
    return 1;
  }
  if (values.write) for (const edit of result.edits) writeFileSync(join(root, edit.path), edit.text);
  if (format === "json") {
    out.write(JSON.stringify({ service, port: result.port, range: result.range, section: result.section, skipped, files: result.edits.map((e) => e.path), written: values.write ?? false }, null, 2) + "\n");
    return 0;
  }
  const lines = [`${service}: port ${result.port} (range ${result.range.start}-${result.range.end}, section "${result.section}")`];
  for (const s of skipped) lines.push(`  skipped ${s.detail}`);
  const verb = values.write ? "wrote" : "would write (dry run; --write to edit)";
  for (const e of result.edits) lines.push(`${verb} ${e.path}${e.path === model.registryPath ? ` (row at line ${result.rowLine})` : " (port line)"}`);
  out.write(lines.join("\n") + "\n");
  return 0;
}
function badRange(text) {
  throw new UsageError(`\`--in ${text}\` is not a range of ports; expected \`lo-hi\` with 1 <= lo <= hi <= 65535.`);
}

// src/cli/main.ts
var COMMANDS2 = {
  async check(options, root, out, err) {
    if (options.cache === void 0) return checkOnce(options, root, out);
    const store = openCacheStore(resolve2(options.cache), (message) => err.write(`portwarden: warning: ${message}
`), options.cache);
    const code = await checkOnce(options, root, out, store.cache);
    store.save();
    return code;
  },
  async hosts(options, root, out) {
    const result = await check({ root, ...options.config ? { configPath: options.config } : {} });
    out.write(formatHosts(result.model));
    return 0;
  }
};
async function checkOnce(options, root, out, cache) {
  if (options.base !== void 0) return checkBase({ ...options, base: options.base }, root, out, cache);
  const result = await check({ root, ...options.config ? { configPath: options.config } : {}, ...cache ? { cache } : {} });
  if (options.format === "json") out.write(JSON.stringify(toJsonReport(result, VERSION), null, 2) + "\n");
  else {
    if (options.explainHosts) out.write(formatHosts(result.model) + "\n");
    out.write(formatText(result.findings, result.suppressed.length));
  }
  return verdict({ new: result.findings }, options.failLevel).failing.length > 0 ? 1 : 0;
}
async function main(argv, out = process.stdout, err = process.stderr) {
  try {
    if (argv[0] === "assign") return await runAssign(argv.slice(1), out);
    const options = parseCli(argv);
    if (options.command === "help") return void out.write(USAGE), 0;
    if (options.command === "version") return void out.write(`${VERSION}
`), 0;
    const root = resolve2(options.dir);
    if (!existsSync2(root) || !statSync2(root).isDirectory()) throw new UsageError(`\`${options.dir}\` is not a directory; expected the root of a repository.`);
    return await COMMANDS2[options.command](options, root, out, err);
  } catch (error) {
    if (error instanceof UsageError) {
      err.write(`portwarden: ${error.message}

${argv[0] === "assign" ? ASSIGN_USAGE : USAGE}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      err.write(`portwarden: config error: ${error.message}
`);
      return 2;
    }
    if (error instanceof GitError || error instanceof MergeBaseError) {
      err.write(`portwarden: ${error.message}
`);
      return 2;
    }
    err.write(`portwarden: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}
`);
    return 2;
  }
}

// src/cli/index.ts
exitQuietlyOnEpipe(process.stdout);
exitQuietlyOnEpipe(process.stderr);
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
