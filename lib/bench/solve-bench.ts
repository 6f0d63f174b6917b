// `npm run bench:solve`: what solving costs beyond the LLM, on a fresh embedded Postgres (durable
// settings, as users run it) with the fake OpenAI-compatible server on 127.0.0.1.
//   1. Orchestration overhead per LLM step, at zero model latency: solve N instructions one at a
//      time (DFSDT, 7 steps each, with a give-up and backtracking) and divide the wall time by the
//      steps; the bare HTTP round trip of the same calls through the same client is measured
//      apart, so the figure can be read with and without it.
//   2. Throughput with 500 ms model latency at concurrency 32 (32 instructions at once, endpoint
//      limit 32): steps per second against the ideal 32 / 0.5 s = 64.
import fs from "node:fs";
import path from "node:path";
import { runMigrations } from "graphile-worker";
import OpenAI from "openai";
import { startSolveRunInput } from "@/lib/core/schemas/runs";
import { quietLogger } from "@/lib/server/db/bootstrap";
import { closeDatabaseClients } from "@/lib/server/db/close";
import { startEmbeddedPostgres } from "@/lib/server/db/embedded-postgres";
import { migrateDeploy } from "@/lib/server/db/migrate";
import { projectRoot, setDatabaseUrl } from "@/lib/server/env";
import { startSolveRun } from "@/lib/server/services/run-launch";
import { workOnRun } from "@/lib/server/services/run-worker";
import { getRun } from "@/lib/server/services/runs";
import { backtracking } from "@/lib/test/fake-llm-scripts";
import { startFakeOpenAiServer, type FakeRequest } from "@/lib/test/fake-openai-server";
import { addFakeEndpoint, seedWeatherCatalog, seedWeatherInstructions } from "@/lib/test/run-fixtures";

export interface SolveBenchOptions {
  /** Instructions solved one at a time at zero latency. */
  instructions: number;
  /** Instructions solved 32 at a time at 500 ms latency. */
  latencyInstructions: number;
}

const ms = (ns: bigint) => Number(ns) / 1e6;

async function solveAll(endpointId: number, ids: number[], parallelism: number): Promise<{ seconds: number; cpuMs: number; steps: number; runId: number }> {
  const { runId } = await startSolveRun(startSolveRunInput.parse({ endpointId, method: "dfsdt", filter: { ids, limit: ids.length }, executors: ["examples"], parallelism }));
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  await workOnRun(runId, "bench-worker");
  const seconds = ms(process.hrtime.bigint() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  const run = await getRun(runId);
  if (run.status !== "succeeded") throw new Error(`the bench run ended ${run.status}: ${run.error ?? run.message}`);
  return { seconds, cpuMs, steps: run.llmCalls, runId };
}

/** The requests the run sent, replayed as they were through the same SDK: the HTTP part of a step. */
async function httpOnly(requests: FakeRequest[], url: string): Promise<number> {
  const sdk = new OpenAI({ baseURL: url, apiKey: "sk-fake-test-key-1234", organization: null, project: null, maxRetries: 0 });
  const started = process.hrtime.bigint();
  for (const { authorization: _auth, ...body } of requests) await sdk.chat.completions.create(body as OpenAI.ChatCompletionCreateParamsNonStreaming);
  return ms(process.hrtime.bigint() - started) / requests.length;
}

const option = (args: string[], name: string, fallback: number) => {
  const i = args.indexOf(name);
  const raw = i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
  return raw === undefined ? fallback : Number(raw);
};

export async function benchSolve(args: string[]): Promise<number> {
  const o = { instructions: option(args, "--instructions", 200), latencyInstructions: option(args, "--latency-instructions", 64) };
  if (![o.instructions, o.latencyInstructions].every((n) => Number.isInteger(n) && n >= 1)) {
    console.error("--instructions and --latency-instructions must be positive whole numbers");
    return 2;
  }
  await runSolveBench(o);
  return 0;
}

export async function runSolveBench(o: SolveBenchOptions): Promise<void> {
  const benchDir = path.join(projectRoot(), ".bench");
  const dataDir = path.join(benchDir, `solve-db-${Date.now()}`);
  fs.mkdirSync(benchDir, { recursive: true, mode: 0o755 });
  const server = await startEmbeddedPostgres({ dataDir });
  const fast = await startFakeOpenAiServer({ respond: backtracking });
  const slow = await startFakeOpenAiServer({ respond: backtracking, latencyMs: 500 });
  try {
    await migrateDeploy(projectRoot(), server.url);
    await runMigrations({ connectionString: server.url, logger: quietLogger() });
    setDatabaseUrl(server.url);
    const catalog = await seedWeatherCatalog();
    const warm = await seedWeatherInstructions(catalog, 5, "Warm-up");
    const ids = await seedWeatherInstructions(catalog, o.instructions, "Overhead");
    const latencyIds = await seedWeatherInstructions(catalog, o.latencyInstructions, "Throughput");
    const fastEndpoint = await addFakeEndpoint(fast.url, { name: "fast", concurrency: 32 });
    const slowEndpoint = await addFakeEndpoint(slow.url, { name: "slow", concurrency: 32 });

    await solveAll(fastEndpoint, warm, 1); // JIT, connection pools, prepared plans
    // three rounds, the median reported: shared machines are noisy
    const rounds: { perStep: number; cpuPerStep: number; http: number; steps: number; seconds: number }[] = [];
    const third = Math.ceil(ids.length / 3);
    for (let r = 0; r < 3; r++) {
      const sentBefore = fast.requests.length;
      const round = await solveAll(fastEndpoint, ids.slice(r * third, (r + 1) * third), 1);
      const http = await httpOnly(fast.requests.slice(sentBefore, sentBefore + Math.min(500, round.steps)), fast.url);
      rounds.push({ perStep: (round.seconds * 1000) / round.steps, cpuPerStep: round.cpuMs / round.steps, http, steps: round.steps, seconds: round.seconds });
    }
    const median = rounds.slice().sort((a, b) => a.perStep - b.perStep)[1]!;
    const steps = rounds.reduce((n, r) => n + r.steps, 0);
    console.log(`1. overhead at zero model latency: ${o.instructions} instructions, ${steps} LLM steps, one at a time, in 3 rounds`);
    console.log(`   ${median.perStep.toFixed(2)} ms per step including persistence (median round; rounds: ${rounds.map((r) => r.perStep.toFixed(2)).join(", ")} ms)`);
    console.log(`   of which the HTTP round trip to the fake endpoint is ${median.http.toFixed(2)} ms: ${(median.perStep - median.http).toFixed(2)} ms of search, executor and database work`);
    console.log(`   CPU of this process per step: ${median.cpuPerStep.toFixed(2)} ms (the fake endpoint's included; Postgres runs apart)`);

    const throughput = await solveAll(slowEndpoint, latencyIds, 32);
    const rate = throughput.steps / throughput.seconds;
    console.log(`2. 500 ms model latency, concurrency 32: ${o.latencyInstructions} instructions, ${throughput.steps} LLM steps in ${throughput.seconds.toFixed(2)} s`);
    console.log(`   ${rate.toFixed(1)} steps/s (ideal 64 steps/s: ${((rate / 64) * 100).toFixed(0)}%), ${((o.latencyInstructions / throughput.seconds) * 60).toFixed(0)} trees/min`);
  } finally {
    await closeDatabaseClients();
    await fast.close();
    await slow.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
