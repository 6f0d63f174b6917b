// Controlling runs: cancel and the cost cap stop a run cleanly (no new LLM call once seen), and a
// retry queues the failed and skipped items again, an interrupted one resuming from its events.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSolveRunInput } from "@/lib/core/schemas/runs";
import { resetEnvCache } from "@/lib/server/env";
import { startFakeOpenAiServer, type FakeOpenAiServer, type FakeResponder } from "@/lib/test/fake-openai-server";
import { RunCancelledError } from "@/lib/core/generation/errors";
import type { SolveRunConfig } from "@/lib/core/schemas/runs";
import { claimNextItem, markRunRunning } from "@/lib/server/repositories/run-items";
import { addFakeEndpoint, backtracking, directAnswer, seedWeatherCatalog, seedWeatherInstructions, sql } from "@/lib/test/run-fixtures";
import { loadRealHttpSettings } from "./executor-settings";
import { resolveLlmEndpoint } from "./llm-endpoints";
import { solveItem } from "./solve-item";
import { createTestDatabase, type TestDatabase } from "@/lib/test/test-database";
import { retryRun, startSolveRun } from "./run-launch";
import { getLiveTree } from "./run-live";
import { workOnRun } from "./run-worker";
import { cancelRun, getRun } from "./runs";

let db: TestDatabase;
let server: FakeOpenAiServer;
let respond: FakeResponder = directAnswer;
let catalog: Awaited<ReturnType<typeof seedWeatherCatalog>>;

beforeAll(async () => {
  process.env.ARBOR_LLM_MAX_RETRIES = "1";
  process.env.ARBOR_LLM_RETRY_BASE_MS = "1";
  resetEnvCache();
  db = await createTestDatabase();
  catalog = await seedWeatherCatalog();
  server = await startFakeOpenAiServer({ respond: (r, i) => respond(r, i), latencyMs: 20 });
});
afterEach(() => {
  respond = directAnswer;
});
afterAll(async () => {
  await server.close();
  await db.drop();
});

async function queue(n: number, extra: Record<string, unknown> = {}, prices = { prompt: 10, completion: 0 }) {
  const endpointId = await addFakeEndpoint(server.url, { name: `fake ${Math.random()}`, prices });
  const ids = await seedWeatherInstructions(catalog, n, `Q${Math.random()}`);
  const { runId } = await startSolveRun(startSolveRunInput.parse({ endpointId, method: "dfsdt", filter: { ids }, executors: ["examples"], parallelism: 1, ...extra }));
  return runId;
}

const itemStatuses = async (runId: number) =>
  (await sql<{ status: string; n: number }>(`select status::text, count(*)::int as n from "RunItem" where "runId" = $1 group by status`, [runId])).reduce<Record<string, number>>(
    (o, r) => ({ ...o, [r.status]: r.n }),
    {},
  );

