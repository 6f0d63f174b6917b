import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { datasetsDir, ensureDatasetsImported } from "./fixtures";

/** Answer files in the datasets whose name ends with the given method suffix. */
function countAnswerFiles(suffix: string): number {
  let n = 0;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/^\d+_/.test(e.name) && e.name.endsWith(suffix)) n++;
    }
  };
  walk(datasetsDir());
  return n;
}

test.beforeEach(async ({ request }) => {
  await ensureDatasetsImported(request);
});

test("the overview shows totals and the breakdowns by group, method and finish type", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();

  const totals = page.getByRole("region", { name: "Totals" });
  for (const label of ["Categories", "Tools", "APIs", "Instructions", "Trees", "Nodes"]) {
    await expect(totals.getByRole("link", { name: new RegExp(`^${label} [1-9][0-9,]*`) })).toBeVisible();
  }

  const byMethod = page.getByRole("region", { name: "Trees by method" });
  await expect(byMethod.getByRole("row", { name: "DFS_woFilter_w2" })).toHaveText(`DFS_woFilter_w2${countAnswerFiles("_DFS_woFilter_w2.json")}`);
  await expect(byMethod.getByRole("row", { name: "CoT@1" })).toHaveText(`CoT@1${countAnswerFiles("_CoT@1.json")}`);

  const byFinish = page.getByRole("region", { name: "Trees by finish type" });
  await expect(byFinish.getByRole("rowheader", { name: "give_answer" })).toBeVisible();
  await expect(byFinish.getByRole("rowheader", { name: "give_up" })).toBeVisible();

  const byGroup = page.getByRole("region", { name: "Instructions and trees by group" });
  for (const group of ["G1", "G2", "G3"]) await expect(byGroup.getByRole("link", { name: group, exact: true })).toBeVisible();
});

test("a group in the overview opens the instruction list filtered by it", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("region", { name: "Instructions and trees by group" }).getByRole("link", { name: "G2", exact: true }).click();
  await expect(page).toHaveURL(/\/instructions\?group=G2$/);
  await expect(page.getByLabel("Group")).toHaveValue("G2");
  await expect(page.getByRole("table").getByRole("row").nth(1)).toContainText("G2");
});

test("an empty database shows how to import", async ({ page }) => {
  const empty = { totals: { categories: 0, tools: 0, apis: 0, instructions: 0, instructionsWithTrees: 0, trees: 0, validTrees: 0, nodes: 0 }, groups: [], methods: [], finishTypes: [], isEmpty: true };
  await page.route("**/api/overview", (route) => route.fulfill({ json: empty }));
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Nothing imported yet" })).toBeVisible();
  await expect(page.getByText("npm run arbor -- import <folder>")).toBeVisible();
  await expect(page.getByRole("link", { name: "Import page" })).toHaveAttribute("href", "/import");
});

test("a failing overview request shows the error and can be retried", async ({ page }) => {
  let failing = true;
  await page.route("**/api/overview", (route) =>
    failing ? route.fulfill({ status: 500, json: { error: { code: "INTERNAL", message: "database unreachable" } } }) : route.fallback(),
  );
  await page.goto("/");
  const alert = page.getByRole("alert").filter({ hasText: "The overview could not be loaded" });
  await expect(alert).toContainText("database unreachable");
  await expect(page.getByRole("region", { name: "Totals" })).toHaveCount(0);
  failing = false;
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("region", { name: "Totals" })).toBeVisible();
  await expect(alert).toHaveCount(0);
});
