import { createRequire as __pwCreateRequire } from 'node:module'; const require = __pwCreateRequire(import.meta.url);
import {
  CONTAINER_FOLDERS,
  DEV_HOST,
  INPUT_RULES,
  LOOPBACK,
  MAX_YAML_ALIASES,
  MAX_YAML_ALIAS_TOKENS,
  NOT_DEPLOYED_HOST,
  PLAN_HOST,
  SEVERITIES,
  __toESM,
  aliasTokenOverflow,
  boundedPieces,
  buildHosts,
  buildServices,
  compareLocations,
  createFinding,
  createLocator,
  describeValue,
  emptyExtraction,
  excessAlias,
  extractFiles,
  fileLocation,
  findSuppressions,
  forgetKeptYaml,
  formatLocation,
  fromMarkdown,
  hostId,
  hostKey,
  identifyFile,
  inputProblem,
  isTestPath,
  isValidPort,
  lineStarts,
  markdownBlocks,
  markdownLimitHit,
  mayDefine,
  parseDotenv,
  parseMarkdown,
  parsePieces,
  problem,
  quote,
  readPort,
  readRepoFile,
  readText,
  readersOf,
  require_dist,
  require_picomatch,
  ruleUrl,
  severityRank,
  sortFindings,
  tablesIfAny,
  toString,
  unified,
  valueKey,
  walk,
  yamlDocument,
  yamlStream
} from "./chunk-DEPEE64A.js";

// src/config/types.ts
var ConfigError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "ConfigError";
  }
};

// src/engine.ts
import { performance } from "node:perf_hooks";

// src/config/defaults.ts
var DEFAULT_CONFIG_PATHS = [".github/portwarden.yml", ".github/portwarden.yaml"];
var BUILTIN_IGNORES = [
  "**/.git/**",
  "**/node_modules/**",
  "**/vendor/**",
  "**/third_party/**",
  "**/.venv/**",
  "**/venv/**",
  "**/__pycache__/**",
  "**/dist/**",
  "**/build/**",
  "**/.next/**",
  "**/.svelte-kit/**",
  "**/coverage/**",
  "**/generated/**",
  "**/*.generated.*",
  "**/*.gen.*",
  "**/*.pb.go",
  "**/*_pb2.py",
  "**/*.min.js",
  "**/package-lock.json",
  "**/npm-shrinkwrap.json",
  "**/pnpm-lock.yaml",
  "**/yarn.lock",
  "**/bun.lock",
  "**/bun.lockb",
  "**/go.sum",
  "**/Cargo.lock",
  "**/poetry.lock",
  "**/uv.lock",
  "**/Pipfile.lock",
  "**/CHANGELOG*",
  "**/HISTORY*",
  "**/devlog/**",
  "**/devlogs/**",
  "**/DEVLOG*"
];
var DEFAULT_MAX_FILE_BYTES = 1024 * 1024;
var MAX_CONFIG_BYTES = 1024 * 1024;
function defaultConfig() {
  return {
    registry: "docs/PORT_SCHEMA.md",
    services: ["services/*", "apps/*/*"],
    serviceDocs: ["services/*/CLAUDE.md", "apps/*/*/CLAUDE.md"],
    ignore: [],
    hosts: [],
    composeProjects: [],
    aliases: {},
    rules: {},
    maxFileBytes: DEFAULT_MAX_FILE_BYTES,
    allowNewSuppressionsOnPrTarget: false,
    assignPort: { deny: [], unique: "across-hosts" }
  };
}

