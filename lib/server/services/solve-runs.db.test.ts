// Solve runs end to end in one process: the real openai client talks to the fake server, the worker
// claims the run's items, persists every node, and writes trees the review list shows.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSolveRunInput } from "@/lib/core/schemas/runs";
import { resetEnvCache } from "@/lib/server/env";
import { OUTLINE_FROM_NODES_SQL } from "@/lib/server/repositories/export-trees";
import { answer, callTool, deadEndpointUrl, startFakeOpenAiServer, toolResults, type FakeOpenAiServer, type FakeResponder } from "@/lib/test/fake-openai-server";
import { addFakeEndpoint, backtracking, directAnswer, FORECAST_FN, seedWeatherCatalog, seedWeatherInstructions, sql } from "@/lib/test/run-fixtures";
import { createTestDatabase, type TestDatabase } from "@/lib/test/test-database";
import { startSolveRun } from "./run-launch";
import { workOnRun } from "./run-worker";
import { getRun } from "./runs";

let db: TestDatabase;
let server: FakeOpenAiServer | undefined;
let catalog: Awaited<ReturnType<typeof seedWeatherCatalog>>;

beforeAll(async () => {
  process.env.ARBOR_LLM_RETRY_BASE_MS = "5";
  resetEnvCache();
  db = await createTestDatabase();
  catalog = await seedWeatherCatalog();
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});
afterAll(async () => {
  await db.drop();
});

async function solve(respond: FakeResponder, opts: { n?: number; method?: "dfsdt" | "react"; url?: string; apiKey?: string } = {}) {
  let url = opts.url;
  if (!url) {
    server = await startFakeOpenAiServer({ respond, apiKey: "sk-fake-test-key-1234" });
    url = server.url;
  }
  const endpointId = await addFakeEndpoint(url, { apiKey: opts.apiKey });
  const ids = await seedWeatherInstructions(catalog, opts.n ?? 1, `Q${Math.random()}`);
  const { runId, items } = await startSolveRun(
    startSolveRunInput.parse({ endpointId, method: opts.method ?? "dfsdt", filter: { ids }, executors: ["examples"], parallelism: 2 }),
  );
  expect(items).toBe(ids.length);
  await workOnRun(runId, "worker-test");
  return { runId, ids, run: await getRun(runId) };
}

const treesOf = (runId: number) => sql<Record<string, unknown>>(`select * from "Tree" where "runId" = $1 order by id`, [runId]);
const nodesOf = (treeId: number) => sql<Record<string, unknown>>(`select * from "Node" where "treeId" = $1 order by idx`, [treeId]);

