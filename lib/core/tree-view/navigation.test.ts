import { describe, expect, it } from "vitest";
import { parseToolBenchFile } from "@/lib/core/toolbench/parse";
import { readDataset } from "@/lib/test/datasets";
import { KEY_MOVES, moveSelection } from "./navigation";
import { buildTreeModel, toTreeColumns } from "./tree-model";

function readTree(rel: string) {
  const parsed = parseToolBenchFile(readDataset(rel), rel);
  if (parsed.kind !== "dfs_answer") throw new Error(`unexpected kind ${parsed.kind}`);
  return buildTreeModel(toTreeColumns(parsed.trees[0]!.nodes), parsed.trees[0]!.chosenNodeIdx);
}

// toolbench/answer/G1_answer/57: node 4 (news_for_seo_api, error 11) branches into 5 (abandoned) and
// 20 (answered); node 6 branches into 7 (Thought, give up) and 10 (Thought, another attempt).
const m = readTree("toolbench/answer/G1_answer/57_ChatGPT_DFS_woFilter_w2.json");

describe("moveSelection along the structure", () => {
  it("goes to the parent and the first child", () => {
    expect(moveSelection(m, 5, "parent")).toBe(4);
    expect(moveSelection(m, 0, "parent")).toBeNull();
    expect(moveSelection(m, 4, "firstChild")).toBe(5);
    expect(moveSelection(m, 25, "firstChild")).toBeNull();
  });

  it("goes to siblings, and from inside a step to the step's sibling attempts", () => {
    expect(moveSelection(m, 5, "nextSibling")).toBe(20);
    expect(moveSelection(m, 20, "previousSibling")).toBe(5);
    expect(moveSelection(m, 20, "nextSibling")).toBeNull();
    // node 8 (Finish) is an only child inside the step 7–9, whose first node has the sibling 10
    expect(moveSelection(m, 8, "nextSibling")).toBe(10);
    expect(moveSelection(m, 12, "previousSibling")).toBe(7);
    // a step without siblings goes nowhere
    expect(moveSelection(m, 2, "nextSibling")).toBeNull();
  });

  it("jumps to the root and to the end of the training path", () => {
    expect(moveSelection(m, 17, "root")).toBe(0);
    expect(moveSelection(m, 17, "chosen")).toBe(25);
  });
});

describe("moveSelection in visit order", () => {
  it("follows expand_num, including the backtrack from a give-up to the next attempt", () => {
    const order: number[] = [];
    for (let at: number | null = 2; at !== null; at = moveSelection(m, at, "nextVisit")) order.push(at);
    expect(order).toEqual([2, 4, 6, 7, 9, 12, 14, 16, 19, 22, 23, 25]);
    expect(moveSelection(m, 12, "previousVisit")).toBe(9);
    expect(moveSelection(m, 2, "previousVisit")).toBeNull();
  });

  it("places a never-visited node between the visits around it in pre-order", () => {
    expect(moveSelection(m, 10, "nextVisit")).toBe(12);
    expect(moveSelection(m, 10, "previousVisit")).toBe(9);
    expect(moveSelection(m, 20, "nextVisit")).toBe(22);
    expect(moveSelection(m, 20, "previousVisit")).toBe(19);
    expect(moveSelection(m, 0, "nextVisit")).toBe(2);
    expect(moveSelection(m, 0, "previousVisit")).toBeNull();
  });
});

describe("KEY_MOVES", () => {
  it("maps the arrows to parent, first child and siblings, and n/p to the visit order", () => {
    expect(KEY_MOVES).toEqual({
      ArrowLeft: "parent",
      ArrowRight: "firstChild",
      ArrowUp: "previousSibling",
      ArrowDown: "nextSibling",
      Home: "root",
      End: "chosen",
      n: "nextVisit",
      p: "previousVisit",
    });
  });
});
