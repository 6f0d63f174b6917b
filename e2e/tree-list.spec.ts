import { expect, test, type Page } from "@playwright/test";
import { readDatasetJson } from "../lib/test/datasets";
import { ensureDatasetsImported } from "./fixtures";
import { USERS } from "./users";

interface AnswerFile {
  answer_generation: { query: string; finish_type: string };
}

const answer = (path: string) => readDatasetJson<AnswerFile>(`toolbench/answer/${path}`).answer_generation;
/** The three give_up DFS answers in G2_answer. (The list shows a query's first 300 characters.) */
const g2GiveUps = () => ["10", "119", "127"].map((qid) => answer(`G2_answer/${qid}_ChatGPT_DFS_woFilter_w2.json`));
const query57 = () => answer("G1_answer/57_ChatGPT_DFS_woFilter_w2.json").query;

const table = (page: Page) => page.getByRole("table");
const dataRows = (page: Page) => table(page).locator("tbody").getByRole("row");

async function expectTheG2GiveUps(page: Page) {
  await expect(dataRows(page)).toHaveCount(3);
  for (const a of g2GiveUps()) {
    expect(a.finish_type).toBe("give_up");
    await expect(table(page).getByRole("link", { name: a.query.slice(0, 200) })).toBeVisible();
  }
  for (let i = 0; i < 3; i++) {
    await expect(dataRows(page).nth(i)).toContainText("G2");
    await expect(dataRows(page).nth(i)).toContainText("give_up");
  }
}

// importing takes the admin (the viewer tests below sign in as a viewer, who may not import)
test.beforeEach(async ({ playwright, baseURL }) => {
  const admin = await playwright.request.newContext({ baseURL, storageState: USERS.admin.storageState });
  await ensureDatasetsImported(admin);
  await admin.dispose();
});

test("a link with filters shows the G2 give-up DFS trees, and the controls show the link's filters", async ({ page }) => {
  await page.goto("/trees?group=G2&finish=give_up&method=dfsdt");
  await expectTheG2GiveUps(page);
  await expect(page.getByLabel("Group", { exact: true })).toHaveValue("G2");
  await expect(page.getByLabel("Finish type")).toHaveValue("give_up");
  await expect(page.getByLabel("Method")).toHaveValue("dfsdt");
  await expect(page.getByRole("navigation", { name: "Pagination", exact: true })).toContainText("Showing 1–3 of 3");
});

test("the filter controls write the URL, which survives a reload; sorting and clearing keep to it", async ({ page }) => {
  await page.goto("/trees");
  await expect(page.getByRole("navigation", { name: "Pagination", exact: true })).toContainText(/of [1-9]/);
  await page.getByLabel("Group", { exact: true }).selectOption("G2");
  await expect(page).toHaveURL(/\/trees\?group=G2$/);
  await page.getByLabel("Finish type").selectOption("give_up");
  await expect(page).toHaveURL(/\/trees\?group=G2&finish=give_up$/);
  await page.getByLabel("Method").selectOption("dfsdt");
  await expect(page).toHaveURL(/\/trees\?group=G2&method=dfsdt&finish=give_up$/);
  await expectTheG2GiveUps(page);

  await page.reload();
  await expect(page.getByLabel("Group", { exact: true })).toHaveValue("G2");
  await expect(page.getByLabel("Finish type")).toHaveValue("give_up");
  await expectTheG2GiveUps(page);

  // biggest first: the Nodes column (the fifth) falls from row to row
  await page.getByLabel("Sort").selectOption({ label: "Most nodes" });
  await expect(page).toHaveURL(/&sort=size$/);
  await expect(page.getByRole("columnheader", { name: /Nodes/ })).toHaveAttribute("aria-sort", "descending");
  const sizes = (await dataRows(page).locator("td:nth-child(5)").allTextContents()).map((s) => Number(s.replace(/,/g, "")));
  expect(sizes).toHaveLength(3);
  expect(sizes).toEqual([...sizes].sort((a, b) => b - a));

  // a typed range reaches the URL once typing settles
  await page.getByLabel("Minimum nodes").fill(String(sizes[1]));
  await expect(page).toHaveURL(new RegExp(`sizeMin=${sizes[1]}&sort=size$`));
  await expect(dataRows(page)).toHaveCount(sizes.filter((s) => s >= sizes[1]!).length);

  await page.getByRole("link", { name: "Clear all filters" }).click();
  await expect(page).toHaveURL(/\/trees\?sort=size$/);
  await expect(page.getByLabel("Group", { exact: true })).toHaveValue("");
  await expect(page.getByLabel("Minimum nodes")).toHaveValue("");
});

