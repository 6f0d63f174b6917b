// One LLM call of DFSDT makes a chain of nodes — an optional Thought, the Action (function name), the
// Action Input (arguments and observation) — so the viewer draws each chain as one card. Branching
// only happens between calls; a chain is cut wherever the tree branches or the node order breaks,
// so unusual trees (ReACT tries, converted answers) still group safely.
import type { NodeType } from "../toolbench/types";

export interface StepGroup {
  id: number;
  /** idx of the group's nodes, parent first. */
  nodes: number[];
  /** id of the group holding the parent of the first node; -1 for the root's group. */
  parent: number;
  /** ids of the groups that continue from this one (alternative attempts), in sibling order. */
  children: number[];
  /** Number of groups above this one. */
  depth: number;
}

export interface StepGroups {
  groups: StepGroup[];
  /** idx → id of its group. */
  groupOf: Int32Array;
  /** group id → number of nodes in the group and every group below it. */
  groupSubtreeSize: Int32Array;
}

const ORDER: Record<NodeType, number> = { Thought: 0, Action: 1, ActionInput: 2 };

/** True when node `idx` continues its parent's LLM call rather than starting a new one. */
function continuesParent(types: readonly NodeType[], parent: Int32Array, children: readonly number[][], idx: number): boolean {
  const p = parent[idx]!;
  if (p < 0) return false;
  return children[p]!.length === 1 && types[p] !== "ActionInput" && ORDER[types[idx]!] > ORDER[types[p]!];
}

/** Groups nodes into steps; `parent` and `children` describe a pre-order tree (parents before children). */
export function buildStepGroups(types: readonly NodeType[], parent: Int32Array, children: readonly number[][]): StepGroups {
  const n = types.length;
  const groupOf = new Int32Array(n);
  const groups: StepGroup[] = [];
  for (let i = 0; i < n; i++) {
    if (continuesParent(types, parent, children, i)) {
      const g = groupOf[parent[i]!]!;
      groupOf[i] = g;
      groups[g]!.nodes.push(i);
      continue;
    }
    const p = parent[i]!;
    const parentGroup = p < 0 ? -1 : groupOf[p]!;
    const group: StepGroup = { id: groups.length, nodes: [i], parent: parentGroup, children: [], depth: parentGroup < 0 ? 0 : groups[parentGroup]!.depth + 1 };
    groups.push(group);
    if (parentGroup >= 0) groups[parentGroup]!.children.push(group.id);
    groupOf[i] = group.id;
  }
  // child groups are created after their parent, so one backward pass sums the subtrees
  const groupSubtreeSize = new Int32Array(groups.length);
  for (let g = groups.length - 1; g >= 0; g--) {
    const group = groups[g]!;
    groupSubtreeSize[g] = groupSubtreeSize[g]! + group.nodes.length;
    if (group.parent >= 0) groupSubtreeSize[group.parent] = groupSubtreeSize[group.parent]! + groupSubtreeSize[g]!;
  }
  return { groups, groupOf, groupSubtreeSize };
}

/** The last node of a group: the one its child groups hang from. */
export const lastNodeOf = (group: StepGroup) => group.nodes[group.nodes.length - 1]!;
