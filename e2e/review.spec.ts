// Reviewing real imported ToolBench trees: queue mode from the keyboard, two reviewers never holding
// the same tree, choosing another finished path as the training path, node comments, bulk verdicts
// with undo, the dashboard, and a viewer who can read reviews but not make them.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { ensureDatasetsImported, node, openFromInstruction, selectedIdx, showWholeTree } from "./fixtures";
import { USERS } from "./users";

const ANSWER_57 = "toolbench/answer/G1_answer/57_ChatGPT_DFS_woFilter_w2.json";
const ANSWER_G2_10 = "toolbench/answer/G2_answer/10_ChatGPT_DFS_woFilter_w2.json";

interface ReviewJson {
  tree: { id: number; reviewStatus: string; chosenNodeIdx: number | null; toolbenchNodeIdx: number | null; chosenBy: string | null; finishedLeaves: { idx: number; code: number }[] };
  myReview: { verdict: string; reasons: string[]; chosenNodeIdx: number | null } | null;
  history: { reviewer: string; verdict: string }[];
  comments: { nodeIdx: number; body: string; author: string }[];
  reasons: { label: string }[];
}

async function reviewOf(request: APIRequestContext, treeId: number): Promise<ReviewJson> {
  const res = await request.get(`/api/trees/${treeId}/review`);
  expect(res.ok(), await res.text()).toBe(true);
  return (await res.json()) as ReviewJson;
}

/** The tree queue mode shows, once it is drawn. */
async function queueTree(page: Page, not?: number): Promise<number> {
  const item = page.locator("[data-queue-tree]");
  if (not !== undefined) await expect(item).not.toHaveAttribute("data-queue-tree", String(not));
  await expect(page.getByRole("tree", { name: "Search tree" })).toHaveAttribute("data-ready", "true");
  // the review panel is loaded (its shortcuts are live once its buttons are)
  await expect(page.getByRole("button", { name: /^Approve/ })).toBeEnabled();
  return Number(await item.getAttribute("data-queue-tree"));
}

const treeIdInUrl = (page: Page) => Number(/\/trees\/(\d+)/.exec(page.url())![1]);

test.beforeEach(async ({ playwright, baseURL }) => {
  const admin = await playwright.request.newContext({ baseURL, storageState: USERS.admin.storageState });
  await ensureDatasetsImported(admin);
  await admin.dispose();
});

test.describe("as a reviewer", () => {
  test.use({ storageState: USERS.reviewer.storageState });

  test("queue mode from the keyboard: 1 picks a reason, a approves and moves on, j skips, k goes back, r rejects", async ({ page }) => {
    await page.goto("/review");
    // by role: the dashboard's "Verdicts by group" chart (loaded meanwhile) is labelled with the word too
    await page.getByRole("combobox", { name: "Group" }).selectOption("G1");
    await page.getByRole("combobox", { name: "Method" }).selectOption("dfsdt");
    await page.getByRole("button", { name: "Review next" }).click();
    await expect(page).toHaveURL(/\/review\/queue\?group=G1&method=dfsdt$/);

    const first = await queueTree(page);
    const reasons = (await reviewOf(page.request, first)).reasons;
    await page.keyboard.press("1");
    await expect(page.getByRole("button", { name: reasons[0]!.label })).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.press("a");
    const second = await queueTree(page, first);
    expect(await reviewOf(page.request, first)).toMatchObject({ tree: { reviewStatus: "approved" }, myReview: { verdict: "approve", reasons: [reasons[0]!.label] } });

    await page.keyboard.press("j"); // skip the second tree: it goes back to the queue, unreviewed
    const third = await queueTree(page, second);
    expect([first, second]).not.toContain(third);
    await page.keyboard.press("k");
    expect(await queueTree(page, third)).toBe(second);
    await page.keyboard.press("r");
    expect(await queueTree(page, second)).toBe(third);
    expect((await reviewOf(page.request, second)).tree.reviewStatus).toBe("rejected");

    await page.keyboard.press("?");
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toContainText("next / previous tree");
  });

  test("choose another finished branch as the training path, comment on a node, and approve", async ({ page }) => {
    const tree = await openFromInstruction(page, "track the package containing the donation items GHI789", ANSWER_G2_10);
    const treeId = treeIdInUrl(page);
    const toolbench = await selectedIdx(tree);
    const panel = page.getByRole("region", { name: "Review" });
    await expect(panel.getByTestId("training-path")).toHaveText(`ends at node ${toolbench} (ToolBench's)`);
    const { tree: before } = await reviewOf(page.request, treeId);
    const other = before.finishedLeaves.map((l) => l.idx).find((i) => i !== toolbench)!;
    expect(other).toBeDefined();

    // a step that is not a Finish call cannot end a training path
    await showWholeTree(tree, 83);
    await node(tree, 1).click();
    await expect(panel.getByRole("button", { name: "Use the selected path" })).toBeDisabled();
    await panel.getByLabel("Comment on node 1").fill("The first call already had the tracking number.");
    await panel.getByRole("button", { name: "Add" }).click();
    await expect(panel.getByRole("group", { name: "Node comments" })).toContainText("The first call already had the tracking number.");

    await node(tree, other).click();
    await panel.getByRole("button", { name: "Use the selected path" }).click();
    await expect(panel.getByTestId("training-path")).toHaveText(`ends at node ${other} (your choice)`);
    await panel.getByRole("button", { name: /^Approve/ }).click();
    await expect(panel.getByRole("status")).toHaveText("Saved: approve.");
    expect((await reviewOf(page.request, treeId)).tree).toMatchObject({ reviewStatus: "approved", chosenNodeIdx: other, chosenBy: "reviewer", toolbenchNodeIdx: toolbench });
    const after = await reviewOf(page.request, treeId);
    expect(after.history[0]).toMatchObject({ reviewer: USERS.reviewer.name, verdict: "approve" });
    expect(after.comments).toEqual([expect.objectContaining({ nodeIdx: 1, author: USERS.reviewer.name, body: "The first call already had the tracking number." })]);
  });
});