test("full-text search finds query 57's tree by its query and by its final answer, and the row opens the tree", async ({ page }) => {
  await page.goto("/trees");
  const search = page.getByLabel("Search queries and final answers");
  await search.fill("latest products in the market iPhone 14");
  await expect(page).toHaveURL(/\/trees\?q=latest\+products/);
  await expect(table(page).getByRole("link", { name: query57() })).toBeVisible();

  // a word only the final answer has (the phone case's brand)
  await search.fill("LEOMAKRON");
  await expect(page).toHaveURL(/\/trees\?q=LEOMAKRON$/);
  await expect(dataRows(page)).toHaveCount(1);
  const link = table(page).getByRole("link", { name: query57() });
  await expect(dataRows(page).first()).toContainText("Answer: I found a phone case for the latest iPhone 14");

  const id = /Tree #(\d+)/.exec((await link.getAttribute("aria-label")) ?? "")?.[1];
  expect(id).toBeDefined();
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/trees/${id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Tree #${id}`);
});

test("the check filter lists the trees a per-step check found something in", async ({ page }) => {
  const query = (qid: string) => answer(`G1_answer/${qid}_ChatGPT_DFS_woFilter_w2.json`).query.slice(0, 200);
  // ToolBench's own G1 DFSDT answers (queries 10, 11, 57, 59, 69)
  // (model ChatGPT: solve runs of other tests add G1 DFSDT trees of their own)
  await page.goto("/trees?group=G1&method=dfsdt&model=ChatGPT");
  await page.getByLabel("Has check").selectOption({ label: "repeated call" });
  await expect(page).toHaveURL(/\/trees\?(?=.*group=G1)(?=.*method=dfsdt)(?=.*model=ChatGPT).*check=repeated_call$/);
  // queries 11 and 69 call the same function with the same arguments twice on one path; the others never do
  await expect(dataRows(page)).toHaveCount(2);
  await expect(table(page).getByRole("link", { name: query("11") })).toBeVisible();
  await expect(table(page).getByRole("link", { name: query("69") })).toBeVisible();

  await page.getByLabel("Has check").selectOption({ label: "API error" });
  await expect(page).toHaveURL(/&check=api_error$/);
  await expect(dataRows(page)).toHaveCount(1);
  await expect(table(page).getByRole("link", { name: query("57") })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Has check")).toHaveValue("api_error");
  expect((await page.request.get("/api/trees?check=nonsense")).status()).toBe(400);
});

test("a saved view is listed and re-applies its filters", async ({ page }) => {
  const name = `G2 give-ups ${Date.now()}`;
  await page.goto("/trees?finish=give_up&group=G2&method=dfsdt&page=1");
  await expectTheG2GiveUps(page);
  const views = page.getByRole("region", { name: "Saved views" });
  await views.getByLabel("View name").fill(name);
  await views.getByRole("button", { name: "Save view" }).click();
  await expect(views.getByRole("status")).toHaveText(`Saved the view “${name}”.`);
  await expect(views.getByRole("link", { name })).toHaveAttribute("aria-current", "page");

  await page.goto("/trees");
  await expect(page.getByLabel("Group", { exact: true })).toHaveValue("");
  await expect(views.getByRole("link", { name })).not.toHaveAttribute("aria-current", "page");
  await views.getByRole("link", { name }).click();
  await expect(page).toHaveURL(/\/trees\?group=G2&method=dfsdt&finish=give_up$/);
  await expect(page.getByLabel("Group", { exact: true })).toHaveValue("G2");
  await expectTheG2GiveUps(page);
});

test("no matches offers to clear the filters; a malformed link explains itself (the API answers 400)", async ({ page, request }) => {
  await page.goto("/trees?q=zzyzzyvaqx&sort=calls");
  await expect(page.getByRole("heading", { name: "No trees match these filters" })).toBeVisible();
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/trees\?sort=calls$/);
  await expect(dataRows(page).first()).toBeVisible();

  await page.goto("/trees?status=done&sizeMin=9&sizeMax=3");
  const alert = page.getByRole("alert").filter({ hasText: "This link has filters the tree list does not understand" });
  await expect(alert).toContainText('status must be one of "unreviewed"');
  await alert.getByRole("link", { name: "Show all trees" }).click();
  await expect(page).toHaveURL(/\/trees$/);

  const res = await request.get("/api/trees?sizeMin=9&sizeMax=3");
  expect(res.status()).toBe(400);
  expect(((await res.json()) as { error: { message: string } }).error.message).toContain("sizeMax must not be below sizeMin");
  const ok = await request.get("/api/trees?group=G2&finish=give_up&method=dfsdt");
  expect(await ok.json()).toMatchObject({ total: 3, totalKind: "exact", pageCount: 1 });
});

test.describe("as a viewer", () => {
  test.use({ storageState: USERS.viewer.storageState });

  test("the list is open to read, through the nav bar; a viewer saves and deletes views of their own", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Trees" }).click();
    await expect(page).toHaveURL(/\/trees$/);
    await expect(dataRows(page).first()).toBeVisible();
    const views = page.getByRole("region", { name: "Saved views" });
    await expect(views).toContainText("None yet");
    // the admin's saved views (the test above) are not listed for anyone else
    await expect(views.getByRole("link", { name: /^G2 give-ups/ })).toHaveCount(0);

    const name = `Invalid trees ${Date.now()}`;
    await page.getByLabel("Valid data").selectOption("no");
    await expect(page).toHaveURL(/\/trees\?valid=no$/);
    await views.getByLabel("View name").fill(name);
    await views.getByRole("button", { name: "Save view" }).click();
    await expect(views.getByRole("link", { name })).toHaveAttribute("aria-current", "page");

    await views.getByRole("button", { name: `Delete view ${name}` }).click();
    await expect(views.getByRole("status")).toHaveText(`Deleted the view “${name}”.`);
    await expect(views.getByRole("link", { name })).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole("region", { name: "Saved views" })).toContainText("None yet");
  });
});
