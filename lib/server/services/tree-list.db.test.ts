import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { treeListFilter, type TreeListFilterInput } from "@/lib/core/schemas/trees";
import { prisma } from "@/lib/server/db/client";
import { seedCategory, seedInstruction, seedTree, type SeedNode } from "@/lib/test/seed";
import { createTestDatabase, type TestDatabase } from "@/lib/test/test-database";
import { findTreeListIds } from "../repositories/tree-list";
import { getTreeFacets, listTreePage, toTreeListQuery, type TreeListOptions } from "./tree-list";

let db: TestDatabase;
const t: Record<string, number> = {};
const user: Record<string, number> = {};
const run: Record<string, number> = {};
const tool: Record<string, number> = {};

const page = (input: TreeListFilterInput, options?: TreeListOptions) => listTreePage(treeListFilter.parse(input), options);
const ids = async (input: TreeListFilterInput) => (await page(input)).items.map((i) => i.id);
const names = async (input: TreeListFilterInput) => (await ids(input)).map((id) => Object.keys(t).find((k) => t[k] === id));

const twoNodes: SeedNode[] = [
  { parentIdx: null, type: "ActionInput", text: "" },
  { parentIdx: 0, type: "Action", text: "Finish", functionName: "Finish" },
];

type TreeAttrs = Parameters<ReturnType<typeof prisma>["tree"]["update"]>[0]["data"];

/** A tree with the list's columns set as given (the seed helper derives them from nodes). */
async function seedListTree(instructionId: number, attrs: TreeAttrs): Promise<number> {
  const id = await seedTree({ instructionId, nodes: twoNodes });
  await prisma().tree.update({ where: { id }, data: attrs });
  return id;
}

