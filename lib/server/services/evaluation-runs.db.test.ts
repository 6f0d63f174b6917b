// Evaluation runs end to end in one process: the real openai client talks to a scripted judge on the
// fake server, the worker judges the run's items, and the judgements, verdicts and costs are stored.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startEvaluationRunInput, type StartEvaluationRunInput } from "@/lib/core/schemas/evaluations";
import { resetEnvCache } from "@/lib/server/env";
import { scriptedJudge, judgedAnswerOf, judgeQuestionOf, shownIndexOf } from "@/lib/test/fake-judge";
import { deadEndpointUrl, startFakeOpenAiServer, type FakeOpenAiServer, type FakeResponder } from "@/lib/test/fake-openai-server";
import { addFakeEndpoint, sql } from "@/lib/test/run-fixtures";
import { seedInstruction, seedTree, type SeedNode } from "@/lib/test/seed";
import { createTestDatabase, type TestDatabase } from "@/lib/test/test-database";
import { treeListFilter } from "@/lib/core/schemas/trees";
import { getEvaluationReport, startEvaluationRun } from "./evaluation-runs";
import { listTreePage } from "./tree-list";
import { getTreeView } from "./trees";
import { workOnRun } from "./run-worker";
import { getRun } from "./runs";

let db: TestDatabase;
let server: FakeOpenAiServer | undefined;

beforeAll(async () => {
  process.env.ARBOR_LLM_RETRY_BASE_MS = "5";
  process.env.ARBOR_LLM_MAX_RETRIES = "1";
  resetEnvCache();
  db = await createTestDatabase();
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});
afterAll(async () => {
  await db.drop();
});

/** A path that calls the forecast and ends with a Finish call with these arguments. */
const finishedNodes = (finishArgs: string): SeedNode[] => [
  { parentIdx: null, type: "ActionInput", text: "" },
  { parentIdx: 0, type: "Thought", text: "Look up the forecast." },
  { parentIdx: 1, type: "Action", text: "daily_forecast_for_weather_hub", functionName: "daily_forecast_for_weather_hub" },
  { parentIdx: 2, type: "ActionInput", text: '{"city": "Oslo"}', functionName: "daily_forecast_for_weather_hub", observation: '{"error": "", "response": "rain, 4C"}', observationCode: 0 },
  { parentIdx: 3, type: "Action", text: "Finish", functionName: "Finish" },
  { parentIdx: 4, type: "ActionInput", text: finishArgs, functionName: "Finish", observationCode: 3 },
];
const giveAnswer = (text: string) => JSON.stringify({ return_type: "give_answer", final_answer: text });

async function treeWith(finishArgs: string, over: { chosenNodeIdx?: number | null; model?: string; instructionId?: number; group?: string } = {}): Promise<{ treeId: number; instructionId: number }> {
  const instructionId = over.instructionId ?? (await seedInstruction({ group: over.group ?? "G1", query: `Forecast for Oslo ${Math.random()}?` }));
  const treeId = await seedTree({ instructionId, nodes: finishedNodes(finishArgs), chosenNodeIdx: over.chosenNodeIdx, model: over.model });
  return { treeId, instructionId };
}

type WithoutEndpoint<T> = T extends unknown ? Omit<T, "endpointId"> : never;

async function evaluate(respond: FakeResponder, input: WithoutEndpoint<StartEvaluationRunInput>, url?: string) {
  if (!url) {
    server = await startFakeOpenAiServer({ respond, apiKey: "sk-fake-test-key-1234" });
    url = server.url;
  }
  const endpointId = await addFakeEndpoint(url, { name: `judge ${Math.random()}`, model: "judge-model" });
  const { runId } = await startEvaluationRun(startEvaluationRunInput.parse({ ...input, endpointId, parallelism: 1 }));
  await workOnRun(runId, "worker-test");
  return { runId, run: await getRun(runId) };
}

