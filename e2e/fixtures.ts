// Shared set-up for browser tests: the real ToolBench datasets, imported through the app's own API.
import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { expect } from "@playwright/test";
import { datasetsDir, readDatasetJson } from "../lib/test/datasets";

export { datasetsDir };

interface RunJson {
  id: number;
  status: string;
  error: string | null;
  result: { errors: { file: string; message: string }[] } | null;
}

/** Waits for a run to end and returns it. */
export async function waitForRun(request: APIRequestContext, runId: number, timeoutMs = 60_000): Promise<RunJson> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await request.get(`/api/runs/${runId}`);
    expect(res.ok()).toBe(true);
    const run = (await res.json()) as RunJson;
    if (run.status !== "queued" && run.status !== "running") return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} still ${run.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Imports ../shared/datasets (idempotent: a second call adds nothing) and waits for the worker. */
export async function ensureDatasetsImported(request: APIRequestContext): Promise<void> {
  const res = await request.post("/api/imports", { data: { paths: [datasetsDir()] } });
  expect(res.status(), await res.text()).toBe(202);
  const { runId } = (await res.json()) as { runId: number };
  const run = await waitForRun(request, runId);
  expect(run.status, run.error ?? "").toBe("succeeded");
  expect(run.result?.errors ?? []).toEqual([]);
}

/** The query of a real answer file. */
export const queryOf = (rel: string) => readDatasetJson<{ answer_generation: { query: string } }>(rel).answer_generation.query;

/** Opens a tree from its instruction's page, as a reader would, and waits for it to be drawn. */
export async function openFromInstruction(page: Page, search: string, rel: string): Promise<Locator> {
  await page.goto(`/instructions?q=${encodeURIComponent(search)}`);
  await page.getByRole("link", { name: queryOf(rel) }).click();
  await page.getByRole("article", { name: /DFS_woFilter_w2/ }).getByRole("link", { name: /^Open tree/ }).click();
  const tree = page.getByRole("tree", { name: "Search tree" });
  await expect(tree).toHaveAttribute("data-ready", "true");
  return tree;
}

export const node = (tree: Locator, idx: number) => tree.getByRole("treeitem", { name: new RegExp(`^Node ${idx},`) });
export const selectedIdx = async (tree: Locator) => Number(await tree.getByRole("treeitem", { selected: true }).getAttribute("data-idx"));

/** Fits the whole tree on screen, so every node is drawn (only what is on screen is). */
export async function showWholeTree(tree: Locator, count: number) {
  await tree.focus();
  await tree.press("0");
  await expect(tree.getByRole("treeitem")).toHaveCount(count);
}

/** Adds an LLM endpoint on the Settings page, as an admin does, and waits for its row. */
export async function addEndpointInSettings(page: Page, e: { name: string; model: string; baseUrl: string; apiKey: string }): Promise<void> {
  await page.goto("/settings");
  await page.getByText("Add an endpoint").click();
  const form = page.getByRole("form", { name: "New endpoint" });
  await form.getByLabel("Name").fill(e.name);
  await form.getByLabel("Model").fill(e.model);
  await form.getByLabel("Base URL").fill(e.baseUrl);
  await form.getByLabel("API key").fill(e.apiKey);
  await form.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByRole("row", { name: new RegExp(e.name) })).toBeVisible();
}