async function review(tree: string, reviewer: string, verdict: "approve" | "reject" | "needs_fix", state: { superseded?: boolean; undone?: boolean } = {}) {
  await prisma().review.create({
    data: { treeId: t[tree]!, reviewerId: user[reviewer]!, verdict, supersededAt: state.superseded ? new Date() : null, undoneAt: state.undone ? new Date() : null },
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  const logistics = await seedCategory("Logistics", [{ name: "SQUAKE" }, { name: "Transportistas de Argentina" }]);
  const finance = await seedCategory("Finance", [{ name: "Stocks" }]);
  tool.squake = logistics.tools["SQUAKE"]!.id;
  tool.argentina = logistics.tools["Transportistas de Argentina"]!.id;
  tool.stocks = finance.tools["Stocks"]!.id;
  run.release = (await prisma().run.create({ data: { kind: "import", title: "Import of the release" } })).id;
  run.solve = (await prisma().run.create({ data: { kind: "solve", title: "Solve run" } })).id;
  for (const name of ["alice", "bob", "carol"]) user[name] = (await prisma().user.create({ data: { email: `${name}@arbor.test`, name, role: "reviewer" } })).id;

  const iA = await seedInstruction({ query: "Check the health of the SQUAKE API.", categoryIds: [logistics.id], toolIds: [tool.squake], externalId: "1" });
  const iB = await seedInstruction({ query: "I need to track a package sent through Correo Argentino.", categoryIds: [logistics.id], toolIds: [tool.argentina], externalId: "5" });
  const iC = await seedInstruction({ group: "G2", query: "What is the stock price of Apple, and the carbon footprint of my trip?", categoryIds: [finance.id, logistics.id], toolIds: [tool.squake, tool.stocks] });
  const iD = await seedInstruction({ group: "G3", query: "Summarize the weather forecast for Paris.", categoryIds: [finance.id], toolIds: [tool.stocks] });

  const base = { method: "dfsdt", methodLabel: "DFS_woFilter_w2", model: "ChatGPT", validData: true, finishType: "give_answer", hallucinatedCount: 0, apiErrorCount: 0, giveUpCount: 0 } as const;
  t.t1 = await seedListTree(iA, { ...base, size: 10, maxDepth: 3, queryCount: 4, runId: run.release, reviewStatus: "approved", finalAnswer: "The SQUAKE API is healthy." });
  t.t2 = await seedListTree(iB, { ...base, finishType: "give_up", size: 40, maxDepth: 8, queryCount: 12, hallucinatedCount: 1, apiErrorCount: 2, giveUpCount: 1, runId: run.release, reviewStatus: "rejected" });
  t.t3 = await seedListTree(iB, { ...base, method: "react", methodLabel: "CoT@1", model: "GPT4", validData: false, finishType: null, size: 7, maxDepth: 6, queryCount: 2, apiErrorCount: 1, runId: run.solve, finalAnswer: "Your parcel is in transit to Buenos Aires." });
  t.t4 = await seedListTree(iC, { ...base, method: "dfs", methodLabel: "DFS_w2", model: "GPT4", size: 83, maxDepth: 12, queryCount: 30, hallucinatedCount: 2, reviewStatus: "needs_fix", finalAnswer: "Apple trades at 190 dollars; the trip emits 2 tonnes." });
  t.t5 = await seedListTree(iD, { ...base, model: null, finishType: "give_up", size: 25, maxDepth: 5, queryCount: 9, giveUpCount: 3, runId: run.solve, reviewStatus: "in_review" });
  t.t6 = await seedListTree(iA, { ...base, method: "other", methodLabel: "custom", validData: false, size: 12, maxDepth: 4, queryCount: 4, apiErrorCount: 5, runId: run.release, finalAnswer: "Health check failed with a timeout." });

  await review("t1", "alice", "approve");
  await review("t2", "alice", "reject");
  await review("t4", "alice", "needs_fix", { superseded: true }); // revised away, nothing current
  await review("t4", "bob", "needs_fix");
  await review("t1", "bob", "approve", { undone: true }); // undone with its bulk action
  await review("t5", "bob", "approve");
  await review("t6", "carol", "reject", { superseded: true });
  await review("t6", "carol", "approve");
});
afterAll(async () => {
  await db.drop();
});

describe("listTreePage", () => {
  it("lists every tree newest first with an exact total and the list columns", async () => {
    const r = await page({});
    expect(r.items.map((i) => i.id)).toEqual([t.t6, t.t5, t.t4, t.t3, t.t2, t.t1]);
    expect(r).toMatchObject({ total: 6, totalKind: "exact", pageCount: 1, page: 1, pageSize: 50, hasNextPage: false });
    expect(r.items[3]).toEqual({
      id: t.t3, instructionId: expect.any(Number), group: "G1", externalId: "5", query: "I need to track a package sent through Correo Argentino.",
      finalAnswer: "Your parcel is in transit to Buenos Aires.", method: "react", methodLabel: "CoT@1", model: "GPT4", finishType: null, validData: false,
      size: 7, maxDepth: 6, queryCount: 2, hallucinatedCount: 0, apiErrorCount: 1, giveUpCount: 0, reviewStatus: "unreviewed", reviewCount: 0, passVerdict: null,
    });
  });

  it("lists oldest first", async () => {
    expect(await names({ dir: "asc" })).toEqual(["t1", "t2", "t3", "t4", "t5", "t6"]);
  });

  it("filters by the tree's own columns", async () => {
    expect(await names({ group: "G1" })).toEqual(["t6", "t3", "t2", "t1"]);
    expect(await names({ method: "react" })).toEqual(["t3"]);
    expect(await names({ method: "dfs" })).toEqual(["t4"]);
    expect(await names({ model: "GPT4" })).toEqual(["t4", "t3"]);
    expect(await names({ run: run.solve })).toEqual(["t5", "t3"]);
    expect(await names({ finish: "give_up" })).toEqual(["t5", "t2"]);
    expect(await names({ finish: "none" })).toEqual(["t3"]);
    expect(await names({ valid: "no" })).toEqual(["t6", "t3"]);
    expect(await names({ valid: "yes" })).toEqual(["t5", "t4", "t2", "t1"]);
    expect(await names({ status: "approved" })).toEqual(["t1"]);
    expect(await names({ status: "in_review" })).toEqual(["t5"]);
  });

  it("filters by error codes present or absent", async () => {
    expect(await names({ hallucinated: "yes" })).toEqual(["t4", "t2"]);
    expect(await names({ hallucinated: "no" })).toEqual(["t6", "t5", "t3", "t1"]);
    expect(await names({ apiError: "yes" })).toEqual(["t6", "t3", "t2"]);
    expect(await names({ giveUp: "yes" })).toEqual(["t5", "t2"]);
    expect(await names({ giveUp: "no", apiError: "no" })).toEqual(["t4", "t1"]);
  });

  it("filters by size and depth ranges, bounds included", async () => {
    expect(await names({ sizeMin: 10, sizeMax: 40 })).toEqual(["t6", "t5", "t2", "t1"]);
    expect(await names({ sizeMin: 50 })).toEqual(["t4"]);
    expect(await names({ sizeMax: 7 })).toEqual(["t3"]);
    expect(await names({ depthMin: 6, depthMax: 8 })).toEqual(["t3", "t2"]);
  });

  it("filters by category and tool through the instruction; an unknown category matches nothing", async () => {
    expect(await names({ category: "Finance" })).toEqual(["t5", "t4"]);
    expect(await names({ category: "Logistics" })).toEqual(["t6", "t4", "t3", "t2", "t1"]);
    expect((await page({ category: "Nowhere" })).total).toBe(0);
    expect(await names({ tool: tool.argentina })).toEqual(["t3", "t2"]);
    expect(await names({ tool: tool.stocks })).toEqual(["t5", "t4"]);
    expect(await names({ tool: tool.squake, group: "G1" })).toEqual(["t6", "t1"]);
  });

  it("filters by reviewer on current reviews only (not superseded, not undone)", async () => {
    expect(await names({ reviewer: user.alice })).toEqual(["t2", "t1"]);
    expect(await names({ reviewer: user.bob })).toEqual(["t5", "t4"]);
    expect(await names({ reviewer: user.carol })).toEqual(["t6"]);
    expect(await names({ reviewer: user.bob, status: "needs_fix" })).toEqual(["t4"]);
  });

  it("searches the instruction's query and the final answer, each tree once", async () => {
    expect(await names({ q: "package" })).toEqual(["t3", "t2"]); // query only
    expect(await names({ q: "parcel" })).toEqual(["t3"]); // final answer only
    expect(await names({ q: "squake" })).toEqual(["t6", "t1"]); // t1 matches in both
    expect(await names({ q: "health" })).toEqual(["t6", "t1"]); // t1 by its query, t6 by both
    expect(await names({ q: "healthy" })).toEqual(["t1"]); // "healthy" stems apart from "health"
    expect(await names({ q: "timeouts" })).toEqual(["t6"]); // stemmed: timeouts, timeout
    expect(await names({ q: '"stock price"' })).toEqual(["t4"]);
    expect(await names({ q: '"price stock"' })).toEqual([]);
    expect(await names({ q: "forecast -paris" })).toEqual([]);
    expect(await names({ q: "package", status: "rejected" })).toEqual(["t2"]);
    expect((await page({ q: "zebra" })).total).toBe(0);
  });

  it("counts a search's matches exactly, also past its last page", async () => {
    expect(await page({ q: "squake", pageSize: 1 })).toMatchObject({ items: [{ id: t.t6 }], total: 2, totalKind: "exact", pageCount: 2, hasNextPage: true });
    expect(await page({ q: "squake", pageSize: 1, page: 2 })).toMatchObject({ items: [{ id: t.t1 }], total: 2, hasNextPage: false });
    expect(await page({ q: "squake", pageSize: 1, page: 3 })).toMatchObject({ items: [], total: 2, totalKind: "exact", pageCount: 2 });
    expect(await page({ q: "package", valid: "no", page: 2 })).toMatchObject({ items: [], total: 1 });
  });

  it("finds the same trees when a search is too common to resolve and is checked row by row, with an estimated total", async () => {
    const streamed = async (input: TreeListFilterInput) => (await page(input, { textMatchLimit: 0 })).items.map((i) => i.id);
    for (const q of ["package", "parcel", "squake", "health", '"stock price"', "forecast -paris"]) {
      expect(await streamed({ q }), q).toEqual(await ids({ q }));
    }
    expect(await streamed({ q: "package", sort: "size" })).toEqual([t.t2, t.t3]);
    expect(await streamed({ q: "squake", group: "G1", valid: "no" })).toEqual([t.t6]);
    const r = await page({ q: "squake" }, { textMatchLimit: 0 });
    expect(r).toMatchObject({ totalKind: "estimate", pageCount: null, hasNextPage: false });
    expect(r.total).toBeGreaterThanOrEqual(2);
    expect(await page({ q: "zebra" }, { textMatchLimit: 0 })).toMatchObject({ items: [], total: 0, totalKind: "exact" });
  });

  it("mixes a side resolved to ids with a side checked row by row", async () => {
    const mixed = (text: string, answerTreeIds: number[] | null, queryTreeIds: number[] | null) =>
      findTreeListIds(toTreeListQuery(treeListFilter.parse({}), { text: { text, answerTreeIds, queryTreeIds, answerShare: 0.5, queryShare: 0.5 } }), { offset: 0, limit: 10 });
    expect(await mixed("squake", [t.t1!], null)).toEqual([t.t6, t.t1]);
    expect(await mixed("parcel", [t.t3!], null)).toEqual([t.t3]);
    expect(await mixed("package", null, [t.t2!, t.t3!])).toEqual([t.t3, t.t2]);
  });

  it("combines filters", async () => {
    expect(await names({ group: "G1", valid: "no", apiError: "yes" })).toEqual(["t6", "t3"]);
    expect(await names({ model: "ChatGPT", status: "unreviewed" })).toEqual(["t6"]);
    expect(await names({ category: "Logistics", hallucinated: "yes" })).toEqual(["t4", "t2"]);
    expect(await names({ q: "apple", tool: tool.stocks, sizeMin: 80 })).toEqual(["t4"]);
  });

  it("sorts by size, depth, LLM calls and errors, ties broken by id in the same direction", async () => {
    expect(await names({ sort: "size" })).toEqual(["t4", "t2", "t5", "t6", "t1", "t3"]);
    expect(await names({ sort: "size", dir: "asc" })).toEqual(["t3", "t1", "t6", "t5", "t2", "t4"]);
    expect(await names({ sort: "depth" })).toEqual(["t4", "t2", "t3", "t5", "t6", "t1"]);
    expect(await names({ sort: "calls" })).toEqual(["t4", "t2", "t5", "t6", "t1", "t3"]);
    expect(await names({ sort: "calls", dir: "asc" })).toEqual(["t3", "t1", "t6", "t5", "t2", "t4"]);
    expect(await names({ sort: "errors" })).toEqual(["t6", "t2", "t5", "t4", "t3", "t1"]);
    expect(await names({ sort: "errors", group: "G1", dir: "asc" })).toEqual(["t1", "t3", "t2", "t6"]);
  });

  it("pages with totals, and says when a page is past the end", async () => {
    const first = await page({ pageSize: 2 });
    expect(first.items.map((i) => i.id)).toEqual([t.t6, t.t5]);
    expect(first).toMatchObject({ total: 6, totalKind: "exact", pageCount: 3, hasNextPage: true });
    const last = await page({ pageSize: 2, page: 3 });
    expect(last.items.map((i) => i.id)).toEqual([t.t2, t.t1]);
    expect(last.hasNextPage).toBe(false);
    const past = await page({ pageSize: 2, page: 4 });
    expect(past).toMatchObject({ items: [], total: 6, pageCount: 3 });
    const filtered = await page({ group: "G1", pageSize: 3, page: 2 });
    expect(filtered.items.map((i) => i.id)).toEqual([t.t1]);
    expect(filtered).toMatchObject({ total: 4, pageCount: 2 });
  });

  it("stops counting a filtered list at the cap and says so", async () => {
    const capped = await page({ group: "G1", pageSize: 2 }, { countCap: 3 });
    expect(capped).toMatchObject({ total: 3, totalKind: "atLeast", pageCount: null, hasNextPage: true });
    expect(capped.items.map((i) => i.id)).toEqual([t.t6, t.t3]);
    expect(await page({ group: "G1", page: 2, pageSize: 2 }, { countCap: 3 })).toMatchObject({ totalKind: "atLeast", hasNextPage: false });
    expect(await page({ group: "G1" }, { countCap: 4 })).toMatchObject({ total: 4, totalKind: "exact", pageCount: 1 });
    // the unfiltered list is always counted exactly
    expect(await page({ pageSize: 2 }, { countCap: 3 })).toMatchObject({ total: 6, totalKind: "exact", pageCount: 3 });
  });
});

describe("getTreeFacets", () => {
  it("counts trees by group, model and run, and current reviews by reviewer", async () => {
    const f = await getTreeFacets();
    expect(f.groups).toEqual([
      { value: "G1", count: 4 },
      { value: "G2", count: 1 },
      { value: "G3", count: 1 },
    ]);
    expect(f.models).toEqual([
      { value: "ChatGPT", count: 3 },
      { value: "GPT4", count: 2 },
    ]);
    expect(f.runs).toEqual([
      { id: run.solve, kind: "solve", title: "Solve run", treeCount: 2 },
      { id: run.release, kind: "import", title: "Import of the release", treeCount: 3 },
    ]);
    expect(f.reviewers).toEqual([
      { id: user.alice, name: "alice", treeCount: 2 },
      { id: user.bob, name: "bob", treeCount: 2 },
      { id: user.carol, name: "carol", treeCount: 1 },
    ]);
  });
});
