// Win rate from the browser: a second model's answer to a real ToolBench query (a copy of a real
// DFSDT answer file whose final answer carries a mark) is compared with ChatGPT's by a scripted judge
// that prefers the marked answer whichever side it is shown on; the report counts the candidate's win.
// Then ToolEval's own result files for the same two models are imported and reported by test set.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { scriptedJudge, shownIndexOf } from "../lib/test/fake-judge";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "../lib/test/fake-openai-server";
import { readDataset } from "../lib/test/datasets";
import { addEndpointInSettings, ensureDatasetsImported, waitForRun } from "./fixtures";

const KEY = "sk-e2e-win-judge-key-0417";
const MARK = "ZEBRAMARK";
const ANSWER_START = "I found a phone case for the latest iPhone 14";
let server: FakeOpenAiServer;
let dir: string;

test.beforeAll(async ({ request }) => {
  server = await startFakeOpenAiServer({ apiKey: KEY, respond: scriptedJudge({ better: (r) => shownIndexOf(r, MARK) ?? 0 }) });
  await ensureDatasetsImported(request);
  // "Rival" answered query 57 like ChatGPT did, with a marked final answer
  const original = readDataset("toolbench/answer/G1_answer/57_ChatGPT_DFS_woFilter_w2.json");
  expect(original.split(ANSWER_START).length - 1).toBeGreaterThan(1);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "arbor-e2e-rival-"));
  fs.chmodSync(dir, 0o755);
  fs.mkdirSync(path.join(dir, "G1_answer"));
  fs.writeFileSync(path.join(dir, "G1_answer", "57_Rival_DFS_woFilter_w2.json"), original.replaceAll(ANSWER_START, `${MARK}: ${ANSWER_START}`));
  const res = await request.post("/api/imports", { data: { paths: [dir] } });
  expect(res.status(), await res.text()).toBe(202);
  const run = await waitForRun(request, ((await res.json()) as { runId: number }).runId);
  expect(run.status, run.error ?? "").toBe("succeeded");
});
test.afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("compare a candidate model with a reference on the same queries and read the win rate by group", async ({ page }) => {
  await addEndpointInSettings(page, { name: "Fake win judge", model: "judge-model", baseUrl: server.url, apiKey: KEY });

  await page.goto("/evaluations/new");
  const form = page.getByRole("form", { name: "New evaluation run" });
  await form.getByLabel("Win rate").check();
  await expect(form.getByLabel("Candidate: model")).toBeVisible();
  await expect(form.getByLabel("Candidate: model").locator("option", { hasText: /^Rival \(/ })).toHaveCount(1);
  await form.getByLabel("Candidate: model").selectOption("Rival");
  await form.getByLabel("Reference: model").selectOption("ChatGPT");
  await form.getByLabel("Group").selectOption("G1");
  await form.getByLabel("How many pairs").fill("10");
  await form.getByLabel("Judge endpoint").selectOption({ label: "Fake win judge — judge-model" });
  await form.getByLabel("Rounds per pair").fill("2");
  const before = server.requests.length;
  await form.getByRole("button", { name: "Start evaluating" }).click();

  await expect(page).toHaveURL(/\/runs\/\d+$/);
  const progress = page.getByRole("region", { name: "Run progress" });
  await expect(progress.getByText("succeeded")).toBeVisible({ timeout: 60_000 });
  // one pair (query 57), judged in two rounds with the answers shown in both orders
  const asked = server.requests.slice(before).filter((r) => r.messages.some((m) => m.content?.includes("Choose the better of the two answers")));
  expect(asked.length).toBeGreaterThanOrEqual(2);
  expect(new Set(asked.map((r) => shownIndexOf(r, MARK)))).toEqual(new Set([0, 1]));

  await page.getByRole("link", { name: "See the evaluation report" }).click();
  const report = page.getByRole("region", { name: "Win rate report" });
  await expect(report.getByText(/Candidate\s+Rival\s+against reference\s+ChatGPT/)).toBeVisible();
  const g1 = report.getByRole("row", { name: /^G1/ });
  await expect(g1.getByRole("cell")).toHaveText(["G1", "1", "1", "0", "0", "100.0%", "0.0%"]);
  await expect(report.getByRole("row", { name: /^All groups/ }).getByRole("cell").nth(2)).toHaveText("1");
});

test("imported ToolEval result files get reports by test set, at addresses that can be shared", async ({ page, request }) => {
  const results = path.join(dir, "results");
  const write = (rel: string, data: unknown) => {
    fs.mkdirSync(path.dirname(path.join(results, rel)), { recursive: true });
    fs.writeFileSync(path.join(results, rel), JSON.stringify(data));
  };
  // query 57: the judge split on Rival's answer (Solved, then Unsolved); Rival beat ChatGPT in both rounds
  write("pass_rate_results/G1_instruction_Rival.json", {
    "57": { passed: 1, failed: 1, query: "", task_solvable: "TaskStatus.Solvable", is_solved: { "0": "AnswerStatus.Solved", "1": "AnswerStatus.Unsolved" }, reason: "split", not_hallucinate: true },
  });
  write("preference_results/G1_instruction_ChatGPT_Rival.json", { "57": { ChatGPT: 0, Rival: 2, round_0: "complete", round_1: "complete" } });
  const res = await request.post("/api/imports", { data: { paths: [results] } });
  expect(res.status(), await res.text()).toBe(202);
  const run = await waitForRun(request, ((await res.json()) as { runId: number }).runId);
  expect(run.status, run.error ?? "").toBe("succeeded");

  await page.goto("/evaluations");
  const imported = page.getByRole("table", { name: /Imported results/ });
  await imported.getByRole("link", { name: "ToolEval results (Rival)", exact: true }).click();
  await expect(page).toHaveURL(/[?&]kind=pass_rate/);
  const pass = page.getByRole("region", { name: "Imported pass rate report" });
  // one vote each way passes; a tie of answer statuses is Unsure, scored 0.5
  await expect(pass.getByRole("row", { name: /^G1_instruction/ }).getByRole("cell")).toHaveText(["G1_instruction", "1", "1", "100.0%", "0.500", "0 · 1 · 0"]);

  await imported.getByRole("link", { name: "ToolEval results (Rival against ChatGPT)" }).click();
  await expect(page).toHaveURL(/[?&]kind=preference/);
  const shared = page.url();
  const wins = page.getByRole("region", { name: "Imported win rate report" });
  await expect(wins.getByRole("row", { name: /^G1_instruction/ }).getByRole("cell")).toHaveText(["G1_instruction", "1", "1", "0", "0", "100.0%", "0.0%"]);
  await expect(wins.getByRole("row", { name: /^All test sets/ }).getByRole("cell").nth(2)).toHaveText("1");

  // the address opens the same report
  await page.goto(shared);
  await expect(page.getByRole("region", { name: "Imported win rate report" }).getByRole("row", { name: /^G1_instruction/ })).toBeVisible();
  // and a wrong one says what is wrong
  const bad = await request.get("/api/evaluations/imported?kind=votes&model=x");
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/kind/);
});

