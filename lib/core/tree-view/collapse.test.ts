import { describe, expect, it } from "vitest";
import { parseToolBenchFile } from "@/lib/core/toolbench/parse";
import { readDataset } from "@/lib/test/datasets";
import { collapseAllExcept, defaultCollapsed, hiddenNodeCount, isNodeShown, revealNode, toggleGroup, visibleGroups } from "./collapse";
import { buildTreeModel, toTreeColumns } from "./tree-model";

// toolbench/answer/G1_answer/57 as 11 steps (groups):
//   g0 root ─ g1 ─ g2 ┬ g3 ┬ g4 (give up)
//                     │    └ g5 ┬ g6 ─ g7
//                     │         └ g8
//                     └ g9 ─ g10 (answer)
function readTree57() {
  const rel = "toolbench/answer/G1_answer/57_ChatGPT_DFS_woFilter_w2.json";
  const parsed = parseToolBenchFile(readDataset(rel), rel);
  if (parsed.kind !== "dfs_answer") throw new Error(`unexpected kind ${parsed.kind}`);
  return buildTreeModel(toTreeColumns(parsed.trees[0]!.nodes), parsed.trees[0]!.chosenNodeIdx);
}

const m = readTree57();
const sorted = (s: ReadonlySet<number>) => [...s].sort((a, b) => a - b);

describe("visibleGroups", () => {
  it("lists every group in pre-order when nothing is collapsed", () => {
    expect(visibleGroups(m, new Set())).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("keeps a collapsed group and hides everything below it", () => {
    expect(visibleGroups(m, new Set([3]))).toEqual([0, 1, 2, 3, 9, 10]);
    expect(visibleGroups(m, new Set([3, 9]))).toEqual([0, 1, 2, 3, 9]);
    expect(visibleGroups(m, new Set([0]))).toEqual([0]);
  });

  it("counts the nodes a collapsed group hides", () => {
    expect(hiddenNodeCount(m, 3)).toBe(13);
    expect(hiddenNodeCount(m, 9)).toBe(3);
    expect(hiddenNodeCount(m, 10)).toBe(0);
  });

  it("tells whether a node is on screen", () => {
    const collapsed = new Set([5]);
    expect(isNodeShown(m, collapsed, 12)).toBe(true); // in g5 itself
    expect(isNodeShown(m, collapsed, 13)).toBe(false); // in g6, below g5
    expect(isNodeShown(m, collapsed, 25)).toBe(true);
  });
});

describe("defaultCollapsed", () => {
  it("folds nothing when the tree fits the budget", () => {
    expect(defaultCollapsed(m, 11, []).size).toBe(0);
  });

  it("folds the deepest level that keeps the groups above it within budget", () => {
    // depths hold 1, 1, 1, 2, 3, 2, 1 groups: five groups fit up to depth 3 (g3, g9)
    expect(sorted(defaultCollapsed(m, 5, []))).toEqual([3, 9]);
    expect(sorted(defaultCollapsed(m, 7, []))).toEqual([3, 9]);
    expect(sorted(defaultCollapsed(m, 8, []))).toEqual([5]);
    expect(sorted(defaultCollapsed(m, 1, []))).toEqual([0]);
  });

  it("unfolds the way to the nodes to keep", () => {
    expect(sorted(defaultCollapsed(m, 5, [25]))).toEqual([3]);
    expect(sorted(defaultCollapsed(m, 5, [25, 16]))).toEqual([]);
  });
});

describe("revealNode", () => {
  it("returns the same state when the node is already shown", () => {
    const collapsed = new Set([3]);
    expect(revealNode(m, collapsed, 22)).toBe(collapsed);
  });

  it("opens the collapsed groups above the node and keeps the branches it passes folded", () => {
    // from the root folded: the way to node 16 (g7) opens g0, g1, g2, g3, g5, g6; g9 and g8 (no children) stay as they are
    expect(sorted(revealNode(m, new Set([0]), 16))).toEqual([9]);
    // revealing node 13 (g6) folds g6 itself, which has a child, rather than unfolding its subtree
    expect(sorted(revealNode(m, new Set([3]), 13))).toEqual([6]);
  });
});

describe("toggleGroup and collapseAllExcept", () => {
  it("flips a group with children and leaves a childless one alone", () => {
    const collapsed = new Set([3]);
    expect(sorted(toggleGroup(m, collapsed, 9))).toEqual([3, 9]);
    expect(sorted(toggleGroup(m, collapsed, 3))).toEqual([]);
    expect(toggleGroup(m, collapsed, 4)).toBe(collapsed);
  });

  it("folds every branch except the way to the kept nodes", () => {
    // groups below a folded one stay folded too, so unfolding g3 later shows one level at a time
    expect(sorted(collapseAllExcept(m, [25]))).toEqual([3, 5, 6]);
    expect(visibleGroups(m, collapseAllExcept(m, [25]))).toEqual([0, 1, 2, 3, 9, 10]);
    // keeping an inner node leaves its own group folded
    expect(sorted(collapseAllExcept(m, [12]))).toEqual([5, 6, 9]);
  });
});