const evaluationsOf = (runId: number) =>
  sql<{ treeId: number; label: string; solvable: string | null; passed: boolean; reason: string; model: string; costUsd: number; details: { outcome: string; decidedBy: string } }>(
    `select "treeId", label::text, solvable, passed, reason, model, "costUsd"::float8 as "costUsd", details from "Evaluation" where "runId" = $1 order by id`,
    [runId],
  );
const verdictOf = (treeId: number) => sql<{ label: string; passed: boolean; passVotes: number; judgements: number; score: number }>(`select label::text, passed, "passVotes", judgements, score from "TreePassVerdict" where "treeId" = $1`, [treeId]).then((r) => r[0]);

describe("pass rate", () => {
  it("no Finish, a give-up and an empty answer are Unsolved by rule, without asking the judge", async () => {
    const noFinish = await treeWith(giveAnswer("never reached"), { chosenNodeIdx: 3 });
    const gaveUp = await treeWith(JSON.stringify({ return_type: "give_up_and_restart" }));
    const empty = await treeWith(giveAnswer(""));
    const ids = [noFinish.treeId, gaveUp.treeId, empty.treeId];
    const { runId, run } = await evaluate(scriptedJudge({}), { mode: "pass_rate", filter: { ids }, judgements: 3, checkSolvable: false });
    expect(server!.requests).toHaveLength(0);
    expect(run).toMatchObject({ status: "succeeded", progressDone: 3, llmCalls: 0 });
    const rows = await evaluationsOf(runId);
    expect(rows).toHaveLength(9);
    expect(rows.every((r) => r.label === "Unsolved" && !r.passed && r.details.decidedBy === "rule")).toBe(true);
    expect(rows.find((r) => r.treeId === noFinish.treeId)!.reason).toMatch(/does not end with a Finish/);
    expect(rows.find((r) => r.treeId === gaveUp.treeId)!.reason).toMatch(/gave up/);
    for (const id of ids) expect(await verdictOf(id)).toMatchObject({ label: "Unsolved", passed: false, passVotes: 0, judgements: 3, score: 0 });
  });

  it("several judgements are decided by majority; unsolved ones ask whether the query was solvable", async () => {
    const { treeId } = await treeWith(giveAnswer("Rain in Oslo, 4°C."));
    const answers = ["Solved", "Unsolved", "Solved", "Solved"] as const;
    let asked = 0;
    const { runId } = await evaluate(scriptedJudge({ answer: () => answers[asked++ % 4]!, solvable: () => "Solvable" }), { mode: "pass_rate", filter: { ids: [treeId] } });
    expect(server!.requests.map(judgeQuestionOf)).toEqual(["answer", "answer", "solvable", "answer", "answer"]);
    const rows = await evaluationsOf(runId);
    expect(rows.map((r) => [r.label, r.solvable, r.passed])).toEqual([
      ["Solved", null, true],
      ["Unsolved", "Solvable", false],
      ["Solved", null, true],
      ["Solved", null, true],
    ]);
    expect(await verdictOf(treeId)).toEqual({ label: "Solved", passed: true, passVotes: 3, judgements: 4, score: 0.75 });
  });

  it("Solved, Unsolved and Unsure answers, with reasons, model and cost; the report has pass rate and score by group", async () => {
    const solved = await treeWith(giveAnswer("ANSWER-SOLVED"), { group: "G1" });
    const unsolved = await treeWith(giveAnswer("ANSWER-UNSOLVED"), { group: "G1" });
    const unsure = await treeWith(giveAnswer("ANSWER-UNSURE"), { group: "G2" });
    const label = (r: Parameters<FakeResponder>[0]) => (judgedAnswerOf(r).includes("SOLVED") && !judgedAnswerOf(r).includes("UN") ? "Solved" : judgedAnswerOf(r).includes("UNSOLVED") ? "Unsolved" : "Unsure");
    const { runId, run } = await evaluate(scriptedJudge({ answer: label, path: () => "Unsure", solvable: () => "Solvable" }), {
      mode: "pass_rate",
      filter: { ids: [solved.treeId, unsolved.treeId, unsure.treeId] },
      judgements: 1,
    });
    const rows = await evaluationsOf(runId);
    const of = (id: number) => rows.find((r) => r.treeId === id)!;
    expect(of(solved.treeId)).toMatchObject({ label: "Solved", solvable: null, passed: true, model: "judge-model" });
    expect(of(unsolved.treeId)).toMatchObject({ label: "Unsolved", solvable: "Solvable", passed: false });
    expect(of(unsure.treeId)).toMatchObject({ label: "Unsure", solvable: "Solvable", details: { outcome: "Unsure", decidedBy: "path" } });
    expect(of(solved.treeId).reason).toBe("The answer was read against the query.");
    // one call of 300 + 30 tokens at $1 / $2 per million; the unsolved tree took two calls, the unsure one three
    expect(of(solved.treeId).costUsd).toBeCloseTo(0.00036, 8);
    expect(of(unsolved.treeId).costUsd).toBeCloseTo(0.00072, 8);
    expect(of(unsure.treeId).costUsd).toBeCloseTo(0.00108, 8);
    expect(run).toMatchObject({ status: "succeeded", llmCalls: 6, promptTokens: 1800, completionTokens: 180 });
    expect(run.costUsd).toBeCloseTo(0.00216, 8);
    expect((await verdictOf(unsure.treeId))!.score).toBe(0.5);

    const report = await getEvaluationReport(runId);
    expect(report.mode).toBe("pass_rate");
    const groups = report.groups as { group: string; trees: number; passed: number; meanScore: number }[];
    expect(groups.find((g) => g.group === "G1")).toMatchObject({ trees: 2, passed: 1, meanScore: 0.5 });
    expect(groups.at(-1)).toMatchObject({ group: "all", trees: 3 });
  });

  it("verdicts show in the tree list, which filters by pass label", async () => {
    const solved = await treeWith(giveAnswer("Sunny."));
    const unsolved = await treeWith(giveAnswer(""));
    await evaluate(scriptedJudge({ answer: () => "Solved" }), { mode: "pass_rate", filter: { ids: [solved.treeId, unsolved.treeId] }, judgements: 1, checkSolvable: false });
    const page = async (pass: string) => (await listTreePage(treeListFilter.parse({ pass, pageSize: 200 }))).items;
    expect((await page("Solved")).map((t) => t.id)).toContain(solved.treeId);
    expect((await page("Solved")).map((t) => t.id)).not.toContain(unsolved.treeId);
    const row = (await page("Unsolved")).find((t) => t.id === unsolved.treeId);
    expect(row?.passVerdict).toEqual({ label: "Unsolved", passed: false, passVotes: 0, judgements: 1, score: 0 });
    const notJudged = await treeWith(giveAnswer("Cloudy."));
    expect((await page("none")).map((t) => t.id)).toContain(notJudged.treeId);
    expect((await page("none")).map((t) => t.id)).not.toContain(solved.treeId);
    expect((await getTreeView(solved.treeId)).tree.passVerdict).toMatchObject({ label: "Solved", passed: true });
  });

  it("stops at the cost cap: the judge's spending counts before each call", async () => {
    const trees = [await treeWith(giveAnswer("A.")), await treeWith(giveAnswer("B.")), await treeWith(giveAnswer("C."))];
    const { runId, run } = await evaluate(scriptedJudge({}), { mode: "pass_rate", filter: { ids: trees.map((t) => t.treeId) }, judgements: 2, costCapUsd: 0.0001 });
    expect(run.status).toBe("cancelled");
    expect(run.llmCalls).toBe(1);
    expect(run.costUsd).toBeCloseTo(0.00036, 8);
    expect(await evaluationsOf(runId)).toHaveLength(0);
    const items = await sql<{ status: string }>(`select status::text from "RunItem" where "runId" = $1`, [runId]);
    expect(items.every((i) => i.status === "skipped")).toBe(true);
  });

  it("a dead judge endpoint fails the run with a clear error", async () => {
    const { treeId } = await treeWith(giveAnswer("Rain."));
    const { runId, run } = await evaluate(scriptedJudge({}), { mode: "pass_rate", filter: { ids: [treeId] }, judgements: 1 }, await deadEndpointUrl());
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/cannot be reached at http:\/\/127\.0\.0\.1:\d+\/v1/);
    const [item] = await sql<{ status: string; error: string }>(`select status::text, error from "RunItem" where "runId" = $1`, [runId]);
    expect(item).toMatchObject({ status: "failed" });
    expect(item!.error).toMatch(/cannot be reached/);
    expect(await evaluationsOf(runId)).toHaveLength(0);
  });
});

