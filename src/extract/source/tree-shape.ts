/**
 * A syntax tree's shape, measured before the readers walk it. web-tree-sitter answers
 * `node.parent` by descending from the root, so each call costs the depth of the node times
 * the width of the nodes on the way: readers that look at a node's parent or climb its
 * ancestors become quadratic on a tree that is very deep (13,000 nested `- "3001"` in
 * TypeScript took 21 s) or holds one very wide node (an unclosed parenthesis that turns the
 * rest of a Python or Go file into one error node with thousands of children took 40 s).
 * Such trees are refused with a finding instead; real code is far inside both limits.
 */
import type { Node } from 'web-tree-sitter';

/** Deepest nesting of syntax nodes a file may have. */
export const MAX_TREE_DEPTH = 400;
/** Most children one error node (code tree-sitter could not parse) may hold. */
export const MAX_ERROR_CHILDREN = 1_000;
/** Files below this size cannot hold a tree large enough for either limit to matter. */
const SMALL_FILE_CHARS = 8_192;

/** What is wrong with the tree's shape, and where; undefined when it is within the limits. */
export interface ShapeProblem {
  found: string;
  expected: string;
  /** Offset of the node that broke the limit. */
  start: number;
}

/** Measures `root` with one cursor walk (linear in the number of nodes). */
export function treeShapeProblem(root: Node, textLength: number): ShapeProblem | undefined {
  if (textLength < SMALL_FILE_CHARS) return undefined;
  const cursor = root.walk();
  try {
    let depth = 0;
    for (;;) {
      if (depth > MAX_TREE_DEPTH) return { found: `nests syntax more than ${MAX_TREE_DEPTH} levels deep here`, expected: `at most ${MAX_TREE_DEPTH} levels`, start: cursor.startIndex };
      if (cursor.nodeType === 'ERROR') {
        const children = cursor.currentNode.childCount;
        if (children > MAX_ERROR_CHILDREN) return { found: `does not parse from here on: one syntax error holds ${children.toLocaleString('en-US')} nodes`, expected: `code that parses (an error spanning at most ${MAX_ERROR_CHILDREN.toLocaleString('en-US')} nodes)`, start: cursor.startIndex };
      }
      if (cursor.gotoFirstChild()) {
        depth++;
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return undefined;
        depth--;
      }
    }
  } finally {
    cursor.delete();
  }
}
