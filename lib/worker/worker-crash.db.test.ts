// Real worker processes (`node lib/cli/bin.mjs worker`) against a test database: two workers share
// a run's items; a worker killed with SIGKILL mid-run leaves its items to the next worker (started
// on the same host, it queues them again at once; elsewhere they wait for the heartbeat timeout, see
// run-control.db.test.ts), which resumes them from their stored events and finishes the same trees
// an uninterrupted run makes — no node lost, none duplicated, no LLM call counted twice.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSolveRunInput } from "@/lib/core/schemas/runs";
import { startSolveRun } from "@/lib/server/services/run-launch";
import { workOnRun } from "@/lib/server/services/run-worker";
import { getRun } from "@/lib/server/services/runs";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "@/lib/test/fake-openai-server";
import { addFakeEndpoint, backtracking, seedWeatherCatalog, seedWeatherInstructions, sql } from "@/lib/test/run-fixtures";
import { createTestDatabase, type TestDatabase } from "@/lib/test/test-database";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
let db: TestDatabase;
let server: FakeOpenAiServer;
let endpointId: number;
let instructionIds: number[];
const workers: ChildProcess[] = [];

function startWorker(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(ROOT, "lib", "cli", "bin.mjs"), "worker"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      ARBOR_WORKER_CONCURRENCY: "2",
      ARBOR_RUN_ITEM_TIMEOUT_SECONDS: "2",
      ARBOR_RUN_POLL_SECONDS: "0.3",
      ARBOR_LLM_RETRY_BASE_MS: "10",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  workers.push(child);
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      if (output.includes("[worker] ready")) resolve(child);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    child.on("exit", (code, signal) => reject(new Error(`the worker exited (${signal ?? code}) before it was ready:\n${output}`)));
  });
}

async function waitFor<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const queue = async (parallelism: number) =>
  (await startSolveRun(startSolveRunInput.parse({ endpointId, method: "dfsdt", filter: { ids: instructionIds }, executors: ["examples"], parallelism, seed: "same" }))).runId;

/** Every tree of a run, by instruction: its row's content and its nodes, without ids. */
async function treesOf(runId: number) {
  const trees = await sql<Record<string, unknown>>(
    `select "instructionId", "validData", "finishType", "finalAnswerRaw", "queryCount", "totalTokens", "promptTokens", "completionTokens", size, "maxDepth",
            "giveUpCount", "chosenNodeIdx", id from "Tree" where "runId" = $1 order by "instructionId"`,
    [runId],
  );
  const out: Record<string, unknown>[] = [];
  for (const { id, ...t } of trees) {
    const nodes = await sql(
      `select idx, "parentIdx", position, depth, type::text, text, "functionName", observation, "observationCode", pruned, finished, "isTerminal", "expandNum", "childCount", meta
       from "Node" where "treeId" = $1 order by idx`,
      [id],
    );
    out.push({ ...t, nodes });
  }
  return out;
}

beforeAll(async () => {
  db = await createTestDatabase();
  const catalog = await seedWeatherCatalog();
  instructionIds = await seedWeatherInstructions(catalog, 6);
  server = await startFakeOpenAiServer({ respond: backtracking, latencyMs: 40 });
  endpointId = await addFakeEndpoint(server.url);
});

afterAll(async () => {
  for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill("SIGKILL");
  await server.close();
  await db.drop();
});

describe("worker processes", () => {
  it("resume a run after a worker is killed, making the same trees as an uninterrupted run", async () => {
    const reference = await queue(2);
    await workOnRun(reference, "reference-worker");
    const expected = await treesOf(reference);
    const referenceRun = await getRun(reference);
    expect(referenceRun).toMatchObject({ status: "succeeded", progressDone: 6 });
    expect(expected.every((t) => t.queryCount === 7 && t.validData === true)).toBe(true);

    const first = await startWorker();
    const requestsBefore = server.requests.length;
    const runId = await queue(2);
    // kill it once a few steps are stored and an item is part-way through
    await waitFor(
      "stored steps",
      async () => (await sql<{ n: number }>(`select count(*)::int as n from "RunItemEvent" e join "RunItem" i on i.id = e."runItemId" where i."runId" = $1`, [runId]))[0]!.n,
      (n) => n >= 15,
    );
    first.kill("SIGKILL");
    await new Promise((r) => first.once("exit", r));
    const atKill = await sql<{ status: string; events: number }>(
      `select i.status::text, (select count(*) from "RunItemEvent" e where e."runItemId" = i.id)::int as events from "RunItem" i where i."runId" = $1`,
      [runId],
    );
    expect(atKill.some((i) => i.status === "running" && i.events > 0)).toBe(true);
    expect((await getRun(runId)).status).toBe("running");

    await startWorker();
    const run = await waitFor("the run to end", () => getRun(runId), (r) => r.status !== "running" && r.status !== "queued");
    expect(run).toMatchObject({ status: "succeeded", progressDone: 6, progressFailed: 0 });
    expect(await treesOf(runId)).toEqual(expected);
    // every call is counted once, as in the uninterrupted run; only the calls in flight at the kill were asked again
    expect(run.llmCalls).toBe(referenceRun.llmCalls);
    expect(run.promptTokens).toBe(referenceRun.promptTokens);
    expect(server.requests.length - requestsBefore - referenceRun.llmCalls).toBeLessThanOrEqual(2);
    const attempts = await sql<{ attempts: number }>(`select attempts from "RunItem" where "runId" = $1`, [runId]);
    expect(attempts.some((a) => a.attempts === 2)).toBe(true); // taken over from the dead worker
    expect((await sql<{ n: number }>(`select count(*)::int as n from "RunItemEvent"`))[0]!.n).toBe(0);
  });

  it("share a run's items between two workers", async () => {
    await startWorker(); // with the one still running from the test above
    const runId = await queue(1);
    const run = await waitFor("the run to end", () => getRun(runId), (r) => r.status === "succeeded" || r.status === "failed");
    expect(run.status).toBe("succeeded");
    const claimedBy = await sql<{ claimedBy: string }>(`select distinct "claimedBy" from "RunItem" where "runId" = $1`, [runId]);
    expect(claimedBy).toHaveLength(2);
  });
});