describe("run control", () => {
  it("a cancel stops the run after the step in flight, and nothing is left pending or running", async () => {
    const runId = await queue(6);
    const work = workOnRun(runId, "worker-cancel");
    while ((await getRun(runId)).progressDone < 1) await new Promise((r) => setTimeout(r, 10));
    expect(await cancelRun(runId)).toBe(true);
    const callsAtCancel = server.requests.length;
    await work;
    const run = await getRun(runId);
    expect(run.status).toBe("cancelled");
    expect(run.message).toMatch(/^Cancelled/);
    expect(server.requests.length - callsAtCancel).toBeLessThanOrEqual(1); // at most the call already under way
    const statuses = await itemStatuses(runId);
    expect(statuses.pending ?? 0).toBe(0);
    expect(statuses.running ?? 0).toBe(0);
    expect((statuses.succeeded ?? 0) + (statuses.skipped ?? 0)).toBe(6);
    expect(statuses.skipped).toBeGreaterThan(0);
  });

  it("stops cleanly at the cost cap, and a retry with a higher cap finishes, resuming the interrupted item", async () => {
    // each call: 100 prompt tokens at $10 per million = $0.001; 5 instructions × 2 calls = $0.010
    const runId = await queue(5, { costCapUsd: 0.005 });
    const before = server.requests.length;
    await workOnRun(runId, "worker-cap");
    let run = await getRun(runId);
    expect(run.status).toBe("cancelled");
    expect(run.message).toMatch(/cost cap \(\$0\.0050 of \$0\.0050\)/);
    expect(run.llmCalls).toBe(5);
    expect(server.requests.length - before).toBe(5);
    expect(run.costUsd).toBeCloseTo(0.005, 6);
    expect(await itemStatuses(runId)).toEqual({ succeeded: 2, skipped: 3 });
    const interrupted = await sql<{ id: number; events: number }>(
      `select i.id, (select count(*) from "RunItemEvent" e where e."runItemId" = i.id)::int as events from "RunItem" i where i."runId" = $1 and i.status = 'skipped' order by i.id`,
      [runId],
    );
    expect(interrupted[0]!.events).toBeGreaterThan(0); // the third item had made its first step
    // its stored steps are what the run's page shows as the tree being searched
    const live = await getLiveTree(runId);
    expect(live?.item).toMatchObject({ id: interrupted[0]!.id, status: "skipped", llmCalls: 1 });
    expect(live?.view.nodes.type).toEqual(["ActionInput", "Thought", "Action", "ActionInput"]);
    expect(live?.view.nodes.observationCode).toEqual([null, null, null, 0]);
    expect(live?.view.tree).toMatchObject({ size: 4, queryCount: 1, totalTokens: 120 });

    expect(await retryRun(runId, 1)).toEqual({ items: 3 });
    await workOnRun(runId, "worker-cap");
    run = await getRun(runId);
    expect(run).toMatchObject({ status: "succeeded", progressDone: 5, progressTotal: 5, llmCalls: 10 });
    expect(server.requests.length - before).toBe(10); // the resumed item's first step was not asked again
    const trees = await sql<{ queryCount: number; size: number }>(`select "queryCount", size from "Tree" where "runId" = $1`, [runId]);
    expect(trees).toHaveLength(5);
    expect(trees.every((t) => t.queryCount === 2 && t.size === 6)).toBe(true);
    await expect(retryRun(runId, undefined)).rejects.toThrow(/nothing to retry/);
  });

  it("retries failed items once the endpoint works again", async () => {
    respond = () => ({ status: 500 });
    const runId = await queue(2);
    await workOnRun(runId, "worker-retry");
    expect(await getRun(runId)).toMatchObject({ status: "failed", progressFailed: 2 });
    respond = directAnswer;
    await expect(retryRun(runId, undefined)).resolves.toEqual({ items: 2 });
    expect((await getRun(runId)).status).toBe("queued");
    await workOnRun(runId, "worker-retry");
    expect(await getRun(runId)).toMatchObject({ status: "succeeded", progressDone: 2, progressFailed: 0, error: null });
  });

  it("takes over the item of a worker that stopped reporting, resuming it from its stored steps", async () => {
    process.env.ARBOR_RUN_ITEM_TIMEOUT_SECONDS = "1";
    resetEnvCache();
    respond = backtracking;
    const runId = await queue(1);
    const run = await getRun(runId);
    // a worker on another machine claims the item, makes 3 steps, and goes silent
    expect(await markRunRunning(runId, "other-host:1")).toBe(true);
    const item = (await claimNextItem(runId, "other-host:1", 60))!;
    const stop = new AbortController();
    const before = server.requests.length;
    respond = (r) => {
      if (server.requests.length - before >= 3) stop.abort();
      return backtracking(r);
    };
    const config = run.config as SolveRunConfig;
    const solver = await resolveLlmEndpoint(config.endpointId);
    await expect(solveItem(item, { runId, config, solver, simulator: solver, http: await loadRealHttpSettings() }, { stop: stop.signal, shutdown: new AbortController().signal })).rejects.toThrow(RunCancelledError);
    respond = backtracking;
    expect(server.requests.length - before).toBe(3);

    await workOnRun(runId, "worker-takeover"); // its heartbeat is not yet stale: nothing to take
    expect((await getRun(runId)).status).toBe("running");
    await new Promise((r) => setTimeout(r, 1200));
    await workOnRun(runId, "worker-takeover");
    expect(await getRun(runId)).toMatchObject({ status: "succeeded", llmCalls: 7 });
    expect(server.requests.length - before).toBe(7); // the 3 stored steps were replayed, not asked again
    const [tree] = await sql<{ queryCount: number; giveUpCount: number }>(`select "queryCount", "giveUpCount" from "Tree" where "runId" = $1`, [runId]);
    expect(tree).toEqual({ queryCount: 7, giveUpCount: 2 });
    expect((await sql<{ attempts: number; claimedBy: string }>(`select attempts, "claimedBy" from "RunItem" where "runId" = $1`, [runId]))[0]).toEqual({ attempts: 2, claimedBy: "worker-takeover" });
    delete process.env.ARBOR_RUN_ITEM_TIMEOUT_SECONDS;
    resetEnvCache();
  });

  it("refuses a filter that matches nothing, and a retry of a run still going", async () => {
    const endpointId = await addFakeEndpoint(server.url, { name: "fake for refusals" });
    await expect(startSolveRun(startSolveRunInput.parse({ endpointId, method: "dfsdt", filter: { group: "NOPE" }, executors: ["examples"] }))).rejects.toThrow(/No instruction matches/);
    await expect(startSolveRun(startSolveRunInput.parse({ endpointId: 999_999, method: "dfsdt", filter: {}, executors: ["examples"] }))).rejects.toThrow(/no LLM endpoint #999999/);
    const runId = await queue(1);
    await expect(retryRun(runId, undefined)).rejects.toThrow(/still going/);
  });
});
