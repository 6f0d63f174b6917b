// Two trees of one instruction side by side, on real imported data: G1 query 59's DFSDT tree, and a
// ReACT answer to the same query derived at test time from that tree (the datasets hold one tree
// per query). Reached from the instruction page and from the tree viewer.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { DERIVED_COT_59_ANSWER, writeDerivedCot59 } from "../lib/test/derived-answers";
import { ensureDatasetsImported, openFromInstruction, queryOf, waitForRun } from "./fixtures";

const ANSWER_59 = "toolbench/answer/G1_answer/59_ChatGPT_DFS_woFilter_w2.json";
const SEARCH = "catchy hashtags English Spanish French";
const tmpDir = () => path.join(os.tmpdir(), `arbor-e2e-compare-${process.pid}`);

test.beforeEach(async ({ request }) => {
  await ensureDatasetsImported(request);
  writeDerivedCot59(tmpDir());
  // importing again adds nothing: the same content is the same tree
  const res = await request.post("/api/imports", { data: { paths: [path.join(tmpDir(), "derived_cot")] } });
  expect(res.status(), await res.text()).toBe(202);
  expect((await waitForRun(request, ((await res.json()) as { runId: number }).runId)).status).toBe("succeeded");
});
test.afterAll(() => {
  fs.rmSync(tmpDir(), { recursive: true, force: true });
});

const alignedRows = (page: Page) => page.getByRole("table", { name: "Aligned calls" }).locator("tbody").getByRole("row");

/** DFSDT on the left, the derived ReACT answer on the right. */
async function expectQuery59Aligned(page: Page) {
  const rows = alignedRows(page);
  await expect(rows).toHaveCount(5);
  expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-kind")))).toEqual(["same", "same", "only_a", "same", "different"]);
  await expect(rows.nth(0)).toContainText("same call");
  await expect(rows.nth(0).getByRole("link", { name: "images_for_seo_api" })).toHaveCount(2);
  // the Spanish hashtag search is made by the DFSDT search alone
  await expect(rows.nth(2)).toContainText("only in A");
  await expect(rows.nth(2)).toContainText("hashtags llamativos para proyecto");
  await expect(rows.nth(2).getByRole("link", { name: "search_b_for_seo_api" })).toHaveCount(1);
  await expect(rows.nth(3)).toContainText("hashtags accrocheurs pour projet");
  await expect(rows.nth(4)).toContainText("different call");
  await expect(rows.nth(4).getByRole("link", { name: "Finish" })).toHaveCount(2);
  const summary = page.getByLabel("Alignment summary");
  for (const text of ["3 same", "1 different", "1 only in A", "0 only in B"]) await expect(summary).toContainText(text);
}

test("an instruction with two trees opens them side by side, their calls aligned step by step", async ({ page }) => {
  await page.goto(`/instructions?q=${encodeURIComponent(SEARCH)}`);
  await page.getByRole("link", { name: queryOf(ANSWER_59) }).click();
  await expect(page.getByRole("region", { name: "Trees" }).getByRole("article")).toHaveCount(2);
  await page.getByRole("link", { name: "Compare trees side by side" }).click();

  await expect(page).toHaveURL(/\/compare\?a=\d+&b=\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Compare trees #\d+ and #\d+$/);
  await expect(page.getByRole("region", { name: "Query" })).toContainText(queryOf(ANSWER_59));

  const a = page.getByRole("region", { name: "Tree A" });
  const b = page.getByRole("region", { name: "Tree B" });
  await expect(a).toContainText("DFS_woFilter_w2");
  await expect(a).toContainText("give_answer");
  await expect(a).toContainText("I'm sorry, but I couldn't find any images related to technology and business.");
  await expect(a).toContainText("Compared along its training path (5 calls)");
  await expect(b).toContainText("CoT@2");
  await expect(b).toContainText(DERIVED_COT_59_ANSWER);
  await expect(b.locator("dt", { hasText: "LLM calls" }).locator("xpath=following-sibling::dd")).toHaveText("4");
  await expect(b.locator("dt", { hasText: "Tokens" }).locator("xpath=following-sibling::dd")).toHaveText("5,120");
  await expect(b.locator("dt", { hasText: "Cost" }).locator("xpath=following-sibling::dd")).toHaveText("not recorded");
  await expect(b.getByText("Not judged yet.")).toBeVisible();
  await expectQuery59Aligned(page);

  // a call links to its node in the tree viewer
  await expect(alignedRows(page).nth(2).getByRole("link", { name: "search_b_for_seo_api" })).toHaveAttribute("href", /^\/trees\/\d+\?node=6$/);
});

test("from the tree viewer, the other tree of the instruction is chosen, and the sides can be swapped", async ({ page }) => {
  await openFromInstruction(page, SEARCH, ANSWER_59);
  // the viewer has written its selection into the URL (a navigation started at that very moment can be lost)
  await expect(page).toHaveURL(/\/trees\/\d+\?node=\d+$/);
  const dfsId = Number(/\/trees\/(\d+)/.exec(page.url())![1]);
  await page.getByRole("link", { name: "Compare with another tree" }).click();
  await expect(page).toHaveURL(new RegExp(`/compare\\?a=${dfsId}$`));
  await expect(page.getByText("Choose a second tree of this instruction to compare.")).toBeVisible();

  const picker = page.getByLabel(`Compare tree #${dfsId} with`);
  await picker.selectOption({ label: (await picker.locator("option", { hasText: "CoT@2" }).textContent())! });
  await expect(page).toHaveURL(new RegExp(`/compare\\?a=${dfsId}&b=\\d+$`));
  await expectQuery59Aligned(page);

  await page.getByRole("link", { name: "Swap sides" }).click();
  await expect(page).toHaveURL(new RegExp(`/compare\\?a=\\d+&b=${dfsId}$`));
  await expect(page.getByRole("region", { name: "Tree A" })).toContainText("CoT@2");
  await expect(alignedRows(page).nth(2)).toContainText("only in B");
});

test("a link that names no trees explains itself, and the API refuses pairs it cannot compare", async ({ page, request }) => {
  await page.goto("/compare?a=abc");
  await expect(page.getByRole("heading", { name: "Nothing to compare" })).toBeVisible();
  expect((await request.get("/api/compare?a=1&b=1")).status()).toBe(400);
  expect((await request.get("/api/compare?a=999999999")).status()).toBe(404);
});
