// The Settings page's data: endpoints and the executors' settings keep keys on the server (the page
// learns whether one is set and its last 4 characters), and a run resolves its endpoint with the key.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executorSettingsInput, llmEndpointInput, updateLlmEndpointInput } from "@/lib/core/schemas/settings";
import { resetEnvCache } from "@/lib/server/env";
import { createTestDatabase, type TestDatabase } from "@/lib/test/test-database";
import { getExecutorSettings, loadRealHttpSettings, saveExecutorSettings } from "./executor-settings";
import { addLlmEndpoint, changeLlmEndpoint, ENV_ENDPOINT_NAME, listLlmEndpoints, removeLlmEndpoint, resolveLlmEndpoint } from "./llm-endpoints";

let db: TestDatabase;
const KEY = "sk-live-abcdefghijklmnop-WXYZ";

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  delete process.env.ARBOR_LLM_BASE_URL;
  delete process.env.ARBOR_LLM_MODEL;
  delete process.env.ARBOR_LLM_API_KEY;
  resetEnvCache();
  await db.drop();
});

describe("LLM endpoints", () => {
  it("show whether a key is set and its last 4 characters, never the key", async () => {
    const id = await addLlmEndpoint(llmEndpointInput.parse({ name: "OpenAI", baseUrl: "https://api.openai.com/v1/", model: "gpt-4o-mini", apiKey: KEY, prices: { prompt: 0.15, completion: 0.6 } }));
    const listed = await listLlmEndpoints();
    expect(listed).toEqual([
      { id, name: "OpenAI", baseUrl: "https://api.openai.com/v1", model: "gpt-4o-mini", temperature: 0, concurrency: 4, prices: { prompt: 0.15, completion: 0.6 }, hasKey: true, keyLast4: "WXYZ" },
    ]);
    expect(JSON.stringify(listed)).not.toContain("abcdefghijklmnop");
    expect(await resolveLlmEndpoint(id, { model: "gpt-4o" })).toMatchObject({ key: `endpoint:${id}`, apiKey: KEY, model: "gpt-4o", prices: { prompt: 0.15, completion: 0.6 } });
  });

  it("keep the key when an edit leaves it empty, and drop it when told", async () => {
    const id = await addLlmEndpoint(llmEndpointInput.parse({ name: "Local", baseUrl: "http://10.0.0.5:8000/v1", model: "qwen", apiKey: "short" }));
    await changeLlmEndpoint(updateLlmEndpointInput.parse({ id, name: "Local vLLM", baseUrl: "http://10.0.0.5:8000/v1", model: "qwen2.5", concurrency: 16 }));
    expect((await resolveLlmEndpoint(id)).apiKey).toBe("short");
    expect((await listLlmEndpoints()).find((e) => e.id === id)).toMatchObject({ name: "Local vLLM", model: "qwen2.5", concurrency: 16, hasKey: true, keyLast4: null });
    await changeLlmEndpoint(updateLlmEndpointInput.parse({ id, name: "Local vLLM", baseUrl: "http://10.0.0.5:8000/v1", model: "qwen2.5", apiKey: "" }));
    expect((await resolveLlmEndpoint(id)).apiKey).toBeNull();
    await expect(addLlmEndpoint(llmEndpointInput.parse({ name: "Local vLLM", baseUrl: "http://x/v1", model: "m" }))).rejects.toThrow(/exists already/);
    await removeLlmEndpoint(id);
    await expect(resolveLlmEndpoint(id)).rejects.toThrow(/no longer exists/);
  });

  it("include the environment's endpoint when it is set", async () => {
    process.env.ARBOR_LLM_BASE_URL = "http://127.0.0.1:9/v1";
    process.env.ARBOR_LLM_MODEL = "env-model";
    process.env.ARBOR_LLM_API_KEY = "sk-env-key-0000000000-LAST";
    resetEnvCache();
    const listed = await listLlmEndpoints();
    expect(listed[0]).toEqual({ id: null, name: ENV_ENDPOINT_NAME, baseUrl: "http://127.0.0.1:9/v1", model: "env-model", temperature: 0, concurrency: 4, prices: { prompt: 0, completion: 0 }, hasKey: true, keyLast4: "LAST" });
    expect((await resolveLlmEndpoint(null)).apiKey).toBe("sk-env-key-0000000000-LAST");
  });
});

describe("executor settings", () => {
  it("store the RapidAPI key write-only and default the rest", async () => {
    expect(await getExecutorSettings()).toEqual({ allowList: [], timeoutMs: 15_000, maxResponseBytes: 1 << 20, rapidApiKey: { set: false, last4: null, fromEnvironment: false } });
    await saveExecutorSettings(executorSettingsInput.parse({ rapidApiKey: "rapid-0123456789-9876", allowList: ["10.0.0.0/8", "api.internal"], timeoutMs: 5000 }));
    await saveExecutorSettings(executorSettingsInput.parse({ allowList: ["10.0.0.0/8"], timeoutMs: 5000 })); // key absent: kept
    expect(await getExecutorSettings()).toEqual({ allowList: ["10.0.0.0/8"], timeoutMs: 5000, maxResponseBytes: 1 << 20, rapidApiKey: { set: true, last4: "9876", fromEnvironment: false } });
    expect((await loadRealHttpSettings()).rapidApiKey).toBe("rapid-0123456789-9876");
    expect(() => executorSettingsInput.parse({ allowList: ["not a host!"] })).toThrow(/allow-list entries/);
  });
});
