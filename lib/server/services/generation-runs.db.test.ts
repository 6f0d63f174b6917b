// Instruction generation runs: batches sample the catalog, ask the (fake) model, keep the queries
// whose APIs were sampled, and write generated instructions linked to the catalog; they can then be
// solved like any other.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGenerationRunInput, startSolveRunInput } from "@/lib/core/schemas/runs";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "@/lib/test/fake-openai-server";
import { addFakeEndpoint, directAnswer, seedWeatherCatalog, sql, writesInstructions } from "@/lib/test/run-fixtures";
import { createTestDatabase, type TestDatabase } from "@/lib/test/test-database";
import { startGenerationRun, startSolveRun } from "./run-launch";
import { workOnRun } from "./run-worker";
import { getRun } from "./runs";

let db: TestDatabase;
let server: FakeOpenAiServer;
let endpointId: number;
let catalog: Awaited<ReturnType<typeof seedWeatherCatalog>>;

beforeAll(async () => {
  db = await createTestDatabase();
  catalog = await seedWeatherCatalog();
  server = await startFakeOpenAiServer({ respond: (r) => (r.tools ? directAnswer(r) : writesInstructions(r)) });
  endpointId = await addFakeEndpoint(server.url);
});
afterAll(async () => {
  await server.close();
  await db.drop();
});

describe("instruction generation runs", () => {
  it("writes I1 instructions over the sampled APIs, drops hallucinated ones, and they can be solved", async () => {
    const { runId, items } = await startGenerationRun(startGenerationRunInput.parse({ endpointId, strategy: "I1", count: 12, perCall: 5, seed: "fixed" }));
    expect(items).toBe(3); // 5 + 5 + 2
    await workOnRun(runId, "worker-gen");
    const run = await getRun(runId);
    expect(run.status).toBe("succeeded");
    // each batch asks for n queries and gets n: n - 1 over shown APIs, 1 over an imaginary one
    expect(run.result).toMatchObject({ asked: 12, parsed: 12, kept: 9, dropped: 3, unknownApi: 3, inserted: 9, duplicates: 0 });
    expect(run.message).toMatch(/^9 new instructions from 3 batches \(3 dropped by the filter/);
    expect(run.llmCalls).toBe(3);

    const rows = await sql<{ id: number; group: string; origin: string; generationRunId: number; toolIds: number[]; categoryIds: number[]; relevantApis: [string, string][]; sampledApis: unknown[] }>(
      `select id, "group", origin::text, "generationRunId", "toolIds", "categoryIds", "relevantApis", "sampledApis" from "Instruction" where "generationRunId" = $1`,
      [runId],
    );
    expect(rows).toHaveLength(9);
    for (const r of rows) {
      expect(r).toMatchObject({ group: "I1", origin: "generated", toolIds: [catalog.tool.id], categoryIds: [catalog.category.id] });
      expect(r.relevantApis.every(([tool]) => tool === "Weather Hub")).toBe(true);
    }
    const links = await sql<{ n: number; relevant: number }>(
      `select count(*)::int as n, count(*) filter (where relevant)::int as relevant from "InstructionApi" where "instructionId" = any($1::int[])`,
      [rows.map((r) => r.id)],
    );
    expect(links[0]!.relevant).toBe(9); // one related API per query
    expect(links[0]!.n).toBe(rows.reduce((n, r) => n + r.sampledApis.length, 0));

    // generated instructions are solved like imported ones
    const solve = await startSolveRun(startSolveRunInput.parse({ endpointId, method: "dfsdt", filter: { run: runId, limit: 3 }, executors: ["examples"] }));
    expect(solve.items).toBe(3);
    await workOnRun(solve.runId, "worker-gen");
    expect(await getRun(solve.runId)).toMatchObject({ status: "succeeded", progressDone: 3 });
    const trees = await sql<{ group: string }>(`select "group" from "Tree" where "runId" = $1`, [solve.runId]);
    expect(trees.map((t) => t.group)).toEqual(["I1", "I1", "I1"]);
  });

  it("refuses a strategy the catalog cannot serve", async () => {
    await expect(startGenerationRun(startGenerationRunInput.parse({ endpointId, strategy: "I3", count: 5 }))).rejects.toThrow(/no collection has at least 2 tools/);
    await expect(startGenerationRun(startGenerationRunInput.parse({ endpointId, strategy: "I2", count: 5 }))).rejects.toThrow(/no category has at least 2 tools/);
  });
});