describe("win rate", () => {
  it("the judge compares answers in both orders; differing pass verdicts decide without it; the report counts by group", async () => {
    const pairs = [] as { candidate: number; reference: number }[];
    for (const group of ["G1", "G2"]) {
      const ref = await treeWith(giveAnswer("REFERENCE: rain."), { model: "ref-model", group });
      const cand = await treeWith(giveAnswer("CANDIDATE: rain, 4°C, no alerts."), { model: "cand-model", instructionId: ref.instructionId });
      pairs.push({ candidate: cand.treeId, reference: ref.treeId });
    }
    // in G2 the reference passed and the candidate failed: no judge needed there
    await sql(`insert into "TreePassVerdict" ("treeId", label, passed, "passVotes", judgements, score, "updatedAt") values ($1, 'Unsolved', false, 0, 4, 0, now()), ($2, 'Solved', true, 4, 4, 1, now())`, [
      pairs[1]!.candidate,
      pairs[1]!.reference,
    ]);
    const { runId, run } = await evaluate(scriptedJudge({ better: (r) => shownIndexOf(r, "CANDIDATE")! }), {
      mode: "preference",
      candidate: { model: "cand-model" },
      reference: { model: "ref-model" },
    });
    expect(run).toMatchObject({ status: "succeeded", progressDone: 2, llmCalls: 2 });
    // round 1 shows the reference first, round 2 the candidate first
    expect(server!.requests.map((r) => shownIndexOf(r, "CANDIDATE"))).toEqual([1, 0]);
    const rows = await sql<{ treeId: number; referenceTreeId: number; preference: string; details: { rounds: { first: string; by: string; point: string }[] }; costUsd: number }>(
      `select "treeId", "referenceTreeId", preference::text, details, "costUsd"::float8 as "costUsd" from "Evaluation" where "runId" = $1 order by "treeId"`,
      [runId],
    );
    expect(rows.map((r) => [r.treeId, r.referenceTreeId, r.preference])).toEqual([
      [pairs[0]!.candidate, pairs[0]!.reference, "win"],
      [pairs[1]!.candidate, pairs[1]!.reference, "loss"],
    ]);
    expect(rows[0]!.details.rounds.map((r) => [r.first, r.by, r.point])).toEqual([
      ["reference", "judge", "candidate"],
      ["candidate", "judge", "candidate"],
    ]);
    expect(rows[1]!.details.rounds.every((r) => r.by === "pass" && r.point === "reference")).toBe(true);
    expect(rows[0]!.costUsd).toBeCloseTo(0.00072, 8);

    const report = await getEvaluationReport(runId);
    expect(report).toMatchObject({ mode: "preference", candidate: "cand-model", reference: "ref-model" });
    expect(report.groups.map((g) => [g.group, "win" in g ? [g.win, g.tie, g.loss] : null])).toEqual([
      ["G1", [1, 0, 0]],
      ["G2", [0, 0, 1]],
      ["all", [1, 0, 1]],
    ]);
  });
});
