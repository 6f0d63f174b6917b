// API retrieval by embeddings from the browser: choose an endpoint and embedding model on the
// Settings page (a fake OpenAI-compatible server in this process), embed the catalog as a run, and
// switch an instruction's recommended APIs between BM25, embeddings and both fused (a shareable URL).
import { expect, test } from "@playwright/test";
import { readDatasetJson } from "../lib/test/datasets";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "../lib/test/fake-openai-server";
import { addEndpointInSettings, ensureDatasetsImported } from "./fixtures";

const KEY = "sk-e2e-embeddings-key-3302";
const MODEL = "embed-e2e";
let server: FakeOpenAiServer;

const firstG1Query = () => readDatasetJson<{ query: string }[]>("toolbench/instruction/G1_query.json")[0]!.query;

test.beforeAll(async ({ request }) => {
  server = await startFakeOpenAiServer({ apiKey: KEY, models: [MODEL], respond: () => ({ status: 500 }) });
  await ensureDatasetsImported(request);
});
test.afterAll(async () => {
  await server.close();
});

test.describe.configure({ mode: "serial" });

test("choose an embedding model and embed the catalog as a run", async ({ page }) => {
  await addEndpointInSettings(page, { name: "Fake embeddings", model: "chat-unused", baseUrl: server.url, apiKey: KEY });

  const retrieval = page.getByRole("region", { name: "API retrieval" });
  await retrieval.getByLabel("Embedding endpoint").selectOption({ label: "Fake embeddings" });
  await retrieval.getByLabel("Embedding model").fill(MODEL);
  await retrieval.getByRole("button", { name: "Save" }).click();
  await expect(retrieval.getByRole("status")).toHaveText("Saved.");
  await expect(retrieval.getByText(new RegExp(`^0 of [\\d,]+ catalog APIs embedded with ${MODEL}$`))).toBeVisible();

  await retrieval.getByRole("button", { name: "Embed the catalog" }).click();
  await expect(page).toHaveURL(/\/runs\/\d+$/);
  const progress = page.getByRole("region", { name: "Run progress" });
  await expect(progress.getByText("succeeded")).toBeVisible({ timeout: 60_000 });
  expect(server.embeddingRequests.length).toBeGreaterThan(0);
  expect(server.embeddingRequests.every((r) => r.model === MODEL && r.authorization === `Bearer ${KEY}`)).toBe(true);

  await page.goto("/settings");
  await expect(page.getByRole("progressbar", { name: "Catalog embedded" })).toHaveAttribute("value", "100");
});

test("an instruction's recommended APIs switch between BM25, embeddings and hybrid, in the URL", async ({ page }) => {
  const query = firstG1Query();
  await page.goto(`/instructions?q=${encodeURIComponent(`"${query.slice(0, 60)}"`)}&group=G1`);
  await page.getByRole("link", { name: query }).click();
  await expect(page).toHaveURL(/\/instructions\/\d+$/);
  const id = Number(/\/instructions\/(\d+)/.exec(page.url())![1]);
  const section = page.getByRole("region", { name: "Recommended APIs" });
  const list = section.getByRole("list", { name: "Recommended APIs" });
  const methods = section.getByRole("group", { name: "Retrieval method" });
  await expect(methods.getByRole("button", { name: "BM25", exact: true })).toHaveAttribute("aria-pressed", "true");

  await methods.getByRole("button", { name: "Embeddings", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/instructions/${id}\\?retrieval=embedding$`));
  await expect(section.getByText(new RegExp(`^Embeddings \\(${MODEL}\\) over [\\d,]+ catalog APIs`))).toBeVisible();
  const res = await page.request.get(`/api/instructions/${id}/recommendations?k=10&method=embedding`);
  expect(res.ok()).toBe(true);
  const data = (await res.json()) as { recommendations: { functionName: string }[] };
  await expect(list.getByRole("listitem")).toHaveCount(data.recommendations.length);
  await expect(list.getByRole("listitem").first()).toContainText(data.recommendations[0]!.functionName);

  // the choice survives a reload (a shared link opens the same ranking)
  await page.reload();
  await expect(methods.getByRole("button", { name: "Embeddings", exact: true })).toHaveAttribute("aria-pressed", "true");
  await methods.getByRole("button", { name: "Hybrid (BM25 + embeddings)" }).click();
  await expect(page).toHaveURL(new RegExp(`/instructions/${id}\\?retrieval=hybrid$`));
  await expect(section.getByText(new RegExp(`^Hybrid \\(BM25 \\+ embeddings\\) \\(${MODEL}\\) over [\\d,]+ catalog APIs`))).toBeVisible();
  await methods.getByRole("button", { name: "BM25", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/instructions/${id}$`));

  expect((await page.request.get(`/api/instructions/${id}/recommendations?method=dense`)).status()).toBe(400);
});