// src/core/glob-matcher.ts
var import_picomatch = __toESM(require_picomatch(), 1);
var SYNTAX = /[?[\]{}()!+@\\|^$'"`]/;
var STARS = /\*{3,}/;
function requiredLiteral(glob) {
  if (SYNTAX.test(glob) || STARS.test(glob)) return "";
  let longest = "";
  for (const part of glob.split(/[*/]+/)) if (part !== "." && part !== ".." && part.length > longest.length) longest = part;
  return longest;
}
function globMatcher(globs) {
  const plain = [];
  const gated = [];
  for (const glob of globs) {
    const matches = (0, import_picomatch.default)(glob, { dot: true });
    const literal = requiredLiteral(glob);
    if (literal === "") plain.push(matches);
    else gated.push({ literal, matches });
  }
  const anyLiteral = gated.length > 0 ? new RegExp(gated.map((g) => g.literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")) : void 0;
  return (path) => {
    for (const matches of plain) if (matches(path)) return true;
    if (!anyLiteral?.test(path)) return false;
    for (const g of gated) if (path.includes(g.literal) && g.matches(path)) return true;
    return false;
  };
}

// src/collect/index.ts
import { join as join2 } from "node:path";

// src/collect/walk.ts
import { readdirSync } from "node:fs";
import { join, normalize, sep } from "node:path";
var PRUNE_PROBES = ["portwarden-probe", ".portwarden-probe.d/p.q", "Portwarden Probe/x/y.z"];
function coversDirectory(isIgnored, rel) {
  return isIgnored(rel) || PRUNE_PROBES.every((probe) => isIgnored(`${rel}/${probe}`));
}
function walk2(root, ignore, serviceGlobs, refused2 = [], tree) {
  const isIgnored = globMatcher(ignore);
  const isServiceDir = globMatcher(serviceGlobs);
  const result = { files: [], serviceDirs: [], problems: [] };
  const visit = (dirRel, dirAbs, prefix) => {
    let entries;
    try {
      entries = tree ? tree.entries(dirRel) : readdirSync(dirAbs, { withFileTypes: true });
    } catch (error) {
      result.problems.push(problem("input/unreadable", dirRel || ".", `Directory ${quote(dirRel || ".")} cannot be read (${error.code ?? "error"}); its files were not checked.`));
      return;
    }
    entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    for (const entry of entries) {
      const rel = dirRel ? `${dirRel}/${entry.name}` : entry.name;
      const abs = prefix + entry.name;
      if (entry.isDirectory()) {
        if (coversDirectory(isIgnored, rel)) continue;
        if (isServiceDir(rel)) result.serviceDirs.push(rel);
        visit(rel, abs, abs + sep);
        continue;
      }
      if (isIgnored(rel)) continue;
      if (entry.isSymbolicLink() && isServiceDir(rel)) {
        result.problems.push(problem("input/symlink-not-followed", rel, `${quote(rel)} matches a service directory glob but is a symlink; symlinks are never followed, so its files were not checked (expected a directory).`));
        continue;
      }
      const blob = tree?.blob(rel);
      result.files.push(blob ? { path: rel, abs, root, blob } : tree ? { path: rel, abs, root } : { path: rel, abs, root, walked: true });
    }
  };
  visit("", root, prefixOf(root));
  if (refused2.length === 0) return result;
  const listed = new Set(result.files.map((f) => f.path));
  for (const r of refused2) {
    if (listed.has(r.path) || isIgnored(r.path) || ancestors(r.path).some((dir) => coversDirectory(isIgnored, dir))) continue;
    if (r.reason === "symlink" && isServiceDir(r.path)) {
      result.problems.push(problem("input/symlink-not-followed", r.path, `${quote(r.path)} matches a service directory glob but is a symlink; symlinks are never followed, so its files were not checked (expected a directory).`));
      continue;
    }
    result.files.push({ path: r.path, abs: join(root, r.path), root, refused: r });
  }
  return result;
}
function prefixOf(dir) {
  const normal = normalize(dir);
  if (normal === ".") return "";
  return normal.endsWith(sep) ? normal : normal + sep;
}
function ancestors(path) {
  const out = [];
  for (let i = path.indexOf("/"); i > 0; i = path.indexOf("/", i + 1)) out.push(path.slice(0, i));
  return out;
}

// src/collect/discover.ts
var import_picomatch2 = __toESM(require_picomatch(), 1);

// src/core/group-by.ts
function groupBy(items, key2) {
  const groups = /* @__PURE__ */ new Map();
  for (const item of items) {
    const k = key2(item);
    const list2 = groups.get(k);
    if (list2) list2.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

// src/collect/discover.ts
var COLLECTION_FOLDERS = /* @__PURE__ */ new Set(["apps", "services", "packages", "src", "cmd", "projects", "modules"]);
var TOOLING_FOLDERS = /* @__PURE__ */ new Set(["docs", "doc", "scripts", "script", "tools", "tool", "hack", "ci", "test", "tests", "e2e", "bench", "benchmarks", "website"]);
var MANIFEST = /^(package\.json|go\.mod|pyproject\.toml|pom\.xml|build\.gradle(\.kts)?|Cargo\.toml|[^/]+\.(cs|fs|vb)proj)$/;
var CONVENTIONS = [
  { glob: "services/*", holds: /^(Dockerfile(\..+)?|package\.json|go\.mod|pyproject\.toml|requirements\.txt|pom\.xml|build\.gradle(\.kts)?|Cargo\.toml|[^/]+\.(cs|fs|vb)proj)$/, depth: 2 },
  { glob: "src/*", holds: /^(Dockerfile(\..+)?|package\.json|go\.mod|pyproject\.toml|requirements\.txt|pom\.xml|build\.gradle(\.kts)?|Cargo\.toml|[^/]+\.(cs|fs|vb)proj)$/, depth: 2 },
  { glob: "apps/*", holds: /^(Dockerfile(\..+)?|package\.json|go\.mod|pyproject\.toml|requirements\.txt|pom\.xml|build\.gradle(\.kts)?|Cargo\.toml|[^/]+\.(cs|fs|vb)proj)$/, depth: 2 },
  { glob: "cmd/*", holds: /\.go$/, depth: 1 }
];
var STRENGTH = { compose: 4, skaffold: 3, workspace: 2, convention: 1, manifest: 1, dockerfile: 1 };
var dirOf = (path) => path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
var baseOf = (path) => path.slice(path.lastIndexOf("/") + 1);
function resolvePath(from, rel) {
  if (rel.startsWith("/") || /^[a-z][a-z0-9+.-]*:\/\//i.test(rel) || rel.includes("\0")) return void 0;
  const parts = from ? from.split("/") : [];
  for (const part of rel.replace(/\\/g, "/").split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (parts.length === 0) return void 0;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join("/");
}
function substitute(value, env) {
  let unresolved = false;
  const out = value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, braced, fallback, bare) => {
    const found = env.get(braced ?? bare);
    if (found !== void 0 && found !== "") return found;
    if (fallback !== void 0) return fallback;
    unresolved = true;
    return "";
  });
  return unresolved ? void 0 : out;
}
function buildsOnlyUnder(text2, here, under) {
  let blocks = 0;
  let contexts = 0;
  for (const m of text2.matchAll(/^[ \t-]*(build|context|dockerfile)[ \t]*:[ \t]*([^\n#]*)/gm)) {
    const value = m[2].trim().replace(/^(['"])(.*)\1$/, "$2");
    if (m[1] === "dockerfile") return false;
    if (m[1] === "build" && value === "") {
      blocks++;
      continue;
    }
    if (m[1] === "context") contexts++;
    if (/[$\\{}[\]]/.test(value)) return false;
    const dir = resolvePath(here, value);
    if (dir === void 0 || !under(dir)) return false;
  }
  return contexts >= blocks;
}
function isCompose(path) {
  return /^(docker-)?compose[^/]*\.ya?ml$/.test(baseOf(path));
}
function eligible(dir) {
  if (dir === "") return false;
  const parts = dir.split("/");
  if (parts.some((p) => p.startsWith("."))) return false;
  if (TOOLING_FOLDERS.has(parts[0].toLowerCase())) return false;
  return !isTestPath(`${dir}/`) && !/(^|[.-])(unit|functional|integration)?tests?$/i.test(parts.at(-1));
}
function serviceFolder(dir) {
  let current = dir;
  while (CONTAINER_FOLDERS.has(baseOf(current).toLowerCase())) {
    const parent = dirOf(current);
    if (parent === "" || COLLECTION_FOLDERS.has(baseOf(parent).toLowerCase())) break;
    current = parent;
  }
  return current;
}
function discoveryMayRead(path) {
  const base = baseOf(path);
  return /\.ya?ml$/.test(base) || base === "package.json" || base === "go.mod" || base === "go.work" || /\.slnx?$/.test(base);
}
var Reader = class {
  constructor(files, maxBytes) {
    this.maxBytes = maxBytes;
    this.byPath = new Map(files.map((f) => [f.path, f]));
  }
  maxBytes;
  byPath;
  checked = /* @__PURE__ */ new Set();
  has(path) {
    return this.byPath.has(path);
  }
  text(path) {
    const file = this.byPath.get(path);
    if (!file) return void 0;
    const read = readText(file, this.maxBytes, this.checked);
    return "text" in read ? read.text : void 0;
  }
};
function yamlData(path, text2, keep = false) {
  try {
    const doc = yamlDocument(path, text2, { keep });
    if (doc.errors.length > 0 || excessAlias(doc, text2)) return void 0;
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch {
    return void 0;
  }
}
function yamlDocuments(path, text2, keep) {
  let docs;
  try {
    docs = yamlStream(path, text2, { keep });
  } catch {
    return [];
  }
  if (!Array.isArray(docs)) return [];
  const out = [];
  for (const doc of docs) {
    if (doc.errors.length > 0 || excessAlias(doc, text2)) continue;
    try {
      out.push(doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }));
    } catch {
    }
  }
  return out;
}
var isRecord = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var stringsOf = (v) => Array.isArray(v) ? v.filter((x) => typeof x === "string") : [];
function manifestName(reader, dir, files) {
  const pkg = reader.has(`${dir}/package.json`) ? reader.text(`${dir}/package.json`) : void 0;
  if (pkg !== void 0) {
    try {
      const name = JSON.parse(pkg).name;
      if (typeof name === "string" && name.trim() !== "") {
        const bare = name.trim().replace(/^@[^/]+\//, "");
        if (/^[A-Za-z0-9][\w.-]*$/.test(bare)) return bare;
      }
    } catch {
    }
  }
  const gomod = reader.has(`${dir}/go.mod`) ? reader.text(`${dir}/go.mod`) : void 0;
  const module = gomod && /^\s*module\s+"?([^\s"]+)"?/m.exec(gomod)?.[1];
  if (module) {
    const elements = module.split("/").filter((e) => e !== "" && !/^v\d+$/.test(e));
    const last = elements.at(-1);
    if (last && !CONTAINER_FOLDERS.has(last.toLowerCase()) && elements.length > 0) return last;
  }
  const projects = files.filter((f) => /\.(cs|fs|vb)proj$/.test(f));
  if (projects.length === 1) return baseOf(projects[0]).replace(/\.(cs|fs|vb)proj$/, "");
  return void 0;
}
function discover(files, declared, maxBytes, env = /* @__PURE__ */ new Map()) {
  forgetKeptYaml();
  const reader = new Reader(files, maxBytes);
  const paths = files.map((f) => f.path);
  const inDir = /* @__PURE__ */ new Map();
  const dirs = /* @__PURE__ */ new Set();
  for (const p of paths) {
    const d = dirOf(p);
    const list2 = inDir.get(d);
    if (list2) list2.push(baseOf(p));
    else inDir.set(d, [baseOf(p)]);
    for (let a = d; a !== ""; a = dirOf(a)) {
      if (dirs.has(a)) break;
      dirs.add(a);
    }
  }
  const filesIn = (dir) => inDir.get(dir) ?? [];
  const candidates = [];
  const deployNames = /* @__PURE__ */ new Set();
  const images = /* @__PURE__ */ new Map();
  const add2 = (c) => {
    const folder = serviceFolder(c.path);
    if (dirs.has(folder) && eligible(folder)) candidates.push({ ...c, path: folder });
  };
  const children = groupBy([...dirs], dirOf);
  const holdsWithin = (dir, holds, depth) => {
    if (filesIn(dir).some((f) => holds.test(f))) return true;
    return depth > 1 && (children.get(dir) ?? []).some((d) => eligible(d) && holdsWithin(d, holds, depth - 1));
  };
  for (const convention of CONVENTIONS) {
    const top = convention.glob.slice(0, convention.glob.indexOf("/"));
    for (const dir of children.get(top) ?? []) if (holdsWithin(dir, convention.holds, convention.depth)) add2({ path: dir, source: "convention", via: `folder convention \`${convention.glob}\`` });
  }
  for (const dir of dirs) {
    if (dir.includes("/")) continue;
    const manifest = filesIn(dir).find((f) => MANIFEST.test(f));
    if (manifest) add2({ path: dir, source: "manifest", via: `${dir}/${manifest}` });
  }
  for (const dir of dirs) {
    const dockerfile = filesIn(dir).find((f) => /^Dockerfile(\..+)?$/.test(f));
    if (dockerfile) add2({ path: dir, source: "dockerfile", via: `${dir}/${dockerfile}` });
  }
  const declaredDirs = new Set(declared);
  const underDeclared = (dir) => {
    for (let d = dir; d !== ""; d = dirOf(d)) if (declaredDirs.has(d)) return true;
    return false;
  };
  const undeclaredFinds = candidates.some((c) => !underDeclared(c.path));
  let composeServices = false;
  for (const path of paths.filter(isCompose)) {
    const text2 = reader.text(path);
    if (text2 !== void 0 && /^services\s*:/m.test(text2)) composeServices = true;
    if (text2 !== void 0 && !undeclaredFinds && buildsOnlyUnder(text2, dirOf(path), underDeclared)) continue;
    const data = text2 === void 0 ? void 0 : yamlData(path, text2, true);
    const services = isRecord(data) && isRecord(data.services) ? data.services : {};
    const here = dirOf(path);
    for (const [key2, svc] of Object.entries(services)) {
      deployNames.add(key2);
      if (!isRecord(svc)) continue;
      const build3 = svc.build;
      const context = typeof build3 === "string" ? build3 : isRecord(build3) && typeof build3.context === "string" ? build3.context : isRecord(build3) ? "." : void 0;
      if (context === void 0) continue;
      const contextPath = substitute(context, env);
      const contextDir = contextPath === void 0 ? void 0 : resolvePath(here, contextPath);
      if (contextDir === void 0) continue;
      const dockerfile = isRecord(build3) && typeof build3.dockerfile === "string" ? substitute(build3.dockerfile, env) : void 0;
      const dockerfilePath = dockerfile === void 0 ? void 0 : resolvePath(contextDir, dockerfile);
      const folder = dockerfilePath !== void 0 && /^Dockerfile(\..+)?$/.test(baseOf(dockerfilePath)) ? dirOf(dockerfilePath) : contextDir;
      const plain = dockerfilePath === void 0 || baseOf(dockerfilePath) === "Dockerfile";
      add2({ path: folder, source: "compose", via: `compose \`build\` of \`${key2}\` in ${path}`, name: key2, ...plain ? {} : { variant: true } });
    }
  }
  for (const path of paths.filter((p) => /\.ya?ml$/.test(p) && !isCompose(p))) {
    const text2 = reader.text(path);
    if (text2 === void 0 || !/^\s*kind:\s*["']?(Deployment|StatefulSet|DaemonSet|Config)\b/m.test(text2)) continue;
    const blank = text2.replace(/\{\{[\s\S]*?\}\}/g, (a) => a.replace(/[^\n]/g, " "));
    for (const doc of yamlDocuments(path, blank, blank === text2)) {
      if (!isRecord(doc)) continue;
      if (["Deployment", "StatefulSet", "DaemonSet"].includes(String(doc.kind))) {
        const name = isRecord(doc.metadata) ? doc.metadata.name : void 0;
        if (typeof name === "string" && /^[a-z0-9][a-z0-9.-]*$/.test(name)) {
          deployNames.add(name);
          const pod = isRecord(doc.spec) && isRecord(doc.spec.template) && isRecord(doc.spec.template.spec) ? doc.spec.template.spec : void 0;
          for (const c of pod && Array.isArray(pod.containers) ? pod.containers : []) {
            const image = isRecord(c) && typeof c.image === "string" ? baseOf(c.image.replace(/@.*$/, "").replace(/:[^/]*$/, "")).toLowerCase() : "";
            if (/^[a-z0-9][a-z0-9._-]*$/.test(image) && !images.has(image)) images.set(image, name);
          }
        }
      }
      if (doc.kind === "Config" && typeof doc.apiVersion === "string" && doc.apiVersion.startsWith("skaffold/")) {
        const artifacts = isRecord(doc.build) && Array.isArray(doc.build.artifacts) ? doc.build.artifacts : [];
        for (const a of artifacts) {
          if (!isRecord(a) || typeof a.image !== "string") continue;
          const dir = resolvePath(dirOf(path), typeof a.context === "string" ? a.context : ".");
          const image = baseOf(a.image.replace(/[:@].*$/, ""));
          if (dir !== void 0 && /^[a-z0-9][a-z0-9._-]*$/.test(image)) add2({ path: dir, source: "skaffold", via: `skaffold artifact \`${image}\` in ${path}`, name: image });
        }
      }
    }
  }
  const members = (base, globs, must, via, named = () => void 0) => {
    const positive2 = globs.filter((g) => !g.startsWith("!")).map((g) => resolvePath(base, g.replace(/\/+$/, ""))).filter((g) => g !== void 0 && g !== "");
    const negative = globs.filter((g) => g.startsWith("!")).map((g) => resolvePath(base, g.slice(1).replace(/\/+$/, ""))).filter((g) => g !== void 0);
    if (positive2.length === 0) return;
    const isMember = (0, import_picomatch2.default)(positive2, { dot: false });
    const isExcluded = negative.length > 0 ? (0, import_picomatch2.default)(negative) : () => false;
    for (const dir of dirs) {
      if (!isMember(dir) || isExcluded(dir) || !filesIn(dir).some((f) => must.test(f))) continue;
      const name = named(dir);
      add2({ path: dir, source: "workspace", via, ...name ? { name } : {} });
    }
  };
  for (const path of paths) {
    const base = baseOf(path);
    if (base === "package.json" && path.split("/").length <= 2) {
      const text2 = reader.text(path);
      if (text2 === void 0 || !text2.includes("workspaces")) continue;
      let ws;
      try {
        ws = JSON.parse(text2).workspaces;
      } catch {
        continue;
      }
      const globs = Array.isArray(ws) ? stringsOf(ws) : isRecord(ws) ? stringsOf(ws.packages) : [];
      members(dirOf(path), globs, /^package\.json$/, `\`workspaces\` of ${path}`);
    } else if (base === "pnpm-workspace.yaml") {
      const text2 = reader.text(path);
      const data = text2 === void 0 ? void 0 : yamlData(path, text2);
      if (isRecord(data)) members(dirOf(path), stringsOf(data.packages), /^package\.json$/, `\`packages\` of ${path}`);
    } else if (base === "go.work") {
      const text2 = reader.text(path);
      if (text2 === void 0) continue;
      const uses = [];
      const body = text2.replace(/\/\/[^\n]*/g, "");
      for (const m of body.matchAll(/^\s*use\s*\(([^)]*)\)|^\s*use\s+(\S+)/gm)) {
        if (m[1] !== void 0) uses.push(...m[1].split(/\s+/).filter(Boolean));
        else if (m[2] !== void 0) uses.push(m[2]);
      }
      members(dirOf(path), uses.map((u) => u.replace(/^"|"$/g, "")), /^go\.mod$/, `\`use\` of ${path}`);
    } else if (/\.slnx?$/.test(base)) {
      const text2 = reader.text(path);
      if (text2 === void 0) continue;
      const projects = base.endsWith(".slnx") ? [...text2.matchAll(/<Project\s+[^>]*Path="([^"]+\.(?:cs|fs|vb)proj)"/g)].map((m) => m[1]) : [...text2.matchAll(/^Project\("[^"]*"\)\s*=\s*"[^"]*",\s*"([^"]+\.(?:cs|fs|vb)proj)"/gm)].map((m) => m[1]);
      for (const project of projects) {
        const file = resolvePath(dirOf(path), project);
        if (file === void 0 || !reader.has(file)) continue;
        const projectName = baseOf(file).replace(/\.(cs|fs|vb)proj$/, "");
        if (/\.(unit|functional|integration)?tests?$/i.test(projectName)) continue;
        add2({ path: dirOf(file), source: "workspace", via: `project line of ${path}`, name: projectName });
      }
    }
  }
  return { services: settle(candidates, declared, deployNames, images, reader, filesIn), deployNames: [...deployNames].sort(), composeServices };
}
function isLibrary(reader, dir, files) {
  if (!files.includes("package.json") || files.some((f) => f !== "package.json" && (MANIFEST.test(f) || /^Dockerfile(\..+)?$/.test(f)))) return false;
  const text2 = reader.text(`${dir}/package.json`);
  if (text2 === void 0) return false;
  try {
    const scripts = JSON.parse(text2).scripts;
    return !(isRecord(scripts) && ["start", "dev", "serve", "preview"].some((k) => typeof scripts[k] === "string"));
  } catch {
    return false;
  }
}
function settle(candidates, declared, deployNames, images, reader, filesIn) {
  const declaredSet = new Set(declared);
  const byPath = /* @__PURE__ */ new Map();
  const rank = (c) => STRENGTH[c.source] * 2 + (c.variant ? 0 : 1);
  for (const c of candidates) {
    if (declaredSet.has(c.path)) continue;
    const seen = byPath.get(c.path);
    if (!seen || rank(c) > rank(seen)) byPath.set(c.path, c);
  }
  const inside = (path, dir) => path.startsWith(`${dir}/`);
  const all = [...declaredSet, ...byPath.keys()];
  const kept = [...byPath.values()].filter((c) => STRENGTH[c.source] > 1 || !all.some((d) => d !== c.path && inside(c.path, d)));
  const lowerDeploy = new Map([...deployNames].map((n) => [n.toLowerCase(), n]));
  return kept.map((c) => {
    const folder = baseOf(c.path);
    const deployed = lowerDeploy.get(folder.toLowerCase()) ?? images.get(folder.toLowerCase());
    const name = c.name ?? deployed ?? manifestName(reader, c.path, filesIn(c.path)) ?? folder;
    const container = c.source === "compose" || c.source === "skaffold" || deployed !== void 0 || c.name !== void 0 && lowerDeploy.has(c.name.toLowerCase());
    if (!container && isLibrary(reader, c.path, filesIn(c.path))) return void 0;
    return { name, path: c.path, via: c.via, ...container ? { container } : {} };
  }).filter((s) => s !== void 0).sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

// src/collect/index.ts
function collect(root, config, renames, refused2, tree) {
  const walked = walk2(root, [...BUILTIN_IGNORES, ...config.ignore], config.services, refused2, tree);
  if (renames?.size) for (const f of walked.files) f.path = renames.get(f.path) ?? f.path;
  const isDoc = globMatcher(config.serviceDocs);
  const serviceDocs = new Set(walked.files.filter((f) => isDoc(f.path)).map((f) => f.path));
  const byDir = new Map(walked.serviceDirs.map((dir) => [dir, dir.slice(dir.lastIndexOf("/") + 1)]));
  const env = readRootEnv(root, config.maxFileBytes, tree);
  const found = discover(walked.files, walked.serviceDirs, config.maxFileBytes, env.values);
  for (const s of found.services) if (!byDir.has(s.path)) byDir.set(s.path, s.name);
  const containers = new Set(found.services.filter((s) => s.container).map((s) => s.path));
  const ownerDir = (path) => {
    for (let i = path.lastIndexOf("/"); i > 0; i = path.lastIndexOf("/", i - 1)) if (byDir.has(path.slice(0, i))) return path.slice(0, i);
    return void 0;
  };
  const serviceDirs = walked.serviceDirs.map((dir) => {
    const doc = `${dir}/CLAUDE.md`;
    return { name: byDir.get(dir) ?? dir, path: dir, ...serviceDocs.has(doc) ? { doc } : {} };
  });
  return {
    files: walked.files,
    serviceDirs,
    discovered: found.services,
    deployNames: found.deployNames,
    deployServices: found.composeServices || found.deployNames.length > 0,
    serviceDocs,
    problems: walked.problems,
    rootEnv: env,
    ownerOf(path) {
      const dir = ownerDir(path);
      return dir === void 0 ? void 0 : byDir.get(dir);
    },
    inContainer(path) {
      const dir = ownerDir(path);
      return dir !== void 0 && containers.has(dir);
    }
  };
}
function readRootEnv(root, maxBytes, tree) {
  const none = { values: /* @__PURE__ */ new Map(), lines: /* @__PURE__ */ new Map() };
  const blob = tree?.blob(".env");
  if (tree && !blob) return none;
  const read = blob ? readText({ path: ".env", root, abs: join2(root, ".env"), blob }, maxBytes) : readRepoFile(root, ".env", maxBytes);
  if ("problem" in read) return read.refusal.kind === "unreadable" && read.refusal.code === "ENOENT" ? none : { ...none, problem: read.problem };
  try {
    const parsed = [...parseDotenv(read.text)];
    return { values: new Map(parsed.map(([k, v]) => [k, v.value])), lines: new Map(parsed.map(([k, v]) => [k, v.line])) };
  } catch {
    return none;
  }
}

// src/collect/config-file.ts
import { lstatSync } from "node:fs";
import { basename, dirname, isAbsolute, join as join3, relative, sep as sep2 } from "node:path";
function readConfigFile(root, explicitPath, tree) {
  const candidates = explicitPath ? [isAbsolute(explicitPath) ? explicitPath : join3(root, explicitPath)] : DEFAULT_CONFIG_PATHS.map((p) => join3(root, p));
  const inTree = (p) => tree && isInside(root, p) ? tree.blob(relative(root, p).split(sep2).join("/")) : void 0;
  const path = candidates.find((p) => tree && isInside(root, p) ? inTree(p) !== void 0 : lstatSync(p, { throwIfNoEntry: false }) !== void 0);
  if (!path) {
    if (explicitPath) throw new ConfigError(`Config file \`${explicitPath}\` does not exist.`);
    return void 0;
  }
  const inRepo = isInside(root, path);
  const shown = inRepo ? relative(root, path).split(sep2).join("/") : path;
  const blob = inTree(path);
  const read = blob ? readText({ path: shown, root, abs: path, blob }, MAX_CONFIG_BYTES) : inRepo ? readRepoFile(root, relative(root, path), MAX_CONFIG_BYTES, shown) : readRepoFile(dirname(path), basename(path), MAX_CONFIG_BYTES, shown);
  if ("problem" in read) throw new ConfigError(refusedConfig(shown, read.refusal));
  const nul = read.text.indexOf("\0");
  if (nul >= 0) throw new ConfigError(`${shown}:${createLocator(shown, read.text).range(nul, nul).line}: the config contains a NUL byte; expected UTF-8 text.`);
  return { path, shown, text: read.text };
}
function isInside(root, path) {
  const rel = relative(root, path);
  return !rel.startsWith("..") && !isAbsolute(rel);
}
function refusedConfig(file, r) {
  switch (r.kind) {
    case "symlink":
      return r.inside ? `Config file \`${file}\` is${r.link === file ? "" : ` under \`${r.link}\`,`} a symlink${r.target ? ` to \`${r.target}\`` : ""}; expected a regular file (symlinks are never followed).` : `Config file \`${file}\` is${r.link === file ? "" : ` under \`${r.link}\`,`} a symlink to \`${r.target}\`, outside the repository; expected a file inside it.`;
    case "not-regular":
      return `Config file \`${file}\` is ${r.what}; expected a regular file.`;
    case "too-large":
      return `Config file \`${file}\` is ${r.grew ? `more than ${r.limit}` : r.size} bytes; expected at most ${MAX_CONFIG_BYTES}.`;
    case "binary":
      return `${file}:${r.line}: the config contains a NUL byte; expected UTF-8 text.`;
    case "not-utf8":
      return `${file}:${r.line}: the config is not valid UTF-8; expected UTF-8 text.`;
    case "unreadable":
      return r.code === "ENOENT" ? `Config file \`${file}\` does not exist.` : `Config file \`${file}\` cannot be read (${r.code}).`;
    default:
      return `Config file \`${file}\` cannot be read.`;
  }
}

// src/config/parse.ts
var import_yaml = __toESM(require_dist(), 1);

// src/config/globs.ts
var import_picomatch3 = __toESM(require_picomatch(), 1);
var MAX_GLOB_LENGTH = 4096;
var IGNORE_PROBES = ["docs/PORT_SCHEMA.md", "services/portwarden-probe/src/config.ts", "deploy/mac-mini/docker-compose.yml", "x/Dockerfile", ".github/probe.yml", "a/b/c/d/e.f"];
function globProblem(key2, glob) {
  if (glob.length > MAX_GLOB_LENGTH) {
    return `the \`${key2}\` glob is ${glob.length} characters long; expected at most ${MAX_GLOB_LENGTH}.`;
  }
  let matches;
  try {
    matches = (0, import_picomatch3.default)(glob, { dot: true });
  } catch (error) {
    return `the \`${key2}\` glob \`${glob}\` cannot be compiled (${error.message}); expected a glob such as \`legacy/**\`.`;
  }
  if (key2 === "ignore" && IGNORE_PROBES.every((p) => matches(p))) {
    return `the \`ignore\` glob \`${glob}\` matches every path (for example \`${IGNORE_PROBES[0]}\`), so nothing would be checked; expected a pattern for the files to skip, such as \`legacy/**\`.`;
  }
  return void 0;
}

// src/config/parse.ts
var INPUT_ID = /^input\/(?:\*|[a-z][a-z-]*)$/;
var TOP_KEYS = ["registry", "services", "service-docs", "ignore", "hosts", "compose-projects", "aliases", "rules", "max-file-bytes", "allow-new-suppressions-on-pr-target", "assign-port"];
var ASSIGN_PORT_KEYS = ["deny", "unique"];
var HOST_KEYS = ["name", "aliases", "addresses", "files"];
var COMPOSE_PROJECT_KEYS = ["name", "files"];
function parseConfig(file, text2, catalogue2) {
  const lines = new import_yaml.LineCounter();
  const overflow = aliasTokenOverflow(text2);
  if (overflow >= 0) throw new ConfigError(`${file}:${createLocator(file, text2).range(overflow, overflow).line}: more than ${MAX_YAML_ALIAS_TOKENS} YAML alias tokens (\`*name\`); expected at most ${MAX_YAML_ALIASES} aliases.`);
  let doc;
  try {
    doc = (0, import_yaml.parseDocument)(text2, { lineCounter: lines, prettyErrors: false });
  } catch (error) {
    if (error instanceof RangeError) throw new ConfigError(`${file}: invalid YAML: nested too deeply to parse (${error.message}); expected a config a few levels deep.`);
    throw error;
  }
  const at2 = (node) => node?.range ? `${file}:${lines.linePos(node.range[0]).line}` : file;
  const fail2 = (node, message) => {
    throw new ConfigError(`${at2(node)}: ${message}`);
  };
  const firstError = doc.errors[0];
  if (firstError) throw new ConfigError(`${file}:${firstError.linePos?.[0]?.line ?? 1}: invalid YAML: ${firstError.message.split("\n")[0]}`);
  const excess = excessAlias(doc);
  if (excess) fail2(excess.node, `${excess.count} YAML aliases; expected at most ${MAX_YAML_ALIASES}.`);
  const config = defaultConfig();
  const root = doc.contents;
  if (root === null || root === void 0) return config;
  if (!(0, import_yaml.isMap)(root)) return fail2(root, "the config must be a mapping of keys such as `registry:`, `hosts:`, `rules:`.");
  const stringList = (node, key2) => {
    const value = node?.toJSON?.() ?? node;
    if (typeof value === "string") return [value];
    if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value;
    return fail2(node, `\`${key2}\` must be a string or a list of strings.`);
  };
  const globList = (node, key2) => {
    const globs = stringList(node, key2);
    globs.forEach((glob, i) => {
      const why = globProblem(key2, glob);
      if (why) fail2((0, import_yaml.isSeq)(node) ? node.items[i] : node, why);
    });
    return globs;
  };
  for (const pair of root.items) {
    const keyNode = pair.key;
    const key2 = String(keyNode.value ?? keyNode);
    const value = pair.value;
    switch (key2) {
      case "registry": {
        const v = value?.value;
        if (typeof v !== "string" || v === "") fail2(value ?? keyNode, "`registry` must be a path such as `docs/PORT_SCHEMA.md`.");
        config.registry = v;
        break;
      }
      case "services":
        config.services = globList(value, "services");
        break;
      case "service-docs":
        config.serviceDocs = globList(value, "service-docs");
        break;
      case "ignore":
        config.ignore = globList(value, "ignore");
        break;
      case "max-file-bytes": {
        const v = value?.value;
        if (typeof v !== "number" || !Number.isInteger(v) || v <= 0) fail2(value ?? keyNode, "`max-file-bytes` must be a positive integer (bytes).");
        config.maxFileBytes = v;
        break;
      }
      case "allow-new-suppressions-on-pr-target": {
        const v = value?.value;
        if (typeof v !== "boolean") fail2(value ?? keyNode, "`allow-new-suppressions-on-pr-target` must be `true` or `false`.");
        config.allowNewSuppressionsOnPrTarget = v;
        break;
      }
      case "assign-port":
        config.assignPort = parseAssignPort(value, fail2);
        break;
      case "hosts":
        config.hosts = parseHosts(value, fail2, stringList, globList);
        break;
      case "compose-projects":
        config.composeProjects = parseComposeProjects(value, fail2, globList);
        break;
      case "aliases": {
        if (!(0, import_yaml.isMap)(value)) fail2(value ?? keyNode, "`aliases` must map an old service name to its current name, e.g. `old-name: new-name`.");
        for (const [from, to] of Object.entries(value.toJSON())) {
          if (typeof to !== "string") fail2(value, `alias \`${from}\` must name a service (a string).`);
          config.aliases[from] = to;
        }
        const cycle = aliasCycle(config.aliases);
        if (cycle) fail2(value, `the aliases ${cycle.map((n) => `\`${n}\``).join(" \u2192 ")} form a cycle; expected each chain of renames to end at a current name.`);
        break;
      }
      case "rules": {
        if (!(0, import_yaml.isMap)(value)) fail2(value ?? keyNode, "`rules` must map a rule id to one of error, warning, notice, off.");
        for (const item of value.items) {
          const id = String(item.key.value);
          if (!catalogue2.some((r) => r.id === id) && !INPUT_ID.test(id)) {
            const rules = catalogue2.filter((r) => !r.id.startsWith("input/")).map((r) => r.id);
            fail2(item.key, `\`${id}\` is not a portwarden rule; expected one of ${rules.join(", ")}, an input problem such as \`input/invalid-port\`, or \`input/*\`.`);
          }
          const setting = item.value?.value;
          if (typeof setting !== "string" || ![...SEVERITIES, "off"].includes(setting)) {
            fail2(item.value ?? item.key, `rule \`${id}\` is set to \`${String(setting)}\`; expected one of error, warning, notice, off.`);
          }
          config.rules[id] = setting;
        }
        break;
      }
      default:
        fail2(keyNode, `unknown key \`${key2}\`; expected one of ${TOP_KEYS.join(", ")}.`);
    }
  }
  return config;
}
function aliasCycle(aliases) {
  const next = new Map(Object.entries(aliases).map(([from, to]) => [from.toLowerCase(), to]));
  for (const start2 of Object.keys(aliases)) {
    const chain = [start2];
    for (let name = next.get(start2.toLowerCase()); name !== void 0; name = next.get(name.toLowerCase())) {
      chain.push(name);
      if (name.toLowerCase() === start2.toLowerCase()) return chain;
      if (chain.length > next.size + 1) break;
    }
  }
  return void 0;
}
function parseComposeProjects(value, fail2, globList) {
  if (!(0, import_yaml.isSeq)(value)) return fail2(value, "`compose-projects` must be a list of `{ name, files }`, e.g. `- { name: stack, files: [infra/compose.yaml, app/compose.yaml] }`.");
  const seen = /* @__PURE__ */ new Set();
  return value.items.map((item) => {
    if (!(0, import_yaml.isMap)(item)) return fail2(item, "each entry of `compose-projects` must be a mapping with `name:` and `files:`.");
    const project = { name: "", files: [] };
    for (const pair of item.items) {
      const key2 = String(pair.key.value);
      const node = pair.value;
      if (key2 === "name") {
        const v = node?.value;
        if (typeof v !== "string" || v.trim() === "") fail2(node ?? pair.key, "`compose-projects[].name` must be a non-empty string.");
        if (seen.has(v)) fail2(node, `the compose project \`${v}\` is named twice; expected each name once (list all its files under one entry).`);
        seen.add(v);
        project.name = v;
      } else if (key2 === "files") {
        project.files = globList(node, "compose-projects[].files");
      } else {
        fail2(pair.key, `unknown key \`compose-projects[].${key2}\`; expected one of ${COMPOSE_PROJECT_KEYS.join(", ")}.`);
      }
    }
    if (!project.name) fail2(item, "each entry of `compose-projects` needs a `name:`.");
    if (project.files.length === 0) fail2(item, `compose project \`${project.name}\` needs \`files:\`, globs of the compose files deployed together.`);
    return project;
  });
}
function parseAssignPort(value, fail2) {
  if (!(0, import_yaml.isMap)(value)) return fail2(value, "`assign-port` must be a mapping with `deny:` and `unique:`.");
  const out = { deny: [], unique: "across-hosts" };
  for (const pair of value.items) {
    const key2 = String(pair.key.value);
    const node = pair.value;
    if (key2 === "unique") {
      const v = node?.value;
      if (v !== "across-hosts" && v !== "per-host") fail2(node ?? pair.key, "`assign-port.unique` must be `across-hosts` or `per-host`.");
      out.unique = v;
    } else if (key2 === "deny") {
      const items = (0, import_yaml.isSeq)(node) ? node.items : [node];
      for (const item of items) {
        const v = item?.value;
        const m = typeof v === "number" ? [String(v), String(v), void 0] : typeof v === "string" ? /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(v) : null;
        const start2 = Number(m?.[1]);
        const end = m?.[2] === void 0 ? start2 : Number(m[2]);
        if (!m || !Number.isInteger(start2) || start2 < 1 || end > 65535 || start2 > end) fail2(item, "`assign-port.deny` must list ports (`5432`) or ranges (`8000-8099`) within 1..65535.");
        out.deny.push({ start: start2, end });
      }
    } else {
      fail2(pair.key, `unknown key \`assign-port.${key2}\`; expected one of ${ASSIGN_PORT_KEYS.join(", ")}.`);
    }
  }
  return out;
}
function parseHosts(value, fail2, stringList, globList) {
  if (!(0, import_yaml.isSeq)(value)) return fail2(value, "`hosts` must be a list of `{ name, aliases, addresses, files }`.");
  return value.items.map((item) => {
    if (!(0, import_yaml.isMap)(item)) return fail2(item, "each entry of `hosts` must be a mapping with at least `name:`.");
    const host = { name: "", aliases: [], addresses: [], files: [] };
    for (const pair of item.items) {
      const key2 = String(pair.key.value);
      const node = pair.value;
      if (key2 === "name") {
        const v = node?.value;
        if (typeof v !== "string" || v === "") fail2(node ?? pair.key, "`hosts[].name` must be a non-empty string.");
        host.name = v;
      } else if (key2 === "aliases" || key2 === "addresses") {
        host[key2] = stringList(node, `hosts[].${key2}`);
      } else if (key2 === "files") {
        host.files = globList(node, "hosts[].files");
      } else {
        fail2(pair.key, `unknown key \`hosts[].${key2}\`; expected one of ${HOST_KEYS.join(", ")}.`);
      }
    }
    if (!host.name) fail2(item, "each entry of `hosts` needs a `name:`.");
    return host;
  });
}

// src/extract/cache.ts
import { createHash } from "node:crypto";
var EXTRACTION_VERSION = 1;
var REGISTRY_KEY = "registry\0";
var ExtractionCache = class {
  results = /* @__PURE__ */ new Map();
  registries = /* @__PURE__ */ new Map();
  readers = /* @__PURE__ */ new Map();
  /** The part of every key that names the context (see above). */
  static context(data) {
    return createHash("sha256").update(JSON.stringify([EXTRACTION_VERSION, data])).digest("hex");
  }
  get size() {
    return this.results.size;
  }
  /**
   * The result for `job` with bytes `blob` in `context`; undefined when none was kept. It is
   * the kept result itself, shared: nothing after extraction changes an extraction (the model
   * step copies the statements it changes, model/build.ts).
   */
  get(context, job, blob) {
    return this.results.get(key(context, job, blob));
  }
  /**
   * `parse()`'s result for `inputs` (everything the registry's parse depends on: the bytes'
   * blob id, the path, the service names and aliases), made on first use or loaded from a
   * cache file; each call gets its own copy.
   */
  registry(inputs, parse) {
    const id = REGISTRY_KEY + createHash("sha256").update(JSON.stringify([EXTRACTION_VERSION, ...inputs])).digest("hex");
    if (!this.registries.has(id)) {
      this.registries.set(id, parse());
      this.made = true;
    }
    this.touched?.add(id);
    return structuredClone(this.registries.get(id));
  }
  /** Keeps `result` of `job` with bytes `blob` in `context`. */
  set(context, job, blob, result) {
    this.results.set(key(context, job, blob), result);
    this.made = true;
  }
  /** Which file extractors read `path` ({@link readersOf}), asked once per path for all the checks of the run. */
  readersOf(path) {
    let readers = this.readers.get(path);
    if (readers === void 0) this.readers.set(path, readers = readersOf(path));
    return readers;
  }
  // Across runs (extract/cache-file.ts): results loaded from a file, and the keys this run used or made.
  touched;
  loaded;
  made = false;
  /** Starts noting the results this run uses or makes (a cache that is saved; one kept for one run needs no list). */
  track() {
    this.touched ??= /* @__PURE__ */ new Set();
    return this;
  }
  /** Notes, when tracking, that this run used or made the result for `job` with bytes `blob` in `context`: a cache file keeps only those. */
  touch(context, job, blob) {
    this.touched?.add(key(context, job, blob));
  }
  /**
   * Adds results saved by an earlier run, under the keys they were saved with: a file's result,
   * or a registry's parse under a {@link REGISTRY_KEY} key (the loader has checked their shape).
   */
  load(entries) {
    this.loaded ??= 0;
    for (const [k, result] of entries) {
      if (k.startsWith(REGISTRY_KEY)) this.registries.set(k, result);
      else this.results.set(k, result);
      this.loaded++;
    }
  }
  /**
   * True when a cache file written now would differ from the one read: none was read (there
   * was none, or it was ignored), a result was made, or a loaded one went unused.
   */
  get changed() {
    return this.loaded === void 0 || this.made || (this.touched?.size ?? 0) !== this.loaded;
  }
  /** The results this run used or made, by key, in key order: what a cache file keeps. */
  used() {
    const out = [];
    for (const k of [...this.touched ?? []].sort()) {
      const result = this.results.get(k);
      if (result) out.push([k, result]);
    }
    return out;
  }
  /** The registry parses this run used or made, by key, in key order. */
  usedRegistries() {
    return [...this.touched ?? []].filter((k) => k.startsWith(REGISTRY_KEY)).sort().map((k) => [k, this.registries.get(k)]);
  }
};
function key(context, job, blob) {
  return `${context}\0${blob}\0${job.isDoc ? "doc" : ""}\0${job.owner ?? ""}\0${job.path}`;
}

// src/extract/parallel.ts
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
var MIN_FILES_PER_WORKER = 1e3;
var MAX_THREADS = 4;
var CPUS_PER_THREAD = 2;
var WORKER_URL = new URL("./extract-worker.js", import.meta.url);
function threadCount(count, env = process.env) {
  return existsSync(fileURLToPath(WORKER_URL)) ? threadsFor(count, availableParallelism(), env.PORTWARDEN_WORKERS) : 1;
}
function threadsFor(count, cpus, forced) {
  const n = Number(forced);
  if (forced !== void 0 && Number.isInteger(n) && n >= 1) return Math.min(n, Math.max(count, 1));
  return Math.max(1, Math.min(Math.floor(cpus / CPUS_PER_THREAD), MAX_THREADS, Math.floor(count / MIN_FILES_PER_WORKER)));
}
function chunkFiles(count, threads) {
  return Math.min(64, Math.max(4, Math.ceil(count / (threads * 16))));
}
function start() {
  const worker = new Worker(WORKER_URL);
  worker.unref();
  const died = new Promise((_, reject) => {
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`extraction worker exited with ${code}`)));
  });
  died.catch(() => {
  });
  return { worker, died };
}
function startPool(count) {
  const workers = Array.from({ length: threadCount(count) - 1 }, start);
  return {
    async run(jobs, ctx, data) {
      const maxBytes = data.config.maxFileBytes;
      const size = chunkFiles(jobs.length, workers.length + 1);
      let next = 0;
      const take2 = () => {
        if (next >= jobs.length) return void 0;
        next += size;
        return next - size;
      };
      const results = new Array(jobs.length);
      const put = (at2, part) => part.forEach((r, k) => results[at2 + k] = r);
      const chunk = (at2) => jobs.slice(at2, at2 + size);
      const unanswered = Promise.all(workers.map((w) => feed(w, data, take2, chunk, put)));
      for (let at2 = take2(); at2 !== void 0; at2 = take2()) {
        put(at2, await extractFiles(chunk(at2), ctx, maxBytes));
        await new Promise((resolve) => setImmediate(resolve));
      }
      for (const at2 of (await unanswered).flat()) put(at2, await extractFiles(chunk(at2), ctx, maxBytes));
      return results;
    }
  };
}
function feed({ worker, died }, context, take2, chunk, put) {
  return new Promise((resolve) => {
    const inFlight = /* @__PURE__ */ new Set();
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      worker.off("message", answered);
      void worker.terminate();
      resolve([...inFlight]);
    };
    const send = () => {
      const at2 = take2();
      if (at2 === void 0) return;
      inFlight.add(at2);
      worker.postMessage({ at: at2, jobs: chunk(at2) });
    };
    const answered = (m) => {
      if (!m.results || !inFlight.has(m.at)) return end();
      inFlight.delete(m.at);
      put(m.at, m.results);
      send();
      if (inFlight.size === 0) end();
    };
    died.catch(end);
    worker.ref();
    worker.on("message", answered);
    worker.postMessage({ context });
    send();
    send();
    if (inFlight.size === 0) end();
  });
}

