import { describe, expect, it } from "vitest";
import { parseToolBenchFile } from "@/lib/core/toolbench/parse";
import { readDataset } from "@/lib/test/datasets";
import { transcriptPath, transcriptSteps } from "./transcript";
import { buildTreeModel, toTreeColumns } from "./tree-model";

function readTree(rel: string) {
  const parsed = parseToolBenchFile(readDataset(rel), rel);
  if (parsed.kind !== "dfs_answer") throw new Error(`unexpected kind ${parsed.kind}`);
  return buildTreeModel(toTreeColumns(parsed.trees[0]!.nodes), parsed.trees[0]!.chosenNodeIdx);
}

const m = readTree("toolbench/answer/G1_answer/57_ChatGPT_DFS_woFilter_w2.json");

describe("transcriptPath", () => {
  it("continues a node on the training path along it to the answer", () => {
    expect(transcriptPath(m, 4)).toEqual({ nodes: [0, 1, 2, 3, 4, 20, 21, 22, 23, 24, 25], selectedAt: 4 });
  });

  it("continues a node off the path along first children to a leaf", () => {
    expect(transcriptPath(m, 10)).toEqual({ nodes: [0, 1, 2, 3, 4, 5, 6, 10, 11, 12, 13, 14, 15, 16], selectedAt: 7 });
  });

  it("ends at a selected leaf", () => {
    expect(transcriptPath(m, 9)).toEqual({ nodes: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], selectedAt: 9 });
  });
});

describe("transcriptSteps", () => {
  it("reads the path as steps placed before, at and after the selected node", () => {
    const steps = transcriptSteps(m, transcriptPath(m, 11));
    expect(steps.map((s) => [s.nodeIdxs, s.relation])).toEqual([
      [[1, 2], "before"],
      [[3, 4], "before"],
      [[5, 6], "before"],
      [[10, 11, 12], "selected"],
      [[13, 14], "after"],
      [[15, 16], "after"],
    ]);
    expect(steps[3]).toMatchObject({ functionName: "search_b_for_seo_api", arguments: '{\n  "query": "iPhone 14 news"\n}', observationCode: 0 });
    expect(steps[3]!.thought).toMatch(/^Based on the previous action candidates/);
  });

  it("puts every step after the root when the root is selected", () => {
    const steps = transcriptSteps(m, transcriptPath(m, 0));
    expect(steps.map((s) => [s.nodeIdxs, s.relation])).toEqual([
      [[1, 2], "after"],
      [[3, 4], "after"],
      [[20, 21, 22], "after"],
      [[23, 24, 25], "after"],
    ]);
    expect(steps.at(-1)).toMatchObject({ functionName: "Finish", observationCode: 3 });
  });
});
