import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { instructionListFilter, type InstructionListFilterInput } from "@/lib/core/schemas/instructions";
import { seedCategory, seedInstruction, seedRun, seedTree, type SeedNode } from "@/lib/test/seed";
import { createTestDatabase, type TestDatabase } from "@/lib/test/test-database";
import { getInstructionFacets, listInstructionPage, listSourceSuggestions } from "./instructions";

let db: TestDatabase;
const ids: Record<string, number> = {};
let squakeId: number;
let argentinaId: number;
let runId: number;

const page = (input: InstructionListFilterInput) => listInstructionPage(instructionListFilter.parse(input));
const queries = async (input: InstructionListFilterInput) => (await page(input)).items.map((i) => i.query);

const twoNodes: SeedNode[] = [
  { parentIdx: null, type: "ActionInput", text: "" },
  { parentIdx: 0, type: "Action", text: "Finish", functionName: "Finish" },
];

beforeAll(async () => {
  db = await createTestDatabase();
  const logistics = await seedCategory("Logistics", [{ name: "SQUAKE" }, { name: "Transportistas de Argentina" }]);
  const finance = await seedCategory("Finance", [{ name: "Stocks" }]);
  squakeId = logistics.tools["SQUAKE"]!.id;
  argentinaId = logistics.tools["Transportistas de Argentina"]!.id;
  runId = await seedRun("I1 batch");
  const l = { categoryIds: [logistics.id] };
  ids.health = await seedInstruction({ ...l, query: "Check the health of the SQUAKE API.", toolIds: [squakeId], sourceFile: "toolbench/instruction/G1_query.json", externalId: "1" });
  ids.tracking = await seedInstruction({ ...l, query: "I need to track a package sent through Correo Argentino.", toolIds: [argentinaId], sourceFile: "toolbench/instruction/G1_query.json", externalId: "5" });
  ids.both = await seedInstruction({ ...l, group: "G2", query: "Track my parcel and list SQUAKE projects.", toolIds: [squakeId, argentinaId], sourceFile: "toolbench/instruction/G2_query.json" });
  ids.stocks = await seedInstruction({ group: "G3", query: "What is the stock price of Apple?", categoryIds: [finance.id, logistics.id], toolIds: [finance.tools["Stocks"]!.id, squakeId], sourceFile: "toolbench/instruction/G3_query.json" });
  ids.generated = await seedInstruction({ group: "I1", query: "Find carbon offset projects for a trip.", generationRunId: runId, toolIds: [squakeId], categoryIds: [logistics.id] });
  await seedTree({ instructionId: ids.tracking, nodes: twoNodes });
  await seedTree({ instructionId: ids.tracking, nodes: twoNodes, method: "react", methodLabel: "CoT@1" });
  await seedTree({ instructionId: ids.stocks, nodes: twoNodes });
});
afterAll(async () => {
  await db.drop();
});

describe("listInstructionPage", () => {
  it("lists everything by id with the total, tree counts and category names", async () => {
    const r = await page({});
    expect(r.total).toBe(5);
    expect(r.pageCount).toBe(1);
    expect(r.items.map((i) => i.id)).toEqual([ids.health, ids.tracking, ids.both, ids.stocks, ids.generated]);
    expect(r.items[1]).toMatchObject({ group: "G1", externalId: "5", treeCount: 2, categories: ["Logistics"], origin: "imported" });
    expect(r.items[3]).toMatchObject({ categories: ["Finance", "Logistics"], treeCount: 1 });
  });

  it("filters by group", async () => {
    expect(await queries({ group: "G2" })).toEqual(["Track my parcel and list SQUAKE projects."]);
  });

  it("filters by category standardized name, and an unknown category matches nothing", async () => {
    expect((await page({ category: "Finance" })).items.map((i) => i.id)).toEqual([ids.stocks]);
    expect((await page({ category: "Logistics" })).total).toBe(5);
    expect((await page({ category: "Nowhere" })).total).toBe(0);
  });

  it("filters by tool", async () => {
    expect((await page({ tool: argentinaId })).items.map((i) => i.id)).toEqual([ids.tracking, ids.both]);
    expect((await page({ tool: squakeId, group: "G1" })).items.map((i) => i.id)).toEqual([ids.health]);
  });

  it("filters by source file and by generation run", async () => {
    expect((await page({ source: "toolbench/instruction/G1_query.json" })).items.map((i) => i.id)).toEqual([ids.health, ids.tracking]);
    expect((await page({ run: runId })).items.map((i) => [i.id, i.origin])).toEqual([[ids.generated, "generated"]]);
  });

  it("filters by whether an instruction has trees", async () => {
    expect((await page({ hasTree: "yes" })).items.map((i) => i.id)).toEqual([ids.tracking, ids.stocks]);
    expect((await page({ hasTree: "no" })).items.map((i) => i.id)).toEqual([ids.health, ids.both, ids.generated]);
  });

  it("searches the query text with stemming and websearch syntax", async () => {
    expect((await page({ q: "tracking" })).items.map((i) => i.id).sort()).toEqual([ids.tracking, ids.both].sort());
    expect((await page({ q: "track -parcel" })).items.map((i) => i.id)).toEqual([ids.tracking]);
    expect((await page({ q: '"stock price"' })).items.map((i) => i.id)).toEqual([ids.stocks]);
    expect((await page({ q: "zebra" })).total).toBe(0);
  });

  it("combines filters", async () => {
    expect((await page({ q: "projects", tool: squakeId, hasTree: "no", group: "G2" })).items.map((i) => i.id)).toEqual([ids.both]);
  });

  it("pages with a stable order and the full total", async () => {
    const second = await page({ page: 2, pageSize: 2 });
    expect(second).toMatchObject({ total: 5, page: 2, pageSize: 2, pageCount: 3 });
    expect(second.items.map((i) => i.id)).toEqual([ids.both, ids.stocks]);
    const last = await page({ page: 3, pageSize: 2 });
    expect(last.items.map((i) => i.id)).toEqual([ids.generated]);
    const beyond = await page({ page: 9, pageSize: 2 });
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(5);
  });
});

describe("getInstructionFacets", () => {
  it("counts groups and instructions per category, and lists generation runs", async () => {
    const f = await getInstructionFacets();
    expect(f.groups).toEqual([
      { value: "G1", count: 2 },
      { value: "G2", count: 1 },
      { value: "G3", count: 1 },
      { value: "I1", count: 1 },
    ]);
    expect(f.categories).toEqual([
      { standardizedName: "Finance", name: "Finance", instructionCount: 1 },
      { standardizedName: "Logistics", name: "Logistics", instructionCount: 5 },
    ]);
    expect(f.runs).toEqual([{ id: runId, title: "I1 batch", instructionCount: 1 }]);
  });
});

describe("listSourceSuggestions", () => {
  it("lists source files by instruction count, optionally matching text", async () => {
    expect(await listSourceSuggestions({ limit: 10 })).toEqual([
      { sourceFile: "toolbench/instruction/G1_query.json", count: 2 },
      { sourceFile: "toolbench/instruction/G2_query.json", count: 1 },
      { sourceFile: "toolbench/instruction/G3_query.json", count: 1 },
    ]);
    expect(await listSourceSuggestions({ q: "g3", limit: 10 })).toEqual([{ sourceFile: "toolbench/instruction/G3_query.json", count: 1 }]);
  });
});