// src/extract/registry/context.ts
function span(node) {
  const start2 = node?.position?.start.offset;
  const end = node?.position?.end.offset;
  return start2 === void 0 || end === void 0 ? void 0 : [start2, end];
}
function nodeLocation(ctx, node) {
  const s = span(node);
  return s ? ctx.locator.range(s[0], s[1]) : ctx.locator.range(0, 0);
}
function addProblem(ctx, name, message, start2, end, key2) {
  ctx.problems.push(inputProblem(`input/${name}`, message, ctx.locator.range(start2, end), `${ctx.path}|${key2}`));
}
function canonicalService(ctx, name) {
  return ctx.services ? ctx.services.canonical(name) : name.trim();
}

// src/extract/registry/aspirational.ts
var WORD = /\baspirational\b/i;
function isAspirational(tree, firstRangeOffset) {
  for (const node of tree.children) {
    const s = span(node);
    if (firstRangeOffset !== void 0 && s && s[0] >= firstRangeOffset) break;
    if (WORD.test(toString(node))) return true;
  }
  return false;
}

// src/extract/registry/dates.ts
var DATE_AFTER = /^\s*(:?)\s*(\d{4}-\d{2}-\d{2})(?!\d)/;
function readDatedLines(tree, ctx) {
  const out = [];
  walk(tree, (n, parent, index) => {
    if (n.type !== "strong") return void 0;
    const node = n;
    const next = parent?.children[index + 1];
    if (next?.type !== "text" || !("value" in next) || typeof next.value !== "string") return void 0;
    const m = DATE_AFTER.exec(next.value);
    const raw = toString(node).trim();
    if (!m || !raw.endsWith(":") && m[1] !== ":") return void 0;
    const label = raw.replace(/:$/, "").trim();
    const s = span(next);
    if (!s || label === "") return void 0;
    const date = m[2];
    const at2 = ctx.text.slice(s[0], s[1]).indexOf(date);
    if (at2 < 0) return void 0;
    out.push({ label, date, location: ctx.locator.range(s[0] + at2, s[0] + at2 + date.length) });
    return void 0;
  });
  return out;
}

// src/extract/registry/correspondence.ts
var CELL = /^\s*(\d+)(?:\s+([A-Za-z][\w.-]*))?/;
function isCorrespondenceHeader(header) {
  return /^corresponds\s+to\b/i.test(header.trim());
}
function readCorrespondence(ctx, plain, start2, end, row, shown = row) {
  const m = CELL.exec(plain);
  if (!m) return void 0;
  const port2 = Number(m[1]);
  const found = /\d+/.exec(ctx.text.slice(start2, end));
  const numStart = found ? start2 + found.index : start2;
  const numEnd = found ? numStart + found[0].length : end;
  if (!isValidPort(port2)) {
    const digits = m[1];
    addProblem(ctx, "invalid-port", `The corresponding port of row ${quote(shown)} ${describeValue(digits)}; expected an integer from 1 to 65535.`, numStart, numEnd, `corresponds:${row}:${valueKey(digits)}`);
    return void 0;
  }
  const out = { port: port2, location: ctx.locator.range(numStart, numEnd) };
  if (m[2]) out.service = canonicalService(ctx, m[2]);
  return out;
}

// src/extract/registry/port-cell.ts
var ITEM = /^\s*(\d+)\s*(?:[-–—]\s*(\d+)\s*)?$/;
function parsePortCell(ctx, plain, start2, end, row, shown = row) {
  const cell = { ports: [], isRange: false };
  const items = plain.split(/[,;]/);
  if (!items.every((item) => ITEM.test(item))) {
    const message = `The Port cell of row ${quote(shown)} ${describeValue(plain.trim())}; expected a port (\`3001\`), a range (\`3006-3009\`) or a list (\`3017, 3019\`).`;
    addProblem(ctx, "invalid-port", message, start2, end, `port-cell:${row}`);
    return cell;
  }
  const spots = digitRuns(ctx.text, start2, end);
  const plainCount = plain.match(/\d+/g)?.length ?? 0;
  const at2 = (i) => spots.length === plainCount ? spots[i] : [start2, end];
  let n = 0;
  for (const item of items) {
    const m = ITEM.exec(item);
    const a = Number(m[1]);
    const [aStart, aEnd] = at2(n++);
    if (m[2] === void 0) {
      if (checkPort(ctx, m[1], aStart, aEnd, row, shown)) cell.ports.push({ port: a, start: aStart, end: aEnd });
      continue;
    }
    const b = Number(m[2]);
    const [, bEnd] = at2(n++);
    cell.isRange = true;
    const okA = checkPort(ctx, m[1], aStart, aEnd, row, shown);
    const okB = checkPort(ctx, m[2], at2(n - 1)[0], bEnd, row, shown);
    if (!okA || !okB) continue;
    if (a > b) {
      const message = `Port range ${quote(`${a}-${b}`)} of row ${quote(shown)} runs backwards; expected the lower port first (${quote(`${b}-${a}`)}).`;
      addProblem(ctx, "invalid-port", message, aStart, bEnd, `port-range:${row}:${a}-${b}`);
      continue;
    }
    for (let p = a; p <= b; p++) cell.ports.push({ port: p, start: aStart, end: bEnd });
  }
  return cell;
}
function checkPort(ctx, digits, start2, end, row, shown) {
  if (isValidPort(Number(digits))) return true;
  addProblem(ctx, "invalid-port", `A port of row ${quote(shown)} ${describeValue(digits)}; expected an integer from 1 to 65535.`, start2, end, `port:${row}:${valueKey(digits)}`);
  return false;
}
function digitRuns(text2, start2, end) {
  const runs = [];
  const re = /\d+/g;
  const slice = text2.slice(start2, end);
  for (let m = re.exec(slice); m; m = re.exec(slice)) runs.push([start2 + m.index, start2 + m.index + m[0].length]);
  return runs;
}

