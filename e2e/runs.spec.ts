// Runs from the browser, against a fake OpenAI-compatible server in this process (127.0.0.1):
// configure the endpoint on the Settings page, solve imported instructions and open a tree the run
// made, generate instructions and find them in the list. The worker started with the app does the work.
import { expect, test } from "@playwright/test";
import { solvesWithFirstFunction, writesInstructions } from "../lib/test/fake-llm-scripts";
import { startFakeOpenAiServer, toolResults, type FakeOpenAiServer } from "../lib/test/fake-openai-server";
import { ensureDatasetsImported } from "./fixtures";
import { USERS } from "./users";

const KEY = "sk-e2e-secret-key-7f3a";
let server: FakeOpenAiServer;
/** While set, the model takes this long over every step after the first (to watch a search under way). */
let slowStepMs = 0;

test.beforeAll(async ({ request }) => {
  server = await startFakeOpenAiServer({
    apiKey: KEY,
    respond: async (r) => {
      if (!r.tools) return writesInstructions(r);
      if (slowStepMs && toolResults(r) > 0) await new Promise((done) => setTimeout(done, slowStepMs));
      return solvesWithFirstFunction(r);
    },
  });
  await ensureDatasetsImported(request);
});
test.afterAll(async () => {
  await server.close();
});

test.describe.configure({ mode: "serial" });

test("configure an endpoint; its key is never shown", async ({ page }) => {
  await page.goto("/settings");
  await page.getByText("Add an endpoint").click();
  const form = page.getByRole("form", { name: "New endpoint" });
  await form.getByLabel("Name").fill("Fake LLM");
  await form.getByLabel("Model").fill("fake-model");
  await form.getByLabel("Base URL").fill(server.url);
  await form.getByLabel("API key").fill(KEY);
  await form.getByLabel("Prompt price (USD / 1M tokens)").fill("1");
  await form.getByRole("button", { name: "Add endpoint" }).click();
  const row = page.getByRole("row", { name: /Fake LLM/ });
  await expect(row).toBeVisible();
  await expect(row.getByText("set · …7f3a")).toBeVisible();
  await page.reload();
  expect(await page.content()).not.toContain(KEY);
});

test("solve imported instructions, watch the run reach 100%, and open a tree it made", async ({ page }) => {
  await page.goto("/runs/new?kind=solve");
  const form = page.getByRole("form", { name: "New solve run" });
  await form.getByLabel("Group").selectOption("G1");
  await form.getByLabel("How many instructions").fill("3");
  await form.getByLabel("LLM endpoint").selectOption({ label: "Fake LLM — fake-model" });
  await form.getByLabel(/^Simulated/).uncheck();
  await form.getByRole("button", { name: "Start solving" }).click();

  await expect(page).toHaveURL(/\/runs\/\d+$/);
  const progress = page.getByRole("region", { name: "Run progress" });
  await expect(progress.getByRole("progressbar", { name: "Items done" })).toHaveAttribute("value", "100", { timeout: 60_000 });
  await expect(progress.getByText("succeeded")).toBeVisible();
  await expect(progress.getByText("3 of 3 instructions done (100%)")).toBeVisible();
  await expect(page.getByLabel("Run statistics").locator("div", { hasText: "LLM calls" }).locator("dd")).toHaveText("6");

  const treeLink = page.getByRole("link", { name: /^Tree #\d+$/ }).first();
  const treeName = await treeLink.textContent();
  await treeLink.click();
  await expect(page.getByRole("heading", { name: new RegExp(`${treeName}.*DFS_woFilter_w2`) })).toBeVisible();
  await expect(page.getByRole("tree", { name: "Search tree" })).toBeVisible();
});

test("watch the tree of the instruction being solved grow", async ({ page }) => {
  slowStepMs = 8000;
  try {
    await page.goto("/runs/new?kind=solve");
    const form = page.getByRole("form", { name: "New solve run" });
    await form.getByLabel("Group").selectOption("G2");
    await form.getByLabel("How many instructions").fill("1");
    await form.getByLabel("LLM endpoint").selectOption({ label: "Fake LLM — fake-model" });
    await form.getByLabel(/^Simulated/).uncheck();
    await form.getByRole("button", { name: "Start solving" }).click();
    await expect(page).toHaveURL(/\/runs\/\d+$/);
    // the first step is stored while the model thinks about the second
    await expect(page.getByRole("heading", { name: /^Searching: instruction #\d+ · 4 nodes · 1 LLM calls$/ })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole("tree", { name: "Search tree" })).toBeVisible();
    await expect(page.getByRole("progressbar", { name: "Items done" })).toHaveAttribute("value", "100", { timeout: 60_000 });
    await expect(page.getByRole("link", { name: /^Tree #\d+$/ })).toBeVisible();
  } finally {
    slowStepMs = 0;
  }
});

test("generate instructions and see them listed", async ({ page }) => {
  await page.goto("/runs/new?kind=generate");
  const form = page.getByRole("form", { name: "New generation run" });
  await form.getByLabel("How many instructions").fill("6");
  await form.getByLabel("Per LLM call").fill("3");
  await form.getByLabel("LLM endpoint").selectOption({ label: "Fake LLM — fake-model" });
  await form.getByRole("button", { name: "Start generating" }).click();

  await expect(page).toHaveURL(/\/runs\/\d+$/);
  const progress = page.getByRole("region", { name: "Run progress" });
  await expect(progress.getByText("succeeded")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/4 new instructions \(2 dropped by the hallucination filter/)).toBeVisible();
  await page.getByRole("link", { name: "See the generated instructions" }).click();
  await expect(page).toHaveURL(/\/instructions\?run=\d+/);
  await expect(page.getByRole("row").filter({ hasText: /Query \w+ \d: use/ })).toHaveCount(4);
});

test.describe("as a viewer", () => {
  test.use({ storageState: USERS.viewer.storageState });

  test("runs can be watched but not started, and settings are closed", async ({ page }) => {
    await page.goto("/runs");
    await expect(page.getByRole("heading", { name: "Runs", exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: /DFSDT with fake-model/ }).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Solve instructions" })).toHaveCount(0);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" })).toHaveCount(0);
    await page.goto("/settings");
    await expect(page.getByText("Not allowed")).toBeVisible();
    await page.goto("/runs/new?kind=solve");
    await expect(page.getByText("Not allowed")).toBeVisible();
  });
});
