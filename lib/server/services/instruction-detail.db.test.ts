import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/core/errors";
import { seedCategory, seedInstruction, seedTree, type SeedNode } from "@/lib/test/seed";
import { createTestDatabase, type TestDatabase } from "@/lib/test/test-database";
import { getInstructionDetail } from "./instruction-detail";

let db: TestDatabase;
let apiIds: Record<string, number>;
let instructionId: number;
let answerOnlyId: number;
let dfsTreeId: number;
let invalidTreeId: number;

// Pre-order, with an abandoned branch (idx 5–7) before the chosen one (idx 8–11), as in
// toolbench/answer/G1_answer/57_ChatGPT_DFS_woFilter_w2.json.
const dfsNodes: SeedNode[] = [
  { parentIdx: null, type: "ActionInput", text: "" },
  { parentIdx: 0, type: "Action", text: "products_for_seo_api", functionName: "products_for_seo_api" },
  { parentIdx: 1, type: "ActionInput", text: '{\n  "query": "latest iPhone 14"\n}', functionName: "products_for_seo_api", observation: '{"error": "", "response": "phones"}', observationCode: 0 },
  { parentIdx: 2, type: "Action", text: "news_for_seo_api", functionName: "news_for_seo_api" },
  { parentIdx: 3, type: "ActionInput", text: '{"query": "iPhone 14"}', functionName: "news_for_seo_api", observation: '{"error": "Message error..."}', observationCode: 11 },
  { parentIdx: 4, type: "Thought", text: "Abandoned idea" },
  { parentIdx: 5, type: "Action", text: "Finish", functionName: "Finish" },
  { parentIdx: 6, type: "ActionInput", text: '{"return_type": "give_up_and_restart"}', functionName: "Finish", observationCode: 4 },
  { parentIdx: 4, type: "Thought", text: "Search the web instead." },
  { parentIdx: 8, type: "Action", text: "search_for_seo_api", functionName: "search_for_seo_api" },
  { parentIdx: 9, type: "ActionInput", text: '{"query": "iPhone 14 news"}', functionName: "search_for_seo_api", observation: "{}", observationCode: 0 },
  { parentIdx: 10, type: "Action", text: "Finish", functionName: "Finish" },
  { parentIdx: 11, type: "ActionInput", text: '{"return_type": "give_answer", "final_answer": "Here it is"}', functionName: "Finish", observationCode: 3 },
];

beforeAll(async () => {
  db = await createTestDatabase();
  const logistics = await seedCategory("Logistics", [
    { name: "SQUAKE", apis: [{ name: "Checkhealth" }, { name: "Projects" }, { name: "Calculate" }] },
  ]);
  const data = await seedCategory("Data", [{ name: "SEO API", apis: [{ name: "products" }, { name: "search" }] }]);
  apiIds = { ...logistics.tools["SQUAKE"]!.apiIds, ...data.tools["SEO API"]!.apiIds };
  instructionId = await seedInstruction({
    query: "Check the health of SQUAKE and list its projects.",
    externalId: "1",
    sampledApis: [
      { category: "Logistics", tool: "SQUAKE", api: "Checkhealth" },
      { category: "Logistics", tool: "SQUAKE", api: "Projects" },
      { category: "Logistics", tool: "SQUAKE", api: "Missing From Catalog" },
    ],
    relevantApis: [["SQUAKE", "Projects"]],
    // Calculate is linked in the database but not in the sampled list
    links: [[apiIds["Calculate"]!, false]],
  });
  answerOnlyId = await seedInstruction({
    query: "I'm interested in learning more about the latest products in the market.",
    externalId: "57",
    functionNames: ["products_for_seo_api", "search_for_seo_api", "unknown_for_nowhere", "Finish"],
  });
  dfsTreeId = await seedTree({ instructionId: answerOnlyId, nodes: dfsNodes, chosenNodeIdx: 12 });
  invalidTreeId = await seedTree({ instructionId: answerOnlyId, nodes: dfsNodes.slice(0, 5), validData: false, chosenNodeIdx: null, finishType: "give_answer" });
});
afterAll(async () => {
  await db.drop();
});

describe("getInstructionDetail", () => {
  it("links sampled APIs to the catalog and marks the relevant ones", async () => {
    const d = await getInstructionDetail(instructionId);
    expect(d.instruction).toMatchObject({ id: instructionId, group: "G1", externalId: "1", treeCount: 0 });
    expect(d.apis.map((a) => [a.tool, a.api, a.relevant, a.origin, a.catalog?.apiId ?? null])).toEqual([
      ["SQUAKE", "Checkhealth", false, "sampled", apiIds["Checkhealth"]],
      ["SQUAKE", "Projects", true, "sampled", apiIds["Projects"]],
      ["SQUAKE", "Missing From Catalog", false, "sampled", null],
      ["SQUAKE", "Calculate", false, "linked", apiIds["Calculate"]],
    ]);
    expect(d.relevantApis).toEqual([["SQUAKE", "Projects"]]);
    expect(d.calledFunctions).toEqual([]);
    expect(d.trees).toEqual([]);
  });

  it("links the functions of answer-file instructions to catalog APIs, leaving out Finish", async () => {
    const d = await getInstructionDetail(answerOnlyId);
    expect(d.apis).toEqual([]);
    expect(d.calledFunctions.map((f) => [f.functionName, f.catalog?.apiId ?? null])).toEqual([
      ["products_for_seo_api", apiIds["products"]],
      ["search_for_seo_api", apiIds["search"]],
      ["unknown_for_nowhere", null],
    ]);
  });

  it("reads each tree's chosen path root first, skipping abandoned branches", async () => {
    const d = await getInstructionDetail(answerOnlyId);
    expect(d.instruction.treeCount).toBe(2);
    const dfs = d.trees.find((t) => t.id === dfsTreeId)!;
    expect(dfs).toMatchObject({ method: "dfsdt", methodLabel: "DFS_woFilter_w2", size: 13, maxDepth: 9, validData: true, finishType: "give_answer" });
    expect(dfs.chosenPath?.complete).toBe(true);
    expect(dfs.chosenPath?.nodeCount).toBe(10);
    expect(dfs.chosenPath?.steps.map((s) => [s.thought ?? null, s.functionName, s.observationCode, s.nodeIdxs])).toEqual([
      [null, "products_for_seo_api", 0, [1, 2]],
      [null, "news_for_seo_api", 11, [3, 4]],
      ["Search the web instead.", "search_for_seo_api", 0, [8, 9, 10]],
      [null, "Finish", 3, [11, 12]],
    ]);
    expect(dfs.chosenPath?.steps[0]?.arguments).toBe('{\n  "query": "latest iPhone 14"\n}');
  });

  it("gives trees without a chosen node no path but keeps their size", async () => {
    const d = await getInstructionDetail(answerOnlyId);
    const invalid = d.trees.find((t) => t.id === invalidTreeId)!;
    expect(invalid).toMatchObject({ validData: false, chosenNodeIdx: null, chosenPath: null, size: 5 });
  });

  it("throws NotFoundError for an unknown id", async () => {
    await expect(getInstructionDetail(999_999)).rejects.toBeInstanceOf(NotFoundError);
  });
});
