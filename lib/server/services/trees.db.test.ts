// The tree viewer's read of real imported answer files: every node in pre-order with its flags, the
// instruction, and catalog APIs with their parameters.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/core/errors";
import { NODE_FLAG } from "@/lib/core/tree-view/tree-model";
import { pool } from "@/lib/server/db/pool";
import { datasetsDir, readDatasetJson } from "@/lib/test/datasets";
import { createTestDatabase, type TestDatabase } from "@/lib/test/test-database";
import { expandInputs, importFiles } from "./import-files";
import { getTreeHeading, getTreeView } from "./trees";

/* eslint-disable @typescript-eslint/no-explicit-any -- raw answer-file JSON is walked freely here */

const ANSWER_57 = "toolbench/answer/G1_answer/57_ChatGPT_DFS_woFilter_w2.json";
const ANSWER_G2_10 = "toolbench/answer/G2_answer/10_ChatGPT_DFS_woFilter_w2.json";

let db: TestDatabase;
const treeIds: Record<string, number> = {};

/** The nodes of an answer file in pre-order, read straight from its JSON (independently of the importer). */
function rawNodes(rel: string): any[] {
  const out: any[] = [];
  const walk = (n: any) => {
    out.push(n);
    for (const c of n.children) walk(c);
  };
  walk(readDatasetJson<any>(rel).tree.tree);
  return out;
}

beforeAll(async () => {
  db = await createTestDatabase();
  // folders, not loose files: ToolBench keeps the group in the folder name (G1_answer)
  const files = ["toolbench/answer", "toolbench/instruction/G2_query.json"].map((rel) => path.join(datasetsDir(), rel));
  const summary = await importFiles(expandInputs(files).files);
  expect(summary.errors).toEqual([]);
  const rows = (await pool().query<{ id: number; sourceFile: string }>(`select id, "sourceFile" from "Tree"`)).rows;
  for (const rel of [ANSWER_57, ANSWER_G2_10]) treeIds[rel] = rows.find((r) => r.sourceFile.endsWith(rel.replace(/^toolbench\/answer\//, "")))!.id;
});
afterAll(async () => {
  await db.drop();
});

describe("getTreeView", () => {
  it("returns every node of a real DFSDT tree in pre-order, as the file holds them", async () => {
    const view = await getTreeView(treeIds[ANSWER_57]!);
    const raw = rawNodes(ANSWER_57);
    expect(raw).toHaveLength(26);
    const types: Record<string, string> = { Thought: "Thought", Action: "Action", "Action Input": "ActionInput" };
    expect(view.nodes.type).toEqual(raw.map((n) => types[n.node_type]));
    expect(view.nodes.text).toEqual(raw.map((n) => n.description));
    expect(view.nodes.observation).toEqual(raw.map((n) => n.observation ?? null));
    expect(view.nodes.observationCode).toEqual(raw.map((n) => n.observation_code ?? null));
    expect(view.nodes.expandNum).toEqual(raw.map((n) => n.expand_num));
    expect(view.nodes.flags).toEqual(raw.map((n) => (n.pruned ? NODE_FLAG.pruned : 0) | (n.finished ? NODE_FLAG.finished : 0) | (n.is_terminal ? NODE_FLAG.terminal : 0)));
    // parents by position in the file's pre-order
    const parents = new Map<any, number>();
    raw.forEach((n, i) => n.children.forEach((c: any) => parents.set(c, i)));
    expect(view.nodes.parentIdx).toEqual(raw.map((n) => parents.get(n) ?? null));
    expect(view.nodes.functionName.slice(0, 4)).toEqual([null, "products_for_seo_api", "products_for_seo_api", "news_for_seo_api"]);
  });

  it("carries the flags a viewer draws: pruned and give-up leaves, finished nodes, the chosen node", async () => {
    const { nodes, tree } = await getTreeView(treeIds[ANSWER_57]!);
    const withFlag = (flag: number) => nodes.flags.flatMap((f, i) => ((f & flag) !== 0 ? [i] : []));
    expect(withFlag(NODE_FLAG.pruned)).toEqual([9, 16, 19]);
    expect(withFlag(NODE_FLAG.finished)).toEqual([4, 20, 21, 22, 23, 24, 25]);
    expect(nodes.observationCode[9]).toBe(4);
    expect(nodes.observationCode[4]).toBe(11);
    expect(nodes.observationCode[25]).toBe(3);
    expect(tree).toMatchObject({ size: 26, method: "dfsdt", methodLabel: "DFS_woFilter_w2", validData: true, finishType: "give_answer", chosenNodeIdx: 25, giveUpCount: 1, apiErrorCount: 1 });
  });

  it("includes the instruction, the system prompt and the functions offered to the model", async () => {
    const view = await getTreeView(treeIds[ANSWER_57]!);
    const file = readDatasetJson<any>(ANSWER_57).answer_generation;
    expect(view.instruction).toMatchObject({ group: "G1", externalId: "57", query: file.query });
    expect(view.tree.systemPrompt).toBe(file.train_messages[0][0].content);
    expect(view.functions.map((f) => f.name)).toEqual(file.function.map((f: any) => f.name));
    expect(view.functions.find((f) => f.name === "products_for_seo_api")?.parameters).toEqual([{ name: "query", type: "string", required: true }]);
    // none of its functions is in the catalog these files build
    expect(view.apis).toEqual([]);
  });

  it("links called functions to catalog APIs with parameters as the model saw them, preferring the instruction's own", async () => {
    const view = await getTreeView(treeIds[ANSWER_G2_10]!);
    expect(view.nodes.type).toHaveLength(83);
    expect(view.tree).toMatchObject({ size: 83, finishType: "give_up" });
    expect(view.nodes.observationCode[view.tree.chosenNodeIdx!]).toBe(4);
    expect(view.apis).toEqual([
      expect.objectContaining({ functionName: "il_for_turkey_postal_codes", apiName: "il", toolName: "Turkey Postal Codes", linked: true, parameters: [{ name: "il", type: "integer", required: true }] }),
    ]);
  });

  it("throws NotFoundError for an unknown tree", async () => {
    await expect(getTreeView(999_999)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getTreeHeading(999_999)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("getTreeHeading", () => {
  it("names the tree and its instruction", async () => {
    expect(await getTreeHeading(treeIds[ANSWER_57]!)).toMatchObject({ methodLabel: "DFS_woFilter_w2", instructionGroup: "G1", instructionExternalId: "57" });
  });
});
