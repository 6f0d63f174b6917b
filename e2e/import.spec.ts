import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { datasetsDir, ensureDatasetsImported } from "./fixtures";

/** Trees the datasets hold: one per answer file, one per query id of a converted file. */
function expectedTrees(): number {
  let n = 0;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/^\d+_.*\.json$/.test(e.name)) n++;
      else if (p.includes("tooleval_converted")) n += Object.keys(JSON.parse(fs.readFileSync(p, "utf8"))).length;
    }
  };
  walk(datasetsDir());
  return n;
}

test("upload a folder of answer files and follow the import to its summary", async ({ page }) => {
  await page.goto("/import");
  await expect(page.getByRole("heading", { name: "Import", exact: true })).toBeVisible();
  await page.getByLabel("Folder to import").setInputFiles(path.join(datasetsDir(), "toolbench", "answer"));
  await expect(page.getByText(/10 JSON files selected/)).toBeVisible();
  await page.getByRole("button", { name: "Import 10 files" }).click();

  const run = page.getByRole("region", { name: /Import #\d+/ });
  await expect(run.getByText("succeeded")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("progressbar", { name: "Import progress" })).toHaveAttribute("value", "100");
  const files = page.getByLabel("Import summary").locator("div", { hasText: "files read" });
  await expect(files.locator("dd")).toHaveText("10");
  // the run is in the URL and in the history
  await expect(page).toHaveURL(/\/import\?run=\d+/);
  await expect(page.getByRole("complementary", { name: "Recent imports" }).getByRole("button").first()).toContainText("succeeded");
});

test("a malformed file is reported with where it is wrong, and the others import", async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "arbor-e2e-bad-"));
  const good = fs.readFileSync(path.join(datasetsDir(), "toolbench", "instruction", "G3_query.json"), "utf8");
  fs.writeFileSync(path.join(dir, "G3_query.json"), good);
  fs.writeFileSync(path.join(dir, "broken.json"), good.slice(0, 2000));
  try {
    await page.goto("/import");
    await page.getByLabel("Files to import").setInputFiles([path.join(dir, "G3_query.json"), path.join(dir, "broken.json")]);
    await page.getByRole("button", { name: "Import 2 files" }).click();
    const failed = page.getByRole("list", { name: "Files that failed" });
    await expect(failed).toBeVisible({ timeout: 30_000 });
    await expect(failed.getByRole("listitem")).toHaveCount(1);
    await expect(failed).toContainText("broken.json");
    await expect(failed).toContainText(/not valid JSON.*line \d+, column \d+/);
    await expect(page.getByText("1 file could not be imported")).toBeVisible();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("import every dataset from a server folder; the overview counts them", async ({ page, request }) => {
  await page.goto("/import");
  await page.getByLabel(/Files or folders on the server/).fill(datasetsDir());
  await page.getByRole("button", { name: "Import from server" }).click();
  const region = page.getByRole("region", { name: /Import #\d+/ });
  await expect(region.getByText("succeeded")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("list", { name: "Files that failed" })).toHaveCount(0);
  // every tree of the files is either new or already there (other tests may have imported them first)
  const runId = Number(/Import #(\d+)/.exec(await region.getByRole("heading", { name: /^Import #\d+/ }).innerText())![1]);
  const { result } = (await (await request.get(`/api/runs/${runId}`)).json()) as { result: { trees: number; duplicateTrees: number } };
  expect(result.trees + result.duplicateTrees).toBe(expectedTrees());

  const before = (await (await request.get("/api/overview")).json()).totals.trees as number;
  expect(before).toBeGreaterThanOrEqual(expectedTrees());
  await ensureDatasetsImported(request); // idempotent: a re-import adds nothing
  const stats = await (await request.get("/api/overview")).json();
  expect(stats.totals.trees).toBe(before);
});

test("a bad server path gets a clear error and starts nothing", async ({ page }) => {
  await page.goto("/import");
  await page.getByLabel(/Files or folders on the server/).fill("/no/such/folder");
  await page.getByRole("button", { name: "Import from server" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "No such file or folder" })).toContainText("No such file or folder on the server: /no/such/folder");
  await expect(page).not.toHaveURL(/run=/);
});