// src/extract/registry/plan-table.ts
function readPlanTable(table, ctx) {
  const [header, ...body] = table.children;
  if (!header) return void 0;
  const headers = header.children.map((c) => toString(c).trim());
  const cols = {
    headers,
    port: headers.findIndex((h) => /^ports?$/i.test(h)),
    service: headers.findIndex((h) => /^(services?|name)$/i.test(h)),
    corresponds: headers.findIndex(isCorrespondenceHeader)
  };
  if (cols.port < 0) return void 0;
  const out = { rows: [], bindings: [] };
  for (const row of body) {
    const planRow2 = readRow(row, cols, ctx);
    if (!planRow2) continue;
    out.rows.push(planRow2.row);
    out.bindings.push(...planRow2.bindings);
  }
  return out;
}
function contentSpan(cell) {
  const first = span(cell.children[0]);
  const last = span(cell.children[cell.children.length - 1]);
  if (first && last) return [first[0], last[1]];
  return span(cell) ?? [0, 0];
}
function readRow(row, cols, ctx) {
  const plain = row.children.map((c) => toString(c).trim());
  const label = plain.join(" | ");
  const [rowStart, rowEnd] = span(row) ?? [0, 0];
  const portCell = row.children[cols.port];
  const portText = plain[cols.port] ?? "";
  if (row.children.length < cols.headers.length) {
    const message = `Table row ${quote(label)} has ${row.children.length} of ${cols.headers.length} cells; expected one per header (${quote(cols.headers.join(" | "))}).`;
    addProblem(ctx, "malformed-table", message, rowStart, rowEnd, `malformed-row:${label}`);
  }
  if (!portCell || portText === "") {
    if (portCell) addProblem(ctx, "malformed-table", `Table row ${quote(label)} has an empty Port cell; expected a port, a range or a list.`, rowStart, rowEnd, `empty-port:${label}`);
    return void 0;
  }
  const [pStart, pEnd] = contentSpan(portCell);
  const shown = plain.filter((_, i) => i !== cols.port).join(" | ");
  const cell = parsePortCell(ctx, portText, pStart, pEnd, label, shown);
  const serviceCell = cols.service >= 0 ? row.children[cols.service] : void 0;
  const serviceText = cols.service >= 0 ? plain[cols.service] ?? "" : "";
  const reserved = /^\(?\s*reserved\b/i.test(serviceText);
  const name = serviceText.replace(/\s*\([^()]*\)\s*$/, "").trim();
  const [sStart, sEnd] = serviceCell ? contentSpan(serviceCell) : [pStart, pEnd];
  if (cols.service >= 0 && !reserved && name === "") {
    addProblem(ctx, "malformed-table", `Table row ${quote(label)} has no service name; expected a service or \`*(reserved)*\`.`, sStart, sEnd, `no-service:${label}`);
  }
  const planRow2 = {
    portText,
    ports: cell.ports.map((p) => p.port),
    reserved,
    isRange: cell.isRange,
    columns: {},
    location: ctx.locator.range(pStart, pEnd),
    serviceLocation: ctx.locator.range(sStart, sEnd)
  };
  const service = !reserved && name !== "" ? canonicalService(ctx, name) : void 0;
  if (service !== void 0) planRow2.service = service;
  cols.headers.forEach((h, i) => {
    if (i === cols.port || i === cols.service || h === "" || i >= row.children.length) return;
    planRow2.columns[h] = plain[i] ?? "";
  });
  const corrCell = cols.corresponds >= 0 ? row.children[cols.corresponds] : void 0;
  if (corrCell) {
    const [cStart, cEnd] = contentSpan(corrCell);
    const corr = readCorrespondence(ctx, plain[cols.corresponds] ?? "", cStart, cEnd, label, plain.filter((_, i) => i !== cols.corresponds).join(" | "));
    if (corr) planRow2.correspondsTo = corr;
  }
  const bindings = service === void 0 ? [] : cell.ports.map((p) => ({
    service,
    port: p.port,
    host: PLAN_HOST,
    kind: "registry-plan",
    role: "plan",
    source: "registry",
    label: "registry plan",
    strength: "declaration",
    location: ctx.locator.range(p.start, p.end),
    via: "plan table"
  }));
  return { row: planRow2, bindings };
}

// src/extract/registry/host-label.ts
var IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
var IPV6 = /^\[?[0-9a-f]*:[0-9a-f:]+\]?$/i;
var DNS_NAME = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i;
var DATE_AFTER2 = /^\s*:?\s*\d{4}-\d{2}-\d{2}/;
function isAddress(s) {
  return IPV4.test(s) || IPV6.test(s) || DNS_NAME.test(s);
}
function readHostLabel(p) {
  let i = 0;
  while (i < p.children.length && isBlank(p.children[i])) i++;
  const strong = p.children[i];
  if (strong?.type !== "strong") return void 0;
  const rest = p.children.slice(i + 1);
  const next = rest[0]?.type === "text" ? rest[0].value : "";
  const raw = toString(strong).trim();
  if (!raw.endsWith(":") && !next.trimStart().startsWith(":")) return void 0;
  if (DATE_AFTER2.test(next)) return void 0;
  let label = raw.replace(/:$/, "").trim();
  let addresses = [];
  const qualifier = /\(([^()]*)\)\s*$/.exec(label);
  if (qualifier) {
    const parts = qualifier[1].split(/[\s,]+/).filter(Boolean);
    if (parts.length > 0 && parts.every(isAddress)) {
      addresses = parts;
      label = label.slice(0, qualifier.index).trim();
    }
  }
  if (label === "") return void 0;
  return { label, addresses, notDeployed: hostKey(label) === "notdeployed", strong, rest };
}
function isBlank(node) {
  return node.type === "text" && node.value.trim() === "";
}

// src/extract/registry/inline-tokens.ts
function inlineTokens(nodes, text2) {
  const out = [];
  for (const node of nodes) pushTokens(node, text2, out);
  return out;
}
function pushTokens(node, text2, out) {
  switch (node.type) {
    case "text":
      for (const m of node.value.matchAll(/[^\s(),;]+|[(),;]/g)) {
        const t = m[0];
        out.push(t.length === 1 && "(),;".includes(t) ? { kind: "punct", char: t } : { kind: "word", text: t });
      }
      return;
    case "inlineCode": {
      const [start2, end] = codeSpan(node.value, span(node), text2);
      out.push({ kind: "code", value: node.value.trim(), start: start2, end });
      return;
    }
    case "strong":
    case "emphasis":
    case "delete":
    case "link":
    case "linkReference":
      for (const child of node.children) pushTokens(child, text2, out);
      return;
    default:
      out.push({ kind: "other" });
  }
}
function codeSpan(value, nodeSpan, text2) {
  if (!nodeSpan) return [0, 0];
  const trimmed = value.trim();
  const at2 = text2.slice(nodeSpan[0], nodeSpan[1]).indexOf(trimmed);
  return at2 < 0 || trimmed === "" ? nodeSpan : [nodeSpan[0] + at2, nodeSpan[0] + at2 + trimmed.length];
}

// src/extract/registry/port-pairs.ts
var PORT_LIKE = new RegExp("^\\p{Nd}", "u");
var STOP_WORDS = /* @__PURE__ */ new Set(["port", "ports", "on", "at", "to", "from", "was", "is", "now", "default", "and", "or", "via", "of", "the", "in", "not", "vs"]);
var NAME = /^[A-Za-z][\w.-]*$/;
var LINK = /^(?::|=|-|–|—|→|->|=>)$/;
var GLUED_LINK = /(?::|=|–|—|→|->|=>)$/;
function nameOf(t) {
  if (!t) return void 0;
  const raw = t.kind === "word" ? t.text.replace(GLUED_LINK, "") : t.kind === "code" ? t.value : void 0;
  if (raw === void 0 || !NAME.test(raw) || STOP_WORDS.has(raw.toLowerCase())) return void 0;
  return raw;
}
function ownsKeywordPort(t) {
  return t.kind === "code" || t.kind === "word" && t.text.includes("-");
}
function findPortPairs(tokens) {
  const pairs = [];
  let depth = 0;
  let opener;
  let bound = false;
  let prev;
  let link = false;
  for (const t of tokens) {
    if (isSeparator(t)) {
      if (depth === 0) opener = void 0, bound = false;
    } else if (t.kind === "punct") {
      if (t.char === "(") depth++;
      else if (t.char === ")") depth = Math.max(0, depth - 1);
    } else {
      if (depth === 0 && opener === void 0) opener = t;
      const port2 = t.kind === "code" && PORT_LIKE.test(t.value) ? readPort(t.value) ?? Number.NaN : void 0;
      if (t.kind === "code" && port2 !== void 0 && !bound) {
        const direct = depth === 0 && (prev === opener || link) ? nameOf(opener) : void 0;
        const keyword = prev?.kind === "word" && /^port:?$/i.test(prev.text);
        const owner = direct ?? (keyword && opener && ownsKeywordPort(opener) ? nameOf(opener) : void 0);
        if (owner !== void 0) {
          pairs.push({ name: owner, port: port2, text: t.value, start: t.start, end: t.end });
          bound = true;
        }
      }
    }
    link = depth === 0 && opener !== void 0 && prev === opener && t !== opener && t.kind === "word" && LINK.test(t.text);
    prev = t;
  }
  return pairs;
}
function isSeparator(t) {
  return t.kind === "punct" && (t.char === "," || t.char === ";") || t.kind === "word" && /^(and|&)$/i.test(t.text);
}

// src/extract/registry/real-ports-group.ts
function readGroupLabel(p, ctx, out) {
  const label = readHostLabel(p);
  if (!label) return void 0;
  const id = label.notDeployed ? NOT_DEPLOYED_HOST : hostId(label.label);
  if (!label.notDeployed && !out.hosts.some((h) => h.id === id)) {
    out.hosts.push({ id, label: label.label, aliases: [], addresses: label.addresses, location: nodeLocation(ctx, label.strong) });
  }
  readEntries(label.rest, id, ctx, out);
  return id;
}
function readEntries(nodes, host, ctx, out) {
  for (const pair of findPortPairs(inlineTokens(nodes, ctx.text))) {
    if (!isValidPort(pair.port)) {
      const message = `The real port of ${quote(pair.name)} on host ${quote(host)} ${describeValue(pair.text)}; expected an integer from 1 to 65535.`;
      addProblem(ctx, "invalid-port", message, pair.start, pair.end, `actual:${host}:${pair.name}:${valueKey(pair.text)}`);
      continue;
    }
    out.actual.push({
      service: canonicalService(ctx, pair.name),
      port: pair.port,
      host,
      kind: "registry-actual",
      role: "doc",
      source: "registry",
      label: host === NOT_DEPLOYED_HOST ? "registry, not deployed" : "registry actual",
      strength: "declaration",
      location: ctx.locator.range(pair.start, pair.end),
      via: "real ports today"
    });
  }
}

// src/extract/registry/real-ports.ts
var MARKER = /real ports today/i;
var MARKER_DATE = /\((\d{4}-\d{2}-\d{2})\)/;
function readRealPorts(tree, ctx) {
  const out = { hosts: [], actual: [], dates: [] };
  const seen = /* @__PURE__ */ new Map();
  for (const block of findBlocks(tree)) {
    const dated = markerDate(block.marker, ctx);
    if (dated) out.dates.push(dated);
    const before = out.actual.length + ctx.problems.length;
    readBody(block.body, void 0, ctx, out);
    if (out.actual.length + ctx.problems.length === before) reportUnread(block.marker, ctx, seen);
  }
  return out;
}
function findBlocks(tree) {
  const blocks = [];
  let coveredUntil = -1;
  walk(tree, (node, parent, index) => {
    if (node.type === "heading" && parent === tree && MARKER.test(toString(node))) {
      const heading = node;
      const body = [];
      for (const next of tree.children.slice(index + 1)) {
        if (next.type === "heading" && next.depth <= heading.depth) break;
        body.push(next);
      }
      blocks.push({ marker: heading, body });
      coveredUntil = span(body.at(-1) ?? heading)?.[1] ?? coveredUntil;
      return "skip";
    }
    if (node.type === "paragraph" || node.type === "heading" || node.type === "table") return "skip";
    if (node.type !== "blockquote") return void 0;
    if ((span(node)?.[0] ?? 0) < coveredUntil) return "skip";
    const quote2 = node;
    const at2 = quote2.children.findIndex((c) => (c.type === "heading" || c.type === "paragraph") && MARKER.test(toString(c)));
    if (at2 < 0) return void 0;
    blocks.push({ marker: quote2.children[at2], body: quote2.children.slice(at2 + 1) });
    return "skip";
  });
  return blocks;
}
function readBody(children, host, ctx, out) {
  for (const child of children) {
    if (child.type === "paragraph") host = readGroupLabel(child, ctx, out);
    else if (child.type === "list") readList(child, host, ctx, out);
    else host = void 0;
  }
}
function readList(list2, host, ctx, out) {
  for (const item of list2.children) {
    const first = item.children[0];
    const labelled = first?.type === "paragraph" ? readGroupLabel(first, ctx, out) : void 0;
    if (labelled !== void 0) readBody(item.children.slice(1), labelled, ctx, out);
    else if (host !== void 0) readAllEntries(item, host, ctx, out);
  }
}
function readAllEntries(node, host, ctx, out) {
  walk(node, (n) => {
    if (n.type !== "paragraph") return void 0;
    readEntries(n.children, host, ctx, out);
    return "skip";
  });
}
function reportUnread(marker, ctx, seen) {
  const [start2, end] = span(marker) ?? [0, 0];
  const text2 = toString(marker).trim();
  const name = text2.replace(MARKER_DATE, "").replace(/\s+/g, " ").trim();
  const nth = (seen.get(name) ?? 0) + 1;
  seen.set(name, nth);
  const line = ctx.locator.range(start2, end).line;
  const message = `Found the marker ${quote(text2)} on line ${line} but no \`name \`port\`\` entry after it; expected bold host labels (\`**Mac Mini:**\`, or \`- **Mac Mini:**\` as a list item) each followed by bullets like \`- mana-auth \`3001\`\`, so no real port was read from this block.`;
  addProblem(ctx, "unread-real-ports", message, start2, end, `real-ports:${name}:${nth}`);
}
function markerDate(marker, ctx) {
  const s = span(marker);
  if (!s) return void 0;
  const m = MARKER_DATE.exec(ctx.text.slice(s[0], s[1]));
  if (!m) return void 0;
  const start2 = s[0] + m.index + 1;
  return { label: "Real ports today", date: m[1], location: ctx.locator.range(start2, start2 + m[1].length) };
}

// src/extract/registry/sections.ts
var RANGE_HEADING = /^(\d+)\s*[-–—]\s*(\d+)(?:\s*:\s*(.*)|\s*)$/s;
function readSections(tree, ctx) {
  const out = [];
  for (const node of tree.children) {
    if (node.type !== "heading" || node.depth !== 2) continue;
    out.push(readHeading(node, ctx));
  }
  return out;
}
function readHeading(node, ctx) {
  const text2 = toString(node).trim();
  const [start2, end] = span(node) ?? [0, 0];
  const section = { title: text2, location: nodeLocation(ctx, node), rows: [] };
  const m = RANGE_HEADING.exec(text2);
  if (!m) return { section, start: start2, rangeHeading: false };
  const from = Number(m[1]);
  const to = Number(m[2]);
  section.title = (m[3] ?? "").trim();
  const named = section.title === "" ? "A range heading" : `The range heading of ${quote(section.title)}`;
  if (!isValidPort(from) || !isValidPort(to)) {
    const bad = isValidPort(from) ? `its end ${describeValue(m[2] ?? "")}` : `its start ${describeValue(m[1] ?? "")}`;
    addProblem(ctx, "invalid-port", `${named} names a port outside 1..65535: ${bad}; expected a range like \`3000-3099\`.`, start2, end, `range-heading:${section.title}:${valueKey(m[1] ?? "")}-${valueKey(m[2] ?? "")}`);
  } else if (from > to) {
    addProblem(ctx, "invalid-port", `${named} runs backwards (${from} > ${to}); expected start <= end.`, start2, end, `range-heading:${text2}`);
  } else {
    section.range = { start: from, end: to };
  }
  return { section, start: start2, rangeHeading: true };
}
function sectionAt(sections, offset) {
  let lo = 0;
  let hi = sections.length - 1;
  let found;
  while (lo <= hi) {
    const mid = lo + hi >> 1;
    const s = sections[mid];
    if (s.start <= offset) {
      found = s;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

// src/extract/registry/index.ts
var OTHER_GFM = /~|\[\^|\[[\sxX]\]|www\.|:\/\/|@/i;
var PIECE_SIZE = { chars: 2e3, rows: 25 };
function parseRegistryTree(text2, size = PIECE_SIZE) {
  const blocks = mayDefine(text2) ? void 0 : markdownBlocks(text2);
  if (!blocks) return parseMarkdown(text2, "gfm");
  return parsePieces(text2, boundedPieces(text2, blocks, size.chars, size.rows), (piece) => parseMarkdown(piece, OTHER_GFM.test(piece) ? "gfm" : tablesIfAny(piece)));
}
function parseRegistry(path, text2, services) {
  const ctx = { path, text: text2, locator: createLocator(path, text2), problems: [] };
  if (services) ctx.services = services;
  const doc = { path, aspirational: false, sections: [], plan: [], actual: [], hosts: [], dates: [] };
  const limit = markdownLimitHit(text2);
  if (limit) {
    addProblem(ctx, limit.kind === "too-deep" ? "markdown-too-deep" : "too-complex", `The registry ${limit.found}; expected ${limit.expected} (the markdown parser's time grows much faster than linearly with this), so the registry was not read.`, limit.start, limit.end, limit.kind);
    return { doc, problems: ctx.problems };
  }
  try {
    return readTree(parseRegistryTree(text2), ctx, doc);
  } catch (err) {
    addProblem(ctx, "unparsable", `Cannot parse the registry as markdown (${err.message}); expected CommonMark with GFM tables.`, 0, 0, "unparsable");
    return { doc: { ...doc, sections: [], plan: [], actual: [], hosts: [], dates: [] }, problems: ctx.problems };
  }
}
function readTree(tree, ctx, doc) {
  const placed = readSections(tree, ctx);
  readTables(tree, placed, ctx, doc);
  doc.sections = placed.map((p) => p.section);
  const firstRange = placed.find((p) => p.rangeHeading)?.start;
  doc.aspirational = isAspirational(tree, firstRange);
  const real = readRealPorts(tree, ctx);
  doc.hosts = real.hosts;
  doc.actual = real.actual;
  doc.dates = [...readDatedLines(tree, ctx), ...real.dates].sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
  return { doc, problems: ctx.problems };
}
function readTables(tree, placed, ctx, doc) {
  let preamble;
  walk(tree, (node) => {
    if (node.type === "paragraph" || node.type === "heading") return "skip";
    if (node.type !== "table") return void 0;
    const table = node;
    const result = readPlanTable(table, ctx);
    if (!result) return "skip";
    const start2 = span(table)?.[0] ?? 0;
    let owner = sectionAt(placed, start2);
    if (!owner) {
      preamble ??= { section: { title: "", location: ctx.locator.range(0, 0), rows: [] }, start: 0, rangeHeading: false };
      owner = preamble;
    }
    owner.section.rows.push(...result.rows);
    doc.plan.push(...result.bindings);
    return "skip";
  });
  if (preamble) placed.unshift(preamble);
}

// src/collect/no-services.ts
var DISCOVERY_PLACES = [
  "workspaces (`package.json` `workspaces`, `pnpm-workspace.yaml`, `go.work`, `.sln`/`.slnx`)",
  "compose `build:` folders",
  "Kubernetes workloads and skaffold artifacts",
  "folders holding a Dockerfile",
  "the folders `services/*`, `src/*`, `apps/*` and `cmd/*`",
  "top-level folders with a manifest (`package.json`, `go.mod`, `pyproject.toml`, `*.csproj`, `pom.xml`, `build.gradle`, `Cargo.toml`)"
];
function noServices(config) {
  const globs = config.services.length > 0 ? config.services.map((g) => `\`${g}\``).join(", ") : "none";
  return problem(
    "input/no-services",
    ".",
    `Found no service in this repository, so no port was checked: no directory matched the \`services:\` globs (${globs}), there is no registry at \`${config.registry}\`, and nothing was found in ${DISCOVERY_PLACES.join(", ")}; expected at least one service. Declare where they live in .github/portwarden.yml, e.g. \`services: ["backend/*"]\` (each matching folder is one service, named after the folder).`
  );
}

// src/extract/index.ts
async function extractAll(collected, config, options = {}) {
  const { cache } = options;
  const serviceNames = collected.serviceDirs.map((d) => d.name);
  const services = buildServices(config, serviceNames);
  const hosts = buildHosts(config);
  const extracted = { extractions: [{ ...emptyExtraction(), problems: [...collected.problems] }], hosts, services };
  const add2 = (e) => extracted.extractions.push(e);
  const addProblem2 = (p) => add2({ ...emptyExtraction(), problems: [p] });
  const jobs = [];
  for (const file of collected.files) {
    if (file.path === config.registry) continue;
    const isDoc = collected.serviceDocs.has(file.path);
    const readers = isDoc ? 0 : cache ? cache.readersOf(file.path) : readersOf(file.path);
    if (!isDoc && readers === 0) continue;
    jobs.push(fileJob(file, isDoc, readers, collected.ownerOf(file.path), cache !== void 0 && !file.blob));
  }
  let pool = cache?.size ? void 0 : startPool(jobs.length);
  let registryHosts = [];
  const registryFile = collected.files.find((f) => f.path === config.registry);
  if (!registryFile) {
    const severity = config.registry === defaultConfig().registry ? void 0 : "warning";
    const message = `No registry at ${quote(config.registry)}; expected the port registry there (set \`registry:\` in .github/portwarden.yml).`;
    addProblem2(inputProblem("input/missing-registry", message, fileLocation(config.registry), config.registry, severity));
  } else {
    const read = readText(registryFile, config.maxFileBytes, void 0, cache !== void 0);
    if ("problem" in read) addProblem2(read.problem);
    else {
      const parse = () => guardedRegistry(registryFile.path, read.text, services);
      const parsed2 = cache && read.blob ? cache.registry([read.blob, registryFile.path, serviceNames, config.aliases], parse) : parse();
      if ("failed" in parsed2) addProblem2(parsed2.failed);
      else {
        const { doc, problems } = parsed2;
        extracted.registry = doc;
        registryHosts = doc.hosts;
        for (const h of doc.hosts) hosts.add(h);
        add2({ bindings: [...doc.plan, ...doc.actual], references: [], problems, suppressions: findSuppressions(registryFile.path, read.text) });
      }
    }
  }
  const { values: env, lines: envLines, problem: envProblem } = collected.rootEnv;
  if (envProblem && !jobs.some((j) => j.path === envProblem.location.file)) addProblem2(envProblem);
  const ctx = { hosts, services, env, envLines };
  const data = { config: { hosts: config.hosts, aliases: config.aliases, maxFileBytes: config.maxFileBytes }, registryHosts, serviceNames, env: [...env], envLines: [...envLines] };
  let parsed = extracted.registry ? 1 : 0;
  const context = cache ? ExtractionCache.context(data) : "";
  const ids = jobs.map((job) => job.blob?.id);
  const kept = cache?.size ? lookUp(jobs, ids, config.maxFileBytes, (job, blob) => cache.get(context, job, blob)) : [];
  const todo = jobs.filter((_, i) => kept[i] === void 0);
  const blobs = todo.flatMap((job) => job.blob ? [job.blob] : []);
  if (blobs.length > 0 && options.fetch) await options.fetch(blobs);
  const sent = options.fetch ? todo.map((job) => job.blob ? { ...job, blob: { id: job.blob.id, size: job.blob.size, ...job.blob.bytes ? { bytes: job.blob.bytes } : {} } } : job) : todo;
  pool ??= startPool(sent.length);
  const done = await pool.run(sent, ctx, data);
  forgetKeptYaml();
  let next = 0;
  jobs.forEach((job, i) => {
    let result = kept[i];
    if (result === void 0) {
      result = done[next++];
      if (cache && result.blob) cache.set(context, job, result.blob, result);
    }
    const blob = ids[i] ?? result.blob;
    if (cache && blob) cache.touch(context, job, blob);
    add2(result.extraction);
    if (result.parsed) parsed++;
  });
  const bound = extracted.extractions.some((e) => e.bindings.length > 0);
  const none = collected.serviceDirs.length === 0 && !collected.discovered?.length && !collected.deployServices && !registryFile && !bound;
  if (none) addProblem2(noServices(config));
  return { extracted, parsed, extraction: { extracted: todo.filter((job) => !job.refused).length, reused: jobs.length - todo.length } };
}
var READ_AHEAD_BYTES = 8 * 1024 * 1024;
var STALE_AFTER = 256;
function lookUp(jobs, ids, maxFileBytes, get) {
  const checked = /* @__PURE__ */ new Set();
  let room = READ_AHEAD_BYTES;
  let hits = 0;
  let misses = 0;
  return jobs.map((job, i) => {
    if (job.blob) return get(job, job.blob.id);
    if (job.refused || misses > Math.max(STALE_AFTER, hits)) return void 0;
    const read = identifyFile(job, maxFileBytes, checked);
    if (!("blob" in read)) return void 0;
    ids[i] = read.blob;
    const kept = get(job, read.blob);
    if (kept) return hits++, kept;
    misses++;
    if (read.bytes && read.bytes.length <= room) {
      room -= read.bytes.length;
      jobs[i] = { ...job, blob: { id: read.blob, size: read.bytes.length, bytes: Buffer.from(read.bytes) } };
    }
    return void 0;
  });
}
function fileJob(file, isDoc, readers, owner, identify) {
  const job = { ...file, isDoc, readers };
  if (owner) job.owner = owner;
  if (identify) job.identify = true;
  return job;
}
function guardedRegistry(path, text2, services) {
  try {
    return parseRegistry(path, text2, services);
  } catch (error) {
    return { failed: problem("input/extractor-failed", path, `The registry reader failed on \`${path}\`: ${error instanceof Error ? error.message : String(error)}; its ports are unknown.`) };
  }
}

// src/model/scopes.ts
var import_picomatch4 = __toESM(require_picomatch(), 1);
var COMPOSE_FILE = /^(docker-)?compose[^/]*\.ya?ml$/;
function isComposeFile(path) {
  return COMPOSE_FILE.test(path.slice(path.lastIndexOf("/") + 1));
}
var dirOf2 = (path) => path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
function composeLayout(paths, groups = []) {
  const matchers = groups.map((g) => ({ name: g.name, match: (0, import_picomatch4.default)(g.files, { dot: true }) }));
  const byFile = /* @__PURE__ */ new Map();
  const byDir = /* @__PURE__ */ new Map();
  let root;
  for (const path of [...new Set(paths)].filter(isComposeFile).sort()) {
    const dir = dirOf2(path);
    const id = matchers.find((m) => m.match(path))?.name ?? (dir === "" ? "." : dir);
    byFile.set(path, id);
    if (!byDir.has(dir)) byDir.set(dir, id);
    if (dir === "") root ??= id;
  }
  const projects = [...new Set(byFile.values())].sort();
  return {
    projects,
    ...root !== void 0 ? { root } : {},
    projectOf(path) {
      const own = byFile.get(path);
      if (own !== void 0) return own;
      for (let dir = dirOf2(path); ; dir = dirOf2(dir)) {
        const id = byDir.get(dir);
        if (id !== void 0) return id;
        if (dir === "") return void 0;
      }
    }
  };
}
var UNREAD = /* @__PURE__ */ new Set([
  "input/invalid-yaml",
  "input/too-complex",
  "input/extractor-failed",
  "input/binary-file",
  "input/file-too-large",
  "input/unreadable",
  "input/not-a-regular-file",
  "input/symlink-outside-workspace",
  "input/symlink-not-followed"
]);
function scopeComposeProjects(model, paths, groups = []) {
  const layout = composeLayout([...paths, ...model.problems.map((p) => p.location.file)], groups);
  model.composeProjects = layout.projects;
  const scoped = layout.projects.length >= 2;
  const nested = (path) => {
    if (!scoped) return void 0;
    const p = layout.projectOf(path);
    return p === layout.root ? void 0 : p;
  };
  if (scoped) {
    const global = globalNames(model, nested);
    const projectNames = /* @__PURE__ */ new Set();
    const own = (project, name) => {
      if (global.has(model.services.canonical(name)) || model.services.aliased(name)) return name;
      projectNames.add(model.services.canonical(name));
      return `${project}/${name}`;
    };
    const place2 = (item, project) => {
      item.project = project;
      if (model.hosts.placeFile(item.location.file) === void 0) item.scope = project;
    };
    for (const b of model.bindings) {
      const project = nested(b.location.file);
      if (project === void 0) continue;
      b.service = own(project, b.service);
      place2(b, project);
    }
    for (const r of model.references) {
      const project = nested(r.location.file);
      if (project === void 0) continue;
      if (r.fromService !== void 0) r.fromService = own(project, r.fromService);
      if (r.targetService !== void 0) r.targetService = own(project, r.targetService);
      place2(r, project);
    }
    model.serviceDirs = model.serviceDirs.map((d) => {
      const project = nested(`${d.path}/`);
      return project === void 0 || project === d.path ? d : { ...d, name: own(project, d.name) };
    });
    model.projectNames = projectNames;
  }
  const unread = /* @__PURE__ */ new Map();
  for (const p of model.problems) {
    const file = p.location.file;
    if (!UNREAD.has(p.ruleId) || !isComposeFile(file) || unread.has(file)) continue;
    const project = nested(file);
    const host = model.hosts.placeFile(file) ?? DEV_HOST;
    unread.set(file, { host, ...project !== void 0 && model.hosts.placeFile(file) === void 0 ? { scope: project } : {} });
    p.message = `${p.message.replace(/\.$/, "")}. Until it is read, references to ports on host ${quote(host)}${project !== void 0 ? ` in compose project ${quote(project)}` : ""} that it may bind are not judged.`;
  }
  model.unreadDeployFiles = [...unread].map(([file, at2]) => ({ file, ...at2 }));
}
function globalNames(model, nested) {
  const names = /* @__PURE__ */ new Set();
  const add2 = (n) => names.add(model.services.canonical(n));
  for (const b of [...model.registry?.plan ?? [], ...model.registry?.actual ?? []]) add2(b.service);
  for (const d of model.serviceDirs) {
    const project = nested(`${d.path}/`);
    if (project === void 0 || project === d.path) add2(d.name);
  }
  for (const b of model.bindings) if (b.kind === "registry-plan" || b.kind === "registry-actual") add2(b.service);
  return names;
}

// src/model/build.ts
function build(extracted, layout, config) {
  const copies = /* @__PURE__ */ new Map();
  const bindings = [];
  const references = [];
  const problems = [];
  const suppressions = [];
  for (const e of extracted.extractions) {
    for (const b of e.bindings) {
      const copy = { ...b };
      copies.set(b, copy);
      bindings.push(copy);
    }
    for (const r of e.references) references.push({ ...r });
    for (const p of e.problems) problems.push({ ...p });
    if (e.suppressions) suppressions.push(...e.suppressions);
  }
  const doc = extracted.registry;
  const model = {
    ...doc ? { registry: { ...doc, plan: doc.plan.map((b) => copies.get(b) ?? b), actual: doc.actual.map((b) => copies.get(b) ?? b) } } : {},
    registryPath: config.registry,
    serviceDirs: layout.serviceDirs,
    ...layout.discovered?.length ? { discoveredServices: layout.discovered } : {},
    bindings,
    references,
    hosts: extracted.hosts,
    services: extracted.services,
    problems,
    suppressions
  };
  if (layout.inContainer) containerDefaults(model.bindings, layout.inContainer);
  normalizeHosts(model);
  scopeComposeProjects(model, layout.paths, config.composeProjects);
  return model;
}
function containerDefaults(bindings, inContainer) {
  for (const b of bindings) if (b.kind === "source-default" && b.network === void 0 && inContainer(b.location.file)) b.network = "container";
}
function normalizeHosts(model) {
  const fix = (item) => {
    const host = model.hosts.resolve(item.host);
    if (host) item.host = host.id;
  };
  model.bindings.forEach(fix);
  model.references.forEach(fix);
}

// src/rules/rule.ts
function defineRule(def) {
  return { meta: { ...def.meta, docs: ruleUrl(def.meta.id) }, messages: def.messages, check: def.check };
}
function defineRegistryRule(def) {
  return defineRule({
    ...def,
    check(model, report) {
      if (model.registry) def.check(model.registry, model, report);
    }
  });
}
var RULE_CRASHED = {
  id: "internal/rule-crashed",
  description: "A rule threw on this repository; its findings are missing from the run.",
  defaultSeverity: "error",
  docs: ruleUrl("internal/rule-crashed"),
  fixable: false
};
function runRules(rules, model, settings = {}) {
  const findings = [];
  for (const rule of rules) {
    const setting = settings[rule.meta.id];
    if (setting === "off") continue;
    const seen = /* @__PURE__ */ new Set();
    try {
      rule.check(model, (r) => {
        const finding = createFinding(rule.meta, setting ? { ...r, severity: setting } : r);
        if (seen.has(finding.fingerprint)) return;
        seen.add(finding.fingerprint);
        findings.push(finding);
      });
    } catch (error) {
      findings.push(
        createFinding(RULE_CRASHED, {
          message: `Rule \`${rule.meta.id}\` crashed: ${error instanceof Error ? error.message : String(error)}; its findings are missing from this run.`,
          location: { file: model.registryPath, line: 1, column: 1, endLine: 1, endColumn: 1 },
          key: rule.meta.id
        })
      );
    }
  }
  return findings;
}
function inputFindings(problems, settings = {}) {
  const findings = [];
  for (const p of problems) {
    const setting = settings[p.ruleId] ?? settings["input/*"];
    if (setting === "off") continue;
    findings.push(setting ? { ...p, severity: setting } : p);
  }
  return findings;
}

// src/rules/registry-range-overlap.ts
function describeRange(s) {
  const range = `${s.range.start}-${s.range.end}`;
  const title = s.title.trim();
  if (/^\d/.test(title) || title === "") return `${quote(range)}`;
  return `${quote(range)} (${title})`;
}
var messages = {
  overlaps: (d) => `Range ${d.later} overlaps range ${d.earlier} on ${d.start === d.end ? `port ${d.start}` : `ports ${d.start}-${d.end}`}; expected every range heading to cover its own ports.`,
  declared: (d) => `range ${d.start}-${d.end} is declared here`
};
var registryRangeOverlap = defineRegistryRule({
  meta: {
    id: "registry/range-overlap",
    description: "Two range headings of the registry overlap.",
    defaultSeverity: "warning",
    fixable: false
  },
  messages,
  check(registry, _model, report) {
    const ranged = registry.sections.filter((s) => s.range !== void 0).sort((a, b) => compareLocations(a.location, b.location));
    ranged.forEach((later, j) => {
      for (const earlier of ranged.slice(0, j)) {
        const start2 = Math.max(earlier.range.start, later.range.start);
        const end = Math.min(earlier.range.end, later.range.end);
        if (start2 > end) continue;
        report({
          message: messages.overlaps({ later: describeRange(later), earlier: describeRange(earlier), start: start2, end }),
          location: later.location,
          related: [{ location: earlier.location, message: messages.declared({ start: earlier.range.start, end: earlier.range.end }) }],
          key: `${registry.path}|${earlier.range.start}-${earlier.range.end}|${later.range.start}-${later.range.end}`
        });
      }
    });
  }
});

// src/rules/registry-out-of-range.ts
var messages2 = {
  outside: (d) => {
    const ports = d.outside.length === 1 ? `Port ${quote(d.outside[0])}` : `Ports ${quote(d.portText)}`;
    const what = d.service ? `of ${quote(d.service)}` : "of a reserved row";
    return `${ports} ${what} ${d.outside.length === 1 ? "lies" : "lie"} outside its section's range ${d.range}; expected a port in ${d.start}-${d.end} or a section whose range covers it.`;
  },
  range: (d) => `the section's range ${d.start}-${d.end} is declared here`
};
var registryOutOfRange = defineRegistryRule({
  meta: {
    id: "registry/out-of-range",
    description: "A plan row's port lies outside its section heading's range.",
    defaultSeverity: "warning",
    fixable: false
  },
  messages: messages2,
  check(registry, _model, report) {
    for (const section of registry.sections) {
      if (!section.range) continue;
      const { start: start2, end } = section.range;
      for (const row of section.rows) {
        const outside = row.ports.filter((p) => p < start2 || p > end);
        if (outside.length === 0) continue;
        report({
          message: messages2.outside({ outside, portText: row.portText, service: row.service, range: describeRange(section), start: start2, end }),
          location: row.location,
          related: [{ location: section.location, message: messages2.range({ start: start2, end }) }],
          key: `${registry.path}|${start2}-${end}|${row.service ?? "(reserved)"}|${outside.join(",")}`
        });
      }
    }
  }
});

// src/rules/evidence.ts
function relatedBinding(b, verb = defaultVerb(b)) {
  return { location: b.location, message: `${quote(b.service)} ${verb} ${b.port} here (${b.label})` };
}
function defaultVerb(b) {
  if (b.kind === "registry-plan") return "is planned at";
  if (b.kind === "registry-actual" && b.host === NOT_DEPLOYED_HOST) return "is not deployed; default port";
  return "binds";
}
function describePlace(host, scope) {
  return scope === void 0 ? `host ${quote(host)}` : `host ${quote(host)} in compose project ${quote(scope)}`;
}
function relatedReference(r) {
  return { location: r.location, message: `expects ${quote(r.target)} at ${r.port} here (${r.source} ${r.kind})` };
}
function byLocation(a, b) {
  return compareLocations(a.location, b.location);
}
function distinct(ports) {
  return [...new Set(ports)].sort((a, b) => a - b);
}
function portList(ports, joiner = "or") {
  const quoted = distinct(ports).map((p) => `${quote(p)}`);
  return quoted.length <= 1 ? quoted[0] ?? "" : `${quoted.slice(0, -1).join(", ")} ${joiner} ${quoted[quoted.length - 1]}`;
}
function nameList(names) {
  const quoted = names.map((n) => `${quote(n)}`);
  return quoted.length <= 1 ? quoted[0] ?? "" : `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}
function spansPort(location2, port2) {
  return location2.line === location2.endLine && location2.endColumn - location2.column === String(port2).length;
}

// src/rules/registry-duplicate-port.ts
var messages3 = {
  taken: (d) => `Port ${quote(d.port)} of ${quote(d.service)} is already assigned to ${nameList(d.others)} in the plan; expected every port to be assigned exactly once.`,
  assigned: (d) => `${quote(d.service)} is assigned ${d.port} here`,
  reserved: (d) => `Port ${quote(d.port)} of ${quote(d.service)} lies inside the reserved range ${quote(d.range)}; expected a free port or the reservation to be narrowed.`,
  reservedHere: (d) => `${d.range} is reserved here`
};
var registryDuplicatePort = defineRegistryRule({
  meta: {
    id: "registry/duplicate-port",
    description: "One port is assigned to two services in the plan, or a reserved port is assigned.",
    defaultSeverity: "error",
    fixable: false
  },
  messages: messages3,
  check(registry, model, report) {
    const rows = registry.sections.flatMap((s) => s.rows).sort(byLocation);
    const serviceRows = rows.filter((r) => !r.reserved && r.service !== void 0);
    const name = (r) => model.services.canonical(r.service);
    const byPort = /* @__PURE__ */ new Map();
    for (const row of serviceRows) for (const port2 of new Set(row.ports)) byPort.set(port2, [...byPort.get(port2) ?? [], row]);
    for (const [port2, claimants] of byPort) {
      const services = [...new Set(claimants.map(name))];
      if (services.length < 2) continue;
      const firstService = name(claimants[0]);
      const primary = claimants.find((r) => name(r) !== firstService);
      const others = services.filter((s) => s !== name(primary));
      report({
        message: messages3.taken({ port: port2, service: name(primary), others }),
        location: primary.location,
        related: claimants.filter((r) => r !== primary).map((r) => ({ location: r.location, message: messages3.assigned({ service: name(r), port: port2 }) })),
        // The port: a service joining or leaving its claimants changes this finding.
        key: `${registry.path}|${port2}`
      });
    }
    for (const reserved of rows.filter((r) => r.reserved)) {
      const held = new Set(reserved.ports);
      for (const row of serviceRows) {
        const inside = row.ports.filter((p) => held.has(p));
        if (inside.length === 0) continue;
        report({
          message: messages3.reserved({ port: inside[0], service: name(row), range: reserved.portText }),
          location: row.location,
          related: [{ location: reserved.location, message: messages3.reservedHere({ range: reserved.portText }) }],
          key: `${registry.path}|reserved ${reserved.portText}|${name(row)}|${inside.join(",")}`
        });
      }
    }
  }
});

// src/rules/registry-principle-last-digits.ts
function inHundred(port2, base) {
  return port2 >= base && port2 < base + 100;
}
var lastTwo = (port2) => String(port2 % 100).padStart(2, "0");
var messages4 = {
  differ: (d) => `Frontend ${quote(d.frontend)} on ${quote(d.port)} corresponds to ${d.backend}, but their last two digits differ ("${lastTwo(d.port)}" vs "${lastTwo(d.backendPort)}"); expected ${quote(`50${lastTwo(d.backendPort)}`)} to match the backend where possible.`,
  backend: (d) => `the corresponding backend ${d.port} is named here`
};
var registryPrincipleLastDigits = defineRegistryRule({
  meta: {
    id: "registry/principle-last-digits",
    description: "A 50xx frontend and the 30xx backend it corresponds to do not share their last two digits.",
    defaultSeverity: "notice",
    fixable: false
  },
  messages: messages4,
  check(registry, _model, report) {
    for (const row of registry.sections.flatMap((s) => s.rows)) {
      const partner = row.correspondsTo;
      if (!partner || row.reserved || row.ports.length !== 1) continue;
      const port2 = row.ports[0];
      if (!inHundred(port2, 5e3) || !inHundred(partner.port, 3e3)) continue;
      if (lastTwo(port2) === lastTwo(partner.port)) continue;
      const frontend = row.service ?? row.portText;
      const backend = partner.service ? `${quote(partner.service)} on ${quote(partner.port)}` : `${quote(partner.port)}`;
      report({
        message: messages4.differ({ frontend, port: port2, backend, backendPort: partner.port }),
        location: row.location,
        related: [{ location: partner.location, message: messages4.backend({ port: partner.port }) }],
        // The frontend's row, not the backend it is compared with.
        key: `${registry.path}|${frontend}|${port2}`
      });
    }
  }
});

// src/model/views.ts
function serviceOf(model, b) {
  return model.services.canonical(b.service);
}
function isRegistryBinding(b) {
  return b.kind === "registry-plan" || b.kind === "registry-actual";
}
function isMachineHost(host) {
  return host !== PLAN_HOST && host !== NOT_DEPLOYED_HOST;
}
function placeKey(host, scope) {
  return scope === void 0 ? host : `${host}\0${scope}`;
}
function listenPort(b) {
  if (b.kind !== "deploy") return void 0;
  if (b.network === "container") return b.port;
  if (b.containerPort !== void 0) return b.containerPort;
  if (b.runtime === "container") return void 0;
  return b.port;
}
function docDeclarations(model) {
  return model.bindings.filter((b) => b.kind === "service-doc" && b.strength === "declaration");
}
function bindingsOf(model, service) {
  return [...views(model).byService.get(service) ?? []];
}
var viewsMemo = /* @__PURE__ */ new WeakMap();
function views(model) {
  return memoised(viewsMemo, model, () => {
    const byService = /* @__PURE__ */ new Map();
    for (const b of model.bindings) push(byService, model.services.canonical(b.service), b);
    const registryActualByService = /* @__PURE__ */ new Map();
    for (const b of model.registry?.actual ?? []) push(registryActualByService, model.services.canonical(b.service), b);
    const serviceDirNames = new Set(model.serviceDirs.map((d) => model.services.canonical(d.name)));
    return { byService, serviceDirNames, registryActualByService };
  });
}
function inputsOf(model) {
  const actual = model.registry?.actual;
  return [model.services, model.bindings, model.bindings.length, model.serviceDirs, model.serviceDirs.length, actual, actual?.length];
}
function memoised(memo, model, build3) {
  const inputs = inputsOf(model);
  const known = memo.get(model);
  if (known && known.inputs.every((x, i) => x === inputs[i])) return known.value;
  const value = build3();
  memo.set(model, { value, inputs });
  return value;
}
function push(map, key2, item) {
  const list2 = map.get(key2);
  if (list2) list2.push(item);
  else map.set(key2, [item]);
}

// src/rules/registry-plan-drift.ts
var messages5 = {
  drifts: (d) => {
    const where = d.host === NOT_DEPLOYED_HOST ? "is listed as not deployed with port" : `runs on host ${quote(d.host)} at`;
    return `${quote(d.service)} ${where} ${portList(d.ports, "and")}, but the plan assigns it ${portList(d.planned)}; expected the plan and the real ports to agree (move the service or update the plan).`;
  }
};
var registryPlanDrift = defineRegistryRule({
  meta: {
    id: "registry/plan-drift",
    description: "The registry's plan and its real ports disagree for a service.",
    defaultSeverity: "warning",
    fixable: false
  },
  messages: messages5,
  check(registry, model, report) {
    const plan = groupBy(registry.plan, (b) => serviceOf(model, b));
    const actual = groupBy([...registry.actual].sort(byLocation), (b) => `${serviceOf(model, b)}\0${b.host}`);
    for (const entries of actual.values()) {
      const service = serviceOf(model, entries[0]);
      const host = entries[0].host;
      const planned = plan.get(service);
      if (!planned) continue;
      const plannedPorts = new Set(planned.map((b) => b.port));
      const off = entries.filter((b) => !plannedPorts.has(b.port));
      if (off.length === 0) continue;
      report({
        message: messages5.drifts({ service, host, ports: off.map((b) => b.port), planned: [...plannedPorts] }),
        location: off[0].location,
        related: [...off.slice(1), ...planned].map((b) => relatedBinding(b)),
        // The service's real-ports entry on the host, not the ports on either side.
        key: `${registry.path}|${service}|${host}`,
        ...registry.aspirational ? { severity: "notice" } : {}
      });
    }
  }
});

// src/model/occupancy.ts
function holdsHostPort(b, evidence = "claims") {
  if (!isMachineHost(b.host) || b.network === "container") return false;
  switch (b.role) {
    case "plan":
      return false;
    case "doc":
      return b.kind === "registry-actual" || b.strength === "declaration" || evidence === "mentions";
    default:
      return true;
  }
}
var NONE = [];
var NO_PORTS = /* @__PURE__ */ new Set();
var memos = { claims: /* @__PURE__ */ new WeakMap(), mentions: /* @__PURE__ */ new WeakMap() };
function occupancy(model, evidence = "claims") {
  return memoised(memos[evidence], model, () => build2(model, evidence));
}
function build2(model, evidence) {
  const atPlace = /* @__PURE__ */ new Map();
  const portsAtPlace = /* @__PURE__ */ new Map();
  const portsOnHost = /* @__PURE__ */ new Map();
  const byHost = /* @__PURE__ */ new Map();
  const uses = /* @__PURE__ */ new Map();
  for (const b of model.bindings) {
    if (b.network !== "container") push(uses, b.port, b);
    if (!holdsHostPort(b, evidence)) continue;
    const place2 = placeKey(b.host, b.scope);
    push(atPlace, `${place2}|${b.port}`, b);
    add(portsAtPlace, place2, b.port);
    add(portsOnHost, b.host, b.port);
    let ports = byHost.get(b.host);
    if (!ports) byHost.set(b.host, ports = /* @__PURE__ */ new Map());
    push(ports, b.port, b);
  }
  const holders = (host, port2, scope) => atPlace.get(`${placeKey(host, scope)}|${port2}`) ?? NONE;
  return {
    holders,
    usesOf: (port2) => uses.get(port2) ?? NONE,
    portsOn: (host) => portsOnHost.get(host) ?? NO_PORTS,
    portsAt: (host, scope) => portsAtPlace.get(placeKey(host, scope)) ?? NO_PORTS,
    takenByOther: (host, port2, service, scope) => holders(host, port2, scope).some((b) => model.services.canonical(b.service) !== service),
    byHost
  };
}
function add(map, key2, port2) {
  const set = map.get(key2);
  if (set) set.add(port2);
  else map.set(key2, /* @__PURE__ */ new Set([port2]));
}

// src/rules/collision-same-host.ts
var messages6 = {
  collides: (d) => `Port ${quote(d.port)} of ${quote(d.subject)} collides with ${nameList(d.others)} on ${d.place}; expected one service per port on a host.`
};
var collisionSameHost = defineRule({
  meta: {
    id: "collision/same-host",
    description: "Two services bind the same port on the same host.",
    defaultSeverity: "error",
    fixable: false
  },
  messages: messages6,
  check(model, report) {
    const claims = model.bindings.filter((b) => holdsHostPort(b)).sort(byLocation);
    for (const group of groupBy(claims, (b) => `${placeKey(b.host, b.scope)}\0${b.port}`).values()) {
      const services = [...new Set(group.map((b) => serviceOf(model, b)))].sort();
      if (services.length < 2) continue;
      const { host, port: port2, scope } = group[0];
      const subject = services[services.length - 1];
      const primary = group.find((b) => serviceOf(model, b) === subject);
      const others = services.filter((s) => s !== subject);
      report({
        message: messages6.collides({ port: port2, subject, others, place: describePlace(host, scope) }),
        location: primary.location,
        related: group.filter((b) => b !== primary).map((b) => relatedBinding(b)),
        // The place and the port: a service joining or leaving the collision changes this finding.
        key: `${host}|${port2}${scope === void 0 ? "" : `|${scope}`}`,
        severity: host === DEV_HOST ? "warning" : "error"
      });
    }
  }
});

// src/rules/doc-registry-drift.ts
function registryCounterparts(model, service, host) {
  const entries = views(model).registryActualByService.get(service) ?? [];
  const sameHost = entries.filter((b) => b.host === host);
  if (sameHost.length > 0) return sameHost;
  return distinct(entries.map((b) => b.port)).length === 1 ? entries : [];
}
var messages7 = {
  drifts: (d) => `${quote(d.service)}'s doc declares port ${quote(d.port)}, but the registry lists it at ${portList(d.expected)} (host ${d.hosts}); expected the doc to match the registry.`
};
var docRegistryDrift = defineRule({
  meta: {
    id: "doc/registry-drift",
    description: "A service's CLAUDE.md declares a port the registry's real ports contradict.",
    defaultSeverity: "error",
    fixable: true
  },
  messages: messages7,
  check(model, report) {
    if (!model.registry) return;
    const declarations = docDeclarations(model).sort(byLocation);
    const perDoc = groupBy(declarations, (b) => `${serviceOf(model, b)}\0${b.location.file}\0${b.host}`);
    for (const docDecls of perDoc.values()) {
      const { host, location: location2 } = docDecls[0];
      const service = serviceOf(model, docDecls[0]);
      const registry = registryCounterparts(model, service, host);
      if (registry.length === 0) continue;
      const expected = distinct(registry.map((b) => b.port));
      for (const same of groupBy(docDecls, (b) => String(b.port)).values()) {
        const doc = same[0];
        if (expected.includes(doc.port)) continue;
        const hosts = [...new Set(registry.map((b) => b.host))].map((h) => `${quote(h)}`).join(", ");
        const fixable = docDecls.length === 1 && expected.length === 1 && spansPort(doc.location, doc.port) && !occupancy(model).takenByOther(doc.host, expected[0], service);
        report({
          message: messages7.drifts({ service, port: doc.port, expected, hosts }),
          location: doc.location,
          related: [...same.slice(1), ...registry].map((b) => relatedBinding(b)),
          // The doc's statement, not the registry's ports it is compared with.
          key: `${service}|${host}|${location2.file}|${doc.port}`,
          ...fixable ? { fix: { location: doc.location, text: String(expected[0]) } } : {}
        });
      }
    }
  }
});

// src/rules/drift-doc-vs-source.ts
var messages8 = {
  drifts: (d) => `${quote(d.service)}'s doc declares port ${quote(d.port)}, but its source default on host ${quote(d.host)} is ${portList(d.expected)} (${d.files}); expected the doc to match the code.`
};
var driftDocVsSource = defineRule({
  meta: {
    id: "drift/doc-vs-source",
    description: "A service's CLAUDE.md declares a port its source default does not use.",
    defaultSeverity: "error",
    fixable: true
  },
  messages: messages8,
  check(model, report) {
    const defaults = groupBy(
      model.bindings.filter((b) => b.kind === "source-default").sort(byLocation),
      (b) => `${serviceOf(model, b)}\0${b.host}`
    );
    const perDoc = groupBy(docDeclarations(model).sort(byLocation), (b) => `${serviceOf(model, b)}\0${b.location.file}\0${b.host}`);
    for (const docDecls of perDoc.values()) {
      const { host, location: location2 } = docDecls[0];
      const service = serviceOf(model, docDecls[0]);
      const sources = defaults.get(`${service}\0${host}`);
      if (!sources) continue;
      const expected = distinct(sources.map((b) => b.port));
      for (const same of groupBy(docDecls, (b) => String(b.port)).values()) {
        const doc = same[0];
        if (expected.includes(doc.port)) continue;
        const files = [...new Set(sources.map((b) => b.location.file))].join(", ");
        const fixable = docDecls.length === 1 && expected.length === 1 && spansPort(doc.location, doc.port) && !occupancy(model).takenByOther(doc.host, expected[0], service);
        report({
          message: messages8.drifts({ service, port: doc.port, host, expected, files }),
          location: doc.location,
          related: [...same.slice(1), ...sources].map((b) => relatedBinding(b)),
          // The doc's statement, not the source defaults it is compared with.
          key: `${service}|${host}|${location2.file}|${doc.port}`,
          ...fixable ? { fix: { location: doc.location, text: String(expected[0]) } } : {}
        });
      }
    }
  }
});

// src/rules/drift-deploy.ts
var isExposure = (s) => s.binding.kind === "deploy" && s.binding.exposure !== void 0;
function consistent(all) {
  const declared = distinct(all.filter((s) => !isExposure(s)).map((s) => s.port));
  if (declared.length > 1) return false;
  const lists = [...groupBy(all.filter(isExposure), (s) => `${s.binding.location.file}\0${s.binding.exposure}`).values()].map(
    (list2) => new Set(list2.map((s) => s.port))
  );
  if (declared.length === 1) return lists.every((list2) => list2.has(declared[0]));
  return lists.length === 0 || [...lists[0]].some((p) => lists.every((list2) => list2.has(p)));
}
var runsDirectly = (b) => b.runtime === "process" && b.network !== "container" && b.containerPort === void 0;
var fromImage = (s) => s.binding.runtime === "image";
var imageExpose = (s) => fromImage(s) && s.binding.exposure !== void 0;
function statementsOf(own) {
  const deploy = own.filter((b) => b.kind === "deploy" && isMachineHost(b.host) && !b.listener).sort(byLocation);
  const at2 = (b) => ({ host: b.host, ...b.scope !== void 0 ? { within: b.scope } : {} });
  const containerPlaces = new Map(deploy.filter((b) => b.runtime === "container").map((b) => [placeKey(b.host, b.scope), at2(b)]));
  const directPlaces = new Set(deploy.filter(runsDirectly).map((b) => placeKey(b.host, b.scope)));
  const out = [];
  for (const b of deploy) {
    if (runsDirectly(b)) {
      out.push({ binding: b, port: b.port, ...at2(b), scope: "process" });
      continue;
    }
    const inside = listenPort(b);
    const places = b.runtime === "image" ? new Map([[placeKey(b.host, b.scope), at2(b)], ...containerPlaces]).values() : [at2(b)];
    if (inside !== void 0) for (const place2 of places) out.push({ binding: b, port: inside, ...place2, scope: "container" });
    if (b.runtime === "container" && b.network !== "container" && directPlaces.has(placeKey(b.host, b.scope))) out.push({ binding: b, port: b.port, ...at2(b), scope: "process" });
  }
  for (const b of own.filter((d) => d.kind === "source-default" && directPlaces.has(placeKey(d.host, d.scope))).sort(byLocation)) out.push({ binding: b, port: b.port, ...at2(b), scope: "process" });
  return out;
}
var messages9 = {
  /** Only an image's `EXPOSE` disagrees: a notice. */
  staleExpose: (d) => `${quote(d.service)}'s image exposes ${quote(d.port)} (${d.where}), but on ${d.place} it ${d.verb} ${quote(d.expected)} per ${d.agree}; expected \`EXPOSE\`, which binds nothing, to name the port the service listens on.`,
  disagree: (d) => `${quote(d.service)} ${d.verb} ${quote(d.port)} on ${d.place} per ${d.where}, but ${d.agree} says ${quote(d.expected)}; expected its deploy files to agree on one port.`,
  statement: (d) => `${quote(d.service)} ${d.verb} ${d.port} here (${d.source})`
};
var driftDeploy = defineRule({
  meta: {
    id: "drift/deploy",
    description: "A service's deploy files disagree about its listen port on one host.",
    defaultSeverity: "warning",
    fixable: true
  },
  messages: messages9,
  check(model, report) {
    for (const [service, own] of views(model).byService) {
      const defaults = new Set(own.filter((b) => b.kind === "source-default").map((b) => b.port));
      for (const group of groupBy(statementsOf(own), (s) => `${placeKey(s.host, s.within)}\0${s.scope}`).values()) {
        const { host, scope, within: within2 } = group[0];
        const deployed = group.filter((s) => !fromImage(s));
        const overridden = deployed.some((s) => !isExposure(s));
        const all = overridden ? group.filter((s) => !fromImage(s) || isExposure(s)) : group;
        const ports = distinct(all.map((s) => s.port));
        if (ports.length < 2 || consistent(all)) continue;
        const count = (p) => all.filter((s) => s.port === p).length;
        const inCode = (p) => defaults.has(p) ? 1 : 0;
        const byDeployment = (p) => deployed.some((s) => s.port === p) ? 1 : 0;
        const first = (p) => all.findIndex((s) => s.port === p);
        const fromDefault = all.find((s) => s.binding.kind === "source-default")?.port;
        const expected = fromDefault ?? [...ports].sort((a, b) => byDeployment(b) - byDeployment(a) || count(b) - count(a) || inCode(b) - inCode(a) || first(a) - first(b))[0];
        const staleExpose = consistent(all.filter((s) => !imageExpose(s)));
        const unused = all.find((s) => imageExpose(s) && s.port !== expected && !all.some((o) => !imageExpose(o) && o.port === s.port));
        if (staleExpose && unused === void 0) continue;
        const primary = staleExpose ? unused : all.find((s) => s.port !== expected && s.binding.kind === "deploy") ?? all.find((s) => s.port !== expected);
        const agree = all.find((s) => s.port === expected && !imageExpose(s)) ?? all.find((s) => s.port === expected);
        const verb = scope === "container" ? "listens on" : "runs on";
        const where = (s) => `${s.binding.location.file} ${s.binding.via ?? s.binding.source}`;
        const fixable = fromDefault !== void 0 && ports.length === 2 && primary.binding.mirrorsDefault === true && spansPort(primary.binding.location, primary.port) && !occupancy(model).takenByOther(host, expected, service, within2);
        const place2 = describePlace(host, within2);
        report({
          message: (staleExpose ? messages9.staleExpose : messages9.disagree)({ service, port: primary.port, where: where(primary), place: place2, verb, expected, agree: where(agree) }),
          location: primary.binding.location,
          related: all.filter((s) => s !== primary).map((s) => ({ location: s.binding.location, message: messages9.statement({ service, verb, port: s.port, source: s.binding.label }) })),
          // The service, place and scope: a file joining the disagreement with another port changes this finding.
          key: `${service}|${host}|${scope}${within2 === void 0 ? "" : `|${within2}`}`,
          ...staleExpose ? { severity: "notice" } : {},
          ...fixable ? { fix: { location: primary.binding.location, text: String(expected) } } : {}
        });
      }
    }
  }
});

// src/rules/stale-reference.ts
function servicePorts(model, service, r) {
  const own = (views(model).byService.get(service) ?? []).filter((b) => isMachineHost(b.host));
  const out = [];
  for (const b of own) {
    const samePlace = b.host === r.host && (b.scope === void 0 || r.scope === void 0 || b.scope === r.scope);
    if (samePlace && (holdsHostPort(b) || b.kind === "service-doc" && b.strength === "support")) out.push({ port: b.port, binding: b });
    if (r.containerNetwork && (samePlace || b.runtime === "image")) {
      const inside = listenPort(b);
      if (inside !== void 0 && (b.network === "container" || b.containerPort !== void 0)) out.push({ port: inside, binding: b });
    }
  }
  return out;
}
function targetService(model, r) {
  if (r.containerNetwork && r.fromService && LOOPBACK.has(r.target.toLowerCase())) return model.services.canonical(r.fromService);
  const index = views(model);
  if (r.project !== void 0) {
    const own = model.services.canonical(`${r.project}/${r.target}`);
    if (index.byService.has(own)) return own;
  }
  if (r.targetService !== void 0) {
    const named = model.services.canonical(r.targetService);
    if (model.services.has(named) || index.serviceDirNames.has(named) || index.byService.has(named)) return named;
  }
  const name = model.services.canonical(r.target);
  if (!model.services.has(name) && !index.serviceDirNames.has(name) && !index.byService.has(name)) {
    const named = composeNames(model).get(`${r.project ?? ""}\0${r.target.toLowerCase()}`);
    if (named !== void 0) return named;
  }
  if (model.services.has(name) || index.serviceDirNames.has(name)) return name;
  return index.byService.has(name) ? name : void 0;
}
var namesCache = /* @__PURE__ */ new WeakMap();
function composeNames(model) {
  let names = namesCache.get(model);
  if (!names) {
    names = /* @__PURE__ */ new Map();
    for (const b of model.bindings) for (const n of b.names ?? []) if (!names.has(`${b.project ?? ""}\0${n}`)) names.set(`${b.project ?? ""}\0${n}`, model.services.canonical(b.service));
    namesCache.set(model, names);
  }
  return names;
}
var expects = (d) => d.refs > 1 ? `${d.refs} references${d.files > 1 ? ` in ${d.files} files` : ""} to ${quote(d.target)} expect` : `${quote(`${d.target}:${d.port}`)} expects`;
var at = (d) => `${d.ports.length === 1 ? "port" : "ports"} ${portList(d.ports, "and")}`;
var messages10 = {
  wrongPort: (d) => `${quote(`${d.target}:${d.port}`)} expects ${quote(d.service)} at port ${quote(d.port)} on host ${quote(d.host)}, but it binds ${portList(d.ports)} there (${d.file}); expected the reference to use the port the service binds.`,
  unboundService: (d) => `${expects(d)} ${quote(d.service)} at port ${quote(d.port)}, but nothing shows ${quote(d.service)} binding ${d.port} on ${d.place} or elsewhere; expected a binding for it.`,
  outside: (d) => `${expects(d)} a service at ${at(d)} on ${d.place}, but nothing in the repository binds ${d.ports.length === 1 ? "it" : "them"}: a target outside the repository's knowledge (another repository's service, an agent, a tool's default); expected a binding here only if the service is the repository's own.`,
  agent: (d) => `${expects(d)} a service at ${at(d)} on ${d.place}, but nothing binds ${d.ports.length === 1 ? "it" : "them"} there; ${d.elsewhere}, and ${portList(d.agentPorts, "and")} ${d.bindings === 1 ? "is" : "are"} a telemetry agent's default port: expected a binding on ${d.place} only if the agent runs beside the caller there.`,
  unbound: (d) => `${expects(d)} a service at ${at(d)} on ${d.place}, but nothing binds ${d.ports.length === 1 ? "it" : "them"} there; expected a service, doc or deploy file binding ${d.ports.length === 1 ? "it" : "each"}.`,
  self: (d) => `${quote(`${d.target}:${d.port}`)} is ${quote(d.service)}'s own address (its ${d.healthcheck ? "health check" : "environment"}), but ${quote(d.service)} binds ${portList(d.ports)} (${d.file}); expected it to use a port the service listens on.`,
  /** `` `otel-collector` binds 4318 only elsewhere (compose.yaml:840)`` */
  boundElsewhere: (d) => `${quote(d.service)} binds ${d.port} only elsewhere (${d.where})`
};
var staleReference = defineRule({
  meta: {
    id: "stale-reference",
    description: "A reference expects a service or host at a port nothing binds there.",
    defaultSeverity: "error",
    fixable: true
  },
  messages: messages10,
  check(model, report) {
    const refs = [...model.references].sort(byLocation);
    const unanswered = new Unanswered(model);
    const selfKey = (r) => r.self ? `\0self\0${r.fromService ?? ""}` : "";
    for (const same of groupBy(refs, (r) => `${r.location.file}\0${r.target}\0${r.port}\0${r.host}\0${r.containerNetwork ? 1 : 0}${selfKey(r)}`).values()) {
      const r = same[0];
      const others = same.slice(1).map(relatedReference);
      const key2 = `${r.location.file}|${r.target}|${r.port}|${r.host}${r.containerNetwork ? "|container" : ""}${r.self ? `|self|${r.fromService ?? ""}` : ""}`;
      if (r.self) {
        checkSelf(model, r, others, key2, report);
        continue;
      }
      const service = targetService(model, r);
      if (service !== void 0) {
        const bound = servicePorts(model, service, r);
        if (bound.some((x) => x.port === r.port)) continue;
        if (bound.length > 0) {
          const ports = distinct(bound.map((x) => x.port));
          const fixable = ports.length === 1 && same.length === 1 && spansPort(r.location, r.port);
          report({
            message: messages10.wrongPort({ target: r.target, port: r.port, service, host: r.host, ports, file: bound[0].binding.location.file }),
            location: r.location,
            related: [...others, ...sortedUnique(bound.map((x) => x.binding)).map((b) => relatedBinding(b))],
            key: key2,
            ...fixable ? { fix: { location: r.location, text: String(ports[0]) } } : {}
          });
          continue;
        }
        const anywhere = views(model).byService.get(service) ?? [];
        if (anywhere.some((b) => b.port === r.port || b.containerPort === r.port)) continue;
        if (anywhere.length === 0 && model.projectNames?.has(service)) continue;
        unanswered.service(same, service, anywhere);
        continue;
      }
      const loopback = LOOPBACK.has(r.target.toLowerCase());
      const host = loopback ? r.host : model.hosts.resolve(r.target)?.id;
      if (host === void 0) continue;
      const scope = loopback ? r.scope : void 0;
      const held = occupancy(model);
      const claimed = scope === void 0 ? held.portsOn(host) : held.portsAt(host, scope);
      if (claimed.has(r.port) || held.portsAt(host).has(r.port)) continue;
      unanswered.host(same, host, scope);
    }
    unanswered.report(report);
  }
});
var AGENT_PORTS = /* @__PURE__ */ new Set([4317, 4318, 6831, 6832, 14250, 14268, 9411, 8126, 8125]);
var Unanswered = class {
  groups = /* @__PURE__ */ new Map();
  unread;
  /** Every port the repository binds anywhere (a host or container side, the plan included), with who binds it. */
  known = /* @__PURE__ */ new Map();
  constructor(model) {
    this.unread = model.unreadDeployFiles ?? [];
    for (const b of model.bindings) {
      for (const port2 of b.containerPort !== void 0 && b.containerPort !== b.port ? [b.port, b.containerPort] : [b.port]) {
        const list2 = this.known.get(port2) ?? [];
        list2.push(b);
        this.known.set(port2, list2);
      }
    }
  }
  /** True when an unread compose file may bind ports on the reference's host (and project). */
  hidden(r, host = r.host, scope = r.scope) {
    return this.unread.some((u) => u.host === host && u.scope === scope);
  }
  service(refs, service, bindings) {
    const r = refs[0];
    if (this.hidden(r) || r.project === void 0 && this.unread.length > 0 && bindings.length === 0) return;
    this.add(`service\0${service}\0${r.port}`, refs, { service, bindings: [...bindings], host: r.host, ...r.scope !== void 0 ? { scope: r.scope } : {}, outside: false });
  }
  host(refs, host, scope) {
    const r = refs[0];
    if (this.hidden(r, host, scope)) return;
    const outside = AGENT_PORTS.has(r.port) || !this.known.has(r.port);
    const bindings = outside ? this.known.get(r.port) ?? [] : [];
    this.add(`host\0${outside ? "outside" : "unbound"}\0${r.target.toLowerCase()}\0${host}\0${scope ?? ""}`, refs, { bindings, host, ...scope !== void 0 ? { scope } : {}, outside });
  }
  add(key2, refs, group) {
    const known = this.groups.get(key2);
    if (known) {
      known.refs.push(...refs);
      for (const b of group.bindings) if (!known.bindings.includes(b)) known.bindings.push(b);
    } else this.groups.set(key2, { ...group, refs: [...refs] });
  }
  report(report) {
    for (const [key2, g] of this.groups) {
      const refs = [...g.refs].sort(byLocation);
      const r = refs[0];
      const ports = distinct(refs.map((x) => x.port));
      const files = new Set(refs.map((x) => x.location.file)).size;
      const pattern = { refs: refs.length, files, target: r.target, port: r.port, ports, place: describePlace(g.host, g.scope) };
      const related = [...refs.slice(1).map(relatedReference), ...sortedUnique(g.bindings).map((b) => relatedBinding(b))];
      if (g.service !== void 0) {
        report({
          message: messages10.unboundService({ ...pattern, service: g.service }),
          location: r.location,
          related,
          key: `pattern|${key2}`,
          severity: "warning"
        });
      } else if (g.outside) {
        report({
          message: g.bindings.length === 0 ? messages10.outside(pattern) : messages10.agent({ ...pattern, elsewhere: boundElsewhere(g.bindings), agentPorts: distinct(g.bindings.map((b) => AGENT_PORTS.has(b.port) ? b.port : b.containerPort)), bindings: g.bindings.length }),
          location: r.location,
          related,
          key: `pattern|${key2}`,
          severity: "notice"
        });
      } else {
        report({
          message: messages10.unbound(pattern),
          location: r.location,
          related,
          key: `pattern|${key2}`,
          severity: "warning"
        });
      }
    }
  }
};
function checkSelf(model, r, others, key2, report) {
  const service = r.fromService === void 0 ? void 0 : model.services.canonical(r.fromService);
  if (service === void 0) return;
  const own = (views(model).byService.get(service) ?? []).filter((b) => isMachineHost(b.host));
  if (own.length === 0 || own.some((b) => b.port === r.port || b.containerPort === r.port)) return;
  const ports = distinct(own.map((b) => listenPort(b) ?? b.port));
  report({
    message: messages10.self({ target: r.target, port: r.port, service, healthcheck: r.kind === "healthcheck", ports, file: own[0].location.file }),
    location: r.location,
    related: [...others, ...sortedUnique(own).map((b) => relatedBinding(b))],
    key: key2,
    severity: "warning"
  });
}
function boundElsewhere(bindings) {
  const parts = sortedUnique(bindings).map((b) => {
    const port2 = AGENT_PORTS.has(b.port) ? b.port : b.containerPort;
    return messages10.boundElsewhere({ service: b.service, port: port2, where: `${b.location.file}:${b.location.line}` });
  });
  return parts.join("; ");
}
function sortedUnique(bindings) {
  return [...new Set(bindings)].sort(byLocation);
}

// src/rules/registry-actual-drift.ts
var messages11 = {
  drifts: (d) => `The registry lists ${quote(d.service)} at ${quote(d.port)} on host ${quote(d.host)}, but its deploy files bind ${portList(d.expected)} there (${d.files.join(", ")}); expected the registry to match what is deployed.`
};
var registryActualDrift = defineRegistryRule({
  meta: {
    id: "registry/actual-drift",
    description: "The registry's real port for a host disagrees with that host's deploy files.",
    defaultSeverity: "warning",
    fixable: true
  },
  messages: messages11,
  check(registry, model, report) {
    const deploy = groupBy(
      model.bindings.filter((b) => b.kind === "deploy" && holdsHostPort(b)).sort(byLocation),
      (b) => `${serviceOf(model, b)}\0${b.host}`
    );
    const actual = groupBy(registry.actual.filter((b) => isMachineHost(b.host)).sort(byLocation), (b) => `${serviceOf(model, b)}\0${b.host}`);
    for (const [key2, entries] of actual) {
      const files = deploy.get(key2);
      if (!files) continue;
      const expected = distinct(files.map((b) => b.port));
      const stale = entries.filter((b) => !expected.includes(b.port));
      if (stale.length === 0) continue;
      const entry = stale[0];
      const service = serviceOf(model, entry);
      const fixable = entries.length === 1 && expected.length === 1 && spansPort(entry.location, entry.port) && !occupancy(model).takenByOther(entry.host, expected[0], service);
      report({
        message: messages11.drifts({ service, port: entry.port, host: entry.host, expected, files: [...new Set(files.map((b) => b.location.file))] }),
        location: entry.location,
        related: [...stale.slice(1), ...files].map((b) => relatedBinding(b)),
        // The registry's entry for the service on the host, not the ports on either side.
        key: `${registry.path}|${service}|${entry.host}`,
        ...fixable ? { fix: { location: entry.location, text: String(expected[0]) } } : {}
      });
    }
  }
});

// src/rules/registry-unregistered.ts
var PREFERENCE = ["service-doc", "source-default", "deploy"];
var messages12 = {
  unregistered: (d) => `${quote(d.service)} binds port ${d.ports.map((p) => `${quote(p)}`).join(", ")} but has no entry in the registry ${quote(d.registry)}; expected a row in a range table (and a real-ports entry once deployed).`
};
var registryUnregistered = defineRegistryRule({
  meta: {
    id: "registry/unregistered",
    description: "A service binds ports but has no entry in the registry.",
    defaultSeverity: "warning",
    fixable: false
  },
  messages: messages12,
  check(registry, model, report) {
    const registered = new Set([...registry.plan, ...registry.actual].map((b) => serviceOf(model, b)));
    const unregistered = /* @__PURE__ */ new Map();
    for (const b of model.bindings) {
      if (isRegistryBinding(b)) continue;
      const service = serviceOf(model, b);
      if (!registered.has(service)) unregistered.set(service, [...unregistered.get(service) ?? [], b]);
    }
    for (const [service, own] of [...unregistered].sort(([a], [b]) => a < b ? -1 : 1)) {
      const ordered = own.sort((a, b) => PREFERENCE.indexOf(a.kind) - PREFERENCE.indexOf(b.kind) || byLocation(a, b));
      const primary = ordered[0];
      const ports = [...new Set(own.map((b) => b.port))].sort((a, b) => a - b);
      report({
        message: messages12.unregistered({ service, ports, registry: registry.path }),
        location: primary.location,
        related: ordered.slice(1).map((b) => relatedBinding(b)),
        key: `${registry.path}|${service}`
      });
    }
  }
});

// src/rules/registry-orphan.ts
var messages13 = {
  orphan: (d) => `The registry lists ${quote(d.service)} (${d.where.join(", ")}), but the repository has no service directory, binding or reference for it; expected the entry to name an existing service, or to be removed.`
};
var registryOrphan = defineRegistryRule({
  meta: {
    id: "registry/orphan",
    description: "A registry entry names a service the repository does not have.",
    defaultSeverity: "notice",
    fixable: false
  },
  messages: messages13,
  check(registry, model, report) {
    const outside = model.bindings.filter((b) => !isRegistryBinding(b));
    if (model.serviceDirs.length === 0 && outside.length === 0) return;
    const known = /* @__PURE__ */ new Set([
      ...model.serviceDirs.map((d) => model.services.canonical(d.name)),
      ...outside.map((b) => serviceOf(model, b)),
      ...model.references.map((r) => model.services.canonical(r.target))
    ]);
    const entries = [...registry.plan, ...registry.actual].sort(byLocation);
    for (const [service, own] of groupBy(entries, (b) => serviceOf(model, b))) {
      if (known.has(service)) continue;
      const where = own.map((b) => b.kind === "registry-plan" ? `plan ${quote(b.port)}` : `${quote(b.port)} on ${quote(b.host)}`);
      report({
        message: messages13.orphan({ service, where: [...new Set(where)] }),
        location: own[0].location,
        related: own.slice(1).map((b) => relatedBinding(b)),
        key: `${registry.path}|${service}`
      });
    }
  }
});

// src/rules/doc-missing-port.ts
var messages14 = {
  noPort: (d) => `${quote(d.doc)} declares no port for ${quote(d.service)}${d.hint}; expected a line such as \`## Port: NNNN\`.`,
  noDoc: (d) => `${quote(d.dir)} has no CLAUDE.md, so ${quote(d.service)} documents no port${d.hint}; expected a CLAUDE.md with a line such as \`## Port: NNNN\`.`,
  /** The ports a service binds elsewhere, as a hint to what the doc should say. */
  elsewhere: (d) => d.ports.length > 0 ? ` (elsewhere it binds ${d.ports.map((p) => `${quote(p)}`).join(", ")})` : ""
};
var docMissingPort = defineRule({
  meta: {
    id: "doc/missing-port",
    description: "A service's CLAUDE.md is missing or declares no port.",
    defaultSeverity: "notice",
    fixable: false
  },
  messages: messages14,
  check(model, report) {
    for (const dir of model.serviceDirs) {
      const service = model.services.canonical(dir.name);
      const own = bindingsOf(model, service).sort(byLocation);
      if (own.some((b) => b.kind === "service-doc" && b.strength === "declaration")) continue;
      const evidence = own.filter((b) => b.strength !== "weak" && (!isRegistryBinding(b) || b.kind === "registry-actual"));
      const hint = messages14.elsewhere({ ports: [...new Set(evidence.map((b) => b.port))] });
      report({
        message: dir.doc ? messages14.noPort({ doc: dir.doc, service, hint }) : messages14.noDoc({ dir: dir.path, service, hint }),
        location: fileLocation(dir.doc ?? dir.path),
        related: evidence.map((b) => relatedBinding(b)),
        // The service directory: adding a CLAUDE.md that still declares no port is the same problem.
        key: dir.path
      });
    }
  }
});

// src/rules/index.ts
var allRules = [
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
  docMissingPort
];
var catalogue = [...allRules.map((r) => r.meta), ...INPUT_RULES];

// src/rules/suppress.ts
function silences(s, f) {
  return s.file === f.location.file && (s.line === f.location.line || s.line === f.location.line - 1) && (s.ruleId === "*" || s.ruleId === f.ruleId);
}
function suppress(findings, suppressions) {
  const index = /* @__PURE__ */ new Map();
  for (const s of suppressions) index.set(s.file, [...index.get(s.file) ?? [], s]);
  const kept = [];
  const suppressed = [];
  for (const f of findings) {
    const hit = (index.get(f.location.file) ?? []).some((s) => silences(s, f));
    (hit ? suppressed : kept).push(f);
  }
  return { kept, suppressed };
}
function suppressionChanges(base, head) {
  const key2 = (s) => `${s.file}\0${s.ruleId}\0${s.reason}`;
  const before = /* @__PURE__ */ new Map();
  for (const s of base) before.set(key2(s), (before.get(key2(s)) ?? 0) + 1);
  const narrower = new Set(base.filter((s) => s.ruleId !== "*").map((s) => `${s.file}\0${s.reason}`));
  const changes = [];
  for (const s of head) {
    const left = before.get(key2(s)) ?? 0;
    if (left > 0) {
      before.set(key2(s), left - 1);
      continue;
    }
    changes.push({ suppression: s, kind: s.ruleId === "*" && narrower.has(`${s.file}\0${s.reason}`) ? "widened" : "added" });
  }
  return changes;
}

// src/engine.ts
function loadConfig(root, explicitPath, tree) {
  const file = readConfigFile(root, explicitPath, tree);
  return file ? { config: parseConfig(file.shown, file.text, catalogue), path: file.path } : { config: defaultConfig() };
}
async function check(options) {
  const started = performance.now();
  const { tree, cache } = options;
  const { config } = options.defaultConfig ? { config: defaultConfig() } : loadConfig(options.root, options.configPath, tree);
  const collected = collect(options.root, config, options.renames, options.refused, tree);
  const { extracted, parsed, extraction } = await extractAll(collected, config, { ...cache ? { cache } : {}, ...tree ? { fetch: (blobs) => tree.fetch(blobs) } : {} });
  const model = build(extracted, { paths: collected.files.map((f) => f.path), serviceDirs: collected.serviceDirs, discovered: collected.discovered, inContainer: (path) => collected.inContainer(path) }, config);
  const found = runRules(allRules, model, config.rules);
  const problems = inputFindings(model.problems, config.rules);
  const { kept, suppressed } = suppress([...found, ...problems], model.suppressions);
  return {
    findings: sortFindings(kept),
    suppressed: sortFindings(suppressed),
    model,
    config,
    stats: { files: collected.files.length, parsed, ms: Math.round(performance.now() - started) },
    extraction
  };
}

// src/git/git.ts
import { execFile } from "node:child_process";
var GitError = class extends Error {
  constructor(args, stderr, code) {
    super(`git ${args.join(" ")} failed${code === null ? "" : ` (exit ${code})`}: ${stderr.trim() || "no message"}`);
    this.args = args;
    this.stderr = stderr;
    this.code = code;
    this.name = "GitError";
  }
  args;
  stderr;
  code;
};
var MAX_BUFFER = 256 * 1024 * 1024;
function git(cwd, args) {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, GIT_TERMINAL_PROMPT: "0", GIT_PAGER: "cat", LC_ALL: "C" };
    execFile("git", args, { cwd, env, maxBuffer: MAX_BUFFER, encoding: "utf8" }, (error, stdout, stderr) => {
      if (error) reject(new GitError(args, stderr || error.message, typeof error.code === "number" ? error.code : null));
      else resolve(stdout);
    });
  });
}
async function gitOk(cwd, args) {
  try {
    await git(cwd, args);
    return true;
  } catch (error) {
    if (error instanceof GitError) return false;
    throw error;
  }
}
async function repoTop(dir) {
  try {
    return (await git(dir, ["rev-parse", "--show-toplevel"])).trim();
  } catch {
    return void 0;
  }
}
function hasCommit(cwd, sha) {
  return gitOk(cwd, ["cat-file", "-e", `${sha}^{commit}`]);
}
async function resolveCommit(cwd, rev) {
  try {
    return (await git(cwd, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`])).trim() || void 0;
  } catch (error) {
    if (error instanceof GitError) return void 0;
    throw error;
  }
}

// src/git/merge-base.ts
var MergeBaseError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "MergeBaseError";
  }
};
async function isShallow(cwd) {
  return (await git(cwd, ["rev-parse", "--is-shallow-repository"])).trim() === "true";
}
async function ensureCommits(cwd, shas, options = {}) {
  const missing = [];
  for (const sha of shas) if (!await hasCommit(cwd, sha)) missing.push(sha);
  if (missing.length === 0) return;
  const remote = options.remote ?? "origin";
  const depth = await isShallow(cwd) ? [`--depth=${options.initialDepth ?? 50}`] : [];
  options.log?.(`Fetching ${missing.join(", ")} from ${remote}.`);
  await git(cwd, ["fetch", "--no-tags", "--no-recurse-submodules", ...depth, remote, ...missing]);
  for (const sha of missing) {
    if (!await hasCommit(cwd, sha)) throw new MergeBaseError(`Commit ${sha} is not in ${remote} after fetching it.`);
  }
}
async function findMergeBase(cwd, baseSha, headSha, options = {}) {
  const remote = options.remote ?? "origin";
  await ensureCommits(cwd, [baseSha, headSha], options);
  let found = await mergeBase(cwd, baseSha, headSha);
  let step = options.initialDepth ?? 50;
  for (let i = 0; found === void 0 && i < (options.deepenSteps ?? 4) && await isShallow(cwd); i++) {
    options.log?.(`No merge base of ${baseSha} and ${headSha} in the shallow history; deepening by ${step}.`);
    await git(cwd, ["fetch", "--no-tags", "--no-recurse-submodules", `--deepen=${step}`, remote, baseSha, headSha]);
    found = await mergeBase(cwd, baseSha, headSha);
    step *= 2;
  }
  if (found === void 0 && await isShallow(cwd)) {
    options.log?.("Still no merge base; fetching the whole history.");
    await git(cwd, ["fetch", "--no-tags", "--no-recurse-submodules", "--unshallow", remote, baseSha, headSha]);
    found = await mergeBase(cwd, baseSha, headSha);
  }
  if (found === void 0) throw new MergeBaseError(`Commits ${baseSha} (base) and ${headSha} (head) have no common ancestor.`);
  return found;
}
async function localMergeBase(cwd, baseSha, headSha) {
  const found = await mergeBase(cwd, baseSha, headSha);
  if (found === void 0) throw new MergeBaseError(`Commits ${baseSha} (base) and ${headSha} (head) have no common ancestor${await isShallow(cwd) ? " in this shallow clone" : ""}.`);
  return found;
}
async function mergeBase(cwd, a, b) {
  try {
    return (await git(cwd, ["merge-base", a, b])).trim() || void 0;
  } catch (error) {
    if (error instanceof GitError && error.code === 1) return void 0;
    throw error;
  }
}

// src/baseline/verdict.ts
var FAIL_LEVELS = ["error", "warning", "notice", "never"];
function verdict(classified, failLevel) {
  const failing = failLevel === "never" ? [] : classified.new.filter((f) => severityRank(f.severity) <= severityRank(failLevel));
  const conclusion = failing.length > 0 ? "failure" : classified.new.length > 0 ? "neutral" : "success";
  return { failing, conclusion };
}

// src/report/text.ts
function countBySeverity(findings) {
  const counts2 = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts2[f.severity]++;
  return counts2;
}
var plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
function totalLine(findings, suppressed = 0) {
  const c = countBySeverity(findings);
  const extra = suppressed ? `, ${suppressed} suppressed` : "";
  if (findings.length === 0) return `\u2714 no problems${extra}`;
  return `\u2716 ${plural(findings.length, "problem")} (${plural(c.error, "error")}, ${plural(c.warning, "warning")}, ${plural(c.notice, "notice")}${extra})`;
}
function formatText(findings, suppressed = 0) {
  const lines = findingLines(findings);
  if (lines.length) lines.push("");
  lines.push(totalLine(findings, suppressed));
  return lines.join("\n") + "\n";
}
function findingLines(findings) {
  const lines = [];
  const width = Math.max(0, ...findings.map((f) => formatLocation(f.location).length));
  for (const f of findings) {
    lines.push(`${formatLocation(f.location).padEnd(width)}  ${f.severity.padEnd(7)}  ${f.message}  ${f.ruleId}`);
    for (const r of f.related) lines.push(`    ${formatLocation(r.location)}  ${r.message}`);
    if (f.fix) lines.push(`    fix: replace with \`${f.fix.text}\` at ${formatLocation(f.fix.location)}`);
  }
  return lines;
}
function formatComparison(c) {
  const { classified } = c;
  const out = [];
  const section = (title, findings, note = "") => {
    if (findings.length === 0) return;
    out.push(`${title} (${findings.length})${note}`, ...findingLines(findings), "");
  };
  section("New", classified.new);
  section("Existing", classified.existing);
  section("Fixed", classified.fixed, ", at their places in the merge base");
  section("Not checked", classified.notChecked, ": in files the head could not read, at their places in the merge base");
  if (c.suppressions.length) {
    out.push(`portwarden-ignore added or widened (${c.suppressions.length})`);
    for (const s of c.suppressions) {
      const silenced = `${s.applied ? "silences" : "would silence (not applied)"} ${plural(s.silences, "finding")}`;
      out.push(`${s.file}:${s.line}  ${s.ruleId === "*" ? "every rule" : s.ruleId}  ${s.kind}; ${silenced}${s.reason ? `: ${s.reason}` : ""}`);
    }
    out.push("");
  }
  const fresh = classified.new.length === 0 ? "\u2714 no new problems" : `\u2716 ${plural(classified.new.length, "new problem")} (${severityCounts(classified.new)})`;
  const rest = [`${classified.existing.length} existing`, `${classified.fixed.length} fixed`, `${classified.notChecked.length} not checked`, `${classified.suppressed.length} suppressed`];
  out.push(`${fresh}; ${rest.join(", ")}; compared with the merge base ${c.mergeBase.slice(0, 12)}`);
  return out.join("\n") + "\n";
}
function severityCounts(findings) {
  const c = countBySeverity(findings);
  return `${plural(c.error, "error")}, ${plural(c.warning, "warning")}, ${plural(c.notice, "notice")}`;
}

// src/version.ts
var VERSION = "0.1.0";

// src/cache-store.ts
import { randomBytes } from "node:crypto";
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename as basename3, dirname as dirname3, join as join4 } from "node:path";

// src/extract/cache-file.ts
import { basename as basename2, dirname as dirname2 } from "node:path";

// src/extract/cache-entries.ts
var CacheShapeError = class extends Error {
};
function fail(at2, expected) {
  throw new CacheShapeError(`${at2} is not ${expected}`);
}
var text = (v, at2) => typeof v === "string" || fail(at2, "a string");
var flag = (v, at2) => typeof v === "boolean" || fail(at2, "true or false");
var port = (v, at2) => typeof v === "number" && isValidPort(v) || fail(at2, "a port from 1 to 65535");
var positive = (v, at2) => typeof v === "number" && Number.isInteger(v) && v >= 1 || fail(at2, "a positive integer");
var blobId = (v, at2) => typeof v === "string" && /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(v) || fail(at2, "a git object id");
function oneOf(...values) {
  return (v, at2) => typeof v === "string" && values.includes(v) || fail(at2, `one of ${values.join(", ")}`);
}
function list(item) {
  return (v, at2) => {
    if (!Array.isArray(v)) fail(at2, "a list");
    v.forEach((x, i) => item(x, `${at2}[${i}]`));
  };
}
function fieldsOf(v, at2) {
  if (typeof v !== "object" || v === null || Array.isArray(v)) fail(at2, "an object");
  return v;
}
function record(required, optional = {}) {
  return (v, at2) => {
    const fields = fieldsOf(v, at2);
    for (const [name, check2] of Object.entries(required)) {
      if (!Object.hasOwn(fields, name)) fail(`${at2}.${name}`, "present");
      check2(fields[name], `${at2}.${name}`);
    }
    for (const name of Object.keys(fields)) {
      if (Object.hasOwn(required, name)) continue;
      if (!Object.hasOwn(optional, name)) fail(at2, `free of unknown fields (field ${Object.keys(fields).indexOf(name) + 1} is one)`);
      optional[name](fields[name], `${at2}.${name}`);
    }
  };
}
var location = record({ file: text, line: positive, column: positive, endLine: positive, endColumn: positive });
var binding = record(
  {
    service: text,
    port,
    host: text,
    kind: oneOf("registry-plan", "registry-actual", "service-doc", "source-default", "deploy"),
    role: oneOf("listen", "publish", "doc", "plan"),
    source: text,
    label: text,
    strength: oneOf("declaration", "support", "weak"),
    location
  },
  {
    containerPort: port,
    network: oneOf("host", "container"),
    via: text,
    runtime: oneOf("image", "container", "cluster", "process"),
    exposure: text,
    listener: flag,
    mirrorsDefault: flag,
    names: list(text),
    project: text,
    scope: text
  }
);
var reference = record(
  { target: text, port, kind: oneOf("url", "env-var", "scrape-target", "healthcheck", "tunnel", "env-generator"), host: text, location, source: text },
  { fromService: text, containerNetwork: flag, targetService: text, self: flag, project: text, scope: text }
);
var problemFields = record(
  {
    ruleId: oneOf(...INPUT_RULES.map((r) => r.id)),
    severity: oneOf(...SEVERITIES),
    message: text,
    location,
    related: list(record({ location, message: text })),
    fingerprint: text,
    url: text
  },
  { fix: record({ location, text }), status: oneOf("new", "existing"), unappliedSuppression: record({ file: text, line: positive }) }
);
var DOCS = new Map(INPUT_RULES.map((r) => [r.id, r.docs]));
var problem2 = (v, at2) => {
  problemFields(v, at2);
  const { ruleId, url } = v;
  if (url !== DOCS.get(ruleId)) fail(`${at2}.url`, "the rule's documentation link");
};
var suppression = record({ file: text, line: positive, ruleId: text, reason: text });
var fileResult = record(
  { extraction: record({ bindings: list(binding), references: list(reference), problems: list(problem2) }, { suppressions: list(suppression) }), parsed: flag },
  { blob: blobId }
);
var cells = (v, at2) => {
  for (const [i, cell] of Object.values(fieldsOf(v, at2)).entries()) text(cell, `${at2}[column ${i + 1}]`);
};
var planRow = record(
  { portText: text, ports: list(port), reserved: flag, isRange: flag, columns: cells, location, serviceLocation: location },
  { service: text, correspondsTo: record({ port, location }, { service: text }) }
);
var registryDoc = record({
  path: text,
  aspirational: flag,
  sections: list(record({ title: text, location, rows: list(planRow) }, { range: record({ start: port, end: port }) })),
  plan: list(binding),
  actual: list(binding),
  hosts: list(record({ id: text, label: text, aliases: list(text), addresses: list(text) }, { location })),
  dates: list(record({ label: text, date: text, location }))
});
var registryResult = record({ doc: registryDoc, problems: list(problem2) });
function checkRegistryResult(value, at2) {
  registryResult(value, at2);
}
function checkFileResult(value, at2) {
  fileResult(value, at2);
}

// src/extract/cache-file.ts
var CACHE_FORMAT = "portwarden-extraction-cache";
var CACHE_FILE_VERSION = 1;
var MAX_CACHE_FILE_BYTES = 128 * 1024 * 1024;
function loadCacheFile(path, shown = path, maxBytes = MAX_CACHE_FILE_BYTES) {
  const cache = new ExtractionCache().track();
  const read = readRepoFile(dirname2(path), basename2(path), maxBytes, shown);
  if ("problem" in read) {
    if (read.refusal.kind === "unreadable" && (read.refusal.code === "ENOENT" || read.refusal.code === "ENOTDIR")) return { cache };
    return { cache, warning: ignored(shown, refused(read.refusal)) };
  }
  try {
    cache.load(parseCacheText(read.text));
    return { cache };
  } catch (error) {
    if (!(error instanceof CacheShapeError)) throw error;
    return { cache, warning: ignored(shown, error.message) };
  }
}
function* cacheFileLines(cache) {
  yield JSON.stringify({ format: CACHE_FORMAT, version: CACHE_FILE_VERSION, extraction: EXTRACTION_VERSION }) + "\n";
  for (const [key2, { extraction, parsed }] of cache.used()) yield JSON.stringify([key2, { extraction, parsed }]) + "\n";
  for (const [key2, parse] of cache.usedRegistries()) if (typeof parse === "object" && parse !== null && "doc" in parse) yield JSON.stringify([key2, parse]) + "\n";
}
function parseCacheText(text2) {
  const lines = text2.split("\n");
  if (lines.at(-1) !== "") throw new CacheShapeError("the file does not end with a line break (it may have been cut short)");
  lines.pop();
  checkHeader(json(lines[0] ?? "", 1));
  const keys = /* @__PURE__ */ new Set();
  return lines.slice(1).map((line, i) => {
    const entry = json(line, i + 2);
    const at2 = `line ${i + 2}`;
    if (!Array.isArray(entry) || entry.length !== 2) throw new CacheShapeError(`${at2} is not a [key, result] pair`);
    const [key2, result] = entry;
    if (typeof key2 !== "string" || key2 === "") throw new CacheShapeError(`${at2}: the key is not a non-empty string`);
    if (keys.has(key2)) throw new CacheShapeError(`${at2}: the key appears twice`);
    keys.add(key2);
    if (key2.startsWith(REGISTRY_KEY)) {
      checkRegistryResult(result, `${at2}: registry`);
      return [key2, result];
    }
    checkFileResult(result, `${at2}: result`);
    return [key2, shared(result)];
  });
}
var EMPTY = /* @__PURE__ */ new Map();
function shared(result) {
  const { extraction: e, parsed } = result;
  if (e.bindings.length > 0 || e.references.length > 0 || e.problems.length > 0 || (e.suppressions?.length ?? 0) > 0) return result;
  const kind = `${parsed} ${e.suppressions !== void 0}`;
  let one = EMPTY.get(kind);
  if (!one) EMPTY.set(kind, one = { extraction: { bindings: [], references: [], problems: [], ...e.suppressions ? { suppressions: [] } : {} }, parsed });
  return one;
}
function json(line, n) {
  try {
    return JSON.parse(line);
  } catch {
    throw new CacheShapeError(`line ${n} is not valid JSON`);
  }
}
function checkHeader(header) {
  const h = typeof header === "object" && header !== null && !Array.isArray(header) ? header : {};
  if (h.format !== CACHE_FORMAT || Object.keys(h).length !== 3) throw new CacheShapeError(`line 1 is not a ${quote(CACHE_FORMAT)} header`);
  for (const [field, expected, what] of [["version", CACHE_FILE_VERSION, "file format"], ["extraction", EXTRACTION_VERSION, "extraction"]]) {
    const found = h[field];
    if (found === expected) continue;
    const was = typeof found === "number" && Number.isFinite(found) ? `${found}` : "not a number";
    throw new CacheShapeError(`its ${what} version is ${was}, not ${expected} (another portwarden wrote it)`);
  }
}
function refused(refusal) {
  switch (refusal.kind) {
    case "symlink":
      return "it is a symlink, and symlinks are never followed";
    case "not-regular":
      return `it is ${refusal.what}`;
    case "too-large":
      return `it is ${refusal.size} bytes, above the limit of ${refusal.limit}`;
    case "binary":
    case "not-utf8":
      return `it is not UTF-8 text (line ${refusal.line})`;
    case "unreadable":
      return `it cannot be read (${refusal.code})`;
    default:
      return "it cannot be read";
  }
}
function ignored(shown, why) {
  return `Cache file ${quote(shown)} ignored: ${why}; expected a cache file written by this version of portwarden. Files are extracted afresh and the cache is written anew.`;
}

// src/cache-store.ts
function openCacheStore(path, warn, shown = path) {
  const { cache, warning } = loadCacheFile(path, shown);
  if (warning) warn(warning);
  return {
    cache,
    save: () => {
      if (cache.changed) saveCache(path, cache, shown, warn);
    }
  };
}
function saveCache(path, cache, shown, warn) {
  const temp = join4(dirname3(path), `.${basename3(path)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    mkdirSync(dirname3(path), { recursive: true });
    const fd = openSync(temp, "wx", 420);
    try {
      writeLines(fd, cacheFileLines(cache));
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    const code = error.code;
    if (code !== "EEXIST") rmSync(temp, { force: true });
    warn(`Cache file ${quote(shown)} not written (${code ?? "error"}); expected a writable path. The next run extracts every file again.`);
  }
}
var WRITE_CHUNK = 1024 * 1024;
function writeLines(fd, lines) {
  let chunk = [];
  let size = 0;
  const flush = () => {
    writeSync(fd, chunk.join(""));
    chunk = [];
    size = 0;
  };
  for (const line of lines) {
    chunk.push(line);
    size += line.length;
    if (size >= WRITE_CHUNK) flush();
  }
  flush();
}

// src/report/json.ts
var JSON_REPORT_VERSION = 1;
function toJsonReport(result, version, extra = {}) {
  const findings = extra.findings ?? result.findings;
  return {
    version: JSON_REPORT_VERSION,
    tool: { name: "portwarden", version },
    summary: { total: findings.length, ...countBySeverity(findings), suppressed: result.suppressed.length },
    findings,
    ...extra.fixed ? { fixed: extra.fixed } : {},
    ...extra.notChecked ? { notChecked: extra.notChecked } : {},
    ...extra.suppressions ? { suppressions: extra.suppressions } : {},
    hosts: result.model.hosts.list().map((h) => ({ id: h.id, label: h.label, addresses: h.addresses })),
    bindings: result.model.bindings.map((b) => ({ service: b.service, port: b.port, host: b.host, kind: b.kind, source: b.source, location: b.location })),
    stats: result.stats
  };
}

// src/assign/allocate.ts
var EPHEMERAL = { start: 49152, end: 65535 };
function allocate(input) {
  const { range } = input;
  const skipped = [];
  for (let port2 = range.start; port2 <= range.end; port2++) {
    const reason = obstacle(input, port2);
    if (!reason) return { port: port2, range, skipped };
    if (reason.kind === "ephemeral") {
      skipped.push({ port: port2, reason });
      break;
    }
    skipped.push({ port: port2, reason });
  }
  return { range, skipped };
}
function obstacle(input, port2) {
  if (port2 >= EPHEMERAL.start && port2 <= EPHEMERAL.end) return { kind: "ephemeral" };
  const by = input.deny?.find((d) => port2 >= d.start && port2 <= d.end);
  if (by) return { kind: "denied", by };
  const bindings = input.usesOf(port2).filter((b) => b.service !== input.service && counts(b, input));
  if (bindings.length > 0) return { kind: "used", bindings };
  const claims = (input.claims ?? []).filter((c) => c.port === port2 && c.service !== input.service);
  if (claims.length > 0) return { kind: "claimed", claims };
  return void 0;
}
function counts(binding2, input) {
  if ((input.uniqueness ?? "across-hosts") === "across-hosts") return true;
  return binding2.host === PLAN_HOST || binding2.host === input.host;
}
function describeSkip(skip) {
  const { reason } = skip;
  switch (reason.kind) {
    case "ephemeral":
      return `${skip.port}-${EPHEMERAL.end}: the ephemeral range ${EPHEMERAL.start}-${EPHEMERAL.end} is never assigned`;
    case "denied":
      return `${skip.port}: in the deny list (${reason.by.start === reason.by.end ? reason.by.start : `${reason.by.start}-${reason.by.end}`})`;
    case "claimed":
      return `${skip.port}: claimed by ${reason.claims.map((c) => `pull request #${c.pr} (${quote(c.service)})`).join(", ")}`;
    case "used":
      return `${skip.port}: used by ${usesText(reason.bindings)}`;
  }
}
function usesText(bindings) {
  const seen = /* @__PURE__ */ new Set();
  const parts = [];
  for (const b of bindings) {
    const key2 = `${b.service}\0${b.host}`;
    if (seen.has(key2)) continue;
    seen.add(key2);
    const where = b.host === PLAN_HOST ? "in the registry plan" : `on host ${quote(b.host)}`;
    parts.push(`${quote(b.service)} ${where} (${quote(formatLocation(b.location))})`);
  }
  return parts.join(", ");
}

// node_modules/remark-parse/lib/index.js
function remarkParse(options) {
  const self = this;
  self.parser = parser;
  function parser(doc) {
    return fromMarkdown(doc, {
      ...self.data("settings"),
      ...options,
      // Note: these options are not in the readme.
      // The goal is for them to be set by plugins on `data` instead of being
      // passed by users.
      extensions: self.data("micromarkExtensions") || [],
      mdastExtensions: self.data("fromMarkdownExtensions") || []
    });
  }
}

// src/assign/doc-edit.ts
var processor = unified().use(remarkParse);
function addPortLine(text2, port2) {
  const eol = text2.includes("\r\n") ? "\r\n" : "\n";
  const line = `**Port:** ${port2}`;
  const tree = processor.parse(text2);
  const title = tree.children.findIndex((n) => n.type === "heading" && n.depth === 1);
  if (title < 0) return line + eol + eol + text2;
  const next = tree.children[title + 1];
  const after = next?.type === "paragraph" ? next : tree.children[title];
  const at2 = after.position?.end.offset;
  if (at2 === void 0) return line + eol + eol + text2;
  return text2.slice(0, at2) + eol + eol + line + (at2 === text2.length ? eol : "") + text2.slice(at2);
}

// src/assign/registry-edit.ts
function sectionFor(doc, port2) {
  return doc.sections.find((s) => s.range && port2 >= s.range.start && port2 <= s.range.end && s.rows.length > 0) ?? doc.sections.find((s) => s.rows.some((r) => r.reserved && r.ports.includes(port2)));
}
function sectionTitled(doc, title) {
  const key2 = title.trim().toLowerCase();
  return doc.sections.find((s) => s.title.trim().toLowerCase() === key2);
}
function sectionRange(section) {
  if (section.range) return section.range;
  const ports = section.rows.flatMap((r) => r.ports);
  return ports.length > 0 ? { start: Math.min(...ports), end: Math.max(...ports) } : void 0;
}
function addRegistryRow(text2, section, service, port2) {
  const rows = section.rows;
  if (rows.length === 0) return { error: `The section ${JSON.stringify(section.title)} has no table with a Port column; expected one to add the row to.` };
  if (rows.some((r) => r.service === service)) return { error: `The section already has a row for the service.` };
  const starts = lineStarts(text2);
  const lineAt = (n) => {
    const start2 = starts[n - 1];
    const next = starts[n];
    const end = next === void 0 ? text2.length : next - 1;
    const cr = end > start2 && text2[end - 1] === "\r";
    return { start: start2, end: cr ? end - 1 : end, eol: next === void 0 ? "" : cr ? "\r\n" : "\n" };
  };
  const locator = createLocator(section.location.file, text2);
  const offsetOf = (row) => [locator.offset(row.location.line, row.location.column), locator.offset(row.location.endLine, row.location.endColumn)];
  const pool = rows.find((r) => r.reserved && r.ports.includes(port2));
  if (pool) {
    const line = lineAt(pool.location.line);
    const [cellStart, cellEnd] = offsetOf(pool);
    const dash = /\d\s*([-–—])\s*\d/.exec(pool.portText)?.[1] ?? "-";
    const before = text2.slice(line.start, cellStart);
    const after = text2.slice(cellEnd, line.end);
    const piece = (a, b) => before + (a === b ? String(a) : `${a}${dash}${b}`) + after + line.eol;
    const first = Math.min(...pool.ports);
    const last = Math.max(...pool.ports);
    const template2 = newRowTemplate(text2, rows, pool, lineAt, offsetOf);
    const lines = [
      ...port2 > first ? [piece(first, port2 - 1)] : [],
      template2(port2, service) + line.eol,
      ...port2 < last ? [piece(port2 + 1, last)] : []
    ];
    const lineEnd = line.start + (line.end - line.start) + line.eol.length;
    const added = port2 > first ? pool.location.line + 1 : pool.location.line;
    return { text: text2.slice(0, line.start) + lines.join("") + text2.slice(lineEnd), section, line: added };
  }
  const below = rows.filter((r) => Math.min(...r.ports) < port2).sort((a, b) => Math.min(...b.ports) - Math.min(...a.ports))[0];
  const anchor = below ?? [...rows].sort((a, b) => Math.min(...a.ports) - Math.min(...b.ports))[0];
  const anchorLine = lineAt(anchor.location.line);
  const template = newRowTemplate(text2, rows, anchor, lineAt, offsetOf);
  const eol = anchorLine.eol || (text2.includes("\r\n") ? "\r\n" : "\n");
  if (below) {
    const at2 = anchorLine.end + anchorLine.eol.length;
    const insert = anchorLine.eol === "" ? eol + template(port2, service) : template(port2, service) + eol;
    return { text: text2.slice(0, at2) + insert + text2.slice(at2), section, line: anchor.location.line + 1 };
  }
  return { text: text2.slice(0, anchorLine.start) + template(port2, service) + eol + text2.slice(anchorLine.start), section, line: anchor.location.line };
}
function splitCells(line) {
  const pipes = [];
  for (let i = 0; i < line.length; i++) {
    if (line[i] === "\\") i++;
    else if (line[i] === "|") pipes.push(i);
  }
  const open = line.slice(0, pipes[0] ?? 0).trim() === "" && pipes.length > 0;
  const lastPipe = pipes[pipes.length - 1] ?? -1;
  const close = lastPipe >= 0 && line.slice(lastPipe + 1).trim() === "" && pipes.length > (open ? 1 : 0);
  const bounds = [open ? pipes[0] : -1, ...pipes.slice(open ? 1 : 0, close ? -1 : void 0), close ? lastPipe : line.length];
  const cells2 = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const raw = line.slice(bounds[i] + 1, bounds[i + 1]);
    const lead = /^\s*/.exec(raw)[0];
    const trail = raw.trim() === "" ? "" : /\s*$/.exec(raw)[0];
    cells2.push({ start: bounds[i] + 1 + lead.length, end: bounds[i + 1] - trail.length, lead, trail });
  }
  return { open, close, cells: cells2 };
}
function newRowTemplate(text2, rows, near, lineAt, offsetOf) {
  const model = near.service !== void 0 ? near : rows.find((r) => r.service !== void 0) ?? near;
  const line = lineAt(model.location.line);
  const raw = text2.slice(line.start, line.end);
  const { open, close, cells: cells2 } = splitCells(raw);
  const [portStart] = offsetOf(model);
  const serviceStart = createLocator("", text2).offset(model.serviceLocation.line, model.serviceLocation.column);
  const indexOf = (offset) => cells2.findIndex((c) => offset - line.start >= c.start - c.lead.length && offset - line.start <= c.end + c.trail.length);
  const portIndex = indexOf(portStart);
  const serviceIndex = serviceStart === portStart ? -1 : indexOf(serviceStart);
  const indent = /^\s*/.exec(raw)[0];
  return (port2, service) => {
    const parts = cells2.map((cell, i) => {
      const content = i === portIndex ? String(port2) : i === serviceIndex ? service : "";
      const width = cell.end - cell.start + cell.trail.length;
      const lead = cell.lead === "" ? "" : " ";
      if (cell.trail.length > 1 && content.length < width) return lead + content.padEnd(width);
      if (content === "") return lead;
      return lead + content + (cell.trail === "" ? "" : " ");
    });
    return indent + (open ? "|" : "") + parts.join("|") + (close ? "|" : "");
  };
}

// src/assign/assign.ts
function assign(input) {
  const { model, request } = input;
  const registryPath = model.registryPath;
  const doc = model.registry;
  const registryText = doc ? input.read(registryPath) : void 0;
  if (!doc || registryText === void 0) return { error: `The repository has no readable registry at ${quote(registryPath)}; expected one to add the row to.` };
  const existing = doc.plan.find((b) => b.service === request.service);
  if (existing) return { error: `${quote(request.service)} already has port ${existing.port} in the registry (${quote(formatLocation(existing.location))}); expected a service without a row.` };
  const { assignPort } = input.config;
  const { usesOf } = occupancy(model);
  const allocateIn = (range2) => allocate({ service: request.service, range: range2, usesOf, claims: input.claims ?? [], deny: assignPort.deny, uniqueness: assignPort.unique });
  let section;
  let range;
  let allocation;
  if (request.target === void 0) {
    for (const candidate of doc.sections) {
      if (!candidate.range || candidate.rows.length === 0) continue;
      const found = allocateIn(candidate.range);
      if (found.port === void 0) continue;
      [section, range, allocation] = [candidate, candidate.range, found];
      break;
    }
    if (!section || !range || !allocation) return { error: 'No section of the registry with a range heading has a free port; expected a range (`in 3020-3029`) or a section title (`in "AI/ML Services"`).' };
  } else if ("section" in request.target) {
    section = sectionTitled(doc, request.target.section);
    if (!section) return { error: `The registry has no section titled ${quote(request.target.section)}; expected one of ${doc.sections.filter((s) => s.title !== "" && s.rows.length > 0).map((s) => quote(s.title)).join(", ")}.` };
    range = sectionRange(section);
    if (!range) return { error: `The section ${quote(section.title)} has no range heading and no rows; expected a heading such as \`## 3000-3009: Title\`.` };
    allocation = allocateIn(range);
  } else {
    range = request.target.range;
    allocation = allocateIn(range);
  }
  if (allocation.port === void 0) return { error: `Every port of ${range.start}-${range.end} is taken; expected a range with a free port.`, range, skipped: allocation.skipped };
  const port2 = allocation.port;
  section ??= sectionFor(doc, port2);
  if (!section) return { error: `No section of the registry holds port ${port2}; expected a range heading such as \`## ${range.start}-${range.end}: Title\` with a table.`, range, skipped: allocation.skipped };
  const row = addRegistryRow(registryText, section, request.service, port2);
  if ("error" in row) return { error: row.error, range, skipped: allocation.skipped };
  const edits = [{ path: registryPath, text: row.text }];
  const dir = model.serviceDirs.find((d) => d.name === request.service);
  const declared = model.bindings.some((b) => b.service === request.service && b.kind === "service-doc" && b.strength === "declaration");
  if (dir?.doc && !declared) {
    const text2 = input.read(dir.doc);
    if (text2 !== void 0) edits.push({ path: dir.doc, text: addPortLine(text2, port2) });
  }
  return { port: port2, range, section: section.title, skipped: allocation.skipped, edits, rowLine: row.line };
}
function parseRange(text2) {
  const m = /^\s*(\d{1,5})\s*[-–—]\s*(\d{1,5})\s*$/.exec(text2);
  if (!m) return void 0;
  const start2 = Number(m[1]);
  const end = Number(m[2]);
  return start2 >= 1 && end <= 65535 && start2 <= end ? { start: start2, end } : void 0;
}
var SERVICE_NAME = /^[a-z][a-z0-9-]{0,62}$/;

// src/git/export-tree.ts
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname as dirname4, join as join5 } from "node:path";
var MAX_HEADER_BYTES = 1024;
async function exportTree(cwd, sha, options = {}) {
  const parent = options.parent ?? (process.env.RUNNER_TEMP || tmpdir());
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const dir = await mkdtemp(join5(parent, "portwarden-tree-"));
  const dispose = () => rm(dir, { recursive: true, force: true });
  const refused2 = [];
  try {
    const files = [];
    for (const e of parseLsTree(await git(cwd, ["ls-tree", "-r", "-z", "--full-tree", sha]))) {
      const parts = e.path.split("/");
      if (parts.some((p) => p === "" || p === "." || p === ".." || p.toLowerCase() === ".git")) refused2.push({ path: e.path, reason: "unwritable", code: "EINVAL", commit: sha });
      else if (e.mode === "120000") refused2.push({ path: e.path, reason: "symlink", commit: sha });
      else files.push(e);
    }
    await streamBlobs(cwd, files, maxBytes, {
      tooLarge: (e, size) => refused2.push({ path: e.path, reason: "too-large", size, limit: maxBytes, commit: sha }),
      write: async (e, data) => {
        const target = join5(dir, ...e.path.split("/"));
        try {
          await mkdir(dirname4(target), { recursive: true });
          await writeFile(target, data, { flag: "wx", mode: 420 });
        } catch (error) {
          refused2.push({ path: e.path, reason: "unwritable", code: error.code ?? "error", commit: sha });
        }
      }
    });
  } catch (error) {
    await dispose();
    throw error;
  }
  return { dir, refused: refused2, dispose };
}
function parseLsTree(listing) {
  const entries = [];
  for (const record2 of listing.split("\0")) {
    const tab = record2.indexOf("	");
    if (tab < 0) continue;
    const [mode = "", type, object = ""] = record2.slice(0, tab).split(" ");
    if (type === "blob") entries.push({ mode, object, path: record2.slice(tab + 1) });
  }
  return entries;
}
async function streamBlobs(cwd, entries, maxBytes, sink) {
  const env = { ...process.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" };
  const cat = spawn("git", ["cat-file", "--batch"], { cwd, env, stdio: ["pipe", "pipe", "pipe"] });
  let errors = "";
  cat.stderr.on("data", (d) => {
    if (errors.length < 4096) errors += d.toString();
  });
  const exited = new Promise((resolve, reject) => {
    cat.on("error", reject);
    cat.on("close", resolve);
  });
  exited.catch(() => {
  });
  cat.stdin.on("error", () => {
  });
  cat.stdin.end(entries.map((e) => `${e.object}
`).join(""));
  let done = 0;
  let header = [];
  let headerBytes = 0;
  let state = "header";
  let remaining = 0;
  let body;
  const fail2 = (what) => new Error(`git cat-file --batch ${what} (blob ${done + 1} of ${entries.length})`);
  try {
    for await (const chunk of cat.stdout) {
      let pos = 0;
      while (pos < chunk.length) {
        if (state === "header") {
          const eol = chunk.indexOf(10, pos);
          const end = eol < 0 ? chunk.length : eol;
          header.push(chunk.subarray(pos, end));
          headerBytes += end - pos;
          if (headerBytes > MAX_HEADER_BYTES) throw fail2("sent a header line that never ends");
          pos = end;
          if (eol < 0) break;
          pos = eol + 1;
          const line = Buffer.concat(header).toString("latin1");
          header = [];
          headerBytes = 0;
          const [, type, size = ""] = line.split(" ");
          if (done >= entries.length || type !== "blob" || !/^\d+$/.test(size)) throw fail2(`answered \`${line.slice(0, 200)}\``);
          remaining = Number(size);
          body = remaining > maxBytes ? void 0 : [];
          if (!body) sink.tooLarge(entries[done], remaining);
          state = "body";
        }
        if (state === "body") {
          const take2 = Math.min(remaining, chunk.length - pos);
          if (body && take2 > 0) body.push(chunk.subarray(pos, pos + take2));
          pos += take2;
          remaining -= take2;
          if (remaining > 0) break;
          state = "end";
        }
        if (state === "end") {
          if (pos >= chunk.length) break;
          if (chunk[pos] !== 10) throw fail2("lost its framing");
          pos++;
          if (body) await sink.write(entries[done], Buffer.concat(body));
          body = void 0;
          done++;
          state = "header";
        }
      }
    }
  } finally {
    if (done < entries.length) cat.kill();
  }
  const code = await exited;
  if (code !== 0 || done !== entries.length || state !== "header") {
    throw new Error(`git cat-file --batch read ${done} of ${entries.length} blobs (exit ${code}): ${errors.trim() || "no message"}`);
  }
}

// src/revisions.ts
import { existsSync as existsSync2 } from "node:fs";
import { tmpdir as tmpdir2 } from "node:os";
import { isAbsolute as isAbsolute2, join as join6, relative as relative2 } from "node:path";

// src/baseline/classify.ts
function classify(head, base, options = {}) {
  const suppressed = options.suppressed ?? [];
  const notRead = options.notRead ?? /* @__PURE__ */ new Set();
  const available = countBy(base);
  const out = { new: [], existing: [], fixed: [], notChecked: [], suppressed };
  for (const finding of head) {
    const left = available.get(finding.fingerprint) ?? 0;
    if (left > 0) {
      available.set(finding.fingerprint, left - 1);
      out.existing.push({ ...finding, status: "existing" });
    } else out.new.push({ ...finding, status: "new" });
  }
  const matched = countBy(head);
  const silenced = countBy(suppressed);
  for (const finding of base) {
    if (take(matched, finding.fingerprint) || take(silenced, finding.fingerprint)) continue;
    if (touches(finding, notRead)) out.notChecked.push(finding);
    else out.fixed.push(finding);
  }
  return out;
}
function touches(finding, paths) {
  if (paths.size === 0) return false;
  return within(finding.location.file, paths) || finding.related.some((r) => within(r.location.file, paths));
}
function within(file, paths) {
  if (paths.has(file) || paths.has(".")) return true;
  for (let i = file.indexOf("/"); i > 0; i = file.indexOf("/", i + 1)) if (paths.has(file.slice(0, i))) return true;
  return false;
}
function take(counts2, fp) {
  const left = counts2.get(fp) ?? 0;
  if (left === 0) return false;
  counts2.set(fp, left - 1);
  return true;
}
function countBy(findings) {
  const counts2 = /* @__PURE__ */ new Map();
  for (const f of findings) counts2.set(f.fingerprint, (counts2.get(f.fingerprint) ?? 0) + 1);
  return counts2;
}

// src/baseline/relocate.ts
function repoPath(prefix, file) {
  return prefix === "" || prefix === "." ? file : `${prefix.replace(/\/$/, "")}/${file}`;
}
function relocate(findings, prefix) {
  if (prefix === "" || prefix === ".") return findings;
  const move = (loc) => ({ ...loc, file: repoPath(prefix, loc.file) });
  return findings.map((f) => ({
    ...f,
    location: move(f.location),
    related: f.related.map((r) => ({ ...r, location: move(r.location) })),
    ...f.fix ? { fix: { ...f.fix, location: move(f.fix.location) } } : {}
  }));
}

// src/baseline/pr-suppressions.ts
function prSuppressions(head, baseSuppressions, trusted, prefix) {
  const changes = suppressionChanges(baseSuppressions, head.suppressions);
  const all = [...head.findings, ...head.suppressed];
  let findings = head.findings;
  let suppressed = head.suppressed;
  if (!trusted && changes.length > 0) {
    const fresh = new Set(changes.map((c) => c.suppression));
    const split = suppress(all, head.suppressions.filter((s) => !fresh.has(s)));
    suppressed = split.suppressed;
    findings = sortFindings(
      split.kept.map((f) => {
        const by = changes.find((c) => silences(c.suppression, f));
        return by ? { ...f, unappliedSuppression: { file: repoPath(prefix, by.suppression.file), line: by.suppression.line } } : f;
      })
    );
  }
  const listed = changes.map(({ suppression: s, kind }) => {
    const hit = all.filter((f) => silences(s, f));
    return { file: repoPath(prefix, s.file), line: s.line, ruleId: s.ruleId, reason: s.reason, kind, silences: hit.length, rules: [...new Set(hit.map((f) => f.ruleId))].sort(), applied: trusted };
  });
  return { findings, suppressed, listed };
}

// src/baseline/compare.ts
function compare(base, head, options) {
  const { prefix } = options;
  const own = prSuppressions(head, base.suppressions, options.applyNewSuppressions, prefix);
  const findings = relocate(own.findings, prefix);
  const suppressed = relocate(own.suppressed, prefix);
  const notRead = new Set([...options.notRead ?? []].map((p) => p === "." ? prefix || "." : repoPath(prefix, p)));
  const classified = classify(findings, relocate(base.findings, prefix), { suppressed, notRead });
  return { classified, findings, suppressed, suppressions: own.listed };
}

// src/collect/not-read.ts
var NOT_READ_PROBLEMS = /* @__PURE__ */ new Set([
  "input/file-too-large",
  "input/binary-file",
  "input/unreadable",
  "input/symlink-outside-workspace",
  "input/symlink-not-followed",
  "input/not-a-regular-file",
  "input/unparsable",
  "input/unreadable-doc",
  "input/markdown-too-deep",
  "input/too-complex",
  "input/invalid-yaml",
  "input/invalid-json",
  "input/invalid-xml",
  "input/invalid-nginx",
  "input/parse-failed",
  "input/extractor-failed"
]);
function unreadPaths(problems) {
  return new Set(problems.filter((p) => NOT_READ_PROBLEMS.has(p.ruleId)).map((p) => p.location.file));
}

// src/git/commit-tree.ts
import { spawnSync } from "node:child_process";
var MAX_NAME_BYTES = 255;
async function listCommit(cwd, sha, options) {
  const prefix = options.prefix ?? "";
  const under = prefix === "" ? "" : `${prefix}/`;
  const early = [];
  const late = [];
  const blobs = /* @__PURE__ */ new Map();
  const dirs = /* @__PURE__ */ new Map();
  if (prefix === "") dirs.set("", /* @__PURE__ */ new Map());
  const fetched = /* @__PURE__ */ new Map();
  let blobsRead = 0;
  const loadOne = (id) => {
    const known = fetched.get(id);
    if (known) return known;
    const out = spawnSync("git", ["cat-file", "blob", id], { cwd, env: { ...process.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" }, maxBuffer: options.maxFileBytes + 1 });
    if (out.status !== 0 || !out.stdout) throw Object.assign(new Error(`git cat-file blob ${id} failed`), { code: "EIO" });
    blobsRead++;
    fetched.set(id, out.stdout);
    return out.stdout;
  };
  for (const e of parseLongListing(await git(cwd, ["ls-tree", "-r", "-z", "--long", "--full-tree", sha]))) {
    if (e.type !== "blob") continue;
    const parts = e.path.split("/");
    if (parts.some((p) => p === "" || p === "." || p === ".." || p.toLowerCase() === ".git")) early.push({ path: e.path, reason: "unwritable", code: "EINVAL", commit: sha });
    else if (e.mode === "120000") early.push({ path: e.path, reason: "symlink", commit: sha });
    else if (e.size > options.maxFileBytes) late.push({ path: e.path, reason: "too-large", size: e.size, limit: options.maxFileBytes, commit: sha });
    else if (parts.some((p) => Buffer.byteLength(p) > MAX_NAME_BYTES)) late.push({ path: e.path, reason: "unwritable", code: "ENAMETOOLONG", commit: sha });
    else if (e.path.startsWith(under)) {
      const rel = e.path.slice(under.length);
      const id = e.object;
      blobs.set(rel, { id, size: e.size, load: () => loadOne(id) });
      addToDirectories(dirs, rel);
    }
  }
  return {
    refused: [...early, ...late],
    entries(dirRel) {
      const names = dirs.get(dirRel);
      if (!names) throw Object.assign(new Error(`ENOENT: no such directory in commit ${sha}: ${dirRel}`), { code: "ENOENT" });
      return [...names].map(([name, isDir]) => ({ name, isDirectory: () => isDir, isSymbolicLink: () => false }));
    },
    blob: (rel) => blobs.get(rel),
    files: () => blobs.entries(),
    get blobsRead() {
      return blobsRead;
    },
    async fetch(refs) {
      const wanted = /* @__PURE__ */ new Map();
      for (const ref of refs) {
        const known = ref.bytes ?? fetched.get(ref.id);
        if (known) ref.bytes = known;
        else wanted.set(ref.id, [...wanted.get(ref.id) ?? [], ref]);
      }
      if (wanted.size === 0) return;
      const entries = [...wanted.keys()].map((object) => ({ mode: "100644", object, path: object }));
      await streamBlobs(cwd, entries, options.maxFileBytes, {
        tooLarge: () => {
        },
        write: async (entry, data) => {
          blobsRead++;
          fetched.set(entry.object, data);
          for (const ref of wanted.get(entry.object) ?? []) ref.bytes = data;
        }
      });
    }
  };
}
function addToDirectories(dirs, rel) {
  let child = rel;
  let isDir = false;
  for (; ; ) {
    const slash = child.lastIndexOf("/");
    const parent = slash < 0 ? "" : child.slice(0, slash);
    const name = child.slice(slash + 1);
    const names = dirs.get(parent);
    if (names) {
      names.set(name, isDir);
      return;
    }
    dirs.set(parent, /* @__PURE__ */ new Map([[name, isDir]]));
    if (parent === "") return;
    child = parent;
    isDir = true;
  }
}
function parseLongListing(listing) {
  const entries = [];
  for (const record2 of listing.split("\0")) {
    const tab = record2.indexOf("	");
    if (tab < 0) continue;
    const [mode = "", type = "", object = "", size = "-"] = record2.slice(0, tab).split(/ +/);
    entries.push({ mode, type, object, size: size === "-" ? 0 : Number(size), path: record2.slice(tab + 1) });
  }
  return entries;
}

// src/baseline/diff.ts
var DIFF_CONTEXT = 3;
function parseDiff(text2) {
  const files = /* @__PURE__ */ new Map();
  let current;
  const finish = () => {
    if (!current) return;
    const { header, minusPath, anchors, ...file } = current;
    if (file.path === "") file.path = minusPath || pathsFromHeader(header)[1];
    file.hunks = contextHunks(anchors);
    files.set(file.path, file);
    current = void 0;
  };
  for (const line of text2.split("\n")) {
    if (line.startsWith("diff --git ")) {
      finish();
      current = { path: "", status: "modified", binary: false, changed: [], hunks: [], header: line, minusPath: "", anchors: [] };
      continue;
    }
    if (!current) continue;
    if (line.startsWith("@@")) {
      const range = hunkRange(line);
      if (range) current.anchors.push(range.anchor);
      if (range?.changed) current.changed.push(range.changed);
    } else if (line.startsWith("+++ ")) {
      const path = unquote(line.slice(4));
      if (path !== "/dev/null") current.path = stripPrefix(path, "b/");
    } else if (line.startsWith("--- ")) {
      const path = unquote(line.slice(4));
      if (path === "/dev/null") current.status = "added";
      else current.minusPath = stripPrefix(path, "a/");
    } else if (line.startsWith("new file mode")) current.status = "added";
    else if (line.startsWith("deleted file mode")) current.status = "deleted";
    else if (line.startsWith("rename from ") || line.startsWith("copy from ")) {
      current.status = "renamed";
      current.oldPath = unquote(line.slice(line.indexOf(" from ") + 6));
    } else if (line.startsWith("rename to ") || line.startsWith("copy to ")) current.path = unquote(line.slice(line.indexOf(" to ") + 4));
    else if (line.startsWith("Binary files ")) current.binary = true;
  }
  finish();
  return files;
}
function hunkRange(line) {
  const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
  if (!m) return void 0;
  const start2 = Number(m[1]);
  const count = m[2] === void 0 ? 1 : Number(m[2]);
  if (count === 0) return { anchor: { start: start2 + 1, end: start2 } };
  const changed = { start: start2, end: start2 + count - 1 };
  return { changed, anchor: changed };
}
function contextHunks(anchors) {
  const spans = anchors.map((a) => ({ start: Math.max(1, a.start - DIFF_CONTEXT), end: a.end + DIFF_CONTEXT })).sort((a, b) => a.start - b.start);
  const merged = [];
  for (const span2 of spans) {
    const last = merged[merged.length - 1];
    if (last && span2.start <= last.end + 1) last.end = Math.max(last.end, span2.end);
    else merged.push({ ...span2 });
  }
  return merged;
}
function stripPrefix(path, prefix) {
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}
function pathsFromHeader(header) {
  const rest = header.slice("diff --git ".length);
  if (rest.startsWith('"')) {
    const end = closingQuote(rest);
    const a2 = unquote(rest.slice(0, end + 1));
    const b2 = unquote(rest.slice(end + 2));
    return [stripPrefix(a2, "a/"), stripPrefix(b2, "b/")];
  }
  const half = (rest.length - 1) / 2;
  const a = rest.slice(0, half);
  const b = rest.slice(half + 1);
  if (Number.isInteger(half) && stripPrefix(a, "a/") === stripPrefix(b, "b/")) return [stripPrefix(a, "a/"), stripPrefix(b, "b/")];
  const at2 = rest.indexOf(" b/");
  return [stripPrefix(rest.slice(0, at2), "a/"), rest.slice(at2 + 3)];
}
function closingQuote(s) {
  for (let i = 1; i < s.length; i++) {
    if (s[i] === "\\") i++;
    else if (s[i] === '"') return i;
  }
  return s.length - 1;
}
var ESCAPES = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, "\\": 92 };
function unquote(raw) {
  const s = raw.replace(/\t$/, "");
  if (!s.startsWith('"') || !s.endsWith('"') || s.length < 2) return s;
  const bytes = [];
  for (let i = 1; i < s.length - 1; i++) {
    const c = s[i];
    if (c !== "\\") {
      bytes.push(...Buffer.from(c, "utf8"));
      continue;
    }
    const next = s[++i] ?? "";
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(s.slice(i, i + 3), 8));
      i += 2;
    } else bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
  }
  return Buffer.from(bytes).toString("utf8");
}
function isChangedLine(diff, file, line) {
  return diff.get(file)?.changed.some((r) => line >= r.start && line <= r.end) ?? false;
}
function hunkContaining(diff, file, start2, end) {
  return diff.get(file)?.hunks.find((h) => start2 >= h.start && end <= h.end);
}

// src/git/diff.ts
async function gitDiff(cwd, from, to) {
  const text2 = await git(cwd, ["-c", "core.quotePath=true", "diff", "--unified=0", "--no-color", "--no-ext-diff", "--find-renames", "--src-prefix=a/", "--dst-prefix=b/", from, ...to === void 0 ? [] : [to]]);
  return parseDiff(text2);
}
async function filesChangedSince(top, sha) {
  const current = (await git(top, ["rev-parse", "HEAD"])).trim();
  if (current === sha) return /* @__PURE__ */ new Set();
  const names = await git(top, ["-c", "core.quotePath=false", "diff", "--name-only", "-z", "--no-renames", sha, current]);
  return new Set(names.split("\0").filter((n) => n !== ""));
}

// src/revisions.ts
async function checkTree(options) {
  const { top, prefix } = await place(options.root);
  const head = await check({ ...withConfig(options.root, options.configPath), ...options.cache ? { cache: options.cache } : {} });
  const findings = relocate(head.findings, prefix);
  const suppressed = relocate(head.suppressed, prefix);
  const classified = { new: findings, existing: [], fixed: [], notChecked: [], suppressed };
  return { mode: "full", head: { ...head, findings, suppressed }, classified, headTop: top, prefix, shifted: /* @__PURE__ */ new Set(), notes: [], suppressions: [], dispose: async () => {
  } };
}
async function checkRevisions(options) {
  const { root, policy } = options;
  const { top, prefix } = await place(root);
  if (!existsSync2(join6(top, ".git"))) throw new Error(`${top} is not a git checkout`);
  const headSha = options.head ?? "HEAD";
  const mergeBase2 = options.fetch ? await findMergeBase(top, options.base, headSha, { log: options.log }) : await localMergeBase(top, options.base, headSha);
  let keep;
  try {
    let headTop = top;
    let shifted = /* @__PURE__ */ new Set();
    let headRefused = [];
    const maxFileBytes = loadConfig(root, options.configPath).config.maxFileBytes;
    if (policy.read === "commit") {
      keep = await exportTree(top, headSha, { maxFileBytes });
      headTop = keep.dir;
      headRefused = keep.refused;
    } else if (options.head !== void 0) {
      shifted = await filesChangedSince(top, options.head);
    }
    const headRoot = join6(headTop, prefix);
    const { configPath } = withConfig(policy.config === "checkout" ? root : headRoot, options.configPath);
    const headOptions = { root: headRoot, ...configPath ? { configPath } : policy.config === "checkout" ? { defaultConfig: true } : {} };
    const diffing = settled(gitDiff(top, mergeBase2, options.head ?? (policy.read === "commit" ? headSha : void 0)));
    const listing = settled(listCommit(top, mergeBase2, { prefix, maxFileBytes }));
    const cache = options.cache ?? new ExtractionCache();
    const head = await check({ ...headOptions, refused: refusedUnder(headRefused, prefix), cache });
    const diff = await diffing;
    const renames = renamesUnder(diff, prefix);
    const base = await listing;
    await base.fetch(collectReads(base, head.config.registry, renames));
    const baseRoot = join6(tmpdir2(), `portwarden-merge-base-${mergeBase2}`, prefix);
    const baseCheck = await check({ ...headOptions, root: baseRoot, renames, refused: refusedUnder(base.refused, prefix), tree: base, cache });
    const compared = compare(
      { findings: baseCheck.findings, suppressed: baseCheck.suppressed, suppressions: baseCheck.model.suppressions },
      { findings: head.findings, suppressed: head.suppressed, suppressions: head.model.suppressions },
      {
        prefix,
        applyNewSuppressions: policy.newSuppressions === "apply" || head.config.allowNewSuppressionsOnPrTarget,
        // Base findings in files the head could not read are "not checked", never "fixed".
        notRead: unreadPaths(head.model.problems)
      }
    );
    const exported = keep;
    keep = void 0;
    return {
      mode: "pull-request",
      head: { ...head, findings: compared.findings, suppressed: compared.suppressed },
      classified: compared.classified,
      diff,
      mergeBase: mergeBase2,
      headTop,
      prefix,
      shifted,
      notes: [],
      suppressions: compared.suppressions,
      dispose: async () => exported?.dispose(),
      baseCost: { ...baseCheck.extraction, blobsRead: base.blobsRead }
    };
  } finally {
    await keep?.dispose();
  }
}
function settled(promise) {
  promise.catch(() => {
  });
  return promise;
}
async function place(root) {
  const top = await repoTop(root) ?? root;
  return { top, prefix: relative2(top, root).split("\\").join("/") };
}
function refusedUnder(refused2, prefix) {
  if (prefix === "") return refused2;
  return refused2.filter((r) => r.path.startsWith(`${prefix}/`)).map((r) => ({ ...r, path: r.path.slice(prefix.length + 1) }));
}
function collectReads(tree, registry, renames) {
  const own = /* @__PURE__ */ new Set([registry, ".env", ...DEFAULT_CONFIG_PATHS]);
  const refs = [];
  for (const [path, blob] of tree.files()) {
    const shown = renames.get(path) ?? path;
    if (own.has(shown) || discoveryMayRead(shown) || own.has(path) || discoveryMayRead(path)) refs.push(blob);
  }
  return refs;
}
function renamesUnder(diff, prefix) {
  const strip = (path) => prefix === "" ? path : path.startsWith(`${prefix}/`) ? path.slice(prefix.length + 1) : void 0;
  const renames = /* @__PURE__ */ new Map();
  for (const file of diff.values()) {
    if (file.status !== "renamed" || !file.oldPath) continue;
    const from = strip(file.oldPath);
    const to = strip(file.path);
    if (from !== void 0 && to !== void 0) renames.set(from, to);
  }
  return renames;
}
function withConfig(root, configPath) {
  if (configPath) return { root, configPath: isAbsolute2(configPath) ? configPath : join6(root, configPath) };
  const found = DEFAULT_CONFIG_PATHS.map((p) => join6(root, p)).find((p) => existsSync2(p));
  return found ? { root, configPath: found } : { root };
}

export {
  occupancy,
  describeSkip,
  assign,
  parseRange,
  SERVICE_NAME,
  ConfigError,
  parseRegistry,
  loadConfig,
  check,
  GitError,
  git,
  repoTop,
  resolveCommit,
  MergeBaseError,
  ensureCommits,
  findMergeBase,
  exportTree,
  FAIL_LEVELS,
  verdict,
  countBySeverity,
  formatText,
  formatComparison,
  repoPath,
  classify,
  VERSION,
  openCacheStore,
  toJsonReport,
  isChangedLine,
  hunkContaining,
  checkTree,
  checkRevisions
};