test("two reviewers asking at the same time are never given the same tree", async ({ browser, baseURL }) => {
  const contexts = await Promise.all([USERS.reviewer, USERS.reviewer2].map((u) => browser.newContext({ storageState: u.storageState, baseURL })));
  try {
    const [a, b] = await Promise.all(contexts.map((c) => c.newPage()));
    await Promise.all([a!, b!].map((p) => p.goto("/review/queue?group=G2&method=dfsdt")));
    const [ta, tb] = await Promise.all([queueTree(a!), queueTree(b!)]);
    expect(ta).not.toBe(tb);
    // moving on still hands out trees the other one does not hold
    await b!.keyboard.press("j");
    const tb2 = await queueTree(b!, tb);
    expect(tb2).not.toBe(ta);
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
});

test("bulk approval of a filtered set states the count, is recorded, and can be undone", async ({ page }) => {
  const approvedG1 = async () => ((await (await page.request.get("/api/trees?group=G1&valid=yes&status=approved")).json()) as { total: number }).total;
  const before = await approvedG1();
  await page.goto("/review/bulk");
  await page.getByLabel("Group").selectOption("G1");
  const { count } = (await (await page.request.get("/api/review/bulk?group=G1&valid=yes&hasErrors=no")).json()) as { count: number };
  expect(count).toBeGreaterThan(0);
  await expect(page.getByRole("status").filter({ hasText: "trees match" })).toHaveText(`${count} trees match.`);
  await page.getByRole("button", { name: `Approve ${count} trees…` }).click();
  await expect(page.getByRole("alertdialog")).toContainText(`Approve ${count} trees?`);
  await page.getByRole("button", { name: `Yes, approve ${count} trees` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Approve:" })).toHaveText(`Approve: ${count} trees.`);
  expect(await approvedG1()).toBeGreaterThan(before);

  await page.getByRole("button", { name: `Undo approve of ${count} trees` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Undone" })).toHaveText(`Undone: ${count} reviews withdrawn.`);
  expect(await approvedG1()).toBe(before);
});

test("the dashboard charts progress and verdicts, and lists reviewers with their agreement", async ({ page }) => {
  await page.goto("/review");
  for (const heading of ["Review progress, last 30 days", "Verdicts by group", "Observation codes", "Reviewers"]) {
    await expect(page.getByRole("heading", { name: heading })).toBeVisible();
  }
  await expect(page.getByRole("region", { name: "Reviewers" })).toContainText(USERS.reviewer.name);
  await expect(page.getByRole("region", { name: "Review progress, last 30 days" }).locator("svg.recharts-surface")).toBeVisible();
});

test.describe("as a viewer", () => {
  test.use({ storageState: USERS.viewer.storageState });

  test("can read a tree's reviews but cannot open the queue or give a verdict", async ({ page }) => {
    await page.goto("/review/queue");
    await expect(page.getByText("Your role (viewer) does not allow you to")).toBeVisible();
    await page.goto("/review");
    await expect(page.getByRole("button", { name: "Review next" })).toHaveCount(0);

    const tree = await openFromInstruction(page, "latest products in the market iPhone 14", ANSWER_57);
    const treeId = treeIdInUrl(page);
    const status = (await reviewOf(page.request, treeId)).tree.reviewStatus;
    const panel = page.getByRole("region", { name: "Review" });
    await expect(panel).toContainText("Your role can read reviews but not make them.");
    await expect(panel.getByRole("button", { name: /^Approve/ })).toHaveCount(0);
    await tree.focus();
    await page.keyboard.press("a");
    await page.locator("body").press("a");
    await expect(panel.getByRole("status")).toHaveCount(0);
    expect((await reviewOf(page.request, treeId)).tree.reviewStatus).toBe(status);
  });
});
