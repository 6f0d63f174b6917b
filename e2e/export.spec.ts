// Exporting reviewed trees: an admin approves real imported trees in bulk, exports the approved ones
// as OpenAI fine-tuning JSONL from the Exports page, follows its progress and downloads the snapshot;
// a viewer can neither start an export nor download one.
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { ensureDatasetsImported } from "./fixtures";
import { USERS } from "./users";

interface OpenAiLine {
  messages: { role: string; content: string | null; tool_calls?: { id: string; type: string; function: { name: string; arguments: string } }[]; tool_call_id?: string }[];
  tools: { type: string; function: { name: string; parameters: unknown } }[];
}

test("approved trees export as OpenAI JSONL, with progress, and the snapshot downloads", async ({ page }) => {
  await ensureDatasetsImported(page.request);
  // approve the valid, error-free G1 trees in bulk
  await page.goto("/review/bulk");
  await page.getByLabel("Group").selectOption("G1");
  const { count } = (await (await page.request.get("/api/review/bulk?group=G1&valid=yes&hasErrors=no")).json()) as { count: number };
  expect(count).toBeGreaterThan(0);
  await page.getByRole("button", { name: `Approve ${count} trees…` }).click();
  await page.getByRole("button", { name: `Yes, approve ${count} trees` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Approve:" })).toHaveText(`Approve: ${count} trees.`);
  const approved = ((await (await page.request.get("/api/trees?status=approved")).json()) as { total: number }).total;
  expect(approved).toBeGreaterThanOrEqual(count);

  try {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Exports" }).click();
    await expect(page.getByRole("heading", { name: "Exports", level: 1 })).toBeVisible();
    await page.getByLabel("Format").selectOption({ label: "OpenAI chat fine-tuning" });
    await expect(page.getByLabel("Trees")).toHaveValue("status=approved");
    await page.getByRole("button", { name: "Start export" }).click();

    const card = page.getByRole("region", { name: "Export under way" });
    await expect(card.getByRole("progressbar", { name: "Export progress" })).toBeVisible();
    const link = card.getByRole("link", { name: /^Download snapshot #\d+$/ });
    await expect(link).toBeVisible({ timeout: 30_000 });
    await expect(card).toContainText(`${approved} of ${approved} trees (100%)`);
    const snapshotId = Number((await link.textContent())!.replace(/\D+/g, ""));

    const downloading = page.waitForEvent("download");
    await link.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`arbor-export-${snapshotId}-openai.jsonl`);
    const text = fs.readFileSync((await download.path())!, "utf8");
    const lines = text.trimEnd().split("\n").map((l) => JSON.parse(l) as OpenAiLine);
    expect(lines).toHaveLength(approved);
    for (const line of lines) {
      expect(line.tools.length).toBeGreaterThan(0);
      expect(line.tools.every((t) => t.type === "function" && typeof t.function.name === "string")).toBe(true);
      const calls = line.messages.filter((m) => m.role === "assistant" && m.tool_calls?.length);
      expect(calls.length).toBeGreaterThan(0);
      expect(line.messages.filter((m) => m.role === "tool").every((m) => calls.some((c) => c.tool_calls![0]!.id === m.tool_call_id))).toBe(true);
      // the system prompt when the tree has one, then the query
      const user = line.messages.find((m) => m.role === "user")!;
      expect(line.messages.indexOf(user)).toBeLessThanOrEqual(1);
      expect(user.content).toMatch(/\nBegin!\n$/);
    }

    // the snapshot is listed with its count, and downloads again
    const row = page.getByRole("row").filter({ hasText: `#${snapshotId}` });
    await expect(row).toContainText("OpenAI chat fine-tuning");
    await expect(row).toContainText(String(approved));
    await expect(row).toContainText("status=approved");
    const again = await page.request.get(`/api/exports/${snapshotId}/download`);
    expect(again.ok()).toBe(true);
    expect(await again.text()).toBe(text);
  } finally {
    await page.goto("/review/bulk");
    await page.getByRole("button", { name: `Undo approve of ${count} trees` }).click();
    await expect(page.getByRole("status").filter({ hasText: "Undone" })).toBeVisible();
  }
});

test("a filter that matches nothing is refused with a clear message", async ({ page }) => {
  await ensureDatasetsImported(page.request);
  await page.goto("/exports");
  await page.getByLabel("Tree list filter").fill("group=G3&status=rejected");
  await page.getByRole("button", { name: "Start export" }).click();
  const form = page.getByRole("form", { name: "New export" });
  await expect(form.getByRole("alert")).toHaveText("No tree matches this filter: nothing to export");
  await page.getByLabel("Tree list filter").fill("status=maybe");
  await page.getByRole("button", { name: "Start export" }).click();
  await expect(form.getByRole("alert")).toContainText("Invalid filter: status: status must be one of");
});

test.describe("as a viewer", () => {
  test.use({ storageState: USERS.viewer.storageState });

  test("cannot start an export or download one", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Exports" })).toHaveCount(0);
    await page.goto("/exports");
    await expect(page.getByText("Your role (viewer) does not allow you to export data.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Start export" })).toHaveCount(0);
    expect((await page.request.get("/api/exports")).status()).toBe(403);
    expect((await page.request.get("/api/exports/1/download")).status()).toBe(403);
  });
});
