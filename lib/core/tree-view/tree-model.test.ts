import { describe, expect, it } from "vitest";
import { parseToolBenchFile } from "@/lib/core/toolbench/parse";
import type { ParsedNode } from "@/lib/core/toolbench/types";
import { readDataset } from "@/lib/test/datasets";
import { ancestorsOf, buildTreeModel, NODE_FLAG, nodeOutcome, toTreeColumns, type TreeNodeColumns } from "./tree-model";

// toolbench/answer/G1_answer/57: 26 nodes; a give-up branch (5–19) beside the answered one (20–25).
function readTree57() {
  const rel = "toolbench/answer/G1_answer/57_ChatGPT_DFS_woFilter_w2.json";
  const parsed = parseToolBenchFile(readDataset(rel), rel);
  if (parsed.kind !== "dfs_answer") throw new Error(`unexpected kind ${parsed.kind}`);
  return buildTreeModel(toTreeColumns(parsed.trees[0]!.nodes), parsed.trees[0]!.chosenNodeIdx);
}

const node = (idx: number, parentIdx: number | null, type: ParsedNode["type"], extra: Partial<ParsedNode> = {}): ParsedNode => ({
  idx,
  parentIdx,
  position: 0,
  depth: 0,
  type,
  text: "",
  pruned: false,
  finished: false,
  isTerminal: false,
  expandNum: 0,
  childCount: 0,
  ...extra,
});

describe("buildTreeModel on a real DFSDT tree", () => {
  const m = readTree57();

  it("links children and depths in pre-order", () => {
    expect(m.size).toBe(26);
    expect(m.children[4]).toEqual([5, 20]);
    expect(m.children[6]).toEqual([7, 10]);
    expect(m.children[12]).toEqual([13, 17]);
    expect(m.depth[25]).toBe(10);
    expect(m.depth[19]).toBe(12);
    expect(ancestorsOf(m, 9)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("marks the training path from the root to the first answer", () => {
    expect(m.chosenIdx).toBe(25);
    const onPath = [...m.onChosenPath.keys()].filter((i) => m.onChosenPath[i] === 1);
    expect(onPath).toEqual([0, 1, 2, 3, 4, 20, 21, 22, 23, 24, 25]);
  });

  it("marks the branches that were given up or pruned as abandoned, and nothing on the path", () => {
    const abandoned = [...m.abandoned.keys()].filter((i) => m.abandoned[i] === 1);
    expect(abandoned).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  });

  it("lists visited nodes in expand_num order", () => {
    expect(m.visitOrder).toEqual([2, 4, 6, 7, 9, 12, 14, 16, 19, 22, 23, 25]);
    expect(m.visitRank[9]).toBe(4);
    expect(m.visitRank[10]).toBe(-1);
  });

  it("groups each LLM call's Thought, Action and Action Input into one step", () => {
    expect(m.groups.map((g) => g.nodes)).toEqual([
      [0],
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8, 9],
      [10, 11, 12],
      [13, 14],
      [15, 16],
      [17, 18, 19],
      [20, 21, 22],
      [23, 24, 25],
    ]);
    expect(m.groups.map((g) => g.parent)).toEqual([-1, 0, 1, 2, 3, 3, 5, 6, 5, 2, 9]);
    expect(m.groups[3]!.children).toEqual([4, 5]);
    expect(m.groups[10]!.depth).toBe(4);
    expect(m.groups[7]!.depth).toBe(6);
    expect(m.groupOf[24]).toBe(10);
    expect(m.groupSubtreeSize[0]).toBe(26);
    expect(m.groupSubtreeSize[3]).toBe(15);
    expect(m.groupSubtreeSize[9]).toBe(6);
  });

  it("reads each node's outcome from its observation code", () => {
    expect(nodeOutcome(m, 4)).toBe("error");
    expect(nodeOutcome(m, 9)).toBe("give_up");
    expect(nodeOutcome(m, 25)).toBe("final");
    expect(nodeOutcome(m, 2)).toBe("ok");
    expect(nodeOutcome(m, 3)).toBeNull();
  });
});

describe("buildTreeModel on edge cases", () => {
  it("cuts a step where the tree branches or the node order breaks", () => {
    const nodes = [
      node(0, null, "ActionInput"),
      node(1, 0, "Thought"), // a Thought with two Actions: each Action starts its own step
      node(2, 1, "Action"),
      node(3, 2, "ActionInput"),
      node(4, 1, "Action"),
      node(5, 4, "Action"), // Action under Action: out of order, a new step
      node(6, 5, "ActionInput"),
    ];
    const m = buildTreeModel(toTreeColumns(nodes), null);
    expect(m.groups.map((g) => g.nodes)).toEqual([[0], [1], [2, 3], [4], [5, 6]]);
    expect(m.chosenIdx).toBeNull();
    expect(m.onChosenPath.every((v) => v === 0)).toBe(true);
  });

  it("keeps an open leaf (the search stopped there) out of the abandoned branches", () => {
    const nodes = [
      node(0, null, "ActionInput"),
      node(1, 0, "Action"),
      node(2, 1, "ActionInput", { observationCode: 0, expandNum: 1 }),
      node(3, 0, "Action"),
      node(4, 3, "ActionInput", { observationCode: 4, pruned: true, expandNum: 2 }),
    ];
    const m = buildTreeModel(toTreeColumns(nodes), null);
    expect([...m.abandoned]).toEqual([0, 0, 0, 1, 1]);
  });

  it("packs the flags into one number per node", () => {
    const columns = toTreeColumns([node(0, null, "ActionInput", { pruned: true, finished: true }), node(1, 0, "Action", { isTerminal: true })]);
    expect(columns.flags).toEqual([NODE_FLAG.pruned | NODE_FLAG.finished, NODE_FLAG.terminal]);
  });

  it("ignores a chosen idx outside the tree", () => {
    expect(buildTreeModel(toTreeColumns([node(0, null, "ActionInput")]), 5).chosenIdx).toBeNull();
  });

  it("rejects columns that are not a pre-order tree", () => {
    const columns: TreeNodeColumns = toTreeColumns([node(0, null, "ActionInput"), node(1, 0, "Action")]);
    expect(() => buildTreeModel({ ...columns, parentIdx: [null, 1] }, null)).toThrow("Node 1 has parent 1");
    expect(() => buildTreeModel({ ...columns, parentIdx: [null, null] }, null)).toThrow("not a pre-order tree");
    expect(() => buildTreeModel({ ...columns, expandNum: [0] }, null)).toThrow("expandNum has 1 entries");
  });
});
