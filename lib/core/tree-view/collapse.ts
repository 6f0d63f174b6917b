// Which steps are folded away. State is a set of collapsed group ids: a collapsed group stays on
// screen and hides every group below it. Big trees open folded below a depth that keeps the number
// of cards drawn within a budget, with the path to the nodes a reader needs unfolded.
import { ancestorsOf, type TreeModel } from "./tree-model";

export type Collapsed = ReadonlySet<number>;

/** Groups on screen for a collapse state, in pre-order (parents before children). */
export function visibleGroups(m: TreeModel, collapsed: Collapsed): number[] {
  const out: number[] = [];
  const stack = [0];
  while (stack.length > 0) {
    const g = stack.pop()!;
    out.push(g);
    if (collapsed.has(g)) continue;
    const kids = m.groups[g]!.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}

/** Nodes hidden under a group when it is collapsed. */
export const hiddenNodeCount = (m: TreeModel, group: number) => m.groupSubtreeSize[group]! - m.groups[group]!.nodes.length;

export const canCollapse = (m: TreeModel, group: number) => m.groups[group]!.children.length > 0;

/** True when no group above the node's own group is collapsed. */
export function isNodeShown(m: TreeModel, collapsed: Collapsed, idx: number): boolean {
  for (let g = m.groups[m.groupOf[idx]!]!.parent; g >= 0; g = m.groups[g]!.parent) if (collapsed.has(g)) return false;
  return true;
}

/** Group ids from the root's group down to the node's group. */
function groupChain(m: TreeModel, idx: number): number[] {
  const chain: number[] = [];
  for (let g = m.groupOf[idx]!; g >= 0; g = m.groups[g]!.parent) chain.push(g);
  return chain.reverse();
}

/**
 * Unfolds just enough to show node `idx`: collapsed groups above it open, and the branches they
 * reveal beside the path stay folded so a deep jump does not unfold a whole subtree.
 * Returns `collapsed` itself when the node is already shown.
 */
export function revealNode(m: TreeModel, collapsed: Collapsed, idx: number): Collapsed {
  if (isNodeShown(m, collapsed, idx)) return collapsed;
  const next = new Set(collapsed);
  const chain = groupChain(m, idx);
  let revealing = false;
  for (let j = 0; j < chain.length - 1; j++) {
    const g = chain[j]!;
    if (next.delete(g)) revealing = true;
    if (!revealing) continue;
    for (const c of m.groups[g]!.children) if (c !== chain[j + 1] && canCollapse(m, c)) next.add(c);
  }
  const target = chain[chain.length - 1]!;
  if (canCollapse(m, target)) next.add(target);
  return next;
}

/** Every group with children collapsed, except those on the way to each of `keep` (idx). */
export function collapseAllExcept(m: TreeModel, keep: readonly number[]): Collapsed {
  const next = new Set<number>();
  for (const g of m.groups) if (g.children.length > 0) next.add(g.id);
  for (const idx of keep) {
    const own = m.groupOf[idx]!;
    for (const a of ancestorsOf(m, idx)) if (m.groupOf[a] !== own) next.delete(m.groupOf[a]!);
  }
  return next;
}

/**
 * The initial state: nothing folded when the tree has at most `budget` groups; otherwise every
 * group at the deepest level that keeps the groups above it within budget, then `keep` revealed.
 */
export function defaultCollapsed(m: TreeModel, budget: number, keep: readonly number[]): Collapsed {
  if (m.groups.length <= budget) return new Set();
  const perDepth: number[] = [];
  for (const g of m.groups) perDepth[g.depth] = (perDepth[g.depth] ?? 0) + 1;
  let level = 0;
  for (let total = perDepth[0]!, d = 1; d < perDepth.length && total + perDepth[d]! <= budget; d++) {
    total += perDepth[d]!;
    level = d;
  }
  let collapsed: Collapsed = new Set(m.groups.filter((g) => g.depth === level && g.children.length > 0).map((g) => g.id));
  for (const idx of keep) collapsed = revealNode(m, collapsed, idx);
  return collapsed;
}

/** Flips one group; a group without children is left alone. */
export function toggleGroup(m: TreeModel, collapsed: Collapsed, group: number): Collapsed {
  if (!canCollapse(m, group)) return collapsed;
  const next = new Set(collapsed);
  if (!next.delete(group)) next.add(group);
  return next;
}