describe("solve runs", () => {
  it("a direct answer becomes a valid DFSDT tree with the run's model, tokens and cost", async () => {
    const { runId, ids, run } = await solve(directAnswer);
    expect(run).toMatchObject({ status: "succeeded", progressDone: 1, progressTotal: 1, progressFailed: 0, llmCalls: 2, promptTokens: 200, completionTokens: 40 });
    expect(run.costUsd).toBeCloseTo(0.00028, 6); // 200 × $1/M + 40 × $2/M
    const [tree] = await treesOf(runId);
    expect(tree).toMatchObject({
      instructionId: ids[0], runId, method: "dfsdt", methodLabel: "DFS_woFilter_w2", model: "fake-model", validData: true, finishType: "give_answer",
      finalAnswer: "Light rain, 4°C, no alerts.", queryCount: 2, totalTokens: 240, promptTokens: 200, completionTokens: 40, sourceKind: "generated",
      size: 6, chosenBy: "toolbench", hallucinatedCount: 0, apiErrorCount: 0, giveUpCount: 0,
    });
    expect(Number(tree!.costUsd)).toBeCloseTo(0.00028, 6);
    expect(tree!.chosenNodeIdx).toBe(5);
    expect(tree!.toolbenchNodeIdx).toBe(5);
    expect(String(tree!.systemPrompt)).toContain("weather_hub");
    const nodes = await nodesOf(tree!.id as number);
    expect(nodes.map((n) => [n.idx, n.parentIdx, n.type, n.observationCode])).toEqual([
      [0, null, "ActionInput", null],
      [1, 0, "Thought", null],
      [2, 1, "Action", null],
      [3, 2, "ActionInput", 0],
      [4, 3, "Action", null],
      [5, 4, "ActionInput", 3],
    ]);
    // the examples executor answered from the schema
    expect(JSON.parse(String(nodes[3]!.observation))).toEqual({ error: "", response: { city: "string", temperature: 0, conditions: "string" } });
    expect((await sql(`select count(*)::int as n from "Tree" where "instructionId" = $1`, [ids[0]]))[0]!.n).toBe(1);
    expect((await sql(`select count(*)::int as n from "RunItemEvent"`))[0]!.n).toBe(0);
    expect((await sql(`select status::text, "treeId" from "RunItem" where "runId" = $1`, [runId]))[0]).toEqual({ status: "succeeded", treeId: tree!.id });
  });

  it("backtracks after a give-up and answers from another branch", async () => {
    const { runId, run } = await solve(backtracking);
    expect(run.status).toBe("succeeded");
    const [tree] = await treesOf(runId);
    expect(tree).toMatchObject({ validData: true, finishType: "give_answer", queryCount: 7, giveUpCount: 2, finalAnswer: "Bergen has no alerts." });
    const nodes = await nodesOf(tree!.id as number);
    expect(nodes.filter((n) => n.parentIdx === 0)).toHaveLength(2); // the root tried twice
    expect(nodes.filter((n) => n.observationCode === 4).every((n) => n.pruned)).toBe(true);
    // the outline stored with the tree is the one its nodes give
    const [outlines] = await sql(`select t.outline, ${OUTLINE_FROM_NODES_SQL} as built from "Tree" t where t.id = $1`, [tree!.id]);
    expect(String(outlines!.outline).split(";")).toHaveLength(nodes.length);
    expect(outlines!.outline).toBe(outlines!.built);
  });

  it("records a hallucinated function (code 1) and invalid JSON arguments (code 2), and goes on", async () => {
    const { runId } = await solve((r) => {
      const steps = toolResults(r);
      if (steps === 0) return callTool("get_the_weather_now", { city: "Oslo" });
      if (steps === 1) return callTool(FORECAST_FN, '{"city": "Oslo"');
      return answer("I could not get the forecast.");
    });
    const [tree] = await treesOf(runId);
    expect(tree).toMatchObject({ hallucinatedCount: 1, apiErrorCount: 1, validData: true });
    const inputs = (await nodesOf(tree!.id as number)).filter((n) => n.type === "ActionInput" && n.parentIdx !== null);
    expect(inputs.map((n) => n.observationCode)).toEqual([1, 2, 3]);
    expect(String(inputs[0]!.observation)).toContain("No such function name: get_the_weather_now");
    expect(String(inputs[1]!.observation)).toContain("Tool input parse error");
  });

  it("solves with ReACT into a CoT@1 tree", async () => {
    const { runId } = await solve(directAnswer, { method: "react" });
    const [tree] = await treesOf(runId);
    expect(tree).toMatchObject({ method: "react", methodLabel: "CoT@1", validData: true, finishType: "give_answer", size: 6 });
  });

  it("counts a call retried after a 429 once", async () => {
    const { runId, run } = await solve((r, i) => (i === 0 ? { status: 429, headers: { "retry-after-ms": "1" } } : directAnswer(r)));
    expect(run).toMatchObject({ status: "succeeded", llmCalls: 2 });
    expect(server!.requests).toHaveLength(3);
    expect((await treesOf(runId))[0]).toMatchObject({ queryCount: 2, validData: true });
  });

  it("fails the items of a dead endpoint, saying it cannot be reached", async () => {
    const { run } = await solve(directAnswer, { url: await deadEndpointUrl(), n: 2 });
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/Every item failed.*cannot be reached at http:\/\/127\.0\.0\.1/);
    expect(run.progressFailed).toBe(2);
  });

  it("stops a run whose endpoint stays down instead of failing every item", async () => {
    const { runId, run } = await solve(directAnswer, { url: await deadEndpointUrl(), n: 8 });
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/The LLM failed for 5 items in a row; the last error: .*cannot be reached/);
    const statuses = await sql<{ status: string }>(`select status::text from "RunItem" where "runId" = $1`, [runId]);
    expect(statuses.filter((s) => s.status === "skipped").length).toBeGreaterThan(0);
  });

  it("stops the whole run on a bad key, with a clear error and no key in it", async () => {
    const { runId, run } = await solve(directAnswer, { apiKey: "sk-wrong-key-999999", n: 3 });
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/refused the API key \(401\)/);
    expect(run.error).not.toContain("sk-wrong-key-999999");
    const statuses = await sql<{ status: string }>(`select status::text from "RunItem" where "runId" = $1`, [runId]);
    expect(statuses.filter((s) => s.status === "failed").length).toBeGreaterThanOrEqual(1);
    expect(statuses.some((s) => s.status === "succeeded")).toBe(false);
  });
});
