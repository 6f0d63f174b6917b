import { expect, test, type Page } from "@playwright/test";
import { readDatasetJson } from "../lib/test/datasets";
import { ensureDatasetsImported } from "./fixtures";

interface QueryEntry {
  query: string;
  query_id: number;
  api_list: { tool_name: string }[];
}

const answer57 = () => readDatasetJson<{ answer_generation: { query: string } }>("toolbench/answer/G1_answer/57_ChatGPT_DFS_woFilter_w2.json").answer_generation.query;
const g1Queries = () => readDatasetJson<QueryEntry[]>("toolbench/instruction/G1_query.json");
const g2Queries = () => readDatasetJson<QueryEntry[]>("toolbench/instruction/G2_query.json");

const rows = (page: Page) => page.getByRole("table").getByRole("row");

test.beforeEach(async ({ request }) => {
  await ensureDatasetsImported(request);
});

test("full-text search finds an instruction, whose page shows its DFS tree's chosen path as steps", async ({ page }) => {
  const query = answer57();
  await page.goto("/instructions");
  await page.getByLabel("Search queries").fill("latest products in the market iPhone 14");
  await expect(page).toHaveURL(/[?&]q=latest\+products/);
  await page.getByRole("link", { name: query }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("G1Instruction query 57");
  await expect(page.getByRole("region", { name: "Query" })).toHaveText(query);

  const tree = page.getByRole("article", { name: /DFS_woFilter_w2/ });
  await expect(tree).toContainText("give_answer");
  await expect(tree).toContainText("valid");
  const steps = tree.getByRole("list", { name: "Chosen path" }).getByRole("listitem");
  await expect(steps).toHaveCount(4);
  await expect(steps.nth(0)).toContainText("products_for_seo_api");
  await expect(steps.nth(0)).toContainText('"query": "latest iPhone 14"');
  await expect(steps.nth(1)).toContainText("news_for_seo_api");
  await expect(steps.nth(2)).toContainText("search_b_for_seo_api");
  await expect(steps.nth(3)).toContainText("Finish");
  await expect(steps.nth(3)).toContainText("I found a phone case for the latest iPhone 14");

  // the second call's observation is collapsed, with its status code explained when opened
  const observation = steps.nth(1).getByText("Observation", { exact: true });
  await expect(steps.nth(1)).toContainText("11 Error in response");
  await expect(steps.nth(1).getByText("Status 11:")).toBeHidden();
  await observation.click();
  await expect(steps.nth(1).getByText(/^Status 11: The response's error field was set/)).toBeVisible();
  await expect(steps.nth(1).getByLabel("Observation", { exact: true })).toContainText('"error": "Message error..."');
});

test("a tree without a valid answer says it has no chosen path and gives its node count", async ({ page }) => {
  await page.goto(`/instructions?q=${encodeURIComponent('"latest news articles in French"')}`);
  await page.getByRole("link", { name: /^I need the latest news articles in French/ }).click();
  const tree = page.getByRole("article", { name: /DFS_woFilter_w2/ });
  await expect(tree).toContainText("invalid");
  await expect(tree).toContainText("No chosen path: the search found no valid answer (valid_data = false). Its 66 nodes are stored");
});

test("sampled APIs link to the catalog and the relevant ones are marked", async ({ page }) => {
  const first = g1Queries()[0]!;
  await page.goto(`/instructions?q=${encodeURIComponent(`"${first.query.slice(0, 60)}"`)}&group=G1`);
  await page.getByRole("link", { name: first.query }).click();
  const apis = page.getByRole("region", { name: "APIs", exact: true });
  await expect(apis.getByRole("row", { name: /Checkhealth/ })).toContainText("relevant");
  await expect(apis.getByRole("row", { name: /Projects/ })).toContainText("relevant");
  await apis.getByRole("link", { name: "Checkhealth" }).click();
  await expect(page).toHaveURL(/\/catalog\/apis\/\d+$/);
  await expect(page.getByText("checkhealth_for_squake")).toBeVisible();
});

test("an instruction recommends catalog APIs by BM25, marking its relevant ones, with the ranking's NDCG", async ({ page }) => {
  const first = g1Queries()[0]!;
  await page.goto(`/instructions?q=${encodeURIComponent(`"${first.query.slice(0, 60)}"`)}&group=G1`);
  await page.getByRole("link", { name: first.query }).click();
  await expect(page).toHaveURL(/\/instructions\/\d+$/);
  const id = Number(/\/instructions\/(\d+)/.exec(page.url())![1]);
  const res = await page.request.get(`/api/instructions/${id}/recommendations?k=10`);
  expect(res.ok()).toBe(true);
  const data = (await res.json()) as { recommendations: { functionName: string; relevant: boolean }[] };
  const list = page.getByRole("region", { name: "Recommended APIs" }).getByRole("list", { name: "Recommended APIs" });
  await expect(list.getByRole("listitem")).toHaveCount(data.recommendations.length);
  expect(data.recommendations.length).toBeGreaterThan(0);
  await expect(list.getByRole("listitem").first()).toContainText(data.recommendations[0]!.functionName);
  await expect(list.getByText("relevant", { exact: true })).toHaveCount(data.recommendations.filter((r) => r.relevant).length);
  await expect(page.getByTestId("ndcg")).toHaveText(/^NDCG@1 \d+\.\d · NDCG@5 \d+\.\d$/);
  expect((await page.request.get(`/api/instructions/${id}/recommendations?k=0`)).status()).toBe(400);
  await list.getByRole("link", { name: data.recommendations[0]!.functionName }).click();
  await expect(page).toHaveURL(/\/catalog\/apis\/\d+$/);
});

test("group, category and tool filters narrow the list and live in the URL", async ({ page }) => {
  await page.goto("/instructions");
  await page.getByLabel("Group").selectOption("G2");
  await expect(page).toHaveURL(/\?group=G2$/);
  await page.getByLabel("Category").selectOption("Logistics");
  await expect(page).toHaveURL(/\?group=G2&category=Logistics$/);

  const tool = page.getByRole("combobox", { name: "Tool" });
  await tool.fill("SQUA");
  await page.getByRole("option", { name: /^SQUAKE Logistics/ }).click();
  await expect(page).toHaveURL(/\?group=G2&category=Logistics&tool=\d+$/);

  const table = page.getByRole("table");
  for (const q of g2Queries().filter((q) => q.api_list.some((a) => a.tool_name === "SQUAKE"))) {
    await expect(table.getByRole("link", { name: q.query })).toBeVisible();
  }
  // G1 instructions over SQUAKE are filtered out by the group
  await expect(table.getByRole("link", { name: g1Queries()[0]!.query })).toHaveCount(0);
  const dataRows = rows(page);
  for (let i = 1; i < (await dataRows.count()); i++) await expect(dataRows.nth(i).getByRole("cell").first()).toContainText("G2");

  // a reload (or a shared link) restores the same view
  const url = page.url();
  await page.goto(url);
  await expect(page.getByLabel("Group")).toHaveValue("G2");
  await expect(page.getByLabel("Category")).toHaveValue("Logistics");
  await expect(page.getByRole("button", { name: "Clear tool filter" })).toBeVisible();
  await expect(page.getByText("SQUAKE", { exact: true })).toBeVisible();

  await page.getByRole("link", { name: "Clear all filters" }).click();
  await expect(page).toHaveURL(/\/instructions$/);
});

test("source-file and has-tree filters", async ({ page }) => {
  await page.goto("/instructions");
  await page.getByRole("combobox", { name: "Source file" }).fill("G1_query");
  await page.getByRole("option", { name: /^instruction\/G1_query\.json/ }).click();
  await expect(page).toHaveURL(/\?source=[^&]*G1_query\.json$/);
  const count = g1Queries().length;
  await expect(page.getByRole("navigation", { name: "Pagination", exact: true })).toContainText(`Showing 1–${count} of ${count}`);
  for (const q of g1Queries()) await expect(page.getByRole("link", { name: q.query })).toBeVisible();

  // none of G1_query.json's instructions has a tree in the datasets
  await page.getByLabel("Trees").selectOption("yes");
  await expect(page.getByRole("heading", { name: "No instructions match these filters" })).toBeVisible();
  await page.getByLabel("Trees").selectOption("no");
  await expect(page.getByRole("navigation", { name: "Pagination", exact: true })).toContainText(`of ${count}`);

  // the instruction answered in 57_ChatGPT_DFS_woFilter_w2.json has a tree
  await page.goto(`/instructions?q=${encodeURIComponent("latest products in the market")}&hasTree=no`);
  await expect(page.getByRole("heading", { name: "No instructions match these filters" })).toBeVisible();
  await page.getByLabel("Trees").selectOption("yes");
  await expect(page.getByRole("link", { name: answer57() })).toBeVisible();
});

test("pages of 50 with the total, and page links in the URL", async ({ page }) => {
  await page.goto("/instructions");
  const pager = page.getByRole("navigation", { name: "Pagination", exact: true });
  await expect(pager).toContainText(/Showing 1–50 of [1-9][0-9,]*/);
  await expect(rows(page)).toHaveCount(51);
  const firstRow = await rows(page).nth(1).textContent();
  await pager.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/\?page=2$/);
  await expect(pager).toContainText(/Showing 51–100 of/);
  await expect(rows(page).nth(1)).not.toHaveText(firstRow ?? "");
  await pager.getByRole("link", { name: "Previous" }).click();
  await expect(page).toHaveURL(/\/instructions$/);
});

test("a link with invalid filters explains what is wrong", async ({ page }) => {
  await page.goto("/instructions?page=0&hasTree=maybe");
  const alert = page.getByRole("alert").filter({ hasText: "This link has filters the list does not understand" });
  await expect(alert).toContainText("page must be at least 1");
  await expect(alert).toContainText('hasTree must be "yes" or "no"');
  await alert.getByRole("link", { name: "Show all instructions" }).click();
  await expect(page.getByRole("navigation", { name: "Pagination", exact: true })).toBeVisible();
});

test("an unknown instruction is a not-found page (HTTP 404)", async ({ page }) => {
  const res = await page.goto("/instructions/999999999");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});
