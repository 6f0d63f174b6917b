// A tree loaded as outlines, with only the nodes `contentNodes` names in full, exports exactly as the
// whole tree does: for every tree of the released files and trees Arbor grew, with every node taken
// as the training path's end. Outlined nodes throw when read, so a node the formats read but
// `contentNodes` left out fails here rather than going unnoticed.
import { describe, expect, it } from "vitest";
import { parseToolBenchFile } from "@/lib/core/toolbench/parse";
import { datasetFiles, readDataset } from "@/lib/test/datasets";
import { BRANCHING_SCRIPT, generatedExportTree } from "@/lib/test/generated-export-tree";
import { linesOf, parquetRow, recordsOf, type LineFormat } from "./formats";
import { exportTreeFromParsed } from "./from-parsed";
import { contentNodes, outlineNode, withText } from "./node-contents";
import { nodeOutline, parseOutline } from "./outline";
import type { ExportTree } from "./types";

const LINE_FORMATS: LineFormat[] = ["train_messages", "toolllama", "openai", "sharegpt", "retriever", "dpo"];

/** The trees of every answer file in the datasets (DFSDT, CoT and ToolEval-converted). */
function datasetTrees(): { name: string; tree: ExportTree }[] {
  const out: { name: string; tree: ExportTree }[] = [];
  const files = [...datasetFiles("toolbench"), ...datasetFiles("stabletoolbench")].filter((f) => /answer|converted/i.test(f));
  for (const rel of files) {
    let parsed;
    try {
      parsed = parseToolBenchFile(readDataset(rel), rel);
    } catch {
      continue;
    }
    if (parsed.kind !== "dfs_answer" && parsed.kind !== "cot_answer" && parsed.kind !== "tooleval_converted") continue;
    parsed.trees.slice(0, 20).forEach((t, i) => out.push({ name: `${rel}#${i}`, tree: exportTreeFromParsed(t, out.length + 1) }));
  }
  return out;
}

/** A tree Arbor grew: give-ups, thought-only replies, hallucinated names, its own diversity wording. */
const generatedTree = async (): Promise<ExportTree> => (await generatedExportTree(BRANCHING_SCRIPT, 9001)).tree;

/** The tree as an export loads it for `format`: its outline text read back, then the named nodes with their text. */
function outlined(tree: ExportTree, format: LineFormat | "parquet"): ExportTree {
  const t: ExportTree = { ...tree, nodes: parseOutline(nodeOutline(tree.nodes)) };
  for (const idx of contentNodes(format, t)) {
    const n = tree.nodes[idx]!;
    t.nodes[idx] = withText(t.nodes[idx]!, { text: n.text, functionName: n.functionName ?? null, observation: n.observation ?? null, expandNum: n.expandNum, meta: n.meta ?? null });
  }
  return t;
}

/** The tree with each of its nodes as the training path's end (and with none). */
function everyLeaf(tree: ExportTree): ExportTree[] {
  return [tree, { ...tree, chosenNodeIdx: null }, ...tree.nodes.map((n) => ({ ...tree, chosenNodeIdx: n.idx }))];
}

function expectSameExports(tree: ExportTree, name: string): void {
  for (const format of LINE_FORMATS) {
    expect(linesOf(format, outlined(tree, format)), `${name} ${format}`).toEqual(linesOf(format, tree));
  }
  expect(parquetRow(outlined(tree, "parquet")), `${name} parquet`).toEqual(parquetRow(tree));
}

describe("trees loaded as outlines with only the nodes the format reads", () => {
  const trees = datasetTrees();

  it("finds answer files of each kind", () => {
    expect(trees.length).toBeGreaterThanOrEqual(10);
    expect(new Set(trees.map((t) => t.tree.method))).toEqual(new Set(["dfsdt", "react"]));
  });

  it("export exactly as whole trees do, whichever node ends the training path", () => {
    for (const { name, tree } of trees) {
      for (const variant of everyLeaf(tree)) expectSameExports(variant, `${name} leaf ${variant.chosenNodeIdx}`);
      // retriever pairs read the path only without the instruction's API list
      expectSameExports({ ...tree, relevantApis: [["SEO API", "Search"]], sampledApis: [{ category: "Data", tool: "SEO API", api: "Search" }] }, `${name} with relevant APIs`);
    }
  });

  it("export exactly as whole trees do for trees Arbor grew", async () => {
    const tree = await generatedTree();
    expect(tree.nodes.some((n) => typeof n.meta?.expansion === "number")).toBe(true);
    for (const variant of everyLeaf(tree)) expectSameExports(variant, `generated leaf ${variant.chosenNodeIdx}`);
  });

  it("read far fewer nodes than the whole tree", () => {
    let read = 0;
    let all = 0;
    for (const { tree } of trees) {
      read += contentNodes("train_messages", tree).length;
      all += tree.nodes.length;
    }
    expect(read).toBeLessThan(all * 0.6);
  });

  it("fail loudly when a format reads a node it was not given", () => {
    const { tree } = trees.find((t) => t.tree.chosenNodeIdx !== null && t.tree.method === "dfsdt")!;
    const bare: ExportTree = { ...tree, nodes: outlined(tree, "openai").nodes.map((n) => outlineNode({ ...n, observationCode: n.observationCode ?? null })) };
    expect(() => linesOf("openai", bare)).toThrow(/was loaded without its/);
  });
});

describe("JSONL lines", () => {
  it("are each record as JSON.stringify writes it", async () => {
    for (const tree of [...datasetTrees().map((t) => t.tree), await generatedTree()]) {
      for (const format of LINE_FORMATS) expect(linesOf(format, tree), format).toEqual(recordsOf(format, tree).map((r) => JSON.stringify(r)));
    }
  });
});
