// API retrieval over a real imported catalog: NDCG by group against the instruction files' relevant
// APIs, recommendations for one instruction, an index that follows catalog changes, and a solve run
// that offers the retrieved APIs instead of the instruction's own.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ndcgAtK } from "@/lib/core/retrieval";
import { startSolveRunInput } from "@/lib/core/schemas/runs";
import { datasetsDir } from "@/lib/test/datasets";
import { offeredFunctions, startFakeOpenAiServer } from "@/lib/test/fake-openai-server";
import { addFakeEndpoint, directAnswer, FORECAST_FN, seedWeatherCatalog, seedWeatherInstructions, sql } from "@/lib/test/run-fixtures";
import { createTestDatabase, type TestDatabase } from "@/lib/test/test-database";
import { expandInputs, importFiles } from "./import-files";
import { evaluateRetrieval, recommendApis, retrieveApiIds } from "./retrieval";
import { startSolveRun } from "./run-launch";
import { workOnRun } from "./run-worker";
import { getRun } from "./runs";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  const root = datasetsDir();
  const summary = await importFiles(expandInputs([path.join(root, "toolbench", "instruction"), path.join(root, "toolbench", "toolenv")]).files);
  expect(summary.errors).toEqual([]);
});
afterAll(async () => {
  await db.drop();
});

describe("API retrieval", () => {
  it("scores NDCG@1 and @5 by group over every instruction with relevant APIs", async () => {
    const expected = await sql<{ group: string; n: number }>(
      `select "group", count(*)::int as n from "Instruction" i where exists (select 1 from "InstructionApi" ia where ia."instructionId" = i.id and ia.relevant) group by "group" order by "group"`,
    );
    expect(expected.length).toBeGreaterThan(0);
    const { scores, catalogApis } = await evaluateRetrieval();
    expect(catalogApis).toBe((await sql<{ n: number }>(`select count(*)::int as n from "Api"`))[0]!.n);
    expect(scores.map((s) => [s.group, s.queries])).toEqual([...expected.map((e) => [e.group, e.n]), ["all", expected.reduce((a, e) => a + e.n, 0)]]);
    for (const s of scores) {
      for (const v of [s.ndcg1, s.ndcg5]) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(100);
      }
    }
    const g1 = await evaluateRetrieval({ groups: ["G1"], limit: 1 });
    expect(g1.scores.map((s) => [s.group, s.queries])).toEqual([["G1", 1], ["all", 1]]);
  });

  it("recommends catalog APIs for an instruction, marking its relevant ones, with the ranking's NDCG", async () => {
    const [i] = await sql<{ id: number }>(`select i.id from "Instruction" i join "InstructionApi" ia on ia."instructionId" = i.id and ia.relevant order by i.id limit 1`);
    const r = await recommendApis(i!.id, 10);
    const relevant = new Set((await sql<{ apiId: number }>(`select "apiId" from "InstructionApi" where "instructionId" = $1 and relevant`, [i!.id])).map((x) => x.apiId));
    expect(r.recommendations.length).toBeGreaterThan(0);
    expect(r).toMatchObject({ method: "bm25", methods: ["bm25"], model: null }); // nothing embedded here: BM25 only
    for (const rec of r.recommendations) expect(rec.relevant).toBe(relevant.has(rec.apiId));
    const ranked = r.recommendations.map((x) => x.apiId);
    expect(r.ndcg1).toBeCloseTo(100 * ndcgAtK(ranked, relevant, 1));
    expect(r.ndcg5).toBeCloseTo(100 * ndcgAtK(ranked, relevant, 5));
    const scores = r.recommendations.map((x) => x.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    await expect(recommendApis(999_999)).rejects.toThrow(/no instruction #999999/);
  });

  it("finds an API by the words of its own description, and follows catalog changes", async () => {
    const [api] = await sql<{ id: number; name: string; description: string }>(`select id, name, description from "Api" where length(description) > 60 order by length(description) desc, id limit 1`);
    expect((await retrieveApiIds(`${api!.name} ${api!.description}`, 3))[0]).toBe(api!.id);
    expect(await retrieveApiIds("quuxfrobnicator", 3)).toEqual([]);
    const [tool] = await sql<{ id: number }>(`select id from "Tool" order by id limit 1`);
    const [added] = await sql<{ id: number }>(
      `insert into "Api" ("toolId", name, "standardizedName", "functionName", description, "updatedAt") values ($1, 'frob', 'frob', 'frob_for_x', 'The quuxfrobnicator endpoint', now()) returning id`,
      [tool!.id],
    );
    expect(await retrieveApiIds("quuxfrobnicator", 3)).toEqual([added!.id]);
  });

  it("a solve run can offer the retrieved APIs instead of the instruction's own", async () => {
    const catalog = await seedWeatherCatalog();
    const [id] = await seedWeatherInstructions(catalog, 1, "Retrieval");
    const server = await startFakeOpenAiServer({ respond: directAnswer });
    try {
      const endpointId = await addFakeEndpoint(server.url);
      const { runId } = await startSolveRun(startSolveRunInput.parse({ endpointId, method: "dfsdt", filter: { ids: [id] }, executors: ["examples"], apis: "retrieved", retrievedApis: 3 }));
      await workOnRun(runId, "worker-retrieval");
      expect((await getRun(runId)).status).toBe("succeeded");
      const query = (await sql<{ query: string }>(`select query from "Instruction" where id = $1`, [id]))[0]!.query;
      const retrieved = await sql<{ functionName: string }>(`select "functionName" from "Api" where id = any($1::int[])`, [await retrieveApiIds(query, 3)]);
      const offered = offeredFunctions(server.requests[0]!);
      expect(offered.filter((f) => f !== "Finish").sort()).toEqual(retrieved.map((r) => r.functionName).sort());
      expect(offered).toContain(FORECAST_FN); // the forecast API is among the best matches of a forecast question
      expect(offered.length).toBe(4);
    } finally {
      await server.close();
    }
  });
});
