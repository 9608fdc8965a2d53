/**
 * A minimal depth-first walk over an mdast tree, in document order. The registry visits a
 * few node types a handful of times per file; unist-util-visit builds an ancestor array per
 * node, which cost more than the rest of the registry parser together. Iterative, so a
 * hostile document nesting thousands of blockquotes cannot overflow the stack.
 */
import type { Node, Parent } from 'unist';

/** Return `'stop'` to end the walk, `'skip'` to not descend into the node. */
export type WalkResult = 'stop' | 'skip' | undefined;

/** Calls `enter` for every node under (and including) `root`, parents before children. */
export function walk(root: Node, enter: (node: Node, parent: Parent | undefined, index: number) => WalkResult | void): void {
  const stack: [Node, Parent | undefined, number][] = [[root, undefined, -1]];
  while (stack.length > 0) {
    const [node, parent, index] = stack.pop()!;
    const result = enter(node, parent, index);
    if (result === 'stop') return;
    if (result === 'skip') continue;
    const children = (node as Partial<Parent>).children;
    if (!children) continue;
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, node as Parent, i]);
  }
}
