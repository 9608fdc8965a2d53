/**
 * Service identity: the names the repository knows (its `services/<name>/` directories and
 * the registry's names), with configured aliases for renames. Nothing is merged by guesswork:
 * an unknown name stays as written.
 */
/** A `services/<name>/` directory and what its CLAUDE.md says, if it has one. */
export interface ServiceDir {
  name: string;
  /** `services/<name>` */
  path: string;
  /** Path of its CLAUDE.md when present. */
  doc?: string;
}

export class ServiceIndex {
  private readonly known = new Set<string>();
  private readonly aliases = new Map<string, string>();

  /** `aliases` maps an old or alternative name to the canonical one. */
  constructor(aliases: Record<string, string> = {}) {
    for (const [from, to] of Object.entries(aliases)) this.aliases.set(from.toLowerCase(), to);
  }

  /**
   * The canonical name for `name`: aliases applied until a current name (renames chain:
   * `a → b`, `b → c` makes `a` into `c`), case kept as the canonical spelling. The config
   * refuses cycles; the step bound keeps a hand-built index safe anyway.
   */
  canonical(name: string): string {
    let current = name.trim();
    for (let steps = 0; steps <= this.aliases.size; steps++) {
      const next = this.aliases.get(current.toLowerCase());
      if (next === undefined || next === current) return current;
      current = next;
    }
    return current;
  }

  /** Records a service name the repository knows; returns its canonical form. */
  add(name: string): string {
    const c = this.canonical(name);
    this.known.add(c);
    return c;
  }

  /** True when a configured alias names `name`, as an old name or as the name it maps to. */
  aliased(name: string): boolean {
    const lower = name.toLowerCase();
    return this.aliases.has(lower) || [...this.aliases.values()].some((to) => to.toLowerCase() === lower);
  }

  has(name: string): boolean {
    return this.known.has(this.canonical(name));
  }

  list(): string[] {
    return [...this.known].sort();
  }
}
