/**
 * The stand-in's memory of one repository: pull requests seeded by the test, and what the
 * Action wrote (check runs, reviews, review comments, issue comments), so that list calls
 * return what was created, as the sticky comment and the dedupe logic expect.
 */
import { createHash } from 'node:crypto';
import { diffLines, type FileDiffLines } from './diff-lines.js';

/** Git's blob sha of `content`, as the contents API reports it. */
export function blobSha(content: string): string {
  const bytes = Buffer.from(content, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** A changed file as `pulls/list-files` returns it. */
export interface PullFile {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed';
  additions: number;
  deletions: number;
  changes: number;
  patch?: string;
  previous_filename?: string;
}

/** What a test tells the stand-in about a pull request. */
export interface PullSeed {
  number: number;
  headSha: string;
  baseSha: string;
  headRef: string;
  baseRef: string;
  /** `owner/repo` of the head; defaults to this repository. */
  headRepoFullName?: string;
  fork?: boolean;
  /**
   * The diff. When given, review comments outside it are refused with 422, as GitHub does;
   * when omitted, placement is not checked.
   */
  files?: PullFile[];
  /** Commits a review may pin (`commit_id`); defaults to `[headSha]`. */
  commits?: string[];
  title?: string;
}

type Json = Record<string, any>;

/** The bot the Actions token acts as. */
export const BOT_LOGIN = 'github-actions[bot]';

export class GitHubState {
  readonly pulls = new Map<number, PullSeed>();
  /** Check runs by id; `annotations` holds every annotation sent, in order. */
  readonly checkRuns = new Map<number, Json & { annotations: Json[] }>();
  /** Reviews, review comments and issue comments as the API returns them, keyed by their pull/issue. */
  readonly reviews: { pull: number; data: Json }[] = [];
  readonly reviewComments: { pull: number; data: Json }[] = [];
  readonly issueComments: { issue: number; data: Json }[] = [];
  /** Extra issue numbers (not pull requests) that accept comments. */
  readonly issues = new Set<number>();
  /** Collaborator permission by login; unknown logins read as `none`. */
  readonly permissions = new Map<string, 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'>();
  /** Repository files for the contents API, by path: the default branch (`main`). */
  readonly contents = new Map<string, { content: string; sha: string }>();
  /** Other branches' files, by branch and path (`main` is {@link contents}). */
  readonly branchFiles = new Map<string, Map<string, { content: string; sha: string }>>();
  /** The commit each branch points at; commits made through the contents API move it. */
  readonly branches = new Map<string, string>();
  /** The files of every commit the stand-in knows, for reads at a commit sha. */
  readonly commitFiles = new Map<string, Map<string, { content: string; sha: string }>>();
  /** Pull requests opened through the API, in order. */
  readonly createdPulls: Json[] = [];
  readonly graphqlQueries: Json[] = [];
  private id = 1000;
  private tick = 0;
  private readonly diffs = new Map<number, Map<string, FileDiffLines>>();

  constructor(
    readonly owner: string,
    readonly repo: string,
  ) {}

  get fullName(): string {
    return `${this.owner}/${this.repo}`;
  }

  /** Ids increase across every kind of object, as GitHub's do. */
  nextId(): number {
    return ++this.id;
  }

  /** A deterministic clock: one second per object created. */
  now(): string {
    return new Date(Date.UTC(2026, 0, 1, 12, 0, this.tick++)).toISOString().replace('.000Z', 'Z');
  }

  /** Registers a pull request (re-seeding the same number replaces it, e.g. after a push). */
  addPull(seed: PullSeed): void {
    this.pulls.set(seed.number, seed);
    this.diffs.delete(seed.number);
    if (seed.files) this.diffs.set(seed.number, new Map(seed.files.filter((f) => f.patch !== undefined).map((f) => [f.filename, diffLines(f.patch!)])));
  }

  /** Commentable lines per file, or undefined when the test gave no diff. */
  diffOf(pull: number): ReadonlyMap<string, FileDiffLines> | undefined {
    return this.diffs.get(pull);
  }

  /** Puts a file on the default branch for the contents API. */
  putFile(path: string, content: string): void {
    this.contents.set(path, { content, sha: blobSha(content) });
  }

  /**
   * Sets `branch` (at commit `sha`) to hold `files`, as a push would; `main` replaces the
   * default branch's files. Reads at `sha` see them too.
   */
  seedBranch(branch: string, sha: string, files: Record<string, string>): void {
    const map = branch === 'main' ? this.contents : new Map<string, { content: string; sha: string }>();
    map.clear();
    for (const [path, content] of Object.entries(files)) map.set(path, { content, sha: blobSha(content) });
    if (branch !== 'main') this.branchFiles.set(branch, map);
    this.branches.set(branch, sha);
    this.commitFiles.set(sha, new Map(map));
  }

  /** The files of a branch, or of a commit, or undefined for a ref the stand-in does not know. */
  filesAt(ref: string | undefined): Map<string, { content: string; sha: string }> | undefined {
    if (ref === undefined || ref === 'main' || ref === 'heads/main' || ref === 'refs/heads/main') return this.contents;
    const branch = ref.replace(/^(refs\/)?heads\//, '');
    return this.branchFiles.get(branch) ?? this.commitFiles.get(ref);
  }

  /** Whether `n` names an issue or a pull request here. */
  hasIssue(n: number): boolean {
    return this.pulls.has(n) || this.issues.has(n);
  }

  /** Review comments on one pull request, oldest first. */
  reviewCommentsOn(pull: number): Json[] {
    return this.reviewComments.filter((c) => c.pull === pull).map((c) => c.data);
  }

  /** Issue comments on one issue or pull request, oldest first. */
  issueCommentsOn(issue: number): Json[] {
    return this.issueComments.filter((c) => c.issue === issue).map((c) => c.data);
  }
}
