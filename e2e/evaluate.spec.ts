// Evaluations from the browser: configure a judge endpoint pointing at a fake OpenAI-compatible
// server in this process, judge imported real trees (ToolBench's DFSDT answers) for the pass rate,
// read the report, and find the labels in the tree list. Viewers can read reports but not start runs.
import { expect, test } from "@playwright/test";
import { scriptedJudge } from "../lib/test/fake-judge";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "../lib/test/fake-openai-server";
import { addEndpointInSettings, ensureDatasetsImported } from "./fixtures";
import { USERS } from "./users";

const KEY = "sk-e2e-judge-key-51c9";
let server: FakeOpenAiServer;

test.beforeAll(async ({ request }) => {
  // every answer the judge reads is Solved; give-ups and paths without Finish are Unsolved by rule
  server = await startFakeOpenAiServer({ apiKey: KEY, respond: scriptedJudge({ answer: () => "Solved", solvable: () => "Solvable" }) });
  await ensureDatasetsImported(request);
});
test.afterAll(async () => {
  await server.close();
});

test.describe.configure({ mode: "serial" });

test("configure a judge endpoint", async ({ page }) => {
  await addEndpointInSettings(page, { name: "Fake judge", model: "judge-model", baseUrl: server.url, apiKey: KEY });
});

test("judge imported trees' pass rate, read the report, and filter the tree list by pass label", async ({ page }) => {
  await page.goto("/evaluations");
  await page.getByRole("link", { name: "Evaluate", exact: true }).click();
  const form = page.getByRole("form", { name: "New evaluation run" });
  await expect(form.getByLabel("Trees: method")).toBeVisible();
  await form.getByLabel("Trees: method").selectOption("dfsdt");
  await form.getByLabel("Group").selectOption("G1");
  await form.getByLabel("How many trees").fill("5");
  await form.getByLabel("Judge endpoint").selectOption({ label: "Fake judge — judge-model" });
  await form.getByLabel("Evaluations per tree").fill("2");
  await form.getByRole("button", { name: "Start evaluating" }).click();

  await expect(page).toHaveURL(/\/runs\/\d+$/);
  const progress = page.getByRole("region", { name: "Run progress" });
  await expect(progress.getByRole("progressbar", { name: "Items done" })).toHaveAttribute("value", "100", { timeout: 60_000 });
  await expect(progress.getByText("succeeded")).toBeVisible();
  expect(server.requests.length).toBeGreaterThan(0);

  await page.getByRole("link", { name: "See the evaluation report" }).click();
  await expect(page).toHaveURL(/\/evaluations\?run=\d+$/);
  const report = page.getByRole("region", { name: "Pass rate report" });
  const all = report.getByRole("row", { name: /^All groups/ });
  await expect(all).toBeVisible();
  await expect(all.getByRole("cell").nth(1)).toHaveText("5");

  await page.goto("/trees?group=G1&method=dfsdt");
  await expect(page.getByRole("columnheader", { name: "Pass label" })).toBeVisible();
  const treeRows = page.getByRole("row").filter({ has: page.getByRole("link", { name: /^Tree #\d+:/ }) });
  await expect(treeRows).toHaveCount(5);
  // the invalid tree (no answer path) is Unsolved by rule
  await page.getByLabel("Pass label").selectOption("Unsolved");
  await expect(page).toHaveURL(/pass=Unsolved/);
  await expect(treeRows.first().getByText("Unsolved", { exact: true })).toBeVisible();
  await page.getByLabel("Pass label").selectOption("Solved");
  await expect(page).toHaveURL(/pass=Solved/);
  const solvedRows = page.getByRole("row").filter({ has: page.getByRole("link", { name: /^Tree #\d+:/ }) });
  await expect(solvedRows.first()).toBeVisible();
  const n = await solvedRows.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) await expect(solvedRows.nth(i).getByText("Solved", { exact: true })).toBeVisible();

  // the label is on the tree's own page too
  await solvedRows.first().getByRole("link", { name: /^Tree #\d+:/ }).click();
  await expect(page).toHaveURL(/\/trees\/\d+/);
  // in the summary, and as the review panel's pre-label, which one key accepts
  await expect(page.getByTitle(/^Pass-rate judge: Solved, passed/)).toHaveCount(2);
  const preLabel = page.getByRole("group", { name: "Pre-label" });
  await expect(preLabel.getByRole("button", { name: /Accept pre-label \(approve\)/ })).toBeVisible();
  await expect(preLabel.getByText("The answer was read against the query.")).toBeVisible();
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" }).getByText(/accept the judge's pre-label/)).toBeVisible();
  // `l` saves the suggested verdict; the save is caught on its way (a stored review would change
  // what the review dashboard shows other specs), and its arguments checked
  const saved = new Promise<string>((resolve) => {
    void page.route(/\/trees\/\d+/, async (route) => {
      const request = route.request();
      if (request.method() !== "POST" || !request.headers()["next-action"]) return route.continue();
      resolve(request.postData() ?? "");
      await route.abort();
    });
  });
  await page.keyboard.press("l");
  const body = await saved;
  expect(body).toContain('"verdict":"approve"');
  expect(body).toMatch(/"treeId":\d+/);
});

test.describe("as a viewer", () => {
  test.use({ storageState: USERS.viewer.storageState });

  test("reports can be read but no evaluation can be started", async ({ page }) => {
    await page.goto("/evaluations");
    await expect(page.getByRole("heading", { name: "Evaluations", exact: true })).toBeVisible();
    await expect(page.getByRole("region", { name: "Pass rate report" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Evaluate", exact: true })).toHaveCount(0);
    await page.goto("/evaluations/new");
    await expect(page.getByText("Not allowed")).toBeVisible();
  });
});
