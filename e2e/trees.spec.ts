// The tree viewer on real imported ToolBench trees: how a tree is drawn (training path, abandoned
// branches, outcomes, visit order), selecting with the mouse and the keyboard, the inspector and the
// transcript following the selection, and the selection kept in the URL.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Locator } from "@playwright/test";
import { readDataset } from "../lib/test/datasets";
import { ensureDatasetsImported, node, openFromInstruction, queryOf, selectedIdx, showWholeTree, waitForRun } from "./fixtures";

const ANSWER_57 = "toolbench/answer/G1_answer/57_ChatGPT_DFS_woFilter_w2.json";
const ANSWER_G2_10 = "toolbench/answer/G2_answer/10_ChatGPT_DFS_woFilter_w2.json";

test.beforeEach(async ({ request }) => {
  await ensureDatasetsImported(request);
});

const idxsWhere = async (tree: Locator, attribute: string) =>
  (await tree.locator(`[role=treeitem][${attribute}="true"]`).evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-idx"))))).sort((a, b) => a - b);

test("a tree opens from its instruction on the end of its training path, drawn with its path, dead ends and visit order", async ({ page }) => {
  const tree = await openFromInstruction(page, "latest products in the market iPhone 14", ANSWER_57);
  await expect(page).toHaveURL(/\/trees\/\d+\?node=25$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Tree #\d+ · DFS_woFilter_w2$/);
  await expect(node(tree, 25)).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("heading", { name: /^Node 25 · Action Input/ })).toBeVisible();

  await showWholeTree(tree, 26);
  expect(await idxsWhere(tree, "data-on-path")).toEqual([0, 1, 2, 3, 4, 20, 21, 22, 23, 24, 25]);
  expect(await idxsWhere(tree, "data-pruned")).toEqual([9, 16, 19]);
  expect(await idxsWhere(tree, "data-abandoned")).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  // dimmed on screen, not only marked: the card of the given-up attempt (nodes 7–9) is faded, the path's cards are not
  await expect(tree.locator('[data-group="4"]')).toHaveCSS("opacity", "0.55");
  await expect(tree.locator('[data-group="10"]')).toHaveCSS("opacity", "1");

  // outcomes and visit numbers on the rows
  await expect(node(tree, 4)).toContainText("error 11");
  await expect(node(tree, 4)).toHaveAttribute("aria-label", /status 11 Error in response, visit 2, on the training path$/);
  await expect(node(tree, 9)).toContainText("give up");
  await expect(node(tree, 25)).toContainText("answer");
  await expect(node(tree, 12)).toHaveAttribute("aria-label", /, visit 6, abandoned branch$/);
  await expect(node(tree, 12).getByTitle("Visit order (ToolBench's expand_num)")).toHaveText("6");
  await expect(node(tree, 10)).toHaveAttribute("aria-label", /^Node 10, thought: Based on the previous action candidates.*, abandoned branch$/);
});

test("selecting with the mouse and the keyboard moves the inspector, the transcript and the URL, and a reload keeps it", async ({ page }) => {
  const tree = await openFromInstruction(page, "latest products in the market iPhone 14", ANSWER_57);
  await showWholeTree(tree, 26);

  await node(tree, 4).click();
  await expect(node(tree, 4)).toHaveAttribute("aria-selected", "true");
  await expect(page).toHaveURL(/\?node=4$/);
  const inspector = page.getByRole("complementary", { name: "Node details" });
  await expect(inspector.getByRole("heading", { name: /^Node 4 · Action Input/ })).toBeVisible();
  await expect(inspector.getByRole("region", { name: "Function" })).toContainText("news_for_seo_api");
  await expect(inspector.getByLabel("Arguments of news_for_seo_api")).toContainText('"query": "iPhone 14"');
  await expect(inspector.getByText("The arguments match the function definition offered to the model.")).toBeVisible();
  const observation = inspector.getByRole("region", { name: "Observation" });
  await expect(observation).toContainText("11 Error in response");
  await expect(observation.getByText(/^Status 11: The response's error field was set/)).toBeVisible();
  await expect(observation.getByText("error: Message error...")).toBeVisible();
  await expect(observation.getByRole("list", { name: "Observation structure" })).toContainText("feed");

  const transcript = page.getByRole("complementary", { name: "Path transcript" });
  await expect(transcript).toContainText("Root → node 4 → leaf 25 · 4 steps, continued along the training path");
  await expect(transcript.locator('[aria-current="step"]')).toContainText("news_for_seo_api");

  // the keyboard: focus stays on the tree, the selection moves
  await expect(tree).toBeFocused();
  const keys: [string, number][] = [
    ["ArrowRight", 5], // first child: the abandoned attempt
    ["ArrowDown", 20], // its sibling: the answered attempt
    ["ArrowUp", 5],
    ["ArrowLeft", 4], // parent
    ["Home", 0],
    ["End", 25], // end of the training path
    ["p", 23], // previous visit (expand_num 11)
    ["n", 25],
  ];
  for (const [key, expected] of keys) {
    await tree.press(key);
    await expect.poll(() => selectedIdx(tree), { message: `after ${key}` }).toBe(expected);
  }
  await expect(tree).toBeFocused();

  // into the given-up branch: the transcript follows it to its leaf
  await node(tree, 7).click();
  await expect(transcript).toContainText("Root → node 7 → leaf 9 · 4 steps, continued along first attempts");
  await expect(transcript.getByRole("listitem").last()).toContainText("give_up_and_restart");
  await tree.press("ArrowDown");
  await expect.poll(() => selectedIdx(tree)).toBe(10);
  await expect(transcript.locator('[aria-current="step"]')).toContainText("search_b_for_seo_api");
  await expect(page).toHaveURL(/\?node=10$/);

  await page.reload();
  await expect(page.getByRole("tree", { name: "Search tree" })).toHaveAttribute("data-ready", "true");
  await expect(node(page.getByRole("tree"), 10)).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("heading", { name: /^Node 10 · Thought/ })).toBeVisible();
});

test("the transcript and the inspector select nodes too, and Enter folds a step's branches", async ({ page }) => {
  const tree = await openFromInstruction(page, "latest products in the market iPhone 14", ANSWER_57);
  const transcript = page.getByRole("complementary", { name: "Path transcript" });
  await transcript.getByRole("button", { name: /^Step 1 products_for_seo_api/ }).click();
  await expect(node(tree, 2)).toHaveAttribute("aria-selected", "true");
  await page.getByRole("navigation", { name: "Move to" }).getByRole("button", { name: "Parent" }).click();
  await expect(node(tree, 1)).toHaveAttribute("aria-selected", "true");
  await expect(page).toHaveURL(/\?node=1$/);

  await showWholeTree(tree, 26);
  await node(tree, 4).click();
  await tree.press("Enter");
  await expect(node(tree, 4)).toHaveAttribute("aria-expanded", "false");
  await expect(tree.getByRole("treeitem")).toHaveCount(5);
  await tree.getByRole("button", { name: "Expand the 21 nodes below" }).click();
  await expect(node(tree, 4)).toHaveAttribute("aria-expanded", "true");
  await expect(tree.getByRole("treeitem")).toHaveCount(26);
});

test("a give-up tree of 83 nodes: its chosen give-up, a minimap, and calls checked against the catalog", async ({ page }) => {
  const tree = await openFromInstruction(page, "track the package containing the donation items GHI789", ANSWER_G2_10);
  const selected = await selectedIdx(tree);
  await expect(node(tree, selected)).toContainText("give up");
  await expect(node(tree, selected)).toHaveAttribute("data-on-path", "true");
  await expect(page.getByRole("img", { name: "Minimap of the whole tree" })).toBeVisible();

  await showWholeTree(tree, 83);
  await node(tree, 22).click();
  const inspector = page.getByRole("complementary", { name: "Node details" });
  await expect(inspector.getByRole("link", { name: "il_for_turkey_postal_codes" })).toHaveAttribute("href", /^\/catalog\/apis\/\d+$/);
  await expect(inspector.getByText("The arguments match the catalog's parameters of Turkey Postal Codes · il.")).toBeVisible();
  await expect(node(tree, 22)).toHaveAttribute("data-pruned", "true");
});

test("arguments that do not fit the function are flagged in the inspector", async ({ page, request }) => {
  // a copy of answer 57 under another query, whose first call names its parameter wrongly
  const dir = path.join(os.tmpdir(), `arbor-e2e-trees-${process.pid}`, "G1_answer");
  fs.mkdirSync(dir, { recursive: true });
  const query = "Find the newest phone cases for the iPhone 14 with a misnamed search parameter.";
  const text = readDataset(ANSWER_57).split(JSON.stringify(queryOf(ANSWER_57)).slice(1, -1)).join(query).replace('{\\n  \\"query\\": \\"latest iPhone 14\\"\\n}', '{\\"q\\": \\"latest iPhone 14\\", \\"page\\": \\"2\\"}');
  fs.writeFileSync(path.join(dir, "900057_ChatGPT_DFS_woFilter_w2.json"), text);
  const res = await request.post("/api/imports", { data: { paths: [path.dirname(dir)] } });
  expect(res.status(), await res.text()).toBe(202);
  expect((await waitForRun(request, ((await res.json()) as { runId: number }).runId)).status).toBe("succeeded");

  await page.goto(`/instructions?q=${encodeURIComponent("misnamed search parameter")}`);
  await page.getByRole("link", { name: query }).click();
  await page.getByRole("link", { name: /^Open tree/ }).click();
  const tree = page.getByRole("tree", { name: "Search tree" });
  await expect(tree).toHaveAttribute("data-ready", "true");
  await showWholeTree(tree, 26);
  await node(tree, 2).click();
  const warnings = page.getByRole("list", { name: "Argument warnings" });
  await expect(warnings.getByRole("listitem")).toHaveText(['Required parameter "query" is missing.', '"q" is not a parameter of this function.', '"page" is not a parameter of this function.']);
  await expect(page.getByText("Checked against the function definition offered to the model.")).toBeVisible();
});

test("per-step checks are badges on the nodes, and the inspector says what each found", async ({ page }) => {
  const tree = await openFromInstruction(page, "latest products in the market iPhone 14", ANSWER_57);
  await showWholeTree(tree, 26);
  // the news call's API error (code 11) is the tree's only finding
  await expect(node(tree, 4).getByText("⚠ API error")).toBeVisible();
  await expect(node(tree, 4)).toHaveAttribute("data-code", "11");
  await expect(tree.locator("[data-checks]")).toHaveCount(1);
  await node(tree, 4).click();
  const checks = page.getByRole("complementary", { name: "Node details" }).getByRole("region", { name: "Checks" });
  await expect(checks).toContainText("API error");
  await expect(checks).toContainText("The API answered with an error (observation code 2 or 5–12).");
  await expect(checks).toContainText("Observation code 11, error in response: The response's error field was set");
  await node(tree, 2).click();
  await expect(page.getByRole("complementary", { name: "Node details" }).getByRole("region", { name: "Checks" })).toHaveCount(0);
});

test("an unknown tree is a not-found page (HTTP 404), and its API answers 404", async ({ page, request }) => {
  const res = await page.goto("/trees/999999999");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  expect((await request.get("/api/trees/999999999")).status()).toBe(404);
  expect((await request.get("/api/trees/abc")).status()).toBe(400);
});
