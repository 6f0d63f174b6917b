// Moving the selection through a tree from the keyboard: along the structure (parent, first child,
// sibling attempts) and along the search as it happened (ToolBench's expand_num visit order).
import type { TreeModel } from "./tree-model";

export type TreeMove = "parent" | "firstChild" | "previousSibling" | "nextSibling" | "root" | "chosen" | "nextVisit" | "previousVisit";

function sibling(m: TreeModel, idx: number, step: 1 | -1): number | null {
  const p = m.parent[idx]!;
  if (p < 0) return null;
  const kids = m.children[p]!;
  return kids[kids.indexOf(idx) + step] ?? null;
}

/**
 * The next or previous sibling; inside a step (Thought → Action → Action Input, each an only
 * child) the step's own siblings instead, so Up and Down move between alternative attempts.
 */
function siblingOrAttempt(m: TreeModel, idx: number, step: 1 | -1): number | null {
  const own = sibling(m, idx, step);
  if (own !== null) return own;
  const first = m.groups[m.groupOf[idx]!]!.nodes[0]!;
  return first === idx ? null : sibling(m, first, step);
}

/**
 * Visits in search order. A node that was never visited sits, in a depth-first search, between the
 * last visit before it in pre-order and the first visit after it, so it steps to those.
 */
function visit(m: TreeModel, idx: number, step: 1 | -1): number | null {
  const rank = m.visitRank[idx]!;
  if (rank >= 0) return m.visitOrder[rank + step] ?? null;
  let best: number | null = null;
  const [from, to] = step === 1 ? [idx + 1, m.size] : [0, idx];
  for (let i = from; i < to; i++) {
    const r = m.visitRank[i]!;
    if (r < 0) continue;
    if (best === null || (step === 1 ? r < m.visitRank[best]! : r > m.visitRank[best]!)) best = i;
  }
  return best;
}

/** Where a move leads from node `idx`; null when there is nowhere to go. */
export function moveSelection(m: TreeModel, idx: number, move: TreeMove): number | null {
  switch (move) {
    case "parent":
      return m.parent[idx]! >= 0 ? m.parent[idx]! : null;
    case "firstChild":
      return m.children[idx]![0] ?? null;
    case "previousSibling":
      return siblingOrAttempt(m, idx, -1);
    case "nextSibling":
      return siblingOrAttempt(m, idx, 1);
    case "root":
      return 0;
    case "chosen":
      return m.chosenIdx;
    case "nextVisit":
      return visit(m, idx, 1);
    case "previousVisit":
      return visit(m, idx, -1);
  }
}

/** The keys of the tree view and the moves they make. */
export const KEY_MOVES: Readonly<Record<string, TreeMove>> = {
  ArrowLeft: "parent",
  ArrowRight: "firstChild",
  ArrowUp: "previousSibling",
  ArrowDown: "nextSibling",
  Home: "root",
  End: "chosen",
  n: "nextVisit",
  p: "previousVisit",
};
