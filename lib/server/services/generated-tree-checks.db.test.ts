// Per-step checks on trees a solve run writes: computed with the tree and stored in the same write.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHECK_BIT } from "@/lib/core/checks/definitions";
import { startSolveRunInput } from "@/lib/core/schemas/runs";
import { resetEnvCache } from "@/lib/server/env";
import { answer, callTool, startFakeOpenAiServer, toolResults, type FakeOpenAiServer, type FakeRequest } from "@/lib/test/fake-openai-server";
import { addFakeEndpoint, FORECAST_FN, seedWeatherCatalog, seedWeatherInstructions, sql } from "@/lib/test/run-fixtures";
import { createTestDatabase, type TestDatabase } from "@/lib/test/test-database";
import { startSolveRun } from "./run-launch";
import { workOnRun } from "./run-worker";

let db: TestDatabase;
let server: FakeOpenAiServer;

/** Calls the forecast twice with the same arguments (the second time naming an extra parameter too), then answers with nothing. */
function sloppy(r: FakeRequest) {
  const steps = toolResults(r);
  if (steps === 0) return callTool(FORECAST_FN, { city: "Oslo" }, "");
  if (steps === 1) return callTool(FORECAST_FN, { city: "Oslo" }, "Once more.");
  if (steps === 2) return callTool(FORECAST_FN, '{"city": "Oslo", "days": 3}');
  return answer("  ");
}

beforeAll(async () => {
  process.env.ARBOR_LLM_RETRY_BASE_MS = "5";
  resetEnvCache();
  db = await createTestDatabase();
  server = await startFakeOpenAiServer({ respond: sloppy, apiKey: "sk-fake-test-key-1234" });
});
afterAll(async () => {
  await server.close();
  await db.drop();
});

describe("a generated tree", () => {
  it("is written with each node's checks and their union", async () => {
    const catalog = await seedWeatherCatalog();
    const endpointId = await addFakeEndpoint(server.url);
    const ids = await seedWeatherInstructions(catalog, 1, "Checks");
    const { runId } = await startSolveRun(startSolveRunInput.parse({ endpointId, method: "react", filter: { ids }, executors: ["examples"], parallelism: 1 }));
    await workOnRun(runId, "worker-test");
    const [tree] = await sql<{ id: number; checkFlags: number }>(`select id, "checkFlags" from "Tree" where "runId" = $1`, [runId]);
    expect(tree).toBeDefined();
    const nodes = await sql<{ idx: number; type: string; text: string; checks: number }>(`select idx, type::text, text, checks from "Node" where "treeId" = $1 order by idx`, [tree!.id]);
    const flagged = nodes.filter((n) => n.checks !== 0).map((n) => [n.type, n.checks]);
    expect(flagged).toEqual([
      ["ActionInput", CHECK_BIT.no_final_answer], // the root: the answer given is blank
      ["Thought", CHECK_BIT.empty_thought],
      ["ActionInput", CHECK_BIT.repeated_call],
      ["ActionInput", CHECK_BIT.unknown_parameter],
      ["ActionInput", CHECK_BIT.empty_final_answer],
    ]);
    expect(tree!.checkFlags).toBe(nodes.reduce((bits, n) => bits | n.checks, 0));
  });
});
